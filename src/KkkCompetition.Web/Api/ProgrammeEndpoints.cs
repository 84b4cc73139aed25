using KkkCompetition.Application.Programme;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class ProgrammeEndpoints
{
    public static void MapProgrammeEndpoints(this IEndpointRouteBuilder api)
    {
        var phases = api.MapGroup("/programme/phases").WithTags("Programme");
        phases.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListProgrammePhases(), ct))
            .WithName("ListProgrammePhases").WithSummary("The programme's phases in order, with the competitions tied to each (officials, commission, administrators).")
            .Produces<IReadOnlyList<ProgrammePhaseDto>>();
        phases.MapPost("/", async (ISender sender, PhaseBody body, CancellationToken ct) =>
            {
                var phase = await sender.Send(new DefineProgrammePhase(body.Number, body.StartsOn, body.EndsOn), ct);
                return Results.Created($"/api/v1/programme/phases/{phase.Id}", phase);
            })
            .WithName("DefineProgrammePhase").WithSummary("Defines a phase of 3 to 4 years; an overlap or a taken number is 409 (officials).")
            .Produces<ProgrammePhaseDto>(StatusCodes.Status201Created);
        phases.MapPut("/{id:guid}", (ISender sender, Guid id, PhaseBody body, CancellationToken ct) =>
                sender.Send(new ChangeProgrammePhase(id, body.Number, body.StartsOn, body.EndsOn, body.Version), ct))
            .WithName("ChangeProgrammePhase").WithSummary("Changes a phase's number or dates under the same rules (officials).")
            .Produces<ProgrammePhaseDto>();

        api.MapPut("/competitions/{id:guid}/phase", async (ISender sender, Guid id, CompetitionPhaseBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new TieCompetitionToPhase(id, body.PhaseId, body.Version), ct))))
            .WithTags("Competitions")
            .WithName("TieCompetitionToPhase").WithSummary("Ties a draft competition to a programme phase (its statuses then run to the phase's end), or unties it with null (officials).");
    }
}

public sealed record PhaseBody(int Number, DateOnly StartsOn, DateOnly EndsOn, int Version = 0);

public sealed record CompetitionPhaseBody(Guid? PhaseId, int Version);
