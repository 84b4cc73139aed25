using KkkCompetition.Application.Competitions;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class CompetitionEndpoints
{
    public static void MapCompetitionEndpoints(this IEndpointRouteBuilder api)
    {
        var competitions = api.MapGroup("/competitions").WithTags("Competitions");
        competitions.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListPublicCompetitions(), ct))
            .WithName("ListPublicCompetitions").WithSummary("Announced and later competitions (public).");
        competitions.MapPost("/", async (ISender sender, CreateCompetition command, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return Results.Created($"/api/v1/competitions/{created.Id}", created);
            })
            .WithName("CreateCompetition").WithSummary("Creates a draft competition from the default criteria template (officials).")
            .Produces<CompetitionCreated>(StatusCodes.Status201Created);
        competitions.MapPost("/{id:guid}/announce", async (ISender sender, Guid id, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new AnnounceCompetition(id, body.Version), ct))))
            .WithName("AnnounceCompetition").WithSummary("Announces a draft competition; its criteria are frozen from then on (officials).");
    }
}

/// <summary>The concurrency token the caller last read (and, in answers, the new one).</summary>
public sealed record VersionBody(int Version);
