using KkkCompetition.Infrastructure.Jobs;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// Start-up work on the database, in order: reach it (or stop with one line naming the setting), apply
/// migrations when configured, seed the reference data and the notification defaults idempotently.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, SystemRequestRunner runner, IOptions<DatabaseOptions> options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            if (!await CanConnectAsync(db, cancellationToken))
            {
                throw new StartupConfigurationException($"KKK__Database__ConnectionString: the {options.Value.Provider} database cannot be reached.");
            }

            if (options.Value.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new StartupConfigurationException("KKK__Database__MigrateOnStartup: false, and the database lacks migrations; apply db/scripts first.");
            }

            if (db.IsSqlite)
            {
                // Readers do not wait for the writer; the embedded default serves the UI and jobs at once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await runner.SendAsync(ReferenceDataFiles.Load(), cancellationToken);
        await runner.SendAsync(new Application.Notifications.Reminders.SeedNotificationDefaults(), cancellationToken);
    }

    private static async Task<bool> CanConnectAsync(KkkDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return true;
        }

        try
        {
            // Asks the server whether the database exists (a new one is created by the migrations);
            // it throws when the server cannot be reached or refuses the credentials.
            await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
