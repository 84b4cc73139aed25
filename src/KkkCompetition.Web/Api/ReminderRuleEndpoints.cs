using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Notifications;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class ReminderRuleEndpoints
{
    public static void MapReminderRuleEndpoints(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/reminder-rules").WithTags("Reminder rules");
        rules.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListReminderRules(), ct))
            .WithName("ListReminderRules").WithSummary("The reminder catalogue with its offsets (administrators).")
            .Produces<IReadOnlyList<ReminderRuleDto>>();
        rules.MapPut("/{key}", async (ISender sender, string key, ReminderRuleBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(
                    new UpdateReminderRule(key, body.Offsets, body.Enabled, body.Mandatory, body.EscalateAfterDeadline, body.Version), ct))))
            .WithName("UpdateReminderRule").WithSummary("Changes a rule's offsets and flags; an invalid offset is 400 (administrators).");
    }
}

public sealed record ReminderRuleBody(IReadOnlyList<ReminderOffset> Offsets, bool Enabled, bool Mandatory, bool EscalateAfterDeadline, int Version);
