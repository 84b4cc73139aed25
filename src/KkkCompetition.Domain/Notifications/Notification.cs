using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Notifications;

/// <summary>An item in a user's in-app inbox (the bell).</summary>
public sealed class Notification : Entity
{
    private Notification()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>The outbox message it was delivered from; unique, so a message lands in the inbox once.</summary>
    public Guid? OutboxMessageId { get; private set; }

    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static Notification DeliveredFrom(OutboxMessage message, DateTimeOffset now) => new()
    {
        UserId = message.RecipientUserId,
        OutboxMessageId = message.Id,
        Title = message.Subject,
        Text = message.Text,
        Link = message.Link,
        CreatedAt = now,
    };

    /// <summary>Idempotent: reading it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>A user's choice for one reminder rule: e-mail on or off (the in-app notification always comes).</summary>
public sealed class NotificationPreference : Entity
{
    private NotificationPreference()
    {
    }

    public Guid UserId { get; private set; }
    public string RuleKey { get; private set; } = "";
    public bool EmailEnabled { get; private set; } = true;

    public static NotificationPreference For(Guid userId, ReminderRule rule, bool emailEnabled)
    {
        var preference = new NotificationPreference { UserId = userId, RuleKey = rule.Key };
        preference.Set(rule, emailEnabled);
        return preference;
    }

    public void Set(ReminderRule rule, bool emailEnabled)
    {
        if (rule.Mandatory && !emailEnabled)
        {
            throw new BusinessRuleViolation("notification.rule_mandatory", "E-mail for this reminder cannot be turned off.");
        }

        EmailEnabled = emailEnabled;
    }
}
