using KkkCompetition.Application.Notifications.Reminders;

namespace KkkCompetition.Testing;

/// <summary>A reminder source over a list held in memory, answering only for the asked window as a real source's query does.</summary>
public sealed class FixedReminderSource(string ruleKey) : IReminderSource
{
    private readonly List<ReminderSubject> _subjects = [];

    public string RuleKey { get; } = ruleKey;

    /// <summary>How many times the engine asked, and for which windows.</summary>
    public List<(DateTimeOffset From, DateTimeOffset Before)> Asked { get; } = [];

    /// <summary>Awaited before each answer, to hold a scan in the middle of its transaction.</summary>
    public Func<Task>? BeforeAnswer { get; set; }

    public void Add(ReminderSubject subject)
    {
        lock (_subjects)
        {
            _subjects.Add(subject);
        }
    }

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        if (BeforeAnswer is { } hold)
        {
            await hold();
        }

        lock (_subjects)
        {
            Asked.Add((dueFrom, dueBefore));
            return _subjects.Where(s => s.DueAt >= dueFrom && s.DueAt < dueBefore).ToList();
        }
    }
}
