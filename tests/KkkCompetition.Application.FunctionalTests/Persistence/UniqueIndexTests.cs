using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Persistence;

/// <summary>
/// A race past a handler's own check ends at a unique index: the caller gets 409 concurrency.duplicate, never a 500,
/// and nothing is saved.
/// </summary>
public abstract class UniqueIndexTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task A_unique_index_refusal_is_a_duplicate_conflict_and_nothing_is_saved()
    {
        var owner = Guid.CreateVersion7();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        db.Organisations.Add(Organisation.Register(owner, "Fundacja A", "5260250274", null, null, "fundacja", "ul. Prosta 1, Warszawa", "14"));
        db.Organisations.Add(Organisation.Register(owner, "Fundacja B", "7740001454", null, null, "fundacja", "ul. Krzywa 2, Kraków", "12"));

        var ex = await Assert.ThrowsAsync<DuplicateConflictException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal("concurrency.duplicate", ex.Code);
        Assert.Equal(0, await Read(r => r.Organisations.CountAsync(o => o.OwnerUserId == owner, Ct)));
    }
}

public sealed class UniqueIndexTestsOnSqlite(SqliteDatabaseFixture database) : UniqueIndexTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class UniqueIndexTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : UniqueIndexTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
