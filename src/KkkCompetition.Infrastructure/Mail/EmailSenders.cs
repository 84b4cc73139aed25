using KkkCompetition.Application.Notifications.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KkkCompetition.Infrastructure.Mail;

/// <summary>Builds the MIME message of an outbox e-mail: plain text and HTML alternatives.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage email, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.MessageId:N}@{options.FromAddress.Split('@').LastOrDefault() ?? "kkk"}";
        var body = new BodyBuilder { TextBody = email.Text };
        if (!string.IsNullOrEmpty(email.Html))
        {
            body.HtmlBody = email.Html;
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}

/// <summary>SMTP with MailKit: one connection per batch; a refused recipient fails only its own message.</summary>
public sealed partial class SmtpEmailSender(IOptions<MailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new List<EmailSendResult>(messages.Count);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreachable(logger, settings.Host, settings.Port, ex.Message);
            return messages.Select(m => new EmailSendResult(m.MessageId, $"SMTP {settings.Host}:{settings.Port} unreachable: {ex.Message}")).ToList();
        }

        foreach (var email in messages)
        {
            if (!client.IsConnected)
            {
                results.Add(new EmailSendResult(email.MessageId, "The SMTP connection was lost."));
                continue;
            }

            try
            {
                await client.SendAsync(MimeMessages.Create(email, settings), cancellationToken);
                results.Add(new EmailSendResult(email.MessageId, null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Add(new EmailSendResult(email.MessageId, ex.Message));
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Every message was already accepted or refused; a failed QUIT changes nothing.
                LogQuitFailed(logger, ex.Message);
            }
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} unreachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP QUIT failed: {Error}")]
    private static partial void LogQuitFailed(ILogger logger, string error);
}

/// <summary>Development mail: every e-mail becomes an .eml file in the pickup folder, so no server is needed.</summary>
public sealed class PickupFolderEmailSender(string folder, IOptions<MailOptions> options) : IEmailSender
{
    public string Folder { get; } = folder;

    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var results = new List<EmailSendResult>(messages.Count);
        foreach (var email in messages)
        {
            try
            {
                await MimeMessages.Create(email, options.Value).WriteToAsync(Path.Combine(Folder, $"{email.MessageId:N}.eml"), cancellationToken);
                results.Add(new EmailSendResult(email.MessageId, null));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ParseException)
            {
                results.Add(new EmailSendResult(email.MessageId, ex.Message));
            }
        }

        return results;
    }
}
