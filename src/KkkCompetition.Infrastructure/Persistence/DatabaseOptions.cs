namespace KkkCompetition.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>KKK:Database</c> section (environment: <c>KKK__Database__Provider</c>, <c>KKK__Database__ConnectionString</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "KKK:Database";

    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);
    public string? ConnectionString { get; set; }
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The provider, or a startup error naming the setting.</summary>
    public DatabaseProvider ResolveProvider() =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupConfigurationException($"KKK__Database__Provider: '{Provider}' is not a database provider; use Sqlite, SqlServer or PostgreSql.");

    /// <summary>The connection string; SQLite falls back to a file under <paramref name="dataFolder"/>.</summary>
    public string ResolveConnectionString(string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var provider = ResolveProvider();
        if (provider != DatabaseProvider.Sqlite)
        {
            throw new StartupConfigurationException($"KKK__Database__ConnectionString: missing; the {provider} provider needs a connection string.");
        }

        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "kkk.db")};Default Timeout=30";
    }
}

/// <summary>A setting that keeps the host from starting; its message is the one line the operator sees.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
