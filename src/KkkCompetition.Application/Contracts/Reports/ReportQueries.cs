using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>A contract's reporting schedule with each report's due day, status and lateness (its coordinator, officials).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetContractSchedule(Guid ContractId) : IQuery<ContractScheduleView>, IContractRequest;

public sealed class GetContractScheduleValidator : AbstractValidator<GetContractSchedule>
{
    public GetContractScheduleValidator() => RuleFor(x => x.ContractId).NotEmpty();
}

public sealed class GetContractScheduleAuthorizer(IAppDbContext db) : ContractAuthorizer<GetContractSchedule>(db);

public sealed class GetContractScheduleHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetContractSchedule, ContractScheduleView>
{
    public async ValueTask<ContractScheduleView> Handle(GetContractSchedule query, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == query.ContractId)
            .Select(c => new { c.Id, c.Number, c.ClusterName, c.Status, c.StartsOn, c.EndsOn })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", query.ContractId);
        var today = ContractData.Today(clock);
        var rows = await ReportData.Rows(db, db.KpiReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.ContractId == query.ContractId))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ThenBy(r => r.Year)
            .ToListAsync(cancellationToken);
        return new ContractScheduleView(
            contract.Id, contract.Number, contract.ClusterName, contract.Status, contract.StartsOn, contract.EndsOn, [.. rows.Select(r => ReportData.ToRow(r, today))]);
    }
}

/// <summary>
/// The applicant's reports over all his or her contracts, next due first: those still to be filed or corrected by their due
/// day, then the submitted and accepted ones; <see cref="OnlyOpen"/> leaves out the accepted. Paged on the server.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ListMyKpiReports(bool OnlyOpen = false, int Page = 1, int PageSize = 25) : IQuery<PagedResult<KpiReportRow>>;

public sealed class ListMyKpiReportsValidator : AbstractValidator<ListMyKpiReports>
{
    public ListMyKpiReportsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyKpiReportsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListMyKpiReports, PagedResult<KpiReportRow>>
{
    public async ValueTask<PagedResult<KpiReportRow>> Handle(ListMyKpiReports query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var own = ContractData.OwnContracts(db, userId).Select(c => c.Id);
        var reports = db.KpiReports.AsNoTracking().IgnoreAutoIncludes().Where(r => own.Contains(r.ContractId));
        if (query.OnlyOpen)
        {
            reports = reports.Where(r => r.Status != KpiReportStatus.Accepted);
        }

        var rows = ReportData.Rows(db, reports);
        var total = await rows.CountAsync(cancellationToken);

        // What the coordinator still has to do comes first (not started, draft, returned), then what the official holds,
        // then what is done; within each, by the due day.
        var items = await rows
            .OrderBy(r => r.Status == KpiReportStatus.Accepted ? 2 : r.Status == KpiReportStatus.Submitted ? 1 : 0)
            .ThenBy(r => r.DueOn).ThenBy(r => r.ContractNumber).ThenBy(r => r.Kind).ThenBy(r => r.Year).ThenBy(r => r.Id)
            .Page(query.Page, query.PageSize)
            .ToListAsync(cancellationToken);
        var today = ContractData.Today(clock);
        return new PagedResult<KpiReportRow>([.. items.Select(r => ReportData.ToRow(r, today))], total, query.Page, query.PageSize);
    }
}

/// <summary>
/// A report with everything its form and its review need (the coordinator, officials): the KPIs of the plan in force for
/// the period with their targets, actuals, achievement and explanations, the narrative, the disbursements with their SME
/// share, the evidence and the official's comments.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetKpiReport(Guid ReportId) : IQuery<KpiReportView>, IKpiReportRequest;

public sealed class GetKpiReportValidator : AbstractValidator<GetKpiReport>
{
    public GetKpiReportValidator() => RuleFor(x => x.ReportId).NotEmpty();
}

public sealed class GetKpiReportAuthorizer(IAppDbContext db) : KpiReportAuthorizer<GetKpiReport>(db);

public sealed class GetKpiReportHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetKpiReport, KpiReportView>
{
    public async ValueTask<KpiReportView> Handle(GetKpiReport query, CancellationToken cancellationToken)
    {
        var report = await db.KpiReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.ReportId, cancellationToken)
            ?? throw new NotFoundException("KpiReport", query.ReportId);
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == report.ContractId, cancellationToken);
        var isCoordinator = user.IsInRole(Roles.Applicant) && user.UserId is { } userId
            && await ReportData.IsCoordinatorAsync(db, report.Id, userId, cancellationToken);
        return KpiReportViews.Of(report, contract, ContractData.Today(clock), isCoordinator, user.IsInRole(Roles.Official));
    }
}

