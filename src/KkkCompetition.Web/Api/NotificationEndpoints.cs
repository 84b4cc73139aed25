using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Notifications.Inbox;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Notifications");
        me.MapGet("/notifications", (ISender sender, [AsParameters] GetMyNotifications query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("GetMyNotifications").WithSummary("The caller's notifications, paged; newest first unless sortBy (CreatedAt, Title, ReadAt) and descending say otherwise.")
            .Produces<PagedResult<NotificationDto>>();
        me.MapGet("/notifications/unread-count", async (ISender sender, CancellationToken ct) =>
                new UnreadCount(await sender.Send(new GetUnreadNotificationCount(), ct)))
            .WithName("GetUnreadNotificationCount").WithSummary("How many of the caller's notifications are unread (the bell).");
        me.MapPost("/notifications/{id:guid}/read", async (ISender sender, Guid id, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationRead(id), ct);
                return Results.NoContent();
            })
            .WithName("MarkNotificationRead").WithSummary("Marks one of the caller's notifications read; someone else's is 404.");
        me.MapGet("/notification-preferences", (ISender sender, CancellationToken ct) => sender.Send(new GetMyNotificationPreferences(), ct))
            .WithName("GetMyNotificationPreferences").WithSummary("The caller's e-mail choice per reminder rule.")
            .Produces<IReadOnlyList<NotificationPreferenceDto>>();
        me.MapPut("/notification-preferences/{ruleKey}", async (ISender sender, string ruleKey, EmailPreferenceBody body, CancellationToken ct) =>
            {
                await sender.Send(new SetMyNotificationPreference(ruleKey, body.EmailEnabled), ct);
                return Results.NoContent();
            })
            .WithName("SetMyNotificationPreference").WithSummary("Turns e-mail on or off for one reminder rule (not for mandatory ones: 409).");
    }
}

public sealed record UnreadCount(int Count);

public sealed record EmailPreferenceBody(bool EmailEnabled);
