using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Outbox;

/// <summary>
/// Delivers due outbox messages, batch by batch: each batch is claimed with a lease (its own committed command),
/// sent — e-mails through <see cref="IEmailSender"/>, in-app messages straight to the inbox — and its results are
/// recorded (another command, audited). Not a transaction itself: nothing is held open while mail is sent.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record DispatchOutbox(int BatchSize = 100, int MaxMessages = 20_000) : IRequest<DispatchOutboxResult>;

public sealed record DispatchOutboxResult(int Claimed, int Sent, int Retrying, int Failed);

public sealed class DispatchOutboxValidator : AbstractValidator<DispatchOutbox>
{
    public DispatchOutboxValidator()
    {
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 1000);
        RuleFor(x => x.MaxMessages).GreaterThanOrEqualTo(1);
    }
}

public sealed class DispatchOutboxHandler(ISender sender, IEmailSender email) : IRequestHandler<DispatchOutbox, DispatchOutboxResult>
{
    public async ValueTask<DispatchOutboxResult> Handle(DispatchOutbox request, CancellationToken cancellationToken)
    {
        var total = new DispatchOutboxResult(0, 0, 0, 0);
        while (total.Claimed < request.MaxMessages)
        {
            var claim = await sender.Send(new ClaimOutboxMessages(Math.Min(request.BatchSize, request.MaxMessages - total.Claimed)), cancellationToken);
            if (claim.Messages.Count == 0)
            {
                break;
            }

            var results = claim.Messages.Where(m => m.Channel == OutboxChannel.InApp).Select(m => new EmailSendResult(m.Id, null)).ToList();
            var emails = claim.Messages.Where(m => m.Channel == OutboxChannel.Email)
                .Select(m => new EmailMessage(m.Id, m.RecipientEmail!, m.RecipientName, m.Subject, m.Text, m.Html))
                .ToList();
            if (emails.Count > 0)
            {
                results.AddRange(await SendAsync(emails, cancellationToken));
            }

            var recorded = await sender.Send(new RecordOutboxDeliveries(claim.LeaseId, results), cancellationToken);
            total = new DispatchOutboxResult(
                total.Claimed + claim.Messages.Count,
                total.Sent + recorded.Sent,
                total.Retrying + recorded.Retrying,
                total.Failed + recorded.Failed);
        }

        return total;
    }

    private async Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> emails, CancellationToken cancellationToken)
    {
        try
        {
            return await email.SendAsync(emails, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sender that throws still must not lose the batch: every message is retried later.
            return emails.Select(e => new EmailSendResult(e.MessageId, ex.Message)).ToList();
        }
    }
}

/// <summary>
/// Claims up to <see cref="BatchSize"/> due messages for one dispatcher: a conditional update (pending, due, lease
/// empty or expired → this lease) that the database applies to each row once, then reads back the rows with this
/// lease. Two dispatchers at once get disjoint sets. Committed before anything is sent.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record ClaimOutboxMessages(int BatchSize) : ICommand<OutboxClaim>;

public sealed record OutboxClaim(Guid LeaseId, IReadOnlyList<ClaimedMessage> Messages);

public sealed record ClaimedMessage(Guid Id, OutboxChannel Channel, string? RecipientEmail, string RecipientName, string Subject, string Text, string? Html);

public sealed class ClaimOutboxMessagesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ClaimOutboxMessages, OutboxClaim>
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    private const int MaxRounds = 5;

    public async ValueTask<OutboxClaim> Handle(ClaimOutboxMessages command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = Guid.CreateVersion7();
        var leaseUntil = now + LeaseDuration;
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidates = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(command.BatchSize)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return new OutboxClaim(lease, []);
            }

            // The conditions are repeated in the update itself: a dispatcher that waited for another's row locks
            // re-checks them on the committed row and skips what the other has just leased.
            var claimed = await db.OutboxMessages
                .Where(m => candidates.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, lease).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
            if (claimed > 0)
            {
                break;
            }

            // Another dispatcher took these between our read and our update: look again for what is left.
        }

        var mine = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.LeaseOwner == lease)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Channel, m.RecipientEmail, m.RecipientUserId, m.Subject, m.Text, m.Html })
            .ToListAsync(cancellationToken);
        var userIds = mine.Select(m => m.RecipientUserId).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new OutboxClaim(
            lease,
            mine.Select(m => new ClaimedMessage(m.Id, m.Channel, m.RecipientEmail, names.GetValueOrDefault(m.RecipientUserId) ?? "", m.Subject, m.Text, m.Html)).ToList());
    }
}

/// <summary>Records how the messages of one lease went: sent (in-app ones land in the inbox), or failed and retried with backoff.</summary>
[AllowedRoles(Roles.System)]
public sealed record RecordOutboxDeliveries(Guid LeaseId, IReadOnlyList<EmailSendResult> Results) : ICommand<DispatchOutboxResult>;

public sealed class RecordOutboxDeliveriesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RecordOutboxDeliveries, DispatchOutboxResult>
{
    public async ValueTask<DispatchOutboxResult> Handle(RecordOutboxDeliveries command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = command.Results.Select(r => r.MessageId).ToList();

        // Only rows still under this lease: if it ran out and another dispatcher took a message, that one records it.
        var messages = await db.OutboxMessages
            .Where(m => m.LeaseOwner == command.LeaseId && ids.Contains(m.Id) && m.Status == OutboxStatus.Pending)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var result in command.Results)
        {
            if (!messages.TryGetValue(result.MessageId, out var message))
            {
                continue;
            }

            if (result.Succeeded)
            {
                message.MarkSent(now);
                if (message.HasRecipientUser)
                {
                    db.Notifications.Add(Notification.DeliveredFrom(message, now));
                }

                sent++;
            }
            else
            {
                message.RecordFailure(result.Error!, now);
                if (message.Status == OutboxStatus.Failed)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }
        }

        return new DispatchOutboxResult(messages.Count, sent, retrying, failed);
    }
}
