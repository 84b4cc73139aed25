namespace KkkCompetition.Application.Notifications.Outbox;

/// <summary>One e-mail as the dispatcher hands it to the sender.</summary>
public sealed record EmailMessage(Guid MessageId, string To, string ToName, string Subject, string Text, string? Html);

/// <summary>How one e-mail went: <see cref="Error"/> is null when the server accepted it.</summary>
public sealed record EmailSendResult(Guid MessageId, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The mail port: sends a batch over one connection and reports each message. It does not throw for a delivery
/// problem (server unreachable, recipient refused): every message of the batch gets its result.
/// </summary>
public interface IEmailSender
{
    Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken);
}
