using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

public sealed record ResolutionDto(
    Guid Id,
    string Number,
    Guid CompetitionId,
    string CompetitionName,
    Guid VotingId,
    DateOnly ResolvedOn,
    int MemberCount,
    int Positive,
    int Negative,
    IReadOnlyList<ResolutionOutcome> Outcomes)
{
    public static ResolutionDto From(CommissionResolution r, string competitionName) => new(
        r.Id,
        r.Number,
        r.CompetitionId,
        competitionName,
        r.VotingId,
        r.ResolvedOn,
        r.MemberCount,
        r.Outcomes.Count(o => o.Outcome == DecisionOutcome.Positive),
        r.Outcomes.Count(o => o.Outcome == DecisionOutcome.Negative),
        [.. r.Outcomes.OrderBy(o => o.RankingPosition)]);
}

/// <summary>The votings of a competition, newest first (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListCompetitionVotings(Guid CompetitionId) : IQuery<IReadOnlyList<VotingListItem>>;

public sealed record VotingListItem(
    Guid Id, VotingStatus Status, int Applications, int MemberCount, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, Guid? ResolutionId, string? ResolutionNumber);

/// <summary>
/// The progress of one voting (officials): per application the votes cast and the quorum, the counts for, against and
/// abstaining, and the members who cannot vote on it for a conflict of interest; the resolution once closed.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetVotingProgress(Guid VotingId) : IQuery<VotingProgressView>;

public sealed record ConflictedMember(Guid MemberId, string FullName, string Nip);

public sealed record VotingProgressRow(
    Guid ApplicationId,
    string Number,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    int RankingPosition,
    decimal Total,
    bool Passed,
    int VotesCast,
    int VotesMissingForQuorum,
    bool QuorumReached,
    int For,
    int Against,
    int Abstained,
    IReadOnlyList<ConflictedMember> Conflicted,
    string EvaluationCardLink);

public sealed record VotingProgressView(
    Guid Id,
    Guid CompetitionId,
    string CompetitionName,
    VotingStatus Status,
    int MemberCount,
    int Quorum,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    bool CanClose,
    Guid? ResolutionId,
    IReadOnlyList<VotingProgressRow> Rows,
    int Version);

/// <summary>
/// The signed-in member's votings (commission members): per application of the votings of their competitions its summary
/// card (cluster, coordinator, voivodeship, total, pass, ranking position, the link to the anonymised summary card), the
/// member's own vote and whether a conflict of interest bars the vote. The counts of the others' votes only once the voting
/// is closed. <see cref="IncludeClosed"/>: closed votings too (newest first after the open ones).
/// </summary>
[AllowedRoles(Roles.CommissionMember)]
public sealed record GetMyVotes(bool IncludeClosed = false, int Page = 1, int PageSize = 50) : IQuery<PagedResult<MyVoteCard>>;

public sealed record MyVoteCard(
    Guid VotingId,
    Guid CompetitionId,
    string CompetitionName,
    bool VotingOpen,
    Guid ApplicationId,
    string Number,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    decimal Total,
    bool Passed,
    int RankingPosition,
    string EvaluationCardLink,
    VoteChoice? MyVote,
    string? MyComment,
    string? ConflictNip,
    VoteCount? Counts);

/// <summary>The commission's resolutions, newest first, optionally of one competition (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListResolutions(Guid? CompetitionId = null, int Page = 1, int PageSize = 25) : IQuery<PagedResult<ResolutionListItem>>;

public sealed record ResolutionListItem(Guid Id, string Number, Guid CompetitionId, string CompetitionName, DateOnly ResolvedOn, int Applications, int Positive);

/// <summary>One resolution with each application's outcome and vote counts (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record GetResolution(Guid ResolutionId) : IQuery<ResolutionDto>;

/// <summary>
/// The anonymised summary card of an application on a voting, as PDF (commission members of that competition; the experts
/// are "Ekspert 1, 2, 3"). An application not on the voting: 404.
/// </summary>
[AllowedRoles(Roles.CommissionMember)]
public sealed record GetVotingEvaluationCardPdf(Guid VotingId, Guid ApplicationId) : IQuery<ExportedFile>, IMemberVotingRequest;

