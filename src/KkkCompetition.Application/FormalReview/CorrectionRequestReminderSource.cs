using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// The correction requests still to answer, for the reminder rule <see cref="ReminderCatalogue.CorrectionRequest"/>
/// (3 and 1 day before the deadline by default). The owner of the application is responsible; the link opens the correction page.
/// </summary>
public sealed class CorrectionRequestReminderSource(IAppDbContext db) : IReminderSource
{
    public string RuleKey => ReminderCatalogue.CorrectionRequest;

    public static string SubjectKey(Guid applicationId) => $"correction-request:{applicationId}";

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        // A deadline is stored as its first late instant; the subject is due at the last instant before it, on the last
        // day of the deadline. So: due in [from, before) ⇔ from < DeadlineAt ≤ before.
        var rows = await (
                from c in db.CorrectionRequests.AsNoTracking()
                where c.AnsweredAt == null && c.DeadlineAt > dueFrom && c.DeadlineAt <= dueBefore
                join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                where a.Status == ApplicationStatus.CorrectionRequested
                join cl in db.Clusters.AsNoTracking() on a.ClusterId equals cl.Id
                select new { a.Id, a.Number, a.OwnerUserId, ClusterName = cl.Name, c.DeadlineAt })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ReminderSubject(
                SubjectKey(r.Id),
                r.DeadlineAt.AddTicks(-1),
                [r.OwnerUserId],
                [],
                FormalReviewData.CorrectionLink(r.Id),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["subjectTitle.pl"] = $"wniosek {r.Number} klastra {r.ClusterName}",
                    ["subjectTitle.en"] = $"application {r.Number} of {r.ClusterName}",
                }))
            .ToList();
    }
}
