using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KkkCompetition.Testing;

/// <summary>
/// A PostgreSQL server for one test run. When <c>KKK_TEST_POSTGRES</c> holds a connection string, that server is used;
/// otherwise a throwaway cluster is started from the local binaries (<c>/usr/lib/postgresql/*/bin</c>) on a free
/// loopback port (binaries from <c>KKK_TEST_POSTGRES_BIN</c> when set), and stopped and deleted on dispose. Without binaries the suite is skipped (see <see cref="SkipReason"/>),
/// or fails when <c>KKK_REQUIRE_ALL_SUITES=1</c>.
/// Register it once per test assembly: <c>[assembly: AssemblyFixture(typeof(PostgresCluster))]</c>.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string ConnectionStringVariable = "KKK_TEST_POSTGRES";
    public const string RequireAllSuitesVariable = "KKK_REQUIRE_ALL_SUITES";

    /// <summary>A folder with initdb and pg_ctl to use instead of the newest under /usr/lib/postgresql.</summary>
    public const string BinariesVariable = "KKK_TEST_POSTGRES_BIN";

    private string? _root;
    private string? _binaries;
    private string? _adminConnectionString;

    /// <summary>Why PostgreSQL tests are skipped on this machine; null when the server is there.</summary>
    public string? SkipReason { get; private set; }

    public static bool AllSuitesRequired => Environment.GetEnvironmentVariable(RequireAllSuitesVariable) == "1";

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _binaries = FindBinaries();
        if (_binaries is null)
        {
            var reason = $"PostgreSQL binaries not found (looked in {Environment.GetEnvironmentVariable(BinariesVariable) ?? "/usr/lib/postgresql/*/bin"}) and {ConnectionStringVariable} is not set; install postgresql-15 or point {ConnectionStringVariable} at a server.";
            if (AllSuitesRequired)
            {
                throw new InvalidOperationException($"{RequireAllSuitesVariable}=1: {reason}");
            }

            SkipReason = reason;
            Console.Error.WriteLine($"Skipping PostgreSQL tests: {reason}");
            return;
        }

        _root = Directory.CreateTempSubdirectory("kkk-pg-").FullName;
        var data = Path.Combine(_root, "data");
        var socket = Path.Combine(_root, "sock");
        Directory.CreateDirectory(socket);
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres OS user.
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }

        // Sorted by code point (C), but with Unicode case mapping (C.UTF-8), as a production server's UTF-8 locale has: under
        // a plain C ctype lower() changes ASCII letters only, and a search for "łódzki" would miss "Łódzki".
        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--lc-ctype=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        await RunAsync(Path.Combine(_binaries, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start",
        ]);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";
        await WaitUntilReadyAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString;
        var name = $"kkk_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException(SkipReason ?? "The PostgreSQL cluster has not started.");

    public async ValueTask DisposeAsync()
    {
        if (_root is null || _binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        if (File.Exists(Path.Combine(root, "15", "bin", "initdb")))
        {
            return Path.Combine(root, "15", "bin");
        }

        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", executable])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }
}
