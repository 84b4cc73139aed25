using System.Globalization;
using System.Net.Http.Json;
using KkkCompetition.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The host as an operator starts it: configured by environment variables only.</summary>
public sealed class StartupTests(PostgresCluster postgres)
{
    [Theory]
    [InlineData("Oracle", "", "KKK__Database__Provider")]
    [InlineData("PostgreSql", "", "KKK__Database__ConnectionString")]
    [InlineData("SqlServer", "", "KKK__Database__ConnectionString")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port={port};Database=kkk;Username=kkk;Password=x;Timeout=3", "KKK__Database__ConnectionString")]
    public async Task Refuses_to_start_with_one_line_naming_the_setting(string provider, string connectionString, string setting)
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["KKK__Database__Provider"] = provider,
            ["KKK__Database__ConnectionString"] = connectionString.Replace("{port}", HostProcess.FreePort().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        });
        var (exitCode, stderr) = await host.WaitForExitAsync(HostProcess.StartTimeout);
        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(setting, lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Development_on_the_embedded_database_seeds_demo_logins_unless_told_not_to(bool noDemo)
    {
        using var database = new SqliteTempDatabase();
        await using var host = HostProcess.Start(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["KKK__Database__ConnectionString"] = database.ConnectionString,
            },
            noDemo ? ["--no-demo"] : []);
        await host.WaitUntilReadyAsync(HostProcess.StartTimeout);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var competitions = await client.GetFromJsonAsync<List<object>>("/api/v1/competitions", TestContext.Current.CancellationToken);
        var output = await host.StopAsync();

        Assert.Equal(noDemo ? 0 : 1, competitions!.Count);
        Assert.Equal(!noDemo, output.Contains("admin@demo.kkk.gov.pl / Demo-Password-2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starts_on_a_new_postgresql_database_with_only_the_two_variables_set()
    {
        if (postgres.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        // A database that does not exist yet: the migrations create it.
        var connectionString = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await postgres.DropDatabaseAsync(connectionString);
        try
        {
            await using var host = HostProcess.Start(new Dictionary<string, string>
            {
                ["KKK__Database__Provider"] = "PostgreSql",
                ["KKK__Database__ConnectionString"] = connectionString,
            });
            await host.WaitUntilReadyAsync(HostProcess.StartTimeout);

            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            var voivodeships = await client.GetFromJsonAsync<List<object>>("/api/v1/reference/voivodeships", TestContext.Current.CancellationToken);
            Assert.Equal(16, voivodeships!.Count);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }
}
