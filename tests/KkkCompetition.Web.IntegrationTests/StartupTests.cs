using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>Bad configuration: the host refuses to start with one clear line naming the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Oracle", "", "KKK__Database__Provider")]
    [InlineData("PostgreSql", "", "KKK__Database__ConnectionString")]
    [InlineData("SqlServer", "", "KKK__Database__ConnectionString")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port={port};Database=kkk;Username=kkk;Password=x;Timeout=3", "KKK__Database__ConnectionString")]
    public async Task Refuses_to_start_naming_the_setting(string provider, string connectionString, string setting)
    {
        var (exitCode, stderr) = await RunHostAsync(provider, connectionString.Replace("{port}", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(setting, lines[0], StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunHostAsync(string provider, string connectionString)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KkkCompetition.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{FreePort()}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["KKK__Database__Provider"] = provider;
        start.Environment["KKK__Database__ConnectionString"] = connectionString;
        start.Environment["KKK__Jobs__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
