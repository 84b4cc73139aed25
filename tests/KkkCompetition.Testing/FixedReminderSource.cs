using KkkCompetition.Application.Notifications.Reminders;

namespace KkkCompetition.Testing;

/// <summary>A reminder source over a list held in memory, answering only for the asked window as a real source's query does.</summary>
public sealed class FixedReminderSource(string ruleKey) : IReminderSource
{
    private readonly List<ReminderSubject> _subjects = [];

    public string RuleKey { get; } = ruleKey;

    /// <summary>How many times the engine asked, and for which windows.</summary>
    public List<(DateTimeOffset From, DateTimeOffset Before)> Asked { get; } = [];

    public void Add(ReminderSubject subject)
    {
        lock (_subjects)
        {
            _subjects.Add(subject);
        }
    }

    public Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        lock (_subjects)
        {
            Asked.Add((dueFrom, dueBefore));
            return Task.FromResult<IReadOnlyList<ReminderSubject>>(_subjects.Where(s => s.DueAt >= dueFrom && s.DueAt < dueBefore).ToList());
        }
    }
}
