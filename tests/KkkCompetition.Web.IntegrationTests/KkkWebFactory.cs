using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>
/// The real host on a throwaway SQLite file, with two OpenID Connect clients: a confidential one for
/// client credentials (scope registry) and a public one for authorization code + PKCE.
/// </summary>
public class KkkWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026!";
    public const string RegistryClient = "registry-test";
    public const string RegistrySecret = "registry-test-secret";
    public const string PublicClient = "public-test";
    public const string RedirectUri = "http://localhost:7777/callback";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"kkk-it-{Guid.NewGuid():N}.db");

    /// <summary>Whether officials and administrators must use two-factor sign-in (the production default).</summary>
    protected virtual bool RequireTwoFactorForStaff => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("KKK:Database:Provider", "Sqlite");
        builder.UseSetting("KKK:Database:ConnectionString", $"Data Source={_databaseFile};Default Timeout=30;Pooling=false");
        builder.UseSetting("KKK:Jobs:Enabled", "false");
        builder.UseSetting("KKK:Demo:Enabled", "false");
        builder.UseSetting("KKK:Security:RequireTwoFactorForStaff", RequireTwoFactorForStaff.ToString());
        builder.UseSetting("KKK:Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("KKK:OpenIdConnect:RequireHttps", "false");
        builder.UseSetting("KKK:OpenIdConnect:Clients:0:ClientId", RegistryClient);
        builder.UseSetting("KKK:OpenIdConnect:Clients:0:ClientSecret", RegistrySecret);
        builder.UseSetting("KKK:OpenIdConnect:Clients:0:DisplayName", "Registry test client");
        builder.UseSetting("KKK:OpenIdConnect:Clients:0:Flows:0", "client_credentials");
        builder.UseSetting("KKK:OpenIdConnect:Clients:0:Scopes:0", "registry");
        builder.UseSetting("KKK:OpenIdConnect:Clients:1:ClientId", PublicClient);
        builder.UseSetting("KKK:OpenIdConnect:Clients:1:DisplayName", "Public test client");
        builder.UseSetting("KKK:OpenIdConnect:Clients:1:Flows:0", "code");
        builder.UseSetting("KKK:OpenIdConnect:Clients:1:RedirectUris:0", RedirectUri);
        string[] scopes = ["openid", "profile", "email", "roles", "offline_access", "api"];
        for (var i = 0; i < scopes.Length; i++)
        {
            builder.UseSetting($"KKK:OpenIdConnect:Clients:1:Scopes:{i}", scopes[i]);
        }
    }

    /// <summary>Creates a user with the given role (and the test password); returns the e-mail.</summary>
    public async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.kkk.pl";
        await using var scope = Services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, $"Test {role}", Password, role);
        return email;
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled handle may linger; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The same host with the production rule: staff must enrol in two-factor sign-in.</summary>
public sealed class KkkWebFactoryWithStaffTwoFactor : KkkWebFactory
{
    protected override bool RequireTwoFactorForStaff => true;
}
