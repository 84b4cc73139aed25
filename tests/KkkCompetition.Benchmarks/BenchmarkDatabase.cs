using KkkCompetition.Application;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Infrastructure;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// A SQLite database at benchmark scale, built once and kept under the temp folder (the generator is slow
/// compared with one benchmark process, and every benchmark process reads the same file).
/// </summary>
public static class BenchmarkDatabase
{
    public static string FileFor(string name) => Path.Combine(Path.GetTempPath(), "kkk-benchmarks", $"{name}.db");

    public static ServiceProvider Services(string databaseFile, Action<IServiceCollection>? configure = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KKK:Database:Provider"] = "Sqlite",
            ["KKK:Database:ConnectionString"] = $"Data Source={databaseFile};Default Timeout=60",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration, Path.GetDirectoryName(databaseFile)!);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Creates the database with the given data unless a complete one is already there.</summary>
    public static async Task<ServiceProvider> OpenAsync(string name, Func<IServiceProvider, Task> generate, Action<IServiceCollection>? configure = null)
    {
        var file = FileFor(name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var marker = file + ".complete";
        if (!File.Exists(marker))
        {
            foreach (var stale in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
            {
                File.Delete(stale);
            }
        }

        var services = Services(file, configure);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (!File.Exists(marker))
        {
            await generate(services);
            await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"));
        }

        return services;
    }

    /// <summary>A scope whose requests run as the given user.</summary>
    public static AsyncServiceScope ScopeAs(this IServiceProvider services, ICurrentUser user)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return scope;
    }
}
