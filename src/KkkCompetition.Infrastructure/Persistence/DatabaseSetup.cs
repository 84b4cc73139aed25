using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>Points the one model at the configured provider and its own migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "KkkCompetition.Migrations.Sqlite";
    public const string SqlServerMigrations = "KkkCompetition.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "KkkCompetition.Migrations.PostgreSql";

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)),
        DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrations)),
        DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrations)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Options for tools and tests that build the context without the host.</summary>
    public static DbContextOptions<KkkDbContext> OptionsFor(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<KkkDbContext>)new DbContextOptionsBuilder<KkkDbContext>().UseProvider(provider, connectionString).Options;
}
