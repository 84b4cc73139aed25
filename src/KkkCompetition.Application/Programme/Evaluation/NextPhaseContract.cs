using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>
/// The official drafts the next phase's contract of a cluster whose phase evaluation approved Continue or Conditional
/// (officials), pre-filled from the evaluated contract: its KPIs with their weights (the catalogue's mandatory ones, the
/// optional ones as they were), baselines from the last actuals (per KPI the latest accepted report, annual or final, that
/// has a figure for it), its reporting terms; numbered as any draft of the phase. The cluster's KKK status is prolonged to
/// the next phase's end. Refused: a decision not approved or Terminate (409 <c>contract.next_phase_not_allowed</c>), a phase
/// not after the evaluated one (<c>contract.not_next_phase</c>), a contract already in that phase
/// (<c>contract.already_exists</c>). The coordinator is told the draft awaits his or her review and signature.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record DraftNextPhaseContract(Guid EvaluationId, Guid NextPhaseId) : ICommand<DraftedContract>, IContractEvaluationRequest;

public sealed class DraftNextPhaseContractValidator : AbstractValidator<DraftNextPhaseContract>
{
    public DraftNextPhaseContractValidator()
    {
        RuleFor(x => x.EvaluationId).NotEmpty();
        RuleFor(x => x.NextPhaseId).NotEmpty();
    }
}

public sealed class DraftNextPhaseContractHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<DraftNextPhaseContract, DraftedContract>
{
    public async ValueTask<DraftedContract> Handle(DraftNextPhaseContract command, CancellationToken cancellationToken)
    {
        var evaluation = await db.ContractEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == command.EvaluationId, cancellationToken)
            ?? throw new NotFoundException("ContractEvaluation", command.EvaluationId);
        var phase = await ContractNumbering.LockPhaseAsync(db, command.NextPhaseId, cancellationToken);
        var previousPhase = await db.ProgrammePhases.AsNoTracking().SingleAsync(p => p.Id == evaluation.PhaseId, cancellationToken);
        var previous = await db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == evaluation.ContractId, cancellationToken);
        var status = await db.KkkStatuses.SingleAsync(s => s.Id == evaluation.KkkStatusId, cancellationToken);
        var inPhase = await db.ProgrammeContracts.AnyAsync(c => c.PhaseId == phase.Id && c.ClusterId == evaluation.ClusterId, cancellationToken);
        var voivodeship = await ContractViews.VoivodeshipNameAsync(db, status.VoivodeshipTeryt, cancellationToken);

        // A mandatory KPI the previous contract did not have (the catalogue grew) takes its baseline as a first draft does.
        var baselines = await ContractBaselines.ForAsync(db, status.ApplicationId, status.ClusterId, cancellationToken);
        var mandatory = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsMandatory).OrderBy(k => k.Code).ToListAsync(cancellationToken);
        var contract = ProgrammeContract.DraftForNextPhase(
            await ContractNumbering.NextAsync(db, phase, cancellationToken),
            phase,
            previousPhase,
            status,
            ContractParties.RegionPl(voivodeship),
            previous,
            evaluation,
            [.. mandatory.Select(k => ContractKpi.FromCatalogue(k, baselines.GetValueOrDefault(k.Code)))],
            await LastActualsAsync(previous.Id, cancellationToken),
            inPhase,
            user.UserId ?? throw new UnauthenticatedException(),
            ContractData.Today(clock),
            clock.GetUtcNow());
        db.ProgrammeContracts.Add(contract);
        await outbox.EnqueueAsync(ContractNotices.DraftReady(contract, phase.Number, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return new DraftedContract(contract.Id, contract.Number, contract.Version);
    }

    /// <summary>
    /// Per KPI the actual of the latest accepted report that has one: the later period first, and of two ending together the
    /// final report (it is the later word on the contract's last year).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, decimal?>> LastActualsAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var reports = await db.KpiReports.AsNoTracking()
            .Where(r => r.ContractId == contractId && r.Status == KpiReportStatus.Accepted)
            .Select(r => new { r.PeriodEnd, r.Kind, r.Lines })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var report in reports.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Kind == ReportKind.Final))
        {
            foreach (var line in report.Lines.Where(l => l.Actual is not null))
            {
                result.TryAdd(line.KpiCode, line.Actual);
            }
        }

        return result;
    }
}
