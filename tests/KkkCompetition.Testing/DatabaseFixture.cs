using Xunit;
using System.Data.Common;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Infrastructure.Jobs;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace KkkCompetition.Testing;

/// <summary>
/// A migrated database with the reference data, and the product's services on it: use it as a class fixture.
/// <see cref="ResetAsync"/> (call it before each test) empties every table with Respawn except the reference
/// tables, re-imports the reference data and the notification defaults (reminder rules, templates), and leaves an empty audit log with its head row at the genesis.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    /// <summary>Kept by the reset: reference data (re-imported anyway), the migration history and the audit head row seeded by the migration.</summary>
    private static readonly Table[] KeptTables =
    [
        new("Voivodeships"), new("KisSpecialisations"), new("KpiDefinitions"), new("CriterionTemplates"),
        new("__EFMigrationsHistory"), new("AuditChainHeads"),
    ];

    private Respawner? _respawner;
    private ServiceProvider? _services;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>The clock the product reads; set back to <see cref="TestClock.Start"/> by every reset.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The root container; send requests with <see cref="TestUsers.SendAsAsync{TResponse}(IServiceProvider, Application.Common.Security.ICurrentUser, Mediator.ICommand{TResponse}, CancellationToken)"/>.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException(SkipReason ?? "The fixture has not been initialized.");

    /// <summary>Why this database cannot be used on this machine; tests should <c>Assert.Skip</c> with it.</summary>
    public string? SkipReason { get; protected set; }

    public async ValueTask InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        if (connectionString is null)
        {
            return;
        }

        ConnectionString = connectionString;
        _services = TestServices.Build(Provider, connectionString, Clock);
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await ResetAsync();
    }

    /// <summary>Creates the empty database; null when it cannot be had here (then <see cref="SkipReason"/> says why).</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected abstract DbConnection OpenConnection();

    /// <summary>A new scope's <see cref="KkkDbContext"/>, for arranging and asserting straight on the database.</summary>
    public AsyncServiceScope CreateScope(out KkkDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        return scope;
    }

    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        Clock.Set(TestClock.Start);
        await using (var connection = OpenConnection())
        {
            await connection.OpenAsync(cancellationToken);
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = Provider == DatabaseProvider.PostgreSql ? DbAdapter.Postgres : DbAdapter.Sqlite,
                SchemasToInclude = Provider == DatabaseProvider.PostgreSql ? ["public"] : [],
                TablesToIgnore = KeptTables,
            });
            await _respawner.ResetAsync(connection);
        }

        // Puts back reference rows a test changed; what that import audits is wiped just below.
        await Services.GetRequiredService<SystemRequestRunner>().SendAsync(ReferenceDataFiles.Load(), cancellationToken);
        await Services.GetRequiredService<SystemRequestRunner>().SendAsync(new Application.Notifications.Reminders.SeedNotificationDefaults(), cancellationToken);

        await using var scope = CreateScope(out var db);
        await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
        await db.AuditVerifications.ExecuteDeleteAsync(cancellationToken);
        var heads = await db.AuditChainHeads.ExecuteUpdateAsync(
            s => s.SetProperty(h => h.LastSequence, 0L).SetProperty(h => h.LastHash, AuditEntry.GenesisHash).SetProperty(h => h.Appends, 0L),
            cancellationToken);
        if (heads == 0)
        {
            db.AuditChainHeads.Add(new AuditChainHead());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A <see cref="DatabaseFixture"/> on a SQLite file of its own.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private SqliteTempDatabase? _file;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string?> CreateDatabaseAsync()
    {
        _file = new SqliteTempDatabase();
        return Task.FromResult<string?>(_file.ConnectionString);
    }

    protected override Task DropDatabaseAsync()
    {
        _file?.Dispose();
        return Task.CompletedTask;
    }

    protected override DbConnection OpenConnection() => new SqliteConnection(ConnectionString);
}

/// <summary>A <see cref="DatabaseFixture"/> on a database of its own in the run's <see cref="PostgresCluster"/>.</summary>
public sealed class PostgreSqlDatabaseFixture(PostgresCluster cluster) : DatabaseFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string?> CreateDatabaseAsync()
    {
        if (cluster.SkipReason is { } reason)
        {
            SkipReason = reason;
            return null;
        }

        return await cluster.CreateDatabaseAsync();
    }

    protected override Task DropDatabaseAsync() =>
        SkipReason is null && ConnectionString.Length > 0 ? cluster.DropDatabaseAsync(ConnectionString) : Task.CompletedTask;

    protected override DbConnection OpenConnection() => new NpgsqlConnection(ConnectionString);
}
