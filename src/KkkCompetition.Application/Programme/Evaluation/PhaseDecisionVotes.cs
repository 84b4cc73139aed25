using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>A request about one commission voting on a phase evaluation's decisions.</summary>
public interface IPhaseDecisionVotingRequest
{
    Guid VotingId { get; }
}

/// <summary>Only a member of the voting's commission (the phase evaluation's commission competition): anybody else gets "not found".</summary>
public abstract class PhaseDecisionMemberAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IPhaseDecisionVotingRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await PhaseDecisionData.IsMemberAsync(db, request.VotingId, userId, cancellationToken);
}

/// <summary>Officials any voting; a commission member those of his or her commission; anybody else "not found".</summary>
public abstract class PhaseDecisionReaderAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IPhaseDecisionVotingRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId && await PhaseDecisionData.IsMemberAsync(db, request.VotingId, userId, cancellationToken));
}

/// <summary>Where the commission's pages on phase decisions are, and what its use cases share.</summary>
public static class PhaseDecisionData
{
    public static string CommissionLink(Guid phaseEvaluationId) => $"/programme/evaluations/{phaseEvaluationId}/commission";

    public const string MyVotesLink = "/my-phase-decision-votes";

    /// <summary>The coordinator's page of his or her evaluations.</summary>
    public const string MyEvaluationsLink = "/my-evaluations";

    public static Task<bool> IsMemberAsync(IAppDbContext db, Guid votingId, Guid userId, CancellationToken cancellationToken) =>
        (from v in db.PhaseDecisionVotings
         join m in db.CommissionMembers on v.CommissionCompetitionId equals m.CompetitionId
         where v.Id == votingId && m.UserId == userId
         select v.Id).AnyAsync(cancellationToken);

