using System.Security.Claims;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "KKK:Security";

    /// <summary>Officials and administrators must use two-factor sign-in (default true outside Development).</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
}

/// <summary>
/// Staff (officials, administrators) without two-factor sign-in, when it is required, may only reach the
/// two-factor set-up page until they enrol.
/// </summary>
public static class TwoFactorPolicy
{
    public const string EnrolPath = "/account/two-factor";

    private static readonly string[] AllowedPrefixes = [EnrolPath, "/account/", "/_blazor", "/_framework", "/_content", "/culture", "/health", "/css", "/favicon", "/connect/logout"];

    public static bool MustEnrol(ClaimsPrincipal user, IServiceProvider services) =>
        user.Identity?.IsAuthenticated == true
        && services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactorForStaff
        && Roles.Staff.Any(user.IsInRole)
        && user.FindFirst(KkkClaims.TwoFactorEnabled) is null;

    /// <summary>Sends staff who must enrol to the set-up page (pages only; the API answers with its own rules).</summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith("/api/", StringComparison.Ordinal)
            && !AllowedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && MustEnrol(context.User, context.RequestServices))
        {
            context.Response.Redirect(EnrolPath);
            return;
        }

        await next(context);
    });
}

/// <summary>Adds the two-factor marker to the sign-in cookie, so the policy needs no database read per request.</summary>
public sealed class KkkClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name_display", user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(KkkClaims.TwoFactorEnabled, "1"));
        }

        return identity;
    }
}
