using System.Text.Json;
using FluentValidation;
using KkkCompetition.Application.Auditing;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Auditing;

public abstract class AuditLogTests(DatabaseFixture database) : FunctionalTest(database)
{
    private Task<List<AuditEntry>> Entries() =>
        Read(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct));

    [Fact]
    public async Task Every_state_change_appends_entries_chained_by_sha256_with_who_what_and_from_where()
    {
        var official = TestUsers.Official;
        var created = await Send(official, NewCompetition());
        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        await Send(official, new AnnounceCompetition(created.Id, created.Version));

        var entries = await Entries();

        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Matches("^[0-9a-f]{64}$", entries[i].Hash);
            Assert.Equal(entries[i].Hash, entries[i].ComputeHash());
            if (i > 0)
            {
                Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            }
        }

        Assert.All(entries, e =>
        {
            Assert.Equal(official.UserId, e.UserId);
            Assert.Equal(official.UserName, e.UserName);
            Assert.Equal("Official", e.Role);
            Assert.Equal("192.0.2.10", e.IpAddress);
            Assert.Equal(official.CorrelationId, e.CorrelationId);
        });

        var added = entries.Single(e => e.EntityType == nameof(Competition) && e.Operation == "Added");
        Assert.Equal(nameof(CreateCompetition), added.Command);
        Assert.Null(added.Before);
        Assert.Equal("Konkurs o status KKK — nabór 2027/1", JsonDocument.Parse(added.After!).RootElement.GetProperty("Name").GetString());
        Assert.Equal(TestClock.Start.UtcTicks / 10_000, added.OccurredAt.UtcTicks / 10_000);

        var modified = entries.Single(e => e.Operation == "Modified");
        Assert.Equal(nameof(AnnounceCompetition), modified.Command);
        Assert.Equal(created.Id.ToString(), modified.EntityId);
        Assert.Equal("Draft", JsonDocument.Parse(modified.Before!).RootElement.GetProperty("Status").GetString());
        Assert.Equal("Announced", JsonDocument.Parse(modified.After!).RootElement.GetProperty("Status").GetString());
        Assert.Equal(entries[^1], modified);

        var head = await Read(db => db.AuditChainHeads.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(entries[^1].Sequence, head.LastSequence);
        Assert.Equal(entries[^1].Hash, head.LastHash);
    }

    [Fact]
    public async Task Queries_and_refused_commands_append_nothing()
    {
        await Send(TestUsers.Anonymous, new ListPublicCompetitions());
        await Send(TestUsers.Official, new SearchAuditLog());
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new AnnounceCompetition(Guid.CreateVersion7(), 0)));

        Assert.Empty(await Entries());
    }

    [Fact]
    public async Task The_audit_log_is_searched_filtered_sorted_and_paged_in_the_database()
    {
        var first = await Send(TestUsers.Official, NewCompetition());
        Database.Clock.Advance(TimeSpan.FromHours(1));
        await Send(TestUsers.System, NewCompetition(name: "Nabór 2027/2"));
        Database.Clock.Advance(TimeSpan.FromHours(1));
        await Send(TestUsers.Official, new AnnounceCompetition(first.Id, first.Version));
        var admin = TestUsers.Administrator;

        // Each creation: the competition, its 13 criteria and 4 eligibility rules (18); the announcement: 1.
        var all = await Send(admin, new SearchAuditLog(PageSize: 200));
        Assert.Equal(37, all.TotalCount);
        Assert.Equal(37, all.Items[0].Sequence); // newest first by default

        var page = await Send(admin, new SearchAuditLog(Descending: false, Page: 2, PageSize: 5));
        Assert.Equal(37, page.TotalCount);
        Assert.Equal([6L, 7, 8, 9, 10], page.Items.Select(i => i.Sequence));

        var announce = await Send(admin, new SearchAuditLog(Command: nameof(AnnounceCompetition)));
        Assert.Equal(first.Id.ToString(), Assert.Single(announce.Items).EntityId);

        var byEntity = await Send(admin, new SearchAuditLog(EntityType: nameof(Competition), Descending: false));
        Assert.Equal(["Added", "Added", "Modified"], byEntity.Items.Select(i => i.Operation));

        var bySystem = await Send(TestUsers.Official, new SearchAuditLog(UserName: TestUsers.System.UserName));
        Assert.Equal(18, bySystem.TotalCount);
        Assert.All(bySystem.Items, i => Assert.Equal("System", i.Role));

        var secondHour = await Send(admin, new SearchAuditLog(From: TestClock.Start.AddMinutes(30), To: TestClock.Start.AddMinutes(90)));
        Assert.Equal(18, secondHour.TotalCount);

        var text = await Send(admin, new SearchAuditLog(Text: "Announce"));
        Assert.Equal(1, text.TotalCount);

        var sortedByCommand = await Send(admin, new SearchAuditLog(SortBy: AuditSort.Command, Descending: false, PageSize: 1));
        Assert.Equal(nameof(AnnounceCompetition), Assert.Single(sortedByCommand.Items).Command);

        await Assert.ThrowsAsync<ValidationException>(() => Send(admin, new SearchAuditLog(PageSize: 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new SearchAuditLog()));
    }

    [Fact]
    public async Task An_untouched_chain_verifies_intact_and_the_result_is_recorded()
    {
        await Send(TestUsers.Official, NewCompetition());

        var result = await Send(TestUsers.Administrator, new VerifyAuditChain());

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(18, result.EntriesChecked); // the competition, its 13 criteria and 4 eligibility rules
        Assert.Null(result.FirstBrokenSequence);
        var latest = await Send(TestUsers.Official, new GetLatestAuditVerification());
        Assert.True(latest!.IsIntact);
        Assert.True((await Send(TestUsers.System, new VerifyAuditChain())).IsIntact);
    }

    [Fact]
    public async Task An_entry_edited_behind_the_products_back_is_named_by_the_verification()
    {
        await Send(TestUsers.Official, NewCompetition());
        await Read(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "UserName" = 'mallory' WHERE "Sequence" = 3""", Ct));

        var result = await Send(TestUsers.Administrator, new VerifyAuditChain());

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(3, result.EntriesChecked);
        var latest = await Send(TestUsers.Administrator, new GetLatestAuditVerification());
        Assert.Equal(3, latest!.FirstBrokenSequence);
    }

    [Fact]
    public async Task An_entry_deleted_behind_the_products_back_is_named_by_the_verification()
    {
        await Send(TestUsers.Official, NewCompetition());
        await Read(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 5""", Ct));

        var result = await Send(TestUsers.Administrator, new VerifyAuditChain());

        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Entries_cut_off_the_end_are_caught_by_the_head()
    {
        await Send(TestUsers.Official, NewCompetition());
        await Read(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" > 12""", Ct));

        var result = await Send(TestUsers.Administrator, new VerifyAuditChain());

        Assert.False(result.IsIntact);
        Assert.Equal(13, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Only_administrators_and_the_system_verify_the_chain()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new VerifyAuditChain()));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Send(TestUsers.Anonymous, new VerifyAuditChain()));
    }
}

public sealed class AuditLogTestsOnSqlite(SqliteDatabaseFixture database) : AuditLogTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AuditLogTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditLogTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
