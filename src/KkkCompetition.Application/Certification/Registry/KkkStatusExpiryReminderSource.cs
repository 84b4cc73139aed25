using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>
/// The last days of active KKK statuses, for the reminder rule <see cref="ReminderCatalogue.KkkStatusExpiring"/> (90 and
/// 30 days before by default). The coordinator — the owner of the cluster's organisation — is responsible; the link
/// opens the cluster's public card.
/// </summary>
public sealed class KkkStatusExpiryReminderSource(IAppDbContext db) : IReminderSource
{
    public string RuleKey => ReminderCatalogue.KkkStatusExpiring;

    public static string SubjectKey(Guid statusId) => $"kkk-status-expiry:{statusId}";

    /// <summary>The last second of the last day of validity in Warsaw: the reminders count their days to that day.</summary>
    public static DateTimeOffset DueAt(DateOnly validTo) => WorkingDayCalendar.LastSecondOfWarsawDay(validTo);

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        // The due instant falls on ValidTo's day, so the window translates to a range of days in the query; the exact
        // instants are checked below on those few rows.
        var firstDay = WorkingDayCalendar.ToWarsawDate(dueFrom);
        var lastDay = WorkingDayCalendar.ToWarsawDate(dueBefore);
        var rows = await (
                from s in db.KkkStatuses.AsNoTracking()
                where s.State == KkkStatusState.Active && s.ValidTo >= firstDay && s.ValidTo <= lastDay
                join c in db.Clusters.AsNoTracking() on s.ClusterId equals c.Id
                join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                select new { s.Id, s.ClusterId, s.ClusterName, s.CertificateNumber, s.ValidTo, o.OwnerUserId })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (Row: r, DueAt: DueAt(r.ValidTo)))
            .Where(x => x.DueAt >= dueFrom && x.DueAt < dueBefore)
            .Select(x => new ReminderSubject(
                SubjectKey(x.Row.Id),
                x.DueAt,
                [x.Row.OwnerUserId],
                [],
                RegistryData.CardLink(x.Row.ClusterId),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["subjectTitle.pl"] = $"status KKK klastra {x.Row.ClusterName} (certyfikat {x.Row.CertificateNumber})",
                    ["subjectTitle.en"] = $"the KKK status of {x.Row.ClusterName} (certificate {x.Row.CertificateNumber})",
                }))
            .ToList();
    }
}
