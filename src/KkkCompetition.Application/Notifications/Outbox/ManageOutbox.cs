using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Outbox;

public enum OutboxSort
{
    CreatedAt,
    NextAttemptAt,
    Attempts,
    Status,
}

/// <summary>The outbox for administrators (newest first unless sorted otherwise), optionally only one status (failed ones show their error).</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record ListOutboxMessages(
    OutboxStatus? Status = null,
    int Page = 1,
    int PageSize = 25,
    OutboxSort SortBy = OutboxSort.CreatedAt,
    bool Descending = true) : IQuery<PagedResult<OutboxMessageDto>>;

public sealed record OutboxMessageDto(
    Guid Id,
    OutboxChannel Channel,
    Guid RecipientUserId,
    string? RecipientEmail,
    string Language,
    string TemplateKey,
    string Subject,
    string? Link,
    string? Note,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    int Version);

public sealed class ListOutboxMessagesValidator : AbstractValidator<ListOutboxMessages>
{
    public ListOutboxMessagesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class ListOutboxMessagesHandler(IAppDbContext db) : IQueryHandler<ListOutboxMessages, PagedResult<OutboxMessageDto>>
{
    public async ValueTask<PagedResult<OutboxMessageDto>> Handle(ListOutboxMessages query, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        var total = await messages.CountAsync(cancellationToken);
        var items = await Sort(messages, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(m => new OutboxMessageDto(m.Id, m.Channel, m.RecipientUserId, m.RecipientEmail, m.Language, m.TemplateKey, m.Subject, m.Link, m.Note, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt, m.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxMessageDto>(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<OutboxMessage> Sort(IQueryable<OutboxMessage> messages, OutboxSort sort, bool descending) => sort switch
    {
        OutboxSort.NextAttemptAt => messages.SortBy(m => m.NextAttemptAt, m => m.Id, descending),
        OutboxSort.Attempts => messages.SortBy(m => m.Attempts, m => m.Id, descending),
        OutboxSort.Status => messages.SortBy(m => m.Status, m => m.Id, descending),
        _ => messages.SortBy(m => m.CreatedAt, m => m.Id, descending),
    };
}

/// <summary>Puts a failed message back in the queue (administrators); the next dispatch sends it.</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record RetryOutboxMessage(Guid MessageId) : ICommand<int>;

public sealed class RetryOutboxMessageValidator : AbstractValidator<RetryOutboxMessage>
{
    public RetryOutboxMessageValidator() => RuleFor(x => x.MessageId).NotEmpty();
}

public sealed class RetryOutboxMessageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RetryOutboxMessage, int>
{
    public async ValueTask<int> Handle(RetryOutboxMessage command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken)
            ?? throw new NotFoundException("OutboxMessage", command.MessageId);
        message.Retry(clock.GetUtcNow());
        return message.Version + 1;
    }
}
