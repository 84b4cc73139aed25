using System.Security.Claims;
using KkkCompetition.Application.Common.Security;
using OpenIddict.Abstractions;

namespace KkkCompetition.Web.Security;

/// <summary>The caller of an HTTP request (cookie or bearer token), with the address and correlation id of the request.</summary>
public sealed class HttpAmbientUser(IHttpContextAccessor accessor) : IAmbientUser
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public ICurrentUser? Current => accessor.HttpContext is { } context ? FromPrincipal(context.User, context.Connection.RemoteIpAddress?.ToString(), CorrelationId(context)) : null;

    /// <summary>The caller's correlation id when it sends one (a gateway, an integration), else the request's own.</summary>
    private static string CorrelationId(HttpContext context) =>
        context.Request.Headers[CorrelationHeader].FirstOrDefault() is { Length: > 0 and <= 128 } sent ? sent : context.TraceIdentifier;

    public static ICurrentUser FromPrincipal(ClaimsPrincipal principal, string? ipAddress, string? correlationId)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return FixedUser.Anonymous with { IpAddress = ipAddress, CorrelationId = correlationId };
        }

        var subject = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(OpenIddictConstants.Claims.Subject);
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(OpenIddictConstants.Claims.Name) ?? subject ?? "unknown";
        var roles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll(OpenIddictConstants.Claims.Role)).Select(c => c.Value).Distinct().ToArray();
        var isClient = principal.FindFirstValue(KkkClaims.ClientApplication) is not null;
        return new FixedUser(isClient || !Guid.TryParse(subject, out var id) ? null : id, name, roles, ipAddress, correlationId);
    }
}

public static class KkkClaims
{
    /// <summary>Marks a token issued to a system integration (client credentials), not to a person.</summary>
    public const string ClientApplication = "kkk_client";

    /// <summary>Present when the user has two-factor sign-in enabled.</summary>
    public const string TwoFactorEnabled = "kkk_2fa";
}
