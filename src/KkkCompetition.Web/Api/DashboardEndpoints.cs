using KkkCompetition.Application.Dashboard;
using KkkCompetition.Application.Users;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (ISender sender, CancellationToken ct) => sender.Send(new GetMe(), ct))
            .WithTags("Account").WithName("GetMe").WithSummary("The caller: a person or a system integration.");
        api.MapGet("/dashboard", (ISender sender, CancellationToken ct) => sender.Send(new GetDashboard(), ct))
            .WithTags("Account").WithName("GetDashboard").WithSummary("The home page's counts for the caller's roles.");
    }
}
