using System.Threading.RateLimiting;

namespace KkkCompetition.Web.Hosting;

/// <summary>Slows password guessing: sign-in form posts and token requests, per client address.</summary>
public static class RateLimits
{
    public const int PermitsPerMinute = 20;

    public static IServiceCollection AddKkkRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("KKK:Security:SignInAttemptsPerMinute", PermitsPerMinute);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/account/login") || request.Path.StartsWithSegments("/connect/token"));
}
