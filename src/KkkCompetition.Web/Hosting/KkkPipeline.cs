using KkkCompetition.Web.Api;
using KkkCompetition.Web.Components;
using KkkCompetition.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace KkkCompetition.Web.Hosting;

public static class KkkPipeline
{
    public static WebApplication UseKkkPipeline(this WebApplication app)
    {
        // Localization first, so that error answers are in the caller's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // An unknown page address shows the not-found page (still 404); the API and tools keep their own answers.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            if (IsApiOrTool(context.Request.Path) && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                // Turns off only the re-execution above; the plain status code pages still answer with problem details.
                pages.Enabled = false;
            }

            await next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseApiBodyLimit();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("KKK Competition API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapApiV1();
        app.MapConnectEndpoints();
        app.MapAccountEndpoints();
        app.MapJobDashboard();
        app.MapGet("/culture/set", (HttpContext context, string culture, string? redirectUri) =>
        {
            if (KkkServices.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true });
            }

            return Results.LocalRedirect(redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) ? redirectUri : "/");
        }).ExcludeFromDescription();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApiOrTool(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/jobs")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar")
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_content");

    /// <summary>JSON bodies of the API are small; a larger one is refused before it is read.</summary>
    private static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // An upload endpoint declares its own limit (RequestSizeLimit metadata); the rest take JSON only.
            var max = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? ApiV1.MaxJsonBodyBytes;
            if (context.Request.ContentLength > max)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            // Bodies without a declared length are cut off by the server while they are read.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }
        }

        await next(context);
    });
}
