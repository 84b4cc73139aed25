namespace KkkCompetition.Application.Notifications.Reminders;

/// <summary>
/// One subject with a deadline, as a feature reports it: a stable key ("kpi-report:{id}"), the due instant, who is
/// responsible, which officials are copied once the deadline has passed (when the rule escalates), the deep link,
/// and the values of the template's placeholders (<c>subjectTitle</c>; <c>name.pl</c>/<c>name.en</c> for wording per language).
/// </summary>
public sealed record ReminderSubject(
    string SubjectKey,
    DateTimeOffset DueAt,
    IReadOnlyCollection<Guid> ResponsibleUserIds,
    IReadOnlyCollection<Guid> OfficialUserIds,
    string? Link,
    IReadOnlyDictionary<string, string> Values);

/// <summary>
/// How a feature plugs its deadlines into the reminder engine: register an implementation in DI
/// (<c>services.AddScoped&lt;IReminderSource, KpiReportReminderSource&gt;()</c>). The engine asks only for subjects
/// due in a window — the source must filter in its database query, not in memory — and knows nothing else of the feature.
/// </summary>
public interface IReminderSource
{
    /// <summary>The rule of the catalogue (e.g. <c>ReminderCatalogue.KpiReportDue</c>) these subjects belong to.</summary>
    string RuleKey { get; }

    /// <summary>The subjects due at or after <paramref name="dueFrom"/> and strictly before <paramref name="dueBefore"/>.</summary>
    Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken);
}
