using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace KkkCompetition.Application.FunctionalTests;

/// <summary>
/// Base of the functional tests: each test starts on a reset database (Respawn) with the reference data and an
/// empty audit log. Concrete classes pick the database: one subclass per provider runs the same tests on each.
/// </summary>
public abstract class FunctionalTest(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    protected IServiceProvider Services => Database.Services;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (Database.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await Database.ResetAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected Task<T> Send<T>(ICurrentUser user, ICommand<T> command) => Services.SendAsAsync(user, command, Ct);

    protected Task<T> Send<T>(ICurrentUser user, IQuery<T> query) => Services.SendAsAsync(user, query, Ct);

    /// <summary>Reads straight from the database, in a scope of its own (nothing cached from the command's scope).</summary>
    protected async Task<T> Read<T>(Func<KkkDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KkkDbContext>());
    }

    /// <summary>A valid competition whose dates lie ahead of the test clock.</summary>
    protected static CreateCompetition NewCompetition(int year = 2027, string name = "Konkurs o status KKK — nabór 2027/1")
    {
        var start = TestClock.Start;
        return new CreateCompetition(
            name,
            year,
            start.AddDays(1),
            start.AddDays(10),
            start.AddDays(60),
            start.AddDays(90),
            start.AddDays(150),
            start.AddDays(160),
            start.AddDays(180));
    }
}
