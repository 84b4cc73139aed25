using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// The scoring deadlines of assignments whose sheet is not in yet, for the reminder rule
/// <see cref="ReminderCatalogue.ExpertScoringDeadline"/> (5 and 1 day before, 1 day after by default). The expert is
/// responsible; after the deadline the rule copies an official: the one who assigned him by hand, otherwise the one who
/// invited him to the pool (the solver's assignments have no official of their own). The link opens the expert's assignment.
/// </summary>
public sealed class ScoringDeadlineReminderSource(IAppDbContext db) : IReminderSource
{
    public string RuleKey => ReminderCatalogue.ExpertScoringDeadline;

    public static string SubjectKey(Guid assignmentId) => $"scoring-deadline:{assignmentId}";

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        // The deadline is the last second of its day (23:59:59 in Warsaw), itself the due instant.
        var rows = await (
                from a in db.ExpertAssignments.AsNoTracking()
                where (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted) && a.Deadline >= dueFrom && a.Deadline < dueBefore
                join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                where e.UserId != null
                join p in db.Applications.AsNoTracking().IgnoreAutoIncludes() on a.ApplicationId equals p.Id
                join c in db.Clusters.AsNoTracking() on p.ClusterId equals c.Id
                select new { a.Id, a.Deadline, a.AssignedBy, ExpertUserId = e.UserId!.Value, e.InvitedBy, p.Number, ClusterName = c.Name })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ReminderSubject(
                SubjectKey(r.Id),
                r.Deadline,
                [r.ExpertUserId],
                [r.AssignedBy ?? r.InvitedBy],
                AssignmentNotices.AssignmentLink(r.Id),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["subjectTitle.pl"] = $"ocena wniosku {r.Number} klastra {r.ClusterName}",
                    ["subjectTitle.en"] = $"evaluation of application {r.Number} of {r.ClusterName}",
                }))
            .ToList();
    }
}