internal static class KpiReportViews
{
    public static KpiReportView Of(KpiReport report, ProgrammeContract contract, DateOnly today, bool isCoordinator, bool isOfficial)
    {
        var (kpis, targets) = report.PlanFor(contract);
        var needing = report.NeedingJustification(contract).ToHashSet(StringComparer.Ordinal);
        var lines = report.Lines.ToDictionary(l => l.KpiCode, StringComparer.Ordinal);
        var hasDisbursements = report.Disbursements.Count > 0;
        var periodEnded = today > report.PeriodEnd;
        return new KpiReportView(
            report.Id,
            contract.Id,
            contract.Number,
            contract.ClusterName,
            contract.Status,
            report.Kind,
            report.Year,
            report.PeriodStart,
            report.PeriodEnd,
            report.DueOn,
            report.Status,
            report.FirstSubmittedAt,
            report.SubmittedAt,
            report.DaysLate,
            report.DaysOverdue(today),
            report.ReturnCount,
            report.ReviewedAt,
            report.AcceptedAt,
            contract.Terms.JustificationBelowPercent,
            BudgetYear.MinimumSmeSharePercent,
            [.. kpis.Select(k =>
            {
                var line = lines.GetValueOrDefault(k.Code);
                var target = targets.GetValueOrDefault(k.Code);
                return new KpiReportLineView(
                    k.Code,
                    k.NamePl,
                    k.NameEn,
                    k.Unit,
                    k.Direction,
                    k.IsMandatory,
                    k.Weight,
                    target,
                    line?.Actual,
                    KpiAchievement.Percent(k.Direction, target, line?.Actual),
                    needing.Contains(k.Code),
                    line?.Justification,
                    line?.ReviewComment,
                    k.Code == KpiReport.SmeShareKpiCode && hasDisbursements);
            })],
            report.Narrative,
            report.Disbursements,
            report.Disbursements.Sum(d => d.Amount),
            report.SmeSharePercent,
            report.SmeSharePercent < BudgetYear.MinimumSmeSharePercent,
            [.. report.Evidence.OrderBy(e => e.UploadedAt).Select(e => Evidence(report.Id, e))],
            report.ReviewComment,
            periodEnded,
            isCoordinator && report.IsEditable && periodEnded,
            isOfficial && report.Status == KpiReportStatus.Submitted,
            report.Version);
    }

    public static KpiReportEvidenceView Evidence(Guid reportId, KpiReportEvidence e) =>
        new(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAt, ReportLinks.Evidence(reportId, e.Id));
}

public enum ReviewQueueStatus
{
    /// <summary>Awaiting the official's review (the queue's default).</summary>
    Submitted,
    Returned,
    Accepted,
    Draft,
    NotStarted,
    All,
}

public enum ReviewQueueSort
{
    DueOn,
    SubmittedAt,
    DaysLate,
    Cluster,
}

/// <summary>
/// The officials' review queue: reports filtered by status (by default those awaiting review), late only (submitted after
/// their due day, or overdue and not submitted), the contract's phase and voivodeship, and a search in the contract's number
/// or the cluster's name; sorted by due day, submission, days late or cluster, and paged — all on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListKpiReportsForReview(
    ReviewQueueStatus Status = ReviewQueueStatus.Submitted,
    bool LateOnly = false,
    Guid? PhaseId = null,
    string? Voivodeship = null,
    string? Search = null,
    ReviewQueueSort Sort = ReviewQueueSort.DueOn,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<KpiReportRow>>;

public sealed class ListKpiReportsForReviewValidator : AbstractValidator<ListKpiReportsForReview>
{
    public const int MaxSearchLength = 100;

    public ListKpiReportsForReviewValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.Voivodeship).Matches("^[0-9]{2}$").When(x => !string.IsNullOrEmpty(x.Voivodeship));
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListKpiReportsForReviewHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListKpiReportsForReview, PagedResult<KpiReportRow>>
{
    public async ValueTask<PagedResult<KpiReportRow>> Handle(ListKpiReportsForReview query, CancellationToken cancellationToken)
    {
        var today = ContractData.Today(clock);
        var reports = db.KpiReports.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status != ReviewQueueStatus.All)
        {
            var status = Enum.Parse<KpiReportStatus>(query.Status.ToString());
            reports = reports.Where(r => r.Status == status);
        }

        if (query.LateOnly)
        {
            reports = reports.Where(r => r.DaysLate > 0 || (r.FirstSubmittedAt == null && r.DueOn < today));
        }

        var rows = ReportData.Rows(db, reports);
        if (query.PhaseId is { } phaseId)
        {
            rows = rows.Where(r => r.PhaseId == phaseId);
        }

        if (!string.IsNullOrEmpty(query.Voivodeship))
        {
            rows = rows.Where(r => r.VoivodeshipTeryt == query.Voivodeship);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides: the same answer on every provider (PostgreSQL's LIKE is case-sensitive).
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            rows = rows.Where(r => r.ContractNumber.ToLower().Contains(text) || r.ClusterName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var total = await rows.CountAsync(cancellationToken);
        var sorted = query.Sort switch
        {
            ReviewQueueSort.SubmittedAt => rows.SortBy(r => r.SubmittedAt, r => r.Id, query.Descending),

            // Not submitted yet: no days late; counted as 0 so that every provider orders them alike.
            ReviewQueueSort.DaysLate => rows.SortBy(r => r.DaysLate ?? 0, r => r.Id, query.Descending),
            ReviewQueueSort.Cluster => rows.SortBy(r => r.ClusterName, r => r.Id, query.Descending),
            _ => rows.SortBy(r => r.DueOn, r => r.Id, query.Descending),
        };
        var items = await sorted.Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<KpiReportRow>([.. items.Select(r => ReportData.ToRow(r, today))], total, query.Page, query.PageSize);
    }
}
