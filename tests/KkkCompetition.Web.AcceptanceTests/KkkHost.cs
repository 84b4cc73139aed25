using System.Net;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The real host on Kestrel at a free loopback port, on a throwaway SQLite file with the demo users
/// (one per role) and no background jobs.
/// </summary>
public sealed class KkkHost : WebApplicationFactory<Program>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"kkk-acceptance-{Guid.NewGuid():N}.db");

    /// <summary>The host's attachment store, in the temp folder (not in the project's App_Data).</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), $"kkk-acceptance-files-{Guid.NewGuid():N}");

    public KkkHost()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's SQLite database, for a second container of the product's services (e.g. a dispatcher with a failing mail server).</summary>
    public string ConnectionString => $"Data Source={databaseFile}";

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public static string EmailOf(string role) => DemoData.Users.Single(u => u.Role == role).Email;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("KKK:Database:Provider", "Sqlite");
        builder.UseSetting("KKK:Database:ConnectionString", ConnectionString);
        builder.UseSetting("KKK:Files:Root", FilesRoot);
        builder.UseSetting("KKK:Jobs:Enabled", "false");
        builder.UseSetting("KKK:Demo:Enabled", "true");
        builder.UseSetting("KKK:Security:RequireTwoFactorForStaff", "false");

        // Warnings and errors only: a failing test's report must not drown in request logs.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Every test signs in several times from the same address.
        builder.UseSetting("KKK:Security:SignInAttemptsPerMinute", "1000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }

        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp cleaner.
            }
        }
    }
}
