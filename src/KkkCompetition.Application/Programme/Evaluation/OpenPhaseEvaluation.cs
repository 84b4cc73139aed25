using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>What opening a phase's evaluation made: its id and how many contracts got an evaluation.</summary>
public sealed record PhaseEvaluationOpened(Guid PhaseEvaluationId, int Contracts);

/// <summary>
/// The official opens the evaluation of a phase as it nears its end (domain guide, section 7): no earlier than the
/// programme's <c>EvaluationLeadDays</c> before its last day (409 <c>phase_evaluation.too_early</c>), once per phase (409
/// <c>phase_evaluation.already_open</c>), with the qualitative criteria (the four of the guide by default) and the share of the
/// quantitative part (50% by default). Every contract of the phase in force — Active, and Suspended too: a suspension is a
/// pause of a contract still in force, and leaving it out would let the phase close without a decision on that cluster —
/// gets its evaluation with the quantitative part computed now (missing reports as zero). An unknown phase or commission
/// competition is 404. The commission's members are checked when its vote opens (409 <c>commission.no_members</c>), as they
/// may be appointed while the contracts are scored. Each coordinator is told.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record OpenPhaseEvaluation(
    Guid PhaseId,
    Guid CommissionCompetitionId,
    IReadOnlyList<QualitativeCriterion>? Criteria = null,
    decimal? QuantitativeWeightPercent = null) : ICommand<PhaseEvaluationOpened>;

public sealed class OpenPhaseEvaluationValidator : AbstractValidator<OpenPhaseEvaluation>
{
    public OpenPhaseEvaluationValidator()
    {
        RuleFor(x => x.PhaseId).NotEmpty();
        RuleFor(x => x.CommissionCompetitionId).NotEmpty();

        // Only the shape; the number of criteria, their scales and weights and the share's range are the domain's rules (409).
        RuleForEach(x => x.Criteria).NotNull().ChildRules(criterion =>
        {
            criterion.RuleFor(c => c.Code).NotEmpty().MaximumLength(QualitativeCriterion.MaxCodeLength);
            criterion.RuleFor(c => c.NamePl).NotEmpty().MaximumLength(QualitativeCriterion.MaxNameLength);
            criterion.RuleFor(c => c.NameEn).NotEmpty().MaximumLength(QualitativeCriterion.MaxNameLength);
            criterion.RuleFor(c => c.Weight).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        });
        RuleFor(x => x.QuantitativeWeightPercent).PrecisionScale(5, 2, ignoreTrailingZeros: true);
    }
}

public sealed class OpenPhaseEvaluationHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenPhaseEvaluation, PhaseEvaluationOpened>
{
    public async ValueTask<PhaseEvaluationOpened> Handle(OpenPhaseEvaluation command, CancellationToken cancellationToken)
    {
        // The phase's row first: two officials opening the same phase at once run one after the other (the unique index is the backstop).
        if (await db.ProgrammePhases.Where(p => p.Id == command.PhaseId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, p => p.CreatedAt), cancellationToken) == 0)
        {
            throw new NotFoundException("ProgrammePhase", command.PhaseId);
        }

        var phase = await db.ProgrammePhases.SingleAsync(p => p.Id == command.PhaseId, cancellationToken);
        if (!await db.Competitions.AnyAsync(c => c.Id == command.CommissionCompetitionId, cancellationToken))
        {
            throw new NotFoundException("Competition", command.CommissionCompetitionId);
        }

        var settings = await ProgrammeSettingsData.ReadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var today = ContractData.Today(clock);
        var evaluation = PhaseEvaluation.Open(
            phase,
            command.CommissionCompetitionId,
            command.Criteria ?? PhaseEvaluation.DefaultCriteria,
            command.QuantitativeWeightPercent ?? PhaseEvaluation.DefaultQuantitativeWeightPercent,
            settings.EvaluationLeadDays,
            await db.PhaseEvaluations.AnyAsync(e => e.PhaseId == phase.Id, cancellationToken),
            user.UserId ?? throw new UnauthenticatedException(),
            today,
            now);
        db.PhaseEvaluations.Add(evaluation);

        var contracts = await db.ProgrammeContracts.AsNoTracking()
            .Where(c => c.PhaseId == phase.Id && (c.Status == ContractStatus.Active || c.Status == ContractStatus.Suspended))
            .OrderBy(c => c.Number)
            .ToListAsync(cancellationToken);
        var started = new List<ContractEvaluation>(contracts.Count);
        foreach (var contract in contracts)
        {
            var quantitative = await PhaseQuantitative.ComputeAsync(db, contract, settings.Bands, today, cancellationToken);
            started.Add(ContractEvaluation.Start(evaluation, contract, quantitative.Achievement, quantitative.Missing, now));
        }

        db.ContractEvaluations.AddRange(started);
        var coordinators = await RegistryNotices.CoordinatorsAsync(db, [.. started.Select(e => e.ClusterId).Distinct()], cancellationToken);
        await outbox.EnqueueAsync(
            [.. started.Where(e => coordinators.ContainsKey(e.ClusterId)).Select(e => PhaseEvaluationNotices.Started(evaluation, e, coordinators[e.ClusterId]))],
            cancellationToken);
        return new PhaseEvaluationOpened(evaluation.Id, started.Count);
    }
}

/// <summary>The outbox envelopes of the phase evaluation use cases.</summary>
public static class PhaseEvaluationNotices
{
    public static OutboxEnvelope Started(PhaseEvaluation phaseEvaluation, ContractEvaluation evaluation, Guid coordinatorId) =>
        new(PhaseEvaluationMessages.Started, [coordinatorId], Values(phaseEvaluation, evaluation), PhaseEvaluationData.EvaluationLink(evaluation.Id));

    public static OutboxEnvelope EvaluatorAssigned(PhaseEvaluation phaseEvaluation, ContractEvaluation evaluation, Guid evaluatorId) =>
        new(PhaseEvaluationMessages.EvaluatorAssigned, [evaluatorId], Values(phaseEvaluation, evaluation), PhaseEvaluationData.EvaluationLink(evaluation.Id));

    private static Dictionary<string, string> Values(PhaseEvaluation phaseEvaluation, ContractEvaluation evaluation) => new(StringComparer.Ordinal)
    {
        ["contractNumber"] = evaluation.ContractNumber,
        ["clusterName"] = evaluation.ClusterName,
        ["phaseNumber"] = phaseEvaluation.PhaseNumber.ToString(CultureInfo.InvariantCulture),
        ["phaseEndsOn"] = ContractNotices.Day(phaseEvaluation.PhaseEndsOn),

        // No KPI figure at all is shown as 0, as the overall rating counts it.
        ["quantitativePercent"] = (evaluation.QuantitativePercent ?? 0m).ToString("0.0", CultureInfo.InvariantCulture),
        ["missingReports"] = evaluation.MissingReports.Count.ToString(CultureInfo.InvariantCulture),
    };
}
