using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// SQLite's own <c>lower</c> and <c>upper</c> change ASCII letters only, so a search made case-insensitive the usual way
/// (<c>name.ToLower().Contains(text.ToLowerInvariant())</c>, which EF translates to <c>lower(...)</c>) never matched a Polish
/// capital: "łódzki" did not find "Łódzki Klaster", "ścieżki" not "Klaster Ścieżki". Every connection the context opens
/// replaces both with .NET's invariant case mapping, as PostgreSQL and SQL Server already map the whole of Unicode.
/// </summary>
public sealed class SqliteUnicodeCase : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeCase Instance = new();

    private SqliteUnicodeCase()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            // Deterministic, like the built-ins they replace (so SQLite may still use them where it needs a constant result).
            sqlite.CreateFunction<string?, string?>("lower", text => text?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction<string?, string?>("upper", text => text?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
