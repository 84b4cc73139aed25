using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>Points the one model at the configured provider and its own migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "KkkCompetition.Migrations.Sqlite";
    public const string SqlServerMigrations = "KkkCompetition.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "KkkCompetition.Migrations.PostgreSql";

    // SQLite gets case mapping beyond ASCII for its searches (SqliteUnicodeCase).
    // Split queries: an application loads four collections with it, and one joined query would multiply their rows
    // (EF warns of the cartesian explosion). Commands run in one transaction, so the split reads stay consistent.
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(SqliteUnicodeCase.Instance),
        DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
        DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Options for tools and tests that build the context without the host.</summary>
    public static DbContextOptions<KkkDbContext> OptionsFor(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<KkkDbContext>)new DbContextOptionsBuilder<KkkDbContext>().UseProvider(provider, connectionString).Options;
}
