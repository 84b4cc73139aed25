using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

public sealed record PhaseEvaluationClosed(Guid PhaseEvaluationId, PhaseEvaluationStatus Status, DateTimeOffset ClosedAt);

/// <summary>
/// The official closes the phase's evaluation (officials). Refused while any contract of it lacks an approved decision
/// (409 <c>phase_evaluation.undecided_contracts</c>, counting them) or once closed (<c>phase_evaluation.closed</c>).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ClosePhaseEvaluation(Guid PhaseEvaluationId) : ICommand<PhaseEvaluationClosed>, IPhaseEvaluationRequest;

public sealed class ClosePhaseEvaluationValidator : AbstractValidator<ClosePhaseEvaluation>
{
    public ClosePhaseEvaluationValidator() => RuleFor(x => x.PhaseEvaluationId).NotEmpty();
}

public sealed class ClosePhaseEvaluationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ClosePhaseEvaluation, PhaseEvaluationClosed>
{
    public async ValueTask<PhaseEvaluationClosed> Handle(ClosePhaseEvaluation command, CancellationToken cancellationToken)
    {
        await PhaseEvaluationData.LockAsync(db, command.PhaseEvaluationId, cancellationToken);
        var phaseEvaluation = await PhaseEvaluationData.LoadAsync(db, command.PhaseEvaluationId, cancellationToken);
        var evaluations = await db.ContractEvaluations.AsNoTracking().Where(e => e.PhaseEvaluationId == phaseEvaluation.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        phaseEvaluation.Close(evaluations, user.UserId ?? Guid.Empty, now);
        return new PhaseEvaluationClosed(phaseEvaluation.Id, phaseEvaluation.Status, now);
    }
}

/// <summary>One contract's evaluation as the commission page lists it, with the next phase's contract once drafted.</summary>
public sealed record PhaseCommissionEvaluation(
    Guid EvaluationId,
    string ContractNumber,
    string ClusterName,
    ContractEvaluationStatus Status,
    PhaseDecision? Decision,
    decimal? OverallPercent,
    bool AllowsNextPhase,
    Guid? NextContractId,
    string? NextContractNumber);

public sealed record PhaseDecisionVotingItem(Guid Id, VotingStatus Status, int Decisions, int MemberCount, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>A phase after the evaluated one, to draft a next-phase contract in.</summary>
public sealed record NextPhaseOption(Guid PhaseId, int Number, DateOnly StartsOn, DateOnly EndsOn);

public sealed record PhaseCommissionView(
    Guid PhaseEvaluationId,
    Guid PhaseId,
    int PhaseNumber,
    DateOnly PhaseEndsOn,
    PhaseEvaluationStatus Status,
    Guid CommissionCompetitionId,
    string CommissionCompetitionName,
    int MemberCount,
    int Quorum,
    Guid? OpenVotingId,
    int Decided,
    int Undecided,
    IReadOnlyList<PhaseCommissionEvaluation> Evaluations,
    IReadOnlyList<PhaseDecisionVotingItem> Votings,
    IReadOnlyList<NextPhaseOption> NextPhases);

/// <summary>
/// The commission side of a phase evaluation (officials): its commission, the contracts' evaluations with their status and
/// decision (how many are decided and waiting for a vote, how many lack an approved decision), its votings (the open one
/// first), the phases after it and the next-phase contracts already drafted.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetPhaseCommission(Guid PhaseEvaluationId) : IQuery<PhaseCommissionView>, IPhaseEvaluationRequest;

public sealed class GetPhaseCommissionValidator : AbstractValidator<GetPhaseCommission>
{
    public GetPhaseCommissionValidator() => RuleFor(x => x.PhaseEvaluationId).NotEmpty();
}

public sealed class GetPhaseCommissionHandler(IAppDbContext db) : IQueryHandler<GetPhaseCommission, PhaseCommissionView>
{
    public async ValueTask<PhaseCommissionView> Handle(GetPhaseCommission query, CancellationToken cancellationToken)
    {
        var phaseEvaluation = await PhaseEvaluationData.LoadAsync(db, query.PhaseEvaluationId, cancellationToken);
        var competitionName = await db.Competitions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == phaseEvaluation.CommissionCompetitionId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var members = await db.CommissionMembers.CountAsync(m => m.CompetitionId == phaseEvaluation.CommissionCompetitionId, cancellationToken);
        var evaluations = await db.ContractEvaluations.AsNoTracking().Where(e => e.PhaseEvaluationId == phaseEvaluation.Id).OrderBy(e => e.ContractNumber).ToListAsync(cancellationToken);
        var votings = await db.PhaseDecisionVotings.AsNoTracking().Where(v => v.PhaseEvaluationId == phaseEvaluation.Id).ToListAsync(cancellationToken);
        var endsOn = phaseEvaluation.PhaseEndsOn;
        var nextPhases = await db.ProgrammePhases.AsNoTracking().Where(p => p.StartsOn > endsOn).OrderBy(p => p.StartsOn)
            .Select(p => new NextPhaseOption(p.Id, p.Number, p.StartsOn, p.EndsOn)).ToListAsync(cancellationToken);
        var nextPhaseIds = nextPhases.Select(p => p.PhaseId).ToList();
        var clusterIds = evaluations.Select(e => e.ClusterId).ToList();
        var nextContracts = await db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => nextPhaseIds.Contains(c.PhaseId) && clusterIds.Contains(c.ClusterId))
            .Select(c => new { c.Id, c.Number, c.ClusterId, c.StartsOn })
            .ToListAsync(cancellationToken);
        return new PhaseCommissionView(
            phaseEvaluation.Id,
            phaseEvaluation.PhaseId,
            phaseEvaluation.PhaseNumber,
            phaseEvaluation.PhaseEndsOn,
            phaseEvaluation.Status,
            phaseEvaluation.CommissionCompetitionId,
            competitionName,
            members,
            CommissionVoteRules.QuorumOf(members),
            votings.FirstOrDefault(v => v.IsOpen)?.Id,
            evaluations.Count(e => e.Status == ContractEvaluationStatus.Decided),
            evaluations.Count(e => e.Status != ContractEvaluationStatus.Approved),
            evaluations.Select(e =>
            {
                var next = nextContracts.Where(c => c.ClusterId == e.ClusterId).OrderBy(c => c.StartsOn).FirstOrDefault();
                return new PhaseCommissionEvaluation(e.Id, e.ContractNumber, e.ClusterName, e.Status, e.Decision, e.OverallPercent, e.AllowsNextPhase, next?.Id, next?.Number);
            }).ToList(),
            votings.OrderBy(v => v.Status).ThenByDescending(v => v.OpenedAt)
                .Select(v => new PhaseDecisionVotingItem(v.Id, v.Status, v.EvaluationIds.Count, v.MemberCount, v.OpenedAt, v.ClosedAt)).ToList(),
            nextPhases);
    }
}
