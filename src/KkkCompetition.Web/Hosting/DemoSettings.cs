using KkkCompetition.Infrastructure.Persistence;

namespace KkkCompetition.Web.Hosting;

/// <summary>Demo data is for a newcomer's first run: Development, the embedded database, and no <c>--no-demo</c>.</summary>
public static class DemoSettings
{
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment, string[] args) =>
        !args.Contains("--no-demo")
        && configuration.GetValue("KKK:Demo:Enabled", environment.IsDevelopment())
        && string.Equals(configuration["KKK:Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase);

    public static void Print(IReadOnlyList<string> logins)
    {
        if (logins.Count == 0)
        {
            return;
        }

        Console.WriteLine("Demo logins (shown once, when they are created):");
        foreach (var login in logins)
        {
            Console.WriteLine($"  {login}");
        }
    }
}
