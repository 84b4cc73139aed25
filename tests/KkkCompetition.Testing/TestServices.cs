using KkkCompetition.Application;
using KkkCompetition.Infrastructure;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Testing;

/// <summary>The product's services without the web host: <c>AddApplication()</c> + <c>AddInfrastructure()</c> on a given database.</summary>
public static class TestServices
{
    /// <summary>
    /// Builds the container as the host does, for <paramref name="provider"/> at <paramref name="connectionString"/>,
    /// with <paramref name="clock"/> (a <see cref="TestClock"/> when null) as the time source. Dispose it when done.
    /// </summary>
    public static ServiceProvider Build(DatabaseProvider provider, string connectionString, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["KKK:Database:Provider"] = provider.ToString(),
                ["KKK:Database:ConnectionString"] = connectionString,
                ["KKK:Database:MigrateOnStartup"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration, Path.GetTempPath());
        services.Replace(ServiceDescriptor.Singleton(clock ?? new TestClock()));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }
}
