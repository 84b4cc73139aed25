using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KkkCompetition.Web.Security;

/// <summary>A client application registered from configuration (<c>KKK:OpenIdConnect:Clients</c>).</summary>
public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary><c>code</c> (authorization code + PKCE, with refresh tokens) and/or <c>client_credentials</c>.</summary>
    public List<string> Flows { get; set; } = [];
    public List<string> Scopes { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public sealed class OidcOptions
{
    public const string Section = "KKK:OpenIdConnect";

    public List<OidcClientOptions> Clients { get; set; } = [];

    /// <summary>A PFX used to sign and encrypt tokens; shared by all instances. Without it, development certificates are used.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public bool RequireHttps { get; set; } = true;

    public X509Certificate2? LoadCertificate() =>
        CertificatePath is { Length: > 0 } path ? X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword) : null;
}

public static class OpenIdConnectSetup
{
    public const string ApiScope = "api";
    public const string RegistryScope = "registry";

    public static IServiceCollection AddKkkOpenIdConnect(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        var certificate = options.LoadCertificate();
        if (certificate is not null)
        {
            // The data-protection keys in the database are encrypted with the same certificate.
            services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        }

        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, ApiScope, RegistryScope);
                if (certificate is not null)
                {
                    server.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
                }
                else
                {
                    server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        return services;
    }

    /// <summary>Creates or updates the configured clients in the store; idempotent, run at start-up.</summary>
    public static async Task RegisterClientsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OidcOptions>>().Value;
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Clients)
        {
            var descriptor = Describe(client);
            var existing = await manager.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    private static OpenIddictApplicationDescriptor Describe(OidcClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = string.IsNullOrEmpty(client.ClientSecret) ? null : client.ClientSecret,
            ClientType = string.IsNullOrEmpty(client.ClientSecret) ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            ConsentType = ConsentTypes.Implicit,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        if (client.Flows.Contains("code"))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (client.Flows.Contains("client_credentials"))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
        return descriptor;
    }
}