    /// <summary>
    /// Takes the voting's row lock (an update that changes nothing) before its votes are read: a vote and the close of the
    /// same voting then run one after the other.
    /// </summary>
    public static async Task<PhaseDecisionVoting> LockVotingAsync(IAppDbContext db, Guid votingId, CancellationToken cancellationToken)
    {
        await db.PhaseDecisionVotings.Where(v => v.Id == votingId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version), cancellationToken);
        return await db.PhaseDecisionVotings.SingleOrDefaultAsync(v => v.Id == votingId, cancellationToken)
            ?? throw new NotFoundException("PhaseDecisionVoting", votingId);
    }

    /// <summary>
    /// The NIPs the conflict rule reads for each cluster: its coordinating organisation's and its members' (as imported today),
    /// normalised.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlySet<string>>> ClusterNipsAsync(IAppDbContext db, IReadOnlyCollection<Guid> clusterIds, CancellationToken cancellationToken)
    {
        var ids = clusterIds.Distinct().ToList();
        var coordinators = await (from c in db.Clusters.AsNoTracking()
                                  join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                                  where ids.Contains(c.Id)
                                  select new { ClusterId = c.Id, o.Nip }).ToListAsync(cancellationToken);
        var members = await db.ClusterMembers.AsNoTracking().Where(m => ids.Contains(m.ClusterId)).Select(m => new { m.ClusterId, m.Nip }).ToListAsync(cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => (IReadOnlySet<string>)coordinators.Where(c => c.ClusterId == id).Select(c => c.Nip)
                .Concat(members.Where(m => m.ClusterId == id).Select(m => m.Nip))
                .Select(PolishIdentifiers.Normalize)
                .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The decision's name in Polish and English, as the notices word it.</summary>
    public static (string Pl, string En) DecisionName(PhaseDecision? decision) => decision switch
    {
        PhaseDecision.Continue => ("kontynuacja", "continue"),
        PhaseDecision.Conditional => ("kontynuacja warunkowa", "conditional continuation"),
        PhaseDecision.Terminate => ("zakończenie (wygaśnięcie statusu KKK z końcem fazy)", "terminate (the KKK status ends with the phase)"),
        _ => ("", ""),
    };
}

public sealed record OpenedPhaseDecisionVoting(Guid VotingId, Guid PhaseEvaluationId, int Decisions, int MemberCount, int Quorum);

/// <summary>
/// The official puts every decided contract evaluation of the phase to the commission of the evaluation's commission
/// competition (officials); its members are told. Refused: nothing decided (409 <c>phase_evaluation.nothing_decided</c>), no
/// members (<c>commission.no_members</c>), another voting of the evaluation open (<c>commission.voting_already_open</c>), the
/// evaluation closed (<c>phase_evaluation.closed</c>). The commission's membership is fixed until the voting is closed.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record PutPhaseDecisionsToCommission(Guid PhaseEvaluationId) : ICommand<OpenedPhaseDecisionVoting>, IPhaseEvaluationRequest;

public sealed class PutPhaseDecisionsToCommissionValidator : AbstractValidator<PutPhaseDecisionsToCommission>
{
    public PutPhaseDecisionsToCommissionValidator() => RuleFor(x => x.PhaseEvaluationId).NotEmpty();
}

public sealed class PutPhaseDecisionsToCommissionHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PutPhaseDecisionsToCommission, OpenedPhaseDecisionVoting>
{
    public async ValueTask<OpenedPhaseDecisionVoting> Handle(PutPhaseDecisionsToCommission command, CancellationToken cancellationToken)
    {
        await PhaseEvaluationData.LockAsync(db, command.PhaseEvaluationId, cancellationToken);
        var phaseEvaluation = await PhaseEvaluationData.LoadAsync(db, command.PhaseEvaluationId, cancellationToken);
        var decided = await db.ContractEvaluations
            .Where(e => e.PhaseEvaluationId == phaseEvaluation.Id && e.Status == ContractEvaluationStatus.Decided)
            .OrderBy(e => e.ContractNumber)
            .ToListAsync(cancellationToken);
        var members = await db.CommissionMembers.AsNoTracking()
            .Where(m => m.CompetitionId == phaseEvaluation.CommissionCompetitionId)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        var anotherOpen = await db.PhaseDecisionVotings.AnyAsync(v => v.PhaseEvaluationId == phaseEvaluation.Id && v.Status == VotingStatus.Open, cancellationToken);
        var voting = PhaseDecisionVoting.Open(phaseEvaluation, decided, members.Count, anotherOpen, user.UserId ?? throw new UnauthenticatedException(), clock.GetUtcNow());
        db.PhaseDecisionVotings.Add(voting);
        await outbox.EnqueueAsync(
            new OutboxEnvelope(
                PhaseDecisionMessages.VotingOpened,
                members,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["phaseNumber"] = phaseEvaluation.PhaseNumber.ToString(CultureInfo.InvariantCulture),
                    ["count"] = decided.Count.ToString(CultureInfo.InvariantCulture),
                },
                PhaseDecisionData.MyVotesLink),
            cancellationToken);
        return new OpenedPhaseDecisionVoting(voting.Id, phaseEvaluation.Id, decided.Count, members.Count, voting.Quorum);
    }
}

public sealed record PhaseDecisionVoteResult(Guid VoteId, Guid VotingId, Guid EvaluationId, VoteChoice Choice, string? Comment, DateTimeOffset CastAt);

/// <summary>
/// A member's vote on one decision of an open voting: for, against or abstain, with an optional comment (commission members
/// of that commission; anybody else: 404). Twice: 409 <c>commission.already_voted</c>; a member belonging to the cluster's
/// coordinator or one of its members (by NIP): 409 <c>commission.conflict_of_interest</c>; closed: 409
/// <c>commission.voting_closed</c>; a decision not on the voting: 409 <c>commission.application_not_on_list</c>.
/// </summary>
[AllowedRoles(Roles.CommissionMember)]
public sealed record CastPhaseDecisionVote(Guid VotingId, Guid EvaluationId, VoteChoice Choice, string? Comment = null)
    : ICommand<PhaseDecisionVoteResult>, IPhaseDecisionVotingRequest;

public sealed class CastPhaseDecisionVoteValidator : AbstractValidator<CastPhaseDecisionVote>
{
    public CastPhaseDecisionVoteValidator()
    {
        RuleFor(x => x.VotingId).NotEmpty();
        RuleFor(x => x.EvaluationId).NotEmpty();
        RuleFor(x => x.Choice).IsInEnum();
        RuleFor(x => x.Comment).MaximumLength(CommissionVoteRules.MaxCommentLength);
    }
}

public sealed class CastPhaseDecisionVoteAuthorizer(IAppDbContext db) : PhaseDecisionMemberAuthorizer<CastPhaseDecisionVote>(db);

public sealed class CastPhaseDecisionVoteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CastPhaseDecisionVote, PhaseDecisionVoteResult>
{
    public async ValueTask<PhaseDecisionVoteResult> Handle(CastPhaseDecisionVote command, CancellationToken cancellationToken)
    {
        var voting = await PhaseDecisionData.LockVotingAsync(db, command.VotingId, cancellationToken);
        var member = await CommissionData.MemberAsync(db, voting.CommissionCompetitionId, user.UserId, cancellationToken)
            ?? throw new NotFoundException("PhaseDecisionVoting", command.VotingId);
        var earlier = await db.PhaseDecisionVotes.AsNoTracking()
            .Where(v => v.VotingId == voting.Id && v.EvaluationId == command.EvaluationId && v.MemberId == member.Id)
            .ToListAsync(cancellationToken);

        // A decision not on the voting has no cluster to read: the domain refuses it as not on the list.
        var clusterId = await db.ContractEvaluations.AsNoTracking().Where(e => e.Id == command.EvaluationId).Select(e => (Guid?)e.ClusterId).SingleOrDefaultAsync(cancellationToken);
        var nips = clusterId is { } id ? (await PhaseDecisionData.ClusterNipsAsync(db, [id], cancellationToken))[id] : new HashSet<string>();
        var vote = voting.Cast(member, command.EvaluationId, command.Choice, command.Comment, earlier, nips, clock.GetUtcNow());
        db.PhaseDecisionVotes.Add(vote);
        return new PhaseDecisionVoteResult(vote.Id, vote.VotingId, vote.EvaluationId, vote.Choice, vote.Comment, vote.CastAt);
    }
}

/// <summary>One decision on a voting, with the evaluation's summary and the votes so far.</summary>
public sealed record PhaseDecisionRow(
    Guid EvaluationId,
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    string VoivodeshipTeryt,
    decimal? QuantitativePercent,
    decimal? QualitativePercent,
    decimal? OverallPercent,
    PhaseDecision? Decision,
    string? DecisionJustification,
    IReadOnlyList<string> RemediationItems,
    DateOnly? ReviewOn,
    ContractEvaluationStatus EvaluationStatus,
    VoteCount Votes,
    int VotesMissingForQuorum,
    bool? Approved,
    VoteChoice? MyVote,
    string? MyComment,
    string? ConflictNip);

public sealed record PhaseDecisionVotingView(
    Guid Id,
    Guid PhaseEvaluationId,
    int PhaseNumber,
    DateOnly PhaseEndsOn,
    Guid CommissionCompetitionId,
    VotingStatus Status,
    int MemberCount,
    int Quorum,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    bool CanClose,
    IReadOnlyList<PhaseDecisionRow> Rows,
    int Version);

/// <summary>
/// One voting on a phase evaluation's decisions: per decision the evaluation's summary (cluster, quantitative, qualitative
/// and overall rating, decision and justification, remediation plan), the tally and the votes missing for the quorum, the
/// outcome once closed (officials; the members of its commission, who also see their own votes and conflicts).
/// </summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember)]
public sealed record GetPhaseDecisionVoting(Guid VotingId) : IQuery<PhaseDecisionVotingView>, IPhaseDecisionVotingRequest;

public sealed class GetPhaseDecisionVotingValidator : AbstractValidator<GetPhaseDecisionVoting>
{
    public GetPhaseDecisionVotingValidator() => RuleFor(x => x.VotingId).NotEmpty();
}

public sealed class GetPhaseDecisionVotingAuthorizer(IAppDbContext db) : PhaseDecisionReaderAuthorizer<GetPhaseDecisionVoting>(db);

public sealed class GetPhaseDecisionVotingHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetPhaseDecisionVoting, PhaseDecisionVotingView>
{
    public async ValueTask<PhaseDecisionVotingView> Handle(GetPhaseDecisionVoting query, CancellationToken cancellationToken)
    {
        var voting = await db.PhaseDecisionVotings.AsNoTracking().SingleOrDefaultAsync(v => v.Id == query.VotingId, cancellationToken)
            ?? throw new NotFoundException("PhaseDecisionVoting", query.VotingId);
        var phaseEvaluation = await db.PhaseEvaluations.AsNoTracking().SingleAsync(e => e.Id == voting.PhaseEvaluationId, cancellationToken);
        var member = await CommissionData.MemberAsync(db, voting.CommissionCompetitionId, user.UserId, cancellationToken);
        var rows = (await PhaseDecisionViews.RowsAsync(db, [voting], member, cancellationToken))[voting.Id];
        return new PhaseDecisionVotingView(
            voting.Id,
            voting.PhaseEvaluationId,
            phaseEvaluation.PhaseNumber,
            phaseEvaluation.PhaseEndsOn,
            voting.CommissionCompetitionId,
            voting.Status,
            voting.MemberCount,
            voting.Quorum,
            voting.OpenedAt,
            voting.ClosedAt,
            voting.IsOpen && rows.All(r => r.VotesMissingForQuorum == 0),
            rows,
            voting.Version);
    }
}

/// <summary>A decision the signed-in member votes on (or voted on), with its voting.</summary>
public sealed record MyPhaseDecisionVote(Guid VotingId, int PhaseNumber, bool VotingOpen, PhaseDecisionRow Decision);

/// <summary>
/// The signed-in member's decisions to vote on (commission members): those of the open votings of his or her commissions,
/// by voting and contract number; <see cref="IncludeClosed"/>: closed votings too, after the open ones, newest first.
/// </summary>
[AllowedRoles(Roles.CommissionMember)]
public sealed record ListMyPhaseDecisionVotes(bool IncludeClosed = false, int Page = 1, int PageSize = 50) : IQuery<PagedResult<MyPhaseDecisionVote>>;

public sealed class ListMyPhaseDecisionVotesValidator : AbstractValidator<ListMyPhaseDecisionVotes>
{
    public ListMyPhaseDecisionVotesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyPhaseDecisionVotesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyPhaseDecisionVotes, PagedResult<MyPhaseDecisionVote>>
{
    public async ValueTask<PagedResult<MyPhaseDecisionVote>> Handle(ListMyPhaseDecisionVotes query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        var memberships = await db.CommissionMembers.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var competitionIds = memberships.Select(m => m.CompetitionId).ToList();
        var votings = await db.PhaseDecisionVotings.AsNoTracking()
            .Where(v => competitionIds.Contains(v.CommissionCompetitionId) && (query.IncludeClosed || v.Status == VotingStatus.Open))
            .OrderBy(v => v.Status).ThenByDescending(v => v.OpenedAt).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var phaseIds = votings.Select(v => v.PhaseEvaluationId).Distinct().ToList();
        var phaseNumbers = await db.PhaseEvaluations.AsNoTracking().Where(e => phaseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.PhaseNumber, cancellationToken);
        var items = new List<MyPhaseDecisionVote>();
        foreach (var group in votings.GroupBy(v => v.CommissionCompetitionId))
        {
            var member = memberships.Single(m => m.CompetitionId == group.Key);
            var rows = await PhaseDecisionViews.RowsAsync(db, [.. group], member, cancellationToken);
            items.AddRange(group.SelectMany(v => rows[v.Id].Select(r => new MyPhaseDecisionVote(v.Id, phaseNumbers[v.PhaseEvaluationId], v.IsOpen, r))));
        }

        // Votings of several commissions: the open ones first, then newest, as one list.
        var ordered = items
            .OrderBy(i => i.VotingOpen ? 0 : 1)
            .ThenByDescending(i => votings.First(v => v.Id == i.VotingId).OpenedAt)
            .ThenBy(i => i.VotingId)
            .ThenBy(i => i.Decision.ContractNumber, StringComparer.Ordinal)
            .ToList();
        return new PagedResult<MyPhaseDecisionVote>(
            ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), ordered.Count, query.Page, query.PageSize);
    }
}

