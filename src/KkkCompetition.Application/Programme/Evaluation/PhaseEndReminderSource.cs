using System.Globalization;
using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>
/// The last days of the programme's phases, for the reminder rule <see cref="ReminderCatalogue.PhaseEnd"/> (60 days before
/// by default): the officials are responsible for the phase's evaluation. A phase whose evaluation is already closed has
/// nothing left to remind of. The link opens the phase's evaluation board, or the phases page while none is open.
/// </summary>
public sealed class PhaseEndReminderSource(IAppDbContext db) : IReminderSource
{
    public const string PhasesLink = "/programme/phases";

    public string RuleKey => ReminderCatalogue.PhaseEnd;

    public static string SubjectKey(Guid phaseId) => $"phase-end:{phaseId}";

    /// <summary>The last second of the phase's last day in Warsaw: the reminders count their days to that day.</summary>
    public static DateTimeOffset DueAt(DateOnly endsOn) => WorkingDayCalendar.LastSecondOfWarsawDay(endsOn);

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        // The due instant falls on the last day, so the window translates to a range of days in the query; the exact
        // instants are checked below on those few rows.
        var firstDay = WorkingDayCalendar.ToWarsawDate(dueFrom);
        var lastDay = WorkingDayCalendar.ToWarsawDate(dueBefore);
        var rows = await (
                from p in db.ProgrammePhases.AsNoTracking()
                where p.EndsOn >= firstDay && p.EndsOn <= lastDay
                join e in db.PhaseEvaluations.AsNoTracking() on p.Id equals e.PhaseId into evaluations
                from e in evaluations.DefaultIfEmpty()
                where e == null || e.Status != PhaseEvaluationStatus.Closed
                select new { p.Id, p.Number, p.StartsOn, p.EndsOn, EvaluationId = e == null ? (Guid?)null : e.Id })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var officials = await AppealData.OfficialsAsync(db, cancellationToken);
        return rows
            .Select(r => (Row: r, DueAt: DueAt(r.EndsOn)))
            .Where(x => x.DueAt >= dueFrom && x.DueAt < dueBefore)
            .Select(x => new ReminderSubject(
                SubjectKey(x.Row.Id),
                x.DueAt,
                officials,
                [],
                x.Row.EvaluationId is { } evaluationId ? PhaseEvaluationData.BoardLink(evaluationId) : PhasesLink,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["subjectTitle.pl"] = string.Create(CultureInfo.InvariantCulture, $"faza {x.Row.Number} programu ({x.Row.StartsOn:yyyy-MM-dd} – {x.Row.EndsOn:yyyy-MM-dd}): ocena fazy"),
                    ["subjectTitle.en"] = string.Create(CultureInfo.InvariantCulture, $"programme phase {x.Row.Number} ({x.Row.StartsOn:yyyy-MM-dd} – {x.Row.EndsOn:yyyy-MM-dd}): the phase evaluation"),
                }))
            .ToList();
    }
}
