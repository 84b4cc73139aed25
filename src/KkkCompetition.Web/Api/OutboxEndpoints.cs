using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Notifications.Outbox;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this IEndpointRouteBuilder api)
    {
        var outbox = api.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("/", (ISender sender, [AsParameters] ListOutboxMessages query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListOutboxMessages").WithSummary("The outbox, newest first, filtered by status (administrators).")
            .Produces<PagedResult<OutboxMessageDto>>();
        outbox.MapPost("/{id:guid}/retry", async (ISender sender, Guid id, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RetryOutboxMessage(id), ct))))
            .WithName("RetryOutboxMessage").WithSummary("Puts a failed message back in the queue (administrators).");
    }
}