internal static class PhaseDecisionViews
{
    /// <summary>The rows of each voting; <paramref name="member"/>: the signed-in member, whose votes and conflicts are shown.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<PhaseDecisionRow>>> RowsAsync(
        IAppDbContext db, IReadOnlyList<PhaseDecisionVoting> votings, CommissionMember? member, CancellationToken cancellationToken)
    {
        var votingIds = votings.Select(v => v.Id).ToList();
        var evaluationIds = votings.SelectMany(v => v.EvaluationIds).Distinct().ToList();
        var evaluations = await db.ContractEvaluations.AsNoTracking().Where(e => evaluationIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var votes = await db.PhaseDecisionVotes.AsNoTracking().Where(v => votingIds.Contains(v.VotingId)).ToListAsync(cancellationToken);
        var nips = member is null
            ? []
            : await PhaseDecisionData.ClusterNipsAsync(db, [.. evaluations.Values.Select(e => e.ClusterId)], cancellationToken);
        var result = new Dictionary<Guid, IReadOnlyList<PhaseDecisionRow>>();
        foreach (var voting in votings)
        {
            var outcomes = voting.Tally(votes);
            result[voting.Id] = outcomes.Select(outcome =>
            {
                var e = evaluations[outcome.EvaluationId];
                var mine = member is null ? null : votes.FirstOrDefault(v => v.VotingId == voting.Id && v.EvaluationId == e.Id && v.MemberId == member.Id);
                return new PhaseDecisionRow(
                    e.Id,
                    e.ContractId,
                    e.ContractNumber,
                    e.ClusterName,
                    e.VoivodeshipTeryt,
                    e.QuantitativePercent,
                    e.QualitativePercent,
                    e.OverallPercent,
                    e.Decision,
                    e.DecisionJustification,
                    e.RemediationItems,
                    e.ReviewOn,
                    e.Status,
                    outcome.Votes,
                    Math.Max(0, voting.Quorum - outcome.Votes.Cast),
                    voting.IsOpen ? null : outcome.Approved,
                    mine?.Choice,
                    mine?.Comment,
                    member is not null && nips.TryGetValue(e.ClusterId, out var clusterNips) ? member.ConflictingNip(clusterNips) : null);
            }).ToList();
        }

        return result;
    }
}

public sealed record PhaseDecisionVotingClosed(Guid VotingId, Guid PhaseEvaluationId, int Approved, int Refused, IReadOnlyList<PhaseDecisionOutcome> Outcomes);

/// <summary>
/// The official closes a voting on phase decisions (officials). Every decision needs a quorum, otherwise 409
/// <c>commission.no_quorum</c> and nothing changes. Each decision with more votes for than against is approved — an approved
/// Terminate ends the cluster's KKK status at the phase's end with the decision's justification as the public reason — the
/// others go back to the official (Scored). The coordinator of each approved decision is told what it means; the officials
/// are told of the refused ones.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ClosePhaseDecisionVoting(Guid VotingId) : ICommand<PhaseDecisionVotingClosed>, IPhaseDecisionVotingRequest;

public sealed class ClosePhaseDecisionVotingValidator : AbstractValidator<ClosePhaseDecisionVoting>
{
    public ClosePhaseDecisionVotingValidator() => RuleFor(x => x.VotingId).NotEmpty();
}

public sealed class ClosePhaseDecisionVotingHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ClosePhaseDecisionVoting, PhaseDecisionVotingClosed>
{
    public async ValueTask<PhaseDecisionVotingClosed> Handle(ClosePhaseDecisionVoting command, CancellationToken cancellationToken)
    {
        // The phase evaluation first, then the voting, as every other command takes them: its evaluations change here.
        var phaseEvaluationId = await db.PhaseDecisionVotings.Where(v => v.Id == command.VotingId).Select(v => (Guid?)v.PhaseEvaluationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("PhaseDecisionVoting", command.VotingId);
        await PhaseEvaluationData.LockAsync(db, phaseEvaluationId, cancellationToken);
        var voting = await PhaseDecisionData.LockVotingAsync(db, command.VotingId, cancellationToken);
        var phaseEvaluation = await PhaseEvaluationData.LoadAsync(db, phaseEvaluationId, cancellationToken);
        var now = clock.GetUtcNow();
        var officialId = user.UserId ?? throw new UnauthenticatedException();
        var votes = await db.PhaseDecisionVotes.AsNoTracking().Where(v => v.VotingId == voting.Id).ToListAsync(cancellationToken);
        var ids = voting.EvaluationIds.ToList();
        var evaluations = await db.ContractEvaluations.Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var outcomes = voting.Close(votes, evaluations, officialId, now);

        var approvedTerminations = evaluations.Where(e => e.Status == ContractEvaluationStatus.Approved && e.Decision == PhaseDecision.Terminate).ToList();
        var statusIds = approvedTerminations.Select(e => e.KkkStatusId).ToList();
        var statuses = await db.KkkStatuses.Where(s => statusIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var evaluation in approvedTerminations)
        {
            evaluation.TerminateStatus(statuses[evaluation.KkkStatusId], phaseEvaluation, officialId, now);
        }

        var officials = outcomes.Any(o => !o.Approved) ? await AppealData.OfficialsAsync(db, cancellationToken) : [];
        var notices = new List<OutboxEnvelope>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            var evaluation = evaluations.Single(e => e.Id == outcome.EvaluationId);
            notices.Add(outcome.Approved
                ? PhaseDecisionNotices.Approved(evaluation, phaseEvaluation, statuses.GetValueOrDefault(evaluation.KkkStatusId), await ContractData.CoordinatorAsync(db, evaluation.ClusterId, cancellationToken))
                : PhaseDecisionNotices.Refused(evaluation, phaseEvaluation, outcome.Votes, officials));
        }

        await outbox.EnqueueAsync(notices, cancellationToken);
        return new PhaseDecisionVotingClosed(voting.Id, phaseEvaluation.Id, outcomes.Count(o => o.Approved), outcomes.Count(o => !o.Approved), outcomes);
    }
}

