using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Inbox;

public sealed record NotificationDto(Guid Id, string Title, string Text, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public enum NotificationSort
{
    CreatedAt,
    Title,

    /// <summary>Unread or read: ascending puts the unread first.</summary>
    ReadAt,
}

/// <summary>The caller's own notifications, newest first unless sorted otherwise.</summary>
[AnyAuthenticatedUser]
public sealed record GetMyNotifications(
    bool UnreadOnly = false,
    int Page = 1,
    int PageSize = 20,
    NotificationSort SortBy = NotificationSort.CreatedAt,
    bool Descending = true) : IQuery<PagedResult<NotificationDto>>;

public sealed class GetMyNotificationsValidator : AbstractValidator<GetMyNotifications>
{
    public GetMyNotificationsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class GetMyNotificationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyNotifications, PagedResult<NotificationDto>>
{
    public async ValueTask<PagedResult<NotificationDto>> Handle(GetMyNotifications query, CancellationToken cancellationToken)
    {
        var userId = Me.Id(user);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var total = await mine.CountAsync(cancellationToken);
        var sorted = query.SortBy switch
        {
            NotificationSort.Title => mine.SortBy(n => n.Title, n => n.Id, query.Descending),
            // On "is read", not on the time: providers disagree on where NULLs sort.
            NotificationSort.ReadAt => mine.SortBy(n => n.ReadAt != null, n => n.Id, query.Descending),
            _ => mine.SortBy(n => n.CreatedAt, n => n.Id, query.Descending),
        };
        var items = await sorted
            .Page(query.Page, query.PageSize)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<NotificationDto>(items, total, query.Page, query.PageSize);
    }
}

/// <summary>How many of the caller's notifications are unread (the bell).</summary>
[AnyAuthenticatedUser]
public sealed record GetUnreadNotificationCount : IQuery<int>;

public sealed class GetUnreadNotificationCountHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetUnreadNotificationCount, int>
{
    public async ValueTask<int> Handle(GetUnreadNotificationCount query, CancellationToken cancellationToken)
    {
        var userId = Me.Id(user);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }
}

/// <summary>Marks one of the caller's notifications read; someone else's is "not found".</summary>
[AnyAuthenticatedUser]
public sealed record MarkNotificationRead(Guid NotificationId) : ICommand<bool>;

public sealed class MarkNotificationReadValidator : AbstractValidator<MarkNotificationRead>
{
    public MarkNotificationReadValidator() => RuleFor(x => x.NotificationId).NotEmpty();
}

public sealed class MarkNotificationReadHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, bool>
{
    public async ValueTask<bool> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var userId = Me.Id(user);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Notification", command.NotificationId);
        notification.MarkRead(clock.GetUtcNow());
        return true;
    }
}

public sealed record NotificationPreferenceDto(string RuleKey, string NamePl, string NameEn, bool Mandatory, bool EmailEnabled);

/// <summary>The caller's e-mail choice for every reminder rule (mandatory ones are always on).</summary>
[AnyAuthenticatedUser]
public sealed record GetMyNotificationPreferences : IQuery<IReadOnlyList<NotificationPreferenceDto>>;

public sealed class GetMyNotificationPreferencesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyNotificationPreferences, IReadOnlyList<NotificationPreferenceDto>>
{
    public async ValueTask<IReadOnlyList<NotificationPreferenceDto>> Handle(GetMyNotificationPreferences query, CancellationToken cancellationToken)
    {
        var userId = Me.Id(user);
        var rules = await db.ReminderRules.AsNoTracking().OrderBy(r => r.Key).ToListAsync(cancellationToken);
        var off = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && !p.EmailEnabled).Select(p => p.RuleKey).ToListAsync(cancellationToken);
        return rules.Select(r => new NotificationPreferenceDto(r.Key, r.NamePl, r.NameEn, r.Mandatory, r.Mandatory || !off.Contains(r.Key))).ToList();
    }
}

/// <summary>Turns e-mail on or off for one reminder rule, for the caller; a mandatory rule cannot be turned off (409).</summary>
[AnyAuthenticatedUser]
public sealed record SetMyNotificationPreference(string RuleKey, bool EmailEnabled) : ICommand<bool>;

public sealed class SetMyNotificationPreferenceValidator : AbstractValidator<SetMyNotificationPreference>
{
    public SetMyNotificationPreferenceValidator() => RuleFor(x => x.RuleKey).NotEmpty().MaximumLength(100);
}

public sealed class SetMyNotificationPreferenceHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<SetMyNotificationPreference, bool>
{
    public async ValueTask<bool> Handle(SetMyNotificationPreference command, CancellationToken cancellationToken)
    {
        var userId = Me.Id(user);
        var rule = await db.ReminderRules.AsNoTracking().SingleOrDefaultAsync(r => r.Key == command.RuleKey, cancellationToken)
            ?? throw new NotFoundException("ReminderRule", command.RuleKey);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.RuleKey == rule.Key, cancellationToken);
        if (preference is null)
        {
            db.NotificationPreferences.Add(NotificationPreference.For(userId, rule, command.EmailEnabled));
        }
        else
        {
            preference.Set(rule, command.EmailEnabled);
        }

        return command.EmailEnabled;
    }
}

internal static class Me
{
    /// <summary>Only people have an inbox; a system caller without a user id has none.</summary>
    public static Guid Id(ICurrentUser user) => user.UserId ?? throw new NotFoundException("Inbox", user.UserName);
}
