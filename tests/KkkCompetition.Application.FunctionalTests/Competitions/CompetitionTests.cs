using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Competitions;

public abstract class CompetitionTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task A_valid_competition_is_created_as_a_draft_with_the_13_template_criteria_and_the_4_rules_and_audited()
    {
        var created = await Send(TestUsers.Official, NewCompetition());

        var competition = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
        Assert.Equal(1, created.Round);
        Assert.Equal(0, created.Version);
        Assert.Equal(13, competition.Criteria.Count);
        Assert.Equal(4, competition.EligibilityRules.Count);
        Assert.Equal(["C.1", "C.2", "B.1"], competition.TieBreakOrder);
        Assert.Equal(150m, competition.MaxTotal);
        Assert.Equal(NewCompetition().ClosesAt.UtcTicks / 10_000, competition.Timeline.ClosesAt.UtcTicks / 10_000);

        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Competition)).ToListAsync(Ct));
        var entry = Assert.Single(audited);
        Assert.Equal(nameof(CreateCompetition), entry.Command);
        Assert.Equal("Added", entry.Operation);
        Assert.Equal(created.Id.ToString(), entry.EntityId);
        Assert.Equal(18, await Read(db => db.AuditEntries.CountAsync(Ct))); // the competition, its 13 criteria and 4 eligibility rules
    }

    [Fact]
    public async Task The_second_round_of_a_year_gets_number_two()
    {
        await Send(TestUsers.Official, NewCompetition());
        var second = await Send(TestUsers.Official, NewCompetition(name: "Nabór 2027/2"));
        Assert.Equal(2, second.Round);
    }

    [Fact]
    public async Task An_invalid_competition_is_refused_with_the_fields_named_and_nothing_saved()
    {
        var invalid = NewCompetition() with { Name = "", Year = 1999, ClosesAt = TestClock.Start.AddDays(5), PassThreshold = 0 };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, invalid));

        var fields = ex.Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Superset(new HashSet<string> { nameof(CreateCompetition.Name), nameof(CreateCompetition.Year), nameof(CreateCompetition.ClosesAt), nameof(CreateCompetition.PassThreshold) }, fields);
        Assert.Equal(0, await Read(db => db.Competitions.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_third_round_in_a_year_is_refused_and_nothing_saved()
    {
        await Send(TestUsers.Official, NewCompetition());
        await Send(TestUsers.Official, NewCompetition(name: "Nabór 2027/2"));
        var auditBefore = await Read(db => db.AuditEntries.CountAsync(Ct));

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, NewCompetition(name: "Nabór 2027/3")));

        Assert.Equal("competition.too_many_rounds", ex.Code);
        Assert.Equal(2, await Read(db => db.Competitions.CountAsync(Ct)));
        Assert.Equal(auditBefore, await Read(db => db.AuditEntries.CountAsync(Ct)));
        Assert.Equal(1, (await Send(TestUsers.Official, NewCompetition(year: 2028))).Round);
    }

    [Fact]
    public async Task An_applicant_may_not_create_a_competition_and_nothing_is_saved()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, NewCompetition()));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Send(TestUsers.Anonymous, NewCompetition()));

        Assert.Equal(0, await Read(db => db.Competitions.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_draft_is_announced()
    {
        var created = await Send(TestUsers.Official, NewCompetition());

        var version = await Send(TestUsers.Official, new AnnounceCompetition(created.Id, created.Version));

        var competition = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(CompetitionStatus.Announced, competition.Status);
        Assert.Equal(1, version);
        Assert.Equal(1, competition.Version);
        Assert.NotNull(competition.AnnouncedAt);
        var announced = await Send(TestUsers.Anonymous, new ListPublicCompetitions());
        Assert.Equal(13, Assert.Single(announced).CriteriaCount);
    }

    [Fact]
    public async Task Announcing_twice_is_refused()
    {
        var created = await Send(TestUsers.Official, NewCompetition());
        var version = await Send(TestUsers.Official, new AnnounceCompetition(created.Id, created.Version));

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new AnnounceCompetition(created.Id, version)));

        Assert.Equal("competition.not_draft", ex.Code);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_nothing_changes()
    {
        var created = await Send(TestUsers.Official, NewCompetition());
        var auditBefore = await Read(db => db.AuditEntries.CountAsync(Ct));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new AnnounceCompetition(created.Id, created.Version + 1)));

        Assert.Equal("concurrency.stale_version", ((BusinessRuleViolation)ex).Code);
        var competition = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
        Assert.Equal(0, competition.Version);
        Assert.Equal(auditBefore, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_version_changed_by_someone_else_in_the_database_is_a_conflict()
    {
        var created = await Send(TestUsers.Official, NewCompetition());
        await Read(db => db.Competitions.Where(c => c.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, 7), Ct));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new AnnounceCompetition(created.Id, created.Version)));

        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, ex.Code);
    }

    [Fact]
    public async Task Announcing_an_unknown_competition_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new AnnounceCompetition(Guid.CreateVersion7(), 0)));

    [Fact]
    public async Task An_expert_may_not_announce()
    {
        var created = await Send(TestUsers.Official, NewCompetition());
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new AnnounceCompetition(created.Id, created.Version)));
        Assert.Equal(CompetitionStatus.Draft, await Read(db => db.Competitions.Where(c => c.Id == created.Id).Select(c => c.Status).SingleAsync(Ct)));
    }
}

public sealed class CompetitionTestsOnSqlite(SqliteDatabaseFixture database) : CompetitionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CompetitionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CompetitionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
