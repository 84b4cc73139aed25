using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KkkCompetition.Web.Security;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }
}
