using System.Globalization;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Reminders;

/// <summary>
/// The daily reminder scan (System). For each enabled rule it asks the rule's sources only for subjects due within
/// [scan date − the rule's largest "after" − catch-up, scan date + its largest "before"] (Warsaw dates), takes for each subject
/// the latest offset already due (a rule's last offset is still sent up to <see cref="RunReminderScanHandler.CatchUpDays"/>
/// days late), and — unless that offset or a later one was already dispatched — records the
/// dispatch and enqueues one message per recipient, copying the officials after the deadline when the rule escalates.
/// Older offsets missed during downtime are skipped, never sent after a newer one.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record RunReminderScan : ICommand<ReminderScanResult>;

public sealed record ReminderScanResult(int SubjectsInWindow, int Dispatched, int Messages);

public sealed class RunReminderScanHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, IEnumerable<IReminderSource> sources)
    : ICommandHandler<RunReminderScan, ReminderScanResult>
{
    private const int KeysPerQuery = 500;

    /// <summary>
    /// How many days late a scan still sends a rule's last offset (the scanner was down on its day). Fixed, so the
    /// window — and the work of a scan — does not grow with the data.
    /// </summary>
    public const int CatchUpDays = 7;

    public async ValueTask<ReminderScanResult> Handle(RunReminderScan command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scanDate = WorkingDayCalendar.ToWarsawDate(now);

        // The scan's first write: a second scan at the same moment waits here for this one's commit, and then sees
        // its dispatch rows (the unique index on rule, subject and offset stays the last guard).
        await db.ReminderRules.Where(r => r.Enabled).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastScanAt, now), cancellationToken);
        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Key).ToListAsync(cancellationToken);

        int inWindow = 0, dispatched = 0, messages = 0;
        foreach (var rule in rules)
        {
            var ruleSources = sources.Where(s => s.RuleKey == rule.Key).ToList();
            if (ruleSources.Count == 0)
            {
                continue;
            }

            var dueFrom = WorkingDayCalendar.StartOfWarsawDay(scanDate.AddDays(-rule.MaxDaysAfter - CatchUpDays));
            var dueBefore = WorkingDayCalendar.StartOfWarsawDay(scanDate.AddDays(rule.MaxDaysBefore + 1));
            var candidates = new Dictionary<string, (ReminderSubject Subject, int Offset)>(StringComparer.Ordinal);
            foreach (var source in ruleSources)
            {
                foreach (var subject in await source.GetSubjectsDueAsync(dueFrom, dueBefore, cancellationToken))
                {
                    inWindow++;
                    if (rule.LatestDueOffset(WorkingDayCalendar.ToWarsawDate(subject.DueAt), scanDate) is { } offset)
                    {
                        candidates.TryAdd(subject.SubjectKey, (subject, offset));
                    }
                }
            }

            var latestSent = await LatestDispatchedAsync(rule.Key, candidates.Keys.ToList(), cancellationToken);
            var due = new List<(string Key, ReminderSubject Subject, int Offset, bool CopyOfficials, OutboxEnvelope Envelope)>();
            foreach (var (key, (subject, offset)) in candidates.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (latestSent.TryGetValue(key, out var sent) && sent >= offset)
                {
                    continue;
                }

                var copyOfficials = rule.CopiesOfficials(offset);
                var recipients = subject.ResponsibleUserIds.Concat(copyOfficials ? subject.OfficialUserIds : []).Distinct().ToList();
                due.Add((key, subject, offset, copyOfficials, new OutboxEnvelope(rule.Key, recipients, Values(subject, offset), subject.Link, rule.Key)));
            }

            var enqueued = await outbox.EnqueueAsync(due.Select(d => d.Envelope).ToList(), cancellationToken);
            for (var i = 0; i < due.Count; i++)
            {
                var (key, subject, offset, copyOfficials, _) = due[i];
                db.ReminderDispatches.Add(ReminderDispatch.Record(rule.Key, key, offset, subject.DueAt, now, enqueued[i].Count, copyOfficials));
                messages += enqueued[i].Count;
            }

            dispatched += due.Count;
        }

        return new ReminderScanResult(inWindow, dispatched, messages);
    }

    private async Task<Dictionary<string, int>> LatestDispatchedAsync(string ruleKey, List<string> subjectKeys, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in subjectKeys.Chunk(KeysPerQuery))
        {
            var rows = await db.ReminderDispatches.AsNoTracking()
                .Where(d => d.RuleKey == ruleKey && chunk.Contains(d.SubjectKey))
                .GroupBy(d => d.SubjectKey)
                .Select(g => new { SubjectKey = g.Key, Offset = g.Max(d => d.OffsetDays) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                latest[row.SubjectKey] = row.Offset;
            }
        }

        return latest;
    }

    private static Dictionary<string, string> Values(ReminderSubject subject, int offset)
    {
        var values = new Dictionary<string, string>(subject.Values, StringComparer.Ordinal)
        {
            ["dueDate"] = WorkingDayCalendar.ToWarsawDate(subject.DueAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["timing.pl"] = ReminderOffset.Describe(offset, "pl"),
            ["timing.en"] = ReminderOffset.Describe(offset, "en"),
        };
        return values;
    }
}
