using KkkCompetition.Application.ReferenceData;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class ReferenceDataEndpoints
{
    public static void MapReferenceDataEndpoints(this IEndpointRouteBuilder api)
    {
        var reference = api.MapGroup("/reference").WithTags("Reference data");
        reference.MapGet("/voivodeships", (ISender sender, CancellationToken ct) => sender.Send(new ListVoivodeships(), ct))
            .WithName("ListVoivodeships");
        reference.MapGet("/kis", (ISender sender, bool? includeRetired, CancellationToken ct) => sender.Send(new ListKisSpecialisations(includeRetired ?? false), ct))
            .WithName("ListKisSpecialisations");
    }
}