public sealed class ListCompetitionVotingsValidator : AbstractValidator<ListCompetitionVotings>
{
    public ListCompetitionVotingsValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class GetVotingProgressValidator : AbstractValidator<GetVotingProgress>
{
    public GetVotingProgressValidator() => RuleFor(x => x.VotingId).NotEmpty();
}

public sealed class GetMyVotesValidator : AbstractValidator<GetMyVotes>
{
    public GetMyVotesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListResolutionsValidator : AbstractValidator<ListResolutions>
{
    public ListResolutionsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetResolutionValidator : AbstractValidator<GetResolution>
{
    public GetResolutionValidator() => RuleFor(x => x.ResolutionId).NotEmpty();
}

public sealed class GetVotingEvaluationCardPdfValidator : AbstractValidator<GetVotingEvaluationCardPdf>
{
    public GetVotingEvaluationCardPdfValidator()
    {
        RuleFor(x => x.VotingId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
    }
}

public sealed class GetVotingEvaluationCardPdfAuthorizer(IAppDbContext db) : MemberVotingAuthorizer<GetVotingEvaluationCardPdf>(db);

public sealed class ListCompetitionVotingsHandler(IAppDbContext db) : IQueryHandler<ListCompetitionVotings, IReadOnlyList<VotingListItem>>
{
    public async ValueTask<IReadOnlyList<VotingListItem>> Handle(ListCompetitionVotings query, CancellationToken cancellationToken)
    {
        if (!await db.Competitions.AnyAsync(c => c.Id == query.CompetitionId, cancellationToken))
        {
            throw new NotFoundException("Competition", query.CompetitionId);
        }

        var votings = await db.CommissionVotings.AsNoTracking().Where(v => v.CompetitionId == query.CompetitionId).ToListAsync(cancellationToken);
        var resolutionIds = votings.Where(v => v.ResolutionId is not null).Select(v => v.ResolutionId!.Value).ToList();
        var numbers = await db.CommissionResolutions.AsNoTracking().Where(r => resolutionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        return votings
            .OrderByDescending(v => v.OpenedAt).ThenByDescending(v => v.Id)
            .Select(v => new VotingListItem(v.Id, v.Status, v.Items.Count, v.MemberCount, v.OpenedAt, v.ClosedAt, v.ResolutionId,
                v.ResolutionId is { } r ? numbers.GetValueOrDefault(r) : null))
            .ToList();
    }
}

public sealed class GetVotingProgressHandler(IAppDbContext db) : IQueryHandler<GetVotingProgress, VotingProgressView>
{
    public async ValueTask<VotingProgressView> Handle(GetVotingProgress query, CancellationToken cancellationToken)
    {
        var voting = await db.CommissionVotings.AsNoTracking().SingleOrDefaultAsync(v => v.Id == query.VotingId, cancellationToken)
            ?? throw new NotFoundException("Voting", query.VotingId);
        var competitionName = await db.Competitions.Where(c => c.Id == voting.CompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);
        var votes = await db.CommissionVotes.AsNoTracking().Where(v => v.VotingId == voting.Id).ToListAsync(cancellationToken);
        var members = await db.CommissionMembers.AsNoTracking().Where(m => m.CompetitionId == voting.CompetitionId).OrderBy(m => m.FullName).ToListAsync(cancellationToken);
        var cards = await VotingCards.LoadAsync(db, voting, cancellationToken);
        var tally = voting.Tally(votes).ToDictionary(o => o.Item.ApplicationId);
        var rows = voting.Items.Select(item =>
        {
            var card = cards[item.ApplicationId];
            var count = tally[item.ApplicationId].Votes;
            var conflicted = members
                .Select(m => (Member: m, Nip: m.ConflictingNip(card.Nips)))
                .Where(x => x.Nip is not null)
                .Select(x => new ConflictedMember(x.Member.Id, x.Member.FullName, x.Nip!))
                .ToList();
            return new VotingProgressRow(
                item.ApplicationId, card.Number, card.ClusterName, card.CoordinatorName, card.VoivodeshipTeryt, item.RankingPosition, item.Total, item.Passed,
                count.Cast, Math.Max(0, voting.Quorum - count.Cast), count.Cast >= voting.Quorum, count.For, count.Against, count.Abstained, conflicted,
                RankingLinks.EvaluationCard(item.ApplicationId, anonymised: true));
        }).ToList();
        return new VotingProgressView(
            voting.Id, voting.CompetitionId, competitionName, voting.Status, voting.MemberCount, voting.Quorum, voting.OpenedAt, voting.ClosedAt,
            voting.IsOpen && rows.All(r => r.QuorumReached), voting.ResolutionId, rows, voting.Version);
    }
}

public sealed class GetMyVotesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyVotes, PagedResult<MyVoteCard>>
{
    public async ValueTask<PagedResult<MyVoteCard>> Handle(GetMyVotes query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var memberships = await db.CommissionMembers.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var competitionIds = memberships.Select(m => m.CompetitionId).ToList();
        var scope = db.CommissionVotings.AsNoTracking().Where(v => competitionIds.Contains(v.CompetitionId));
        if (!query.IncludeClosed)
        {
            scope = scope.Where(v => v.Status == VotingStatus.Open);
        }

        var votings = (await scope.ToListAsync(cancellationToken))
            .OrderBy(v => v.Status).ThenByDescending(v => v.OpenedAt).ThenBy(v => v.Id).ToList();
        var names = await db.Competitions.Where(c => competitionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var all = votings.SelectMany(v => v.Items.Select(i => (Voting: v, Item: i))).ToList();
        var page = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();

        var votingIds = page.Select(p => p.Voting.Id).Distinct().ToList();
        var votes = await db.CommissionVotes.AsNoTracking().Where(v => votingIds.Contains(v.VotingId)).ToListAsync(cancellationToken);
        var cards = await VotingCards.LoadAsync(db, page.Select(p => p.Item.ApplicationId).ToList(), cancellationToken);
        var items = page.Select(p =>
        {
            var member = memberships.Single(m => m.CompetitionId == p.Voting.CompetitionId);
            var card = cards[p.Item.ApplicationId];
            var onItem = votes.Where(v => v.VotingId == p.Voting.Id && v.ApplicationId == p.Item.ApplicationId).ToList();
            var mine = onItem.FirstOrDefault(v => v.MemberId == member.Id);

            // The others' votes stay unknown to a member until the close, so that nobody votes by the count.
            return new MyVoteCard(
                p.Voting.Id, p.Voting.CompetitionId, names.GetValueOrDefault(p.Voting.CompetitionId, ""), p.Voting.IsOpen,
                p.Item.ApplicationId, card.Number, card.ClusterName, card.CoordinatorName, card.VoivodeshipTeryt, p.Item.Total, p.Item.Passed, p.Item.RankingPosition,
                CommissionLinks.EvaluationCard(p.Voting.Id, p.Item.ApplicationId), mine?.Choice, mine?.Comment, member.ConflictingNip(card.Nips),
                p.Voting.IsOpen ? null : VoteCount.Of(onItem));
        }).ToList();
        return new PagedResult<MyVoteCard>(items, all.Count, query.Page, query.PageSize);
    }
}

public sealed class ListResolutionsHandler(IAppDbContext db) : IQueryHandler<ListResolutions, PagedResult<ResolutionListItem>>
{
    public async ValueTask<PagedResult<ResolutionListItem>> Handle(ListResolutions query, CancellationToken cancellationToken)
    {
        var scope = db.CommissionResolutions.AsNoTracking();
        if (query.CompetitionId is { } competitionId)
        {
            scope = scope.Where(r => r.CompetitionId == competitionId);
        }

        var total = await scope.CountAsync(cancellationToken);
        var resolutions = await scope.OrderByDescending(r => r.Year).ThenByDescending(r => r.Sequence).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var competitionIds = resolutions.Select(r => r.CompetitionId).Distinct().ToList();
        var names = await db.Competitions.Where(c => competitionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new PagedResult<ResolutionListItem>(
            resolutions.Select(r => new ResolutionListItem(r.Id, r.Number, r.CompetitionId, names.GetValueOrDefault(r.CompetitionId, ""), r.ResolvedOn, r.Outcomes.Count,
                r.Outcomes.Count(o => o.Outcome == DecisionOutcome.Positive))).ToList(),
            total,
            query.Page,
            query.PageSize);
    }
}

public sealed class GetResolutionHandler(IAppDbContext db) : IQueryHandler<GetResolution, ResolutionDto>
{
    public async ValueTask<ResolutionDto> Handle(GetResolution query, CancellationToken cancellationToken)
    {
        var resolution = await db.CommissionResolutions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.ResolutionId, cancellationToken)
            ?? throw new NotFoundException("Resolution", query.ResolutionId);
        var name = await db.Competitions.Where(c => c.Id == resolution.CompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);
        return ResolutionDto.From(resolution, name);
    }
}

public sealed class GetVotingEvaluationCardPdfHandler(IAppDbContext db, IEvaluationDocumentWriter writer) : IQueryHandler<GetVotingEvaluationCardPdf, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(GetVotingEvaluationCardPdf query, CancellationToken cancellationToken)
    {
        var voting = await db.CommissionVotings.AsNoTracking().SingleOrDefaultAsync(v => v.Id == query.VotingId, cancellationToken)
            ?? throw new NotFoundException("Voting", query.VotingId);
        if (voting.Items.All(i => i.ApplicationId != query.ApplicationId))
        {
            throw new NotFoundException("Application", query.ApplicationId);
        }

        // Always anonymised: the commission judges the sheets, not the experts.
        var card = await EvaluationCards.LoadAsync(db, query.ApplicationId, anonymised: true, cancellationToken);
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "evaluation-card" : "karta-oceny")}-{card.ApplicationNumber.Replace('/', '-')}.pdf";
        return new ExportedFile(name, GetEvaluationCardPdfHandler.PdfContentType, writer.EvaluationCard(card, language));
    }
}

/// <summary>The summary-card facts of the applications of a voting: number and the cluster's facts from the submission.</summary>
internal static class VotingCards
{
    public sealed record Card(string Number, string ClusterName, string CoordinatorName, string VoivodeshipTeryt, IReadOnlySet<string> Nips);

    public static Task<Dictionary<Guid, Card>> LoadAsync(IAppDbContext db, CommissionVoting voting, CancellationToken cancellationToken) =>
        LoadAsync(db, voting.Items.Select(i => i.ApplicationId).ToList(), cancellationToken);

    public static async Task<Dictionary<Guid, Card>> LoadAsync(IAppDbContext db, IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var ids = applicationIds.Distinct().ToList();
        var numbers = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Number ?? "", cancellationToken);
        var parties = await CommissionData.PartiesAsync(db, ids, cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => parties.TryGetValue(id, out var p)
                ? new Card(numbers.GetValueOrDefault(id, ""), p.ClusterName, p.CoordinatorName, p.VoivodeshipTeryt, p.Nips)
                : new Card(numbers.GetValueOrDefault(id, ""), "", "", "", new HashSet<string>()));
    }
}
