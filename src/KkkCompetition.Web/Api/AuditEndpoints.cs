using KkkCompetition.Application.Auditing;
using KkkCompetition.Application.Common.Paging;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", (ISender sender, [AsParameters] SearchAuditLog query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("SearchAuditLog").WithSummary("Searches the audit log (administrators, officials).")
            .Produces<PagedResult<AuditEntryDto>>();
        audit.MapPost("/verifications", (ISender sender, CancellationToken ct) => sender.Send(new VerifyAuditChain(), ct))
            .WithName("VerifyAuditChain").WithSummary("Verifies the hash chain now and records the result (administrators).");
        audit.MapGet("/verifications/latest", async (ISender sender, CancellationToken ct) =>
                await sender.Send(new GetLatestAuditVerification(), ct) is { } latest ? Results.Ok(latest) : Results.NoContent())
            .WithName("GetLatestAuditVerification").Produces<AuditVerificationDto>();
    }
}
