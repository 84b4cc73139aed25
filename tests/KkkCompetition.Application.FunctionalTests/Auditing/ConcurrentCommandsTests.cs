using KkkCompetition.Application.Auditing;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Auditing;

/// <summary>On a real server, commands from separate scopes run at once; the audit head row must order their appends.</summary>
public sealed class ConcurrentCommandsOnPostgreSqlTests(PostgreSqlDatabaseFixture database) : FunctionalTest(database), IClassFixture<PostgreSqlDatabaseFixture>
{
    [Fact]
    public async Task Parallel_commands_leave_an_intact_chain_without_gaps()
    {
        const int count = 10;
        var created = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => Task.Run(() => Send(TestUsers.Official, NewCompetition(year: 2030 + i, name: $"Nabór {2030 + i}/1")), Ct)));
        await Task.WhenAll(created.Select(c => Task.Run(() => Send(TestUsers.Official, new AnnounceCompetition(c.Id, c.Version)), Ct)));

        var sequences = await Read(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct));
        // Each creation adds the competition, its 13 criteria and its 4 eligibility rules; each announcement one change.
        Assert.Equal(Enumerable.Range(1, (count * 18) + count).Select(i => (long)i), sequences);
        var head = await Read(db => db.AuditChainHeads.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(sequences[^1], head.LastSequence);
        Assert.Equal(count, await Read(db => db.Competitions.CountAsync(c => c.Status == CompetitionStatus.Announced, Ct)));

        var verification = await Send(TestUsers.Administrator, new VerifyAuditChain());
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(sequences.Count, verification.EntriesChecked);
    }
}
