using System.Globalization;
using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>
/// The coordinator's own commands on a report (filling in, submitting, evidence): only the coordinator of the report's
/// contract — unlike <see cref="KpiReportAuthorizer{TRequest}"/>, an official who also holds the applicant's role does not
/// reach other clusters' reports through them. Anybody else's report is "not found".
/// </summary>
public abstract class CoordinatorKpiReportAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IKpiReportRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await ReportData.IsCoordinatorAsync(db, request.ReportId, userId, cancellationToken);
}

/// <summary>Where the UI shows reports and serves their evidence (deep links in notices and reminders point here).</summary>
public static class ReportLinks
{
    /// <summary>Downloads for the signed-in browser (cookie); the API serves the same under /api/v1/reports.</summary>
    public const string FilesPrefix = "/files/reports";

    public static string Page(Guid reportId) => ContractData.ReportLink(reportId);

    public static string Schedule(Guid contractId) => $"{ContractData.ContractLink(contractId)}/schedule";

    public static string Evidence(Guid reportId, Guid evidenceId) => $"{FilesPrefix}/{reportId}/evidence/{evidenceId}";
}

/// <summary>Loading, listing and wording shared by the report use cases.</summary>
internal static class ReportData
{
    public static Task<bool> IsCoordinatorAsync(IAppDbContext db, Guid reportId, Guid userId, CancellationToken cancellationToken) =>
        (from r in db.KpiReports
         join c in ContractData.OwnContracts(db, userId) on r.ContractId equals c.Id
         where r.Id == reportId
         select r.Id).AnyAsync(cancellationToken);

