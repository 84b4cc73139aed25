using KkkCompetition.Application.Notifications.Templates;
using KkkCompetition.Domain.Notifications;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class TemplateEndpoints
{
    public static void MapTemplateEndpoints(this IEndpointRouteBuilder api)
    {
        var templates = api.MapGroup("/notification-templates").WithTags("Notification templates");
        templates.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListNotificationTemplates(), ct))
            .WithName("ListNotificationTemplates").WithSummary("Every message template in Polish and English (administrators).")
            .Produces<IReadOnlyList<NotificationTemplateDto>>();
        templates.MapPost("/{key}/{language}/preview", (ISender sender, string key, string language, TemplatePreviewBody? body, CancellationToken ct) =>
                sender.Send(new PreviewNotificationTemplate(key, language, body?.Subject, body?.Text, body?.Html), ct))
            .WithName("PreviewNotificationTemplate").WithSummary("The stored template, or the given wording, rendered with sample values (administrators).")
            .Produces<RenderedMessage>();
        templates.MapPut("/{key}/{language}", async (ISender sender, string key, string language, TemplateBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new UpdateNotificationTemplate(key, language, body.Subject, body.Text, body.Html, body.Version), ct))))
            .WithName("UpdateNotificationTemplate").WithSummary("Changes a template's wording; an unknown placeholder is 409 template.unknown_placeholder (administrators).");
    }
}

public sealed record TemplatePreviewBody(string? Subject, string? Text, string? Html);

public sealed record TemplateBody(string Subject, string Text, string Html, int Version);
