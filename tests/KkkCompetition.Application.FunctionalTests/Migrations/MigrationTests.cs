using System.Text.RegularExpressions;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Npgsql;

namespace KkkCompetition.Application.FunctionalTests.Migrations;

/// <summary>Each provider's migrations must match the one model, and the DBA scripts in db/scripts must match the migrations.</summary>
public sealed partial class MigrationTests(PostgresCluster cluster)
{
    // No server is contacted: these only build the model and the migrations.
    private const string SqliteConnection = "Data Source=:memory:";
    private const string SqlServerConnection = "Server=localhost;Database=kkk;Integrated Security=true;TrustServerCertificate=true";
    private const string PostgreSqlConnection = "Host=localhost;Database=kkk;Username=kkk";

    private static KkkDbContext Context(DatabaseProvider provider, string connectionString) => new(DatabaseSetup.OptionsFor(provider, connectionString));

    private static string ScriptPath(string file) => Path.Combine(RepositoryRoot.Find(), "db", "scripts", file);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, SqliteConnection)]
    [InlineData(DatabaseProvider.SqlServer, SqlServerConnection)]
    [InlineData(DatabaseProvider.PostgreSql, PostgreSqlConnection)]
    public void The_migrations_of_each_provider_are_up_to_date_with_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag the model: add a migration with db/new-migration.sh.");
    }

    [Fact]
    public void The_sql_server_script_parses_as_t_sql_without_errors()
    {
        using var reader = new StreamReader(ScriptPath("sqlserver.sql"));
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.NotEmpty(((TSqlScript)fragment).Batches);
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, SqlServerConnection, "sqlserver.sql")]
    [InlineData(DatabaseProvider.PostgreSql, PostgreSqlConnection, "postgresql.sql")]
    public void The_idempotent_script_is_current_with_the_migrations(DatabaseProvider provider, string connectionString, string file)
    {
        using var db = Context(provider, connectionString);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var actual = File.ReadAllText(ScriptPath(file));

        Assert.True(
            Normalize(expected) == Normalize(actual),
            $"db/scripts/{file} lags the migrations: run db/script-migrations.sh.");
    }

    [Fact]
    public async Task The_postgresql_script_builds_the_database_and_runs_twice()
    {
        if (cluster.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var connectionString = await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        try
        {
            var script = File.ReadAllText(ScriptPath("postgresql.sql"));
            for (var run = 0; run < 2; run++)
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand(script, connection);
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await using var db = Context(DatabaseProvider.PostgreSql, connectionString);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            var head = await db.AuditChainHeads.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, head.LastSequence);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
        }
    }

    private static string Normalize(string script) => Whitespace().Replace(script.Replace("\uFEFF", "", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