/// <summary>The outbox envelopes of the commission's outcome on phase decisions.</summary>
internal static class PhaseDecisionNotices
{
    public static OutboxEnvelope Approved(ContractEvaluation evaluation, PhaseEvaluation phaseEvaluation, KkkStatus? terminated, Guid coordinatorId)
    {
        var (pl, en) = evaluation.Decision switch
        {
            PhaseDecision.Conditional => (
                $"Plan naprawczy: {Items(evaluation.RemediationItems)}. Dodatkowy przegląd: {ContractNotices.Day(evaluation.ReviewOn!.Value)}.",
                $"Remediation plan: {Items(evaluation.RemediationItems)}. Extra review: {ContractNotices.Day(evaluation.ReviewOn!.Value)}."),
            PhaseDecision.Terminate => (
                $"Status KKK obowiązuje do {ContractNotices.Day(terminated?.ValidTo ?? phaseEvaluation.PhaseEndsOn)} (koniec fazy) i wygasa. Powód: {evaluation.DecisionJustification}",
                $"The KKK status remains in force until {ContractNotices.Day(terminated?.ValidTo ?? phaseEvaluation.PhaseEndsOn)} (the phase's end) and then ends. Reason: {evaluation.DecisionJustification}"),
            _ => (
                "Klaster może otrzymać kontrakt programowy na kolejną fazę.",
                "The cluster may get a programme contract for the next phase."),
        };
        return new OutboxEnvelope(
            PhaseDecisionMessages.Approved,
            [coordinatorId],
            Values(evaluation, phaseEvaluation, pl, en),
            PhaseDecisionData.MyEvaluationsLink);
    }

    public static OutboxEnvelope Refused(ContractEvaluation evaluation, PhaseEvaluation phaseEvaluation, VoteCount votes, IReadOnlyCollection<Guid> officials) => new(
        PhaseDecisionMessages.Refused,
        officials,
        Values(
            evaluation,
            phaseEvaluation,
            $"Głosy: za — {votes.For}, przeciw — {votes.Against}, wstrzymało się — {votes.Abstained}.",
            $"Votes: for {votes.For}, against {votes.Against}, abstained {votes.Abstained}."),
        PhaseEvaluationData.EvaluationLink(evaluation.Id));

    private static string Items(IReadOnlyList<string> items) =>
        string.Join("; ", items.Select((item, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}) {item}")));

    private static Dictionary<string, string> Values(ContractEvaluation evaluation, PhaseEvaluation phaseEvaluation, string detailsPl, string detailsEn)
    {
        var (decisionPl, decisionEn) = PhaseDecisionData.DecisionName(evaluation.Decision);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phaseNumber"] = phaseEvaluation.PhaseNumber.ToString(CultureInfo.InvariantCulture),
            ["contractNumber"] = evaluation.ContractNumber,
            ["clusterName"] = evaluation.ClusterName,
            ["decision.pl"] = decisionPl,
            ["decision.en"] = decisionEn,
            ["details.pl"] = detailsPl,
            ["details.en"] = detailsEn,
        };
    }
}
