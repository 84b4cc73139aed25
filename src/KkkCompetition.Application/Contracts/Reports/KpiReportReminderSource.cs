using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>
/// The due days of the reports not submitted yet (not started or draft) of contracts in force (active or suspended), for the
/// reminder rule <see cref="ReminderCatalogue.KpiReportDue"/> (30, 14 and 3 days before, on the day, 1 and 7 days after by
/// default). The coordinator is responsible; after the due day the rule copies the contract's official in charge (every
/// official, when he or she no longer holds the role). The link opens the report.
/// </summary>
public sealed class KpiReportReminderSource(IAppDbContext db) : IReminderSource
{
    public string RuleKey => ReminderCatalogue.KpiReportDue;

    public static string SubjectKey(Guid reportId) => $"kpi-report:{reportId}";

    /// <summary>The last second of the due day in Warsaw: a report submitted by then is in time.</summary>
    public static DateTimeOffset DueAt(DateOnly dueOn) => WorkingDayCalendar.LastSecondOfWarsawDay(dueOn);

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        // The due instant falls on the due day, so the window translates to a range of days in the query; the exact
        // instants are checked below on those rows.
        var firstDay = WorkingDayCalendar.ToWarsawDate(dueFrom);
        var lastDay = WorkingDayCalendar.ToWarsawDate(dueBefore);
        var rows = await (
                from r in db.KpiReports.AsNoTracking().IgnoreAutoIncludes()
                where (r.Status == KpiReportStatus.NotStarted || r.Status == KpiReportStatus.Draft) && r.DueOn >= firstDay && r.DueOn <= lastDay
                join c in db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes() on r.ContractId equals c.Id
                where c.Status == ContractStatus.Active || c.Status == ContractStatus.Suspended
                join cluster in db.Clusters.AsNoTracking() on c.ClusterId equals cluster.Id
                join o in db.Organisations.AsNoTracking() on cluster.OrganisationId equals o.Id
                select new { r.Id, r.Kind, r.Year, r.DueOn, c.Number, c.ClusterName, c.ResponsibleOfficialId, o.OwnerUserId })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var officials = await AppealData.OfficialsAsync(db, cancellationToken);
        return rows
            .Select(r => (Row: r, DueAt: DueAt(r.DueOn)))
            .Where(x => x.DueAt >= dueFrom && x.DueAt < dueBefore)
            .Select(x => new ReminderSubject(
                SubjectKey(x.Row.Id),
                x.DueAt,
                [x.Row.OwnerUserId],
                ContractData.OfficialsInCharge(officials, x.Row.ResponsibleOfficialId),
                ReportLinks.Page(x.Row.Id),
                Title(x.Row.Kind, x.Row.Year, x.Row.Number, x.Row.ClusterName)))
            .ToList();
    }

    private static Dictionary<string, string> Title(ReportKind kind, int? year, string contractNumber, string clusterName)
    {
        var (pl, en) = ReportData.Title(kind, year);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subjectTitle.pl"] = $"{pl} — kontrakt {contractNumber}, {clusterName}",
            ["subjectTitle.en"] = $"{en} — contract {contractNumber}, {clusterName}",
        };
    }
}
