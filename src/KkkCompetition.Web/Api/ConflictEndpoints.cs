using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Assignment;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>The conflicts of interest of a competition, beside its assignment: automatic exclusions and declared conflicts.</summary>
public static class ConflictEndpoints
{
    public static void MapConflictEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/competitions/{competitionId:guid}/conflicts", (ISender sender, Guid competitionId, ConflictKind? kind, string? expert, string? application,
                    ConflictSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListCompetitionConflicts(competitionId, kind, expert, application, sortBy ?? ConflictSort.Expert, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithTags("Assignment")
            .WithName("ListCompetitionConflicts")
            .WithSummary("The conflicts of interest of a competition: experts excluded automatically (a recent affiliation's NIP is the coordinator's or a member's; the NIP and whose it is) and conflicts declared by experts (reason, time, whether replaced); filter by kind, expert and application, sort by expert, application or kind, page (officials).")
            .Produces<PagedResult<CompetitionConflict>>();
    }
}
