using Hangfire;
using System.Globalization;
using KkkCompetition.Application;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Infrastructure;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Web.Api;
using KkkCompetition.Web.Components;
using KkkCompetition.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using OpenIddict.Validation.AspNetCore;

namespace KkkCompetition.Web.Hosting;

public static class KkkServices
{
    public const string SmartScheme = "KkkSmart";

    public static readonly CultureInfo[] Cultures = [new("pl"), new("en")];

    public static WebApplicationBuilder AddKkkServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 25 * 1024 * 1024);

        services.AddApplication();
        services.AddInfrastructure(configuration, Path.Combine(builder.Environment.ContentRootPath, "data"));
        services.AddHttpContextAccessor();
        services.AddScoped<IAmbientUser, HttpAmbientUser>();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        // Cookies for the UI, bearer tokens for /api: one scheme that picks by path.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "kkk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddIdentityCore<AppUser>().AddSignInManager().AddClaimsPrincipalFactory<KkkClaimsPrincipalFactory>();
        services.AddAuthorization();
        services.AddKkkOpenIdConnect(configuration);
        services.AddKkkRateLimits(configuration);
        services.AddAntiforgery();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("pl");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KKK Competition API";
            document.Info.Description = "The competition for the status of Krajowy Klaster Kluczowy (National Key Cluster) and its programme contracts.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        // Messages appear and leave without a fade: mid-fade their text is blended into the page and fails the contrast
        // check (axe color-contrast), and a fade is motion some users ask to be spared.
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.ShowTransitionDuration = 0;
            config.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        services.AddScoped<UiSender>();
        services.AddScoped<NotificationBellState>();
        services.AddScoped<CircuitClient>();
        services.AddScoped<CircuitHandler, CircuitClientHandler>();

        if (configuration.GetValue("KKK:Jobs:Enabled", true))
        {
            services.AddHangfireServer();
        }

        return builder;
    }
}
