using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Identifiers;
using Mediator;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>
/// The coordinator saves what he or she has entered in the report (a draft, or a returned report being corrected): the
/// actual value and explanation per KPI, the narrative and the cascade disbursements (<c>KpiReport.Save</c>). Refused for a
/// period that has not ended, a submitted or accepted report, a negative value or a recipient with an invalid NIP.
/// Answers the new version.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SaveKpiReport(
    Guid ReportId,
    IReadOnlyList<KpiReportLineInput> Lines,
    string? Narrative,
    IReadOnlyList<CascadeDisbursement> Disbursements,
    int Version) : ICommand<int>, IKpiReportRequest;

public sealed class SaveKpiReportValidator : AbstractValidator<SaveKpiReport>
{
    public SaveKpiReportValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Lines).NotNull();
        RuleForEach(x => x.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.KpiCode).NotEmpty().MaximumLength(ContractKpi.MaxCodeLength);
            line.RuleFor(l => l.Actual).GreaterThanOrEqualTo(0m).WithErrorCode("kpi.value_negative")
                .LessThanOrEqualTo(BudgetYear.MaxAmount);
            line.RuleFor(l => l.Justification).MaximumLength(KpiReport.MaxJustificationLength);
        });
        RuleFor(x => x.Lines)
            .Must(lines => lines.Where(l => l is not null).Select(l => l.KpiCode).Distinct(StringComparer.Ordinal).Count() == lines.Count(l => l is not null))
            .When(x => x.Lines is not null)
            .WithMessage("Each KPI is reported once.").WithErrorCode("report.kpi_repeated");
        RuleFor(x => x.Narrative).MaximumLength(KpiReport.MaxNarrativeLength);
        RuleFor(x => x.Disbursements).NotNull();
        RuleFor(x => x.Disbursements.Count).LessThanOrEqualTo(KpiReport.MaxDisbursements).When(x => x.Disbursements is not null)
            .OverridePropertyName(nameof(SaveKpiReport.Disbursements));
        RuleForEach(x => x.Disbursements).NotNull().ChildRules(disbursement =>
        {
            disbursement.RuleFor(d => d.RecipientNip).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode("report.recipient_nip_invalid")
                .Must(nip => PolishIdentifiers.IsValidNip(nip)).WithMessage("The recipient's NIP is not valid.").WithErrorCode("report.recipient_nip_invalid");
            disbursement.RuleFor(d => d.RecipientName).NotEmpty().MaximumLength(CascadeDisbursement.MaxNameLength);
            disbursement.RuleFor(d => d.Size).IsInEnum();
            disbursement.RuleFor(d => d.Amount).Cascade(CascadeMode.Stop)
                .GreaterThan(0m).WithErrorCode("report.disbursement_amount_invalid")
                .LessThanOrEqualTo(BudgetYear.MaxAmount).WithErrorCode("report.disbursement_amount_invalid")
                .Must(amount => decimal.Round(amount, 2) == amount).WithMessage("At most two decimal places.").WithErrorCode("report.disbursement_amount_invalid");
        });
    }
}

public sealed class SaveKpiReportAuthorizer(IAppDbContext db) : CoordinatorKpiReportAuthorizer<SaveKpiReport>(db);

public sealed class SaveKpiReportHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaveKpiReport, int>
{
    public async ValueTask<int> Handle(SaveKpiReport command, CancellationToken cancellationToken)
    {
        var (report, contract) = await ReportData.LoadAsync(db, command.ReportId, command.Version, lockContract: false, cancellationToken);
        report.Save(contract, command.Lines, command.Narrative, command.Disbursements, ContractData.Today(clock), clock.GetUtcNow());
        return report.Version + 1;
    }
}

/// <summary>What a submission did: the new version and the days late of the first submission (0 in time).</summary>
public sealed record KpiReportSubmitted(int Version, int DaysLate);

/// <summary>
/// The coordinator submits the report for review (<c>KpiReport.Submit</c>): refused while the period has not ended, while
/// the contract is not in force, with a KPI without its actual, without the narrative, or with a KPI below the contract's
/// threshold (80% of its target by default) — or the SME share below 70% — left unexplained. The official in charge (or,
/// when he or she no longer holds the role, every official) is told a report awaits review, late ones with the days late.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SubmitKpiReport(Guid ReportId, int Version) : ICommand<KpiReportSubmitted>, IKpiReportRequest;

public sealed class SubmitKpiReportValidator : AbstractValidator<SubmitKpiReport>
{
    public SubmitKpiReportValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SubmitKpiReportAuthorizer(IAppDbContext db) : CoordinatorKpiReportAuthorizer<SubmitKpiReport>(db);

public sealed class SubmitKpiReportHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<SubmitKpiReport, KpiReportSubmitted>
{
    public async ValueTask<KpiReportSubmitted> Handle(SubmitKpiReport command, CancellationToken cancellationToken)
    {
        var (report, contract) = await ReportData.LoadAsync(db, command.ReportId, command.Version, lockContract: true, cancellationToken);
        report.Submit(contract, user.UserId!.Value, ContractData.Today(clock), clock.GetUtcNow());
        await outbox.EnqueueAsync(ReportData.Submitted(contract, report, await ContractData.OfficialsInChargeAsync(db, contract, cancellationToken)), cancellationToken);
        return new KpiReportSubmitted(report.Version + 1, report.DaysLate ?? 0);
    }
}