    public static async Task<Guid> ContractIdAsync(IAppDbContext db, Guid reportId, CancellationToken cancellationToken) =>
        await db.KpiReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.ContractId).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("KpiReport", reportId);

    /// <summary>
    /// The report and its contract, the contract's row locked first when <paramref name="lockContract"/> (a submission and
    /// an acceptance read the contract's status and plan, which its own commands change), the version the caller read declared.
    /// </summary>
    public static async Task<(KpiReport Report, ProgrammeContract Contract)> LoadAsync(
        IAppDbContext db, Guid reportId, int version, bool lockContract, CancellationToken cancellationToken)
    {
        var contractId = await ContractIdAsync(db, reportId, cancellationToken);
        if (lockContract)
        {
            await ContractData.LockAsync(db, contractId, cancellationToken);
        }

        var report = await ContractData.LoadReportAsync(db, reportId, cancellationToken);
        db.ExpectVersion(report, version);
        var contract = await ContractData.LoadAsync(db, contractId, cancellationToken);
        return (report, contract);
    }

    /// <summary>Report rows with their contract's facts, as columns (sortable and filterable in SQL).</summary>
    public static IQueryable<ReportRowData> Rows(IAppDbContext db, IQueryable<KpiReport> reports) =>
        from r in reports
        join c in db.ProgrammeContracts.AsNoTracking() on r.ContractId equals c.Id
        select new ReportRowData
        {
            Id = r.Id,
            ContractId = c.Id,
            ContractNumber = c.Number,
            ClusterName = c.ClusterName,
            VoivodeshipTeryt = c.VoivodeshipTeryt,
            PhaseId = c.PhaseId,
            Kind = r.Kind,
            Year = r.Year,
            PeriodStart = r.PeriodStart,
            PeriodEnd = r.PeriodEnd,
            DueOn = r.DueOn,
            Status = r.Status,
            FirstSubmittedAt = r.FirstSubmittedAt,
            SubmittedAt = r.SubmittedAt,
            DaysLate = r.DaysLate,
            ReturnCount = r.ReturnCount,
        };

    public static KpiReportRow ToRow(ReportRowData r, DateOnly today) => new(
        r.Id,
        r.ContractId,
        r.ContractNumber,
        r.ClusterName,
        r.VoivodeshipTeryt,
        r.Kind,
        r.Year,
        r.PeriodStart,
        r.PeriodEnd,
        r.DueOn,
        r.Status,
        r.SubmittedAt,
        r.DaysLate,
        KpiReport.DaysOverdueOf(r.DueOn, r.FirstSubmittedAt, today),
        r.ReturnCount,
        today > r.PeriodEnd);

    /// <summary>"sprawozdanie roczne za 2026" / "annual report for 2026", or the final report.</summary>
    public static (string Pl, string En) Title(ReportKind kind, int? year) => kind == ReportKind.Annual
        ? ($"sprawozdanie roczne za {year}", $"the annual report for {year}")
        : ("sprawozdanie końcowe", "the final report");

    public static Dictionary<string, string> Values(ProgrammeContract contract, KpiReport report)
    {
        var (pl, en) = Title(report.Kind, report.Year);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contractNumber"] = contract.Number,
            ["clusterName"] = contract.ClusterName,
            ["reportTitle.pl"] = pl,
            ["reportTitle.en"] = en,
            ["dueOn"] = Day(report.DueOn),
        };
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static OutboxEnvelope Submitted(ProgrammeContract contract, KpiReport report, IReadOnlyCollection<Guid> reviewers)
    {
        var values = Values(contract, report);
        values["submittedOn"] = Day(Domain.Calendar.WorkingDayCalendar.ToWarsawDate(report.SubmittedAt!.Value));
        var late = report.DaysLate ?? 0;
        values["lateness.pl"] = late > 0 ? $"Sprawozdanie złożono po terminie: {late} {(late == 1 ? "dzień" : "dni")} spóźnienia." : "Sprawozdanie złożono w terminie.";
        values["lateness.en"] = late > 0 ? $"The report was submitted late: {late} {(late == 1 ? "day" : "days")} after the due day." : "The report was submitted in time.";
        values["resubmission.pl"] = report.ReturnCount > 0 ? $" (poprawione po zwrocie nr {report.ReturnCount})" : "";
        values["resubmission.en"] = report.ReturnCount > 0 ? $" (corrected after return no. {report.ReturnCount})" : "";
        return new OutboxEnvelope(ReportMessages.Submitted, reviewers, values, ReportLinks.Page(report.Id));
    }

    public static OutboxEnvelope Returned(ProgrammeContract contract, KpiReport report, Guid coordinatorId)
    {
        var values = Values(contract, report);
        var perKpi = report.Lines.Where(l => l.ReviewComment is not null).Select(l => $"{l.KpiCode}: {l.ReviewComment}").ToList();
        var general = report.ReviewComment is { } comment ? [comment] : new List<string>();
        values["comments"] = string.Join("\n", general.Concat(perKpi));
        return new OutboxEnvelope(ReportMessages.Returned, [coordinatorId], values, ReportLinks.Page(report.Id));
    }

    public static OutboxEnvelope Accepted(ProgrammeContract contract, KpiReport report, Guid coordinatorId)
    {
        var values = Values(contract, report);
        values["achievement.pl"] = contract.AchievementPercent is { } percent
            ? $"Wykonanie kontraktu według przyjętych sprawozdań rocznych: {percent.ToString("0.##", CultureInfo.GetCultureInfo("pl-PL"))}%."
            : "Wykonanie kontraktu zostanie wyliczone z przyjętych sprawozdań rocznych.";
        values["achievement.en"] = contract.AchievementPercent is { } p
            ? $"The contract's achievement by its accepted annual reports: {p.ToString("0.##", CultureInfo.InvariantCulture)}%."
            : "The contract's achievement will be computed from its accepted annual reports.";
        return new OutboxEnvelope(ReportMessages.Accepted, [coordinatorId], values, ReportLinks.Page(report.Id));
    }
}

/// <summary>A report's columns with its contract's; init properties so that queries can sort and filter on them.</summary>
internal sealed record ReportRowData
{
    public required Guid Id { get; init; }
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required string ClusterName { get; init; }
    public required string VoivodeshipTeryt { get; init; }
    public required Guid PhaseId { get; init; }
    public required ReportKind Kind { get; init; }
    public int? Year { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required DateOnly DueOn { get; init; }
    public required KpiReportStatus Status { get; init; }
    public DateTimeOffset? FirstSubmittedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int? DaysLate { get; init; }
    public required int ReturnCount { get; init; }
}
