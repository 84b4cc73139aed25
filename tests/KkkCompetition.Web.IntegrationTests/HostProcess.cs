using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The built web host run as its own process, configured only through environment variables, as an operator would.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task<string> _stdout;
    private bool _disposed;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _stderr = process.StandardError.ReadToEndAsync();
        _stdout = process.StandardOutput.ReadToEndAsync();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KkkCompetition.Web.dll"), "--urls", $"http://127.0.0.1:{port}", .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Production");
        start.Environment["KKK__Jobs__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new HostProcess(Process.Start(start)!, port);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code and what it wrote to standard error.</summary>
    /// <summary>How long a fresh process may take to start: generous, since the build machines run two test projects at once.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _stderr);
    }

    /// <summary>Polls /health/ready until it answers 200; fails with the host's output when it does not within the time given.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the host exited with {_process.ExitCode}: {await _stderr}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/health/ready did not answer 200 within {timeout.TotalSeconds} s");
    }

    /// <summary>Stops the host and returns what it wrote to standard output.</summary>
    public async Task<string> StopAsync()
    {
        await DisposeAsync();
        return await _stdout;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await Task.WhenAll(_stderr, _stdout);
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
