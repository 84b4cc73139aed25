using System.Security.Claims;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KkkCompetition.Web.Security;

/// <summary>
/// The OpenID Connect endpoints in this host: authorize (the signed-in cookie user, two-factor rules applied),
/// token (authorization code, refresh token, client credentials) and logout.
/// </summary>
public static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        connect.MapPost("/token", Token).DisableAntiforgery();
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], Logout).DisableAntiforgery();
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? context.Request.Form : context.Request.Query) }, [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(cookie.Principal!);
        if (user is null || !await signIn.CanSignInAsync(user) || TwoFactorPolicy.MustEnrol(cookie.Principal!, context.RequestServices))
        {
            return Forbid(Errors.AccessDenied, "The account cannot sign in here (two-factor set-up may be required).");
        }

        return Results.SignIn(await PrincipalFor(user, users, request.GetScopes()), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId);
            identity.SetClaim(KkkClaims.ClientApplication, request.ClientId);
            identity.SetClaims(Claims.Role, [Roles.IntegrationClient]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The account can no longer sign in.");
            }

            // Roles are read again, so a role taken away is gone from the next refreshed token.
            return Results.SignIn(await PrincipalFor(user, users, result.Principal!.GetScopes()), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> Logout(HttpContext context, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<ClaimsPrincipal> PrincipalFor(AppUser user, UserManager<AppUser> users, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.PreferredUsername, user.DisplayName);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

internal static class TokenValidationParameters
{
    public const string DefaultAuthenticationType = "AuthenticationTypes.Federation";
}
