using System.Collections.Concurrent;
using KkkCompetition.Application.Notifications.Outbox;

namespace KkkCompetition.Testing.Mail;

/// <summary>An <see cref="IEmailSender"/> that keeps what it was given (optionally slowly, to widen races).</summary>
public sealed class RecordingEmailSender(TimeSpan? delayPerBatch = null) : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyCollection<EmailMessage> Sent => _sent.ToArray();

    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        if (delayPerBatch is { } delay)
        {
            await Task.Delay(delay, cancellationToken);
        }

        foreach (var message in messages)
        {
            _sent.Enqueue(message);
        }

        return messages.Select(m => new EmailSendResult(m.MessageId, null)).ToList();
    }
}
