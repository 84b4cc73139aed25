using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Notifications;

public enum OutboxChannel
{
    Email,
    InApp,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One message to one user, written in the transaction of the change that caused it and delivered later by the
/// dispatcher. A dispatcher claims it with a lease (owner + until) in the database, so two dispatchers never send it twice.
/// </summary>
public sealed class OutboxMessage : Entity
{
    /// <summary>Attempts before a message is given up as failed (an administrator may retry it).</summary>
    public const int MaxAttempts = 6;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    public const string NoEmailAddressNote = "The recipient has no e-mail address: delivered in the application only.";

    public const string EmailTurnedOffNote = "The recipient turned e-mail off for this reminder: delivered in the application only.";

    private OutboxMessage()
    {
    }

    public OutboxChannel Channel { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public string? RecipientEmail { get; private set; }
    public string Language { get; private set; } = "pl";
    public string TemplateKey { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Html { get; private set; }
    public string? Link { get; private set; }

    /// <summary>Why the channel differs from what was asked (no address, e-mail turned off).</summary>
    public string? Note { get; private set; }

    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public Guid? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static OutboxMessage Create(
        OutboxChannel channel,
        Guid recipientUserId,
        string? recipientEmail,
        string language,
        string templateKey,
        RenderedMessage rendered,
        string? link,
        string? note,
        DateTimeOffset now)
    {
        if (channel == OutboxChannel.Email && string.IsNullOrWhiteSpace(recipientEmail))
        {
            throw new BusinessRuleViolation("outbox.email_without_address", "An e-mail needs a recipient address.");
        }

        return new OutboxMessage
        {
            Channel = channel,
            RecipientUserId = recipientUserId,
            RecipientEmail = string.IsNullOrWhiteSpace(recipientEmail) ? null : recipientEmail,
            Language = language,
            TemplateKey = templateKey,
            Subject = rendered.Subject,
            Text = rendered.Text,
            Html = rendered.Html,
            Link = link,
            Note = note,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// An e-mail to an address that has no account yet (an invitation): <see cref="RecipientUserId"/> is
    /// <see cref="Guid.Empty"/>, so the message has no in-app copy.
    /// </summary>
    public static OutboxMessage CreateForAddress(string email, string language, string templateKey, RenderedMessage rendered, string? link, DateTimeOffset now) =>
        Create(OutboxChannel.Email, Guid.Empty, email, language, templateKey, rendered, link, null, now);

    /// <summary>Whether the message belongs to a user (and lands in that user's inbox when delivered).</summary>
    public bool HasRecipientUser => RecipientUserId != Guid.Empty;

    public void MarkSent(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Pending)
        {
            throw new BusinessRuleViolation("outbox.not_pending", "Only a pending message can be sent.");
        }

        Status = OutboxStatus.Sent;
        Attempts++;
        SentAt = now;
        LastError = null;
        ReleaseLease();
    }

    /// <summary>A failed attempt: retried after 1, 2, 4, 8… minutes; after <see cref="MaxAttempts"/> the message is failed.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        if (Status != OutboxStatus.Pending)
        {
            throw new BusinessRuleViolation("outbox.not_pending", "Only a pending message can fail.");
        }

        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        ReleaseLease();
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        NextAttemptAt = now + RetryDelay(Attempts);
    }

    public static TimeSpan RetryDelay(int attemptsSoFar) => FirstRetryDelay * Math.Pow(2, Math.Max(attemptsSoFar - 1, 0));

    /// <summary>An administrator puts a failed message back in the queue, with a fresh set of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new BusinessRuleViolation("outbox.not_failed", "Only a failed message can be retried.");
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

/// <summary>A template rendered for one recipient.</summary>
public sealed record RenderedMessage(string Subject, string Text, string? Html);
