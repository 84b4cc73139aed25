using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Competitions;

/// <summary>An official sets up a draft through Mediator on a real database: edits, stale versions, announcement, the clock.</summary>
public abstract class CompetitionSetupTests(DatabaseFixture database) : FunctionalTest(database)
{
    private Task<CompetitionDetailsDto> Details(Guid id) => Send(TestUsers.Official, new GetCompetition(id));

    private Task<int> AuditCount() => Read(db => db.AuditEntries.CountAsync(Ct));

    private static UpdateCompetitionSettings Settings(Guid id, int version, int experts = 3, decimal threshold = 90m, IReadOnlyList<string>? tieBreak = null) =>
        new(id, "Nabór 2027/1 (poprawiony)", threshold, experts, 25m, false, 10, 21, 4, 20, tieBreak ?? ["B.1", "C.1"], version);

    private static AddCompetitionCriterion NewCriterion(Guid id, int version, string code = "F.1") =>
        new(id, code, "F", "Umiędzynarodowienie", "Internationalisation", "Sieci międzynarodowe", "International networks", "Wskazówki",
            7.5m, true, 2m, 2.5m, true, 150, version);

    private async Task<CompetitionCreated> CreateAsync(int year = 2027, string name = "Konkurs o status KKK — nabór 2027/1") =>
        await Send(TestUsers.Official, NewCompetition(year, name));

    [Fact]
    public async Task A_new_competition_shows_its_template_criteria_the_four_rules_and_the_default_settings()
    {
        var created = await CreateAsync();

        var details = await Details(created.Id);

        Assert.Equal(CompetitionStatus.Draft, details.Status);
        Assert.True(details.IsEditable);
        Assert.Equal(13, details.Criteria.Count);
        Assert.Equal(150m, details.MaxTotal);
        Assert.Equal(100m, details.PassThreshold);
        Assert.Equal(CompetitionSettings.Defaults, details.Settings);
        Assert.Equal(["C.1", "C.2", "B.1"], details.TieBreakOrder);
        Assert.Equal(
            [(EligibilityRule.ClusterAge, 3), (EligibilityRule.MemberCount, 51), (EligibilityRule.CoordinatorIdentifiers, (int?)null), (EligibilityRule.MandatoryAttachments, null)],
            details.EligibilityRules.Select(r => (r.Code, r.Threshold)));
        Assert.All(details.EligibilityRules, r => Assert.True(r.IsPreChecked));
        Assert.Equal(0, details.RulesVersion);
        Assert.Null(details.SnapshotSha256);
        Assert.Equal(0, details.Version);
    }

    [Fact]
    public async Task The_timeline_settings_rules_and_criteria_of_a_draft_are_edited_each_with_the_next_version_and_audited()
    {
        var created = await CreateAsync();
        var t = NewCompetition();
        var version = await Send(TestUsers.Official, new UpdateCompetitionTimeline(
            created.Id, t.AnnouncementAt, t.OpensAt.AddDays(1), t.ClosesAt.AddDays(2), t.FormalReviewDeadline, t.EvaluationDeadline, t.PanelAt, t.DecisionAt, created.Version));
        Assert.Equal(1, version);

        version = await Send(TestUsers.Official, Settings(created.Id, version));
        version = await Send(TestUsers.Official, new UpdateEligibilityThresholds(created.Id, 4, 60, version));
        version = await Send(TestUsers.Official, new AddEligibilityRule(created.Id, "regional_letter", "List poparcia samorządu", "Letter of support from the region", version));
        version = await Send(TestUsers.Official, NewCriterion(created.Id, version));
        version = await Send(TestUsers.Official, new UpdateCompetitionCriterion(
            created.Id, "A.1", "A", null, null, "Zespół koordynatora", "Coordinator's team", null, 12m, false, 1.5m, 4m, true, 200, version));
        version = await Send(TestUsers.Official, new RemoveCompetitionCriterion(created.Id, "E.2", version));
        Assert.Equal(7, version);

        var details = await Details(created.Id);
        Assert.Equal(7, details.Version);
        Assert.Equal(t.ClosesAt.AddDays(2).UtcTicks / 10, details.Timeline.ClosesAt.UtcTicks / 10);
        Assert.Equal("Nabór 2027/1 (poprawiony)", details.Name);
        Assert.Equal(90m, details.PassThreshold);
        Assert.Equal(new CompetitionSettings(3, 25m, false, 10, 21, 4, 20), details.Settings);
        Assert.Equal(["B.1", "C.1"], details.TieBreakOrder);
        Assert.Equal((4, 60), (details.MinimumClusterAgeYears, details.MinimumMembers));
        var custom = details.EligibilityRules[^1];
        Assert.Equal(("regional_letter", false, true), (custom.Code, custom.IsPreChecked, custom.IsCustom));
        Assert.Equal(13, details.Criteria.Count);
        var added = details.Criteria.Single(c => c.Code == "F.1");
        Assert.Equal((7.5m, true, 2m, 2.5m, 150, "Umiędzynarodowienie"), (added.MaxPoints, added.HalfPointsAllowed, added.Weight, added.MinimumPoints, added.MinimumJustificationLength, added.AreaNamePl));
        var changed = details.Criteria.Single(c => c.Code == "A.1");
        Assert.Equal((12m, false, 1.5m, 4m, 200), (changed.MaxPoints, changed.HalfPointsAllowed, changed.Weight, changed.MinimumPoints, changed.MinimumJustificationLength));
        Assert.DoesNotContain(details.Criteria, c => c.Code == "E.2");
        Assert.Equal(150m + (18m - 10m) + 15m - 15m, details.MaxTotal); // A.1: 10 → 12 × 1.5; F.1: 7.5 × 2 added; E.2 (15) gone

        var commands = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Competition) && e.Operation == "Modified")
            .OrderBy(e => e.Sequence).Select(e => e.Command).ToListAsync(Ct));
        Assert.Equal(
            [nameof(UpdateCompetitionTimeline), nameof(UpdateCompetitionSettings), nameof(UpdateEligibilityThresholds), nameof(AddEligibilityRule),
             nameof(AddCompetitionCriterion), nameof(UpdateCompetitionCriterion), nameof(RemoveCompetitionCriterion)],
            commands);
        var removal = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(RemoveCompetitionCriterion))
            .Select(e => e.EntityType + ":" + e.Operation).ToListAsync(Ct));
        Assert.Equal([$"{nameof(Competition)}:Modified", $"{nameof(CompetitionCriterion)}:Deleted"], removal.Order(StringComparer.Ordinal));
        Assert.Equal(1, await Read(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(EligibilityRule) && e.Operation == "Added" && e.Command == nameof(AddEligibilityRule), Ct)));

        // Removed means gone, not left behind without a competition.
        Assert.Equal(13, await Read(db => db.Set<CompetitionCriterion>().CountAsync(Ct)));
    }

    [Fact]
    public async Task A_stale_version_is_409_and_nothing_changes()
    {
        var created = await CreateAsync();
        var version = await Send(TestUsers.Official, NewCriterion(created.Id, created.Version));
        var audit = await AuditCount();

        // The second official still holds version 0.
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, Settings(created.Id, created.Version)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new RemoveCompetitionCriterion(created.Id, "A.1", created.Version)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new AddEligibilityRule(created.Id, "extra", "Dodatkowa", "Extra", created.Version)));

        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        var details = await Details(created.Id);
        Assert.Equal(version, details.Version);
        Assert.Equal(100m, details.PassThreshold);
        Assert.Equal(14, details.Criteria.Count);
        Assert.Equal(4, details.EligibilityRules.Count);
        Assert.Equal(audit, await AuditCount());
    }

    [Fact]
    public async Task Invalid_edits_are_refused_with_the_fields_named_and_nothing_changes()
    {
        var created = await CreateAsync();
        var t = NewCompetition();
        var audit = await AuditCount();

        var timeline = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new UpdateCompetitionTimeline(
            created.Id, t.AnnouncementAt, t.OpensAt, t.OpensAt, t.FormalReviewDeadline, t.EvaluationDeadline, t.PanelAt, t.DecisionAt, created.Version)));
        Assert.Contains(nameof(UpdateCompetitionTimeline.ClosesAt), timeline.Errors.Select(e => e.PropertyName));

        var settings = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, Settings(created.Id, created.Version, experts: 1) with { DivergenceThresholdPercent = 0m }));
        Assert.Superset(
            new HashSet<string> { nameof(UpdateCompetitionSettings.ExpertsPerApplication), nameof(UpdateCompetitionSettings.DivergenceThresholdPercent) },
            settings.Errors.Select(e => e.PropertyName).ToHashSet());

        var criterion = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, NewCriterion(created.Id, created.Version) with { Weight = 0m, MaxPoints = 7.55m, Code = "" }));
        Assert.Superset(
            new HashSet<string> { nameof(AddCompetitionCriterion.Weight), nameof(AddCompetitionCriterion.MaxPoints), nameof(AddCompetitionCriterion.Code) },
            criterion.Errors.Select(e => e.PropertyName).ToHashSet());

        var rule = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new AddEligibilityRule(created.Id, "Bad Code", "", "Rule", created.Version)));
        Assert.Superset(new HashSet<string> { nameof(AddEligibilityRule.Code), nameof(AddEligibilityRule.NamePl) }, rule.Errors.Select(e => e.PropertyName).ToHashSet());

        Assert.Equal(0, (await Details(created.Id)).Version);
        Assert.Equal(audit, await AuditCount());
    }

    [Fact]
    public async Task Rules_of_the_aggregate_answer_with_their_codes()
    {
        var created = await CreateAsync();

        async Task<string> CodeOf<T>(ICommand<T> command) =>
            (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, command))).Code;

        Assert.Equal("competition.criterion_max_points_invalid", await CodeOf(NewCriterion(created.Id, 0) with { HalfPointsAllowed = false }));
        Assert.Equal("competition.criterion_duplicate_code", await CodeOf(NewCriterion(created.Id, 0, code: "A.1")));
        Assert.Equal("competition.threshold_out_of_range", await CodeOf(Settings(created.Id, 0, threshold: 150.5m)));
        Assert.Equal("competition.tie_break_unknown_criterion", await CodeOf(Settings(created.Id, 0, tieBreak: ["Z.9"])));
        Assert.Equal("competition.eligibility_rule_duplicate", await CodeOf(new AddEligibilityRule(created.Id, EligibilityRule.MemberCount, "Członkowie", "Members", 0)));
        Assert.Equal("competition.eligibility_rule_not_custom", await CodeOf(new RemoveEligibilityRule(created.Id, EligibilityRule.ClusterAge, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new RemoveEligibilityRule(created.Id, "no_such_rule", 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new RemoveCompetitionCriterion(created.Id, "Z.9", 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetCompetition(Guid.CreateVersion7())));
        Assert.Equal(0, (await Details(created.Id)).Version);
    }

    [Fact]
    public async Task Announcing_freezes_a_versioned_snapshot_and_every_later_edit_is_refused_with_nothing_changed()
    {
        var created = await CreateAsync();
        var version = await Send(TestUsers.Official, new AddEligibilityRule(created.Id, "regional_letter", "List poparcia", "Letter of support", created.Version));
        version = await Send(TestUsers.Official, new AnnounceCompetition(created.Id, version));

        var announced = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(1, announced.RulesVersion);
        Assert.Equal(CompetitionSnapshot.Sha256(announced.AnnouncedSnapshot!), announced.AnnouncedSnapshotSha256);
        Assert.Equal(CompetitionSnapshot.Write(announced), announced.AnnouncedSnapshot); // the stored terms are the ones read back
        var audit = await AuditCount();
        var t = NewCompetition();

        ICommand<int>[] edits =
        [
            new UpdateCompetitionTimeline(created.Id, t.AnnouncementAt, t.OpensAt, t.ClosesAt.AddDays(1), t.FormalReviewDeadline, t.EvaluationDeadline, t.PanelAt, t.DecisionAt, version),
            Settings(created.Id, version),
            new UpdateEligibilityThresholds(created.Id, 2, 40, version),
            new AddEligibilityRule(created.Id, "late_rule", "Późna reguła", "Late rule", version),
            new RemoveEligibilityRule(created.Id, "regional_letter", version),
            NewCriterion(created.Id, version),
            new UpdateCompetitionCriterion(created.Id, "A.1", "A", null, null, "Inna", "Other", null, 20m, true, 1m, null, true, 100, version),
            new RemoveCompetitionCriterion(created.Id, "A.1", version),
        ];
        foreach (var edit in edits)
        {
            var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, edit));
            Assert.Equal("competition.frozen", ex.Code);
        }

        var after = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(announced.Version, after.Version);
        Assert.Equal(announced.AnnouncedSnapshot, CompetitionSnapshot.Write(after));
        Assert.Equal(audit, await AuditCount());

        var details = await Details(created.Id);
        Assert.False(details.IsEditable);
        Assert.Equal(announced.AnnouncedSnapshotSha256, details.SnapshotSha256);
    }

    [Fact]
    public async Task The_timeline_job_opens_and_closes_on_the_clock_and_pages_show_the_clocks_status_before_it_runs()
    {
        var created = await CreateAsync();
        await Send(TestUsers.Official, new AnnounceCompetition(created.Id, created.Version));

        // The dates as the database keeps them (PostgreSQL to the microsecond), so the clock meets them exactly.
        var timeline = (await Details(created.Id)).Timeline;
        Assert.Equal(0, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));

        Database.Clock.Set(timeline.OpensAt.AddTicks(-10));
        Assert.Equal(0, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));
        Assert.Equal(CompetitionStatus.Announced, (await Details(created.Id)).Status);

        Database.Clock.Set(timeline.OpensAt);
        Assert.Equal(CompetitionStatus.Open, (await Details(created.Id)).Status);
        Assert.Equal(CompetitionStatus.Open, Assert.Single(await Send(TestUsers.Anonymous, new ListPublicCompetitions())).Status);
        Assert.Equal(CompetitionStatus.Announced, await StoredStatus(created.Id));

        Assert.Equal(1, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));
        Assert.Equal(CompetitionStatus.Open, await StoredStatus(created.Id));
        Assert.Equal(0, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));

        Database.Clock.Set(timeline.ClosesAt.AddTicks(-10));
        Assert.Equal(0, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));
        Database.Clock.Set(timeline.ClosesAt);
        Assert.Equal(CompetitionStatus.Closed, (await Details(created.Id)).Status);
        Assert.Empty(await Send(TestUsers.Anonymous, new ListPublicCompetitions()));
        Assert.Equal(CompetitionStatus.Closed, (await Send(TestUsers.Anonymous, new GetPublicCompetition(created.Id))).Status);
        Assert.Equal(1, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));
        Assert.Equal(CompetitionStatus.Closed, await StoredStatus(created.Id));

        var moves = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(AdvanceCompetitionTimelines)).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(2, moves.Count);
        Assert.All(moves, m =>
        {
            Assert.Equal(created.Id.ToString(), m.EntityId);
            Assert.Equal(Roles.System, m.Role);
        });
        Assert.Contains("\"Open\"", moves[0].After, StringComparison.Ordinal);
        Assert.Contains("\"Closed\"", moves[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_job_leaves_drafts_alone_and_may_only_be_run_by_the_system()
    {
        var created = await CreateAsync();
        var timeline = (await Details(created.Id)).Timeline;
        Database.Clock.Set(timeline.ClosesAt.AddDays(1));

        Assert.Equal(0, await Send(TestUsers.System, new AdvanceCompetitionTimelines()));
        Assert.Equal(CompetitionStatus.Draft, await StoredStatus(created.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new AdvanceCompetitionTimelines()));
    }

    [Fact]
    public async Task Officials_list_competitions_paged_sorted_and_filtered_on_the_server()
    {
        var first = await CreateAsync(2027, "B — nabór 2027/1");
        await CreateAsync(2027, "A — nabór 2027/2");
        await CreateAsync(2028, "C — nabór 2028/1");
        await Send(TestUsers.Official, new AnnounceCompetition(first.Id, first.Version));

        var page = await Send(TestUsers.Official, new ListCompetitions(PageSize: 2));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["C — nabór 2028/1", "A — nabór 2027/2"], page.Items.Select(i => i.Name));
        var second = await Send(TestUsers.Official, new ListCompetitions(Page: 2, PageSize: 2));
        Assert.Equal("B — nabór 2027/1", Assert.Single(second.Items).Name);

        var byName = await Send(TestUsers.Official, new ListCompetitions(SortBy: CompetitionSort.Name, Descending: false));
        Assert.Equal(["A — nabór 2027/2", "B — nabór 2027/1", "C — nabór 2028/1"], byName.Items.Select(i => i.Name));

        Assert.Equal(2, (await Send(TestUsers.Official, new ListCompetitions(Status: CompetitionStatus.Draft))).TotalCount);
        Assert.Equal(2, (await Send(TestUsers.Official, new ListCompetitions(Year: 2027))).TotalCount);
        var announced = Assert.Single((await Send(TestUsers.Official, new ListCompetitions(Status: CompetitionStatus.Announced))).Items);
        Assert.Equal((first.Id, 13, 4, 1), (announced.Id, announced.CriteriaCount, announced.EligibilityRuleCount, announced.RulesVersion));

        // Opened by the clock, not yet by the job: the filter and the row both say open.
        Database.Clock.Set((await Details(first.Id)).Timeline.OpensAt);
        Assert.Empty((await Send(TestUsers.Official, new ListCompetitions(Status: CompetitionStatus.Announced))).Items);
        Assert.Equal(CompetitionStatus.Open, Assert.Single((await Send(TestUsers.Official, new ListCompetitions(Status: CompetitionStatus.Open))).Items).Status);
    }

    [Fact]
    public async Task A_third_round_of_a_year_is_refused_and_nothing_saved()
    {
        await CreateAsync();
        await CreateAsync(name: "Nabór 2027/2");
        var audit = await AuditCount();

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, NewCompetition(name: "Nabór 2027/3")));

        Assert.Equal("competition.too_many_rounds", ex.Code);
        Assert.Equal(2, (await Send(TestUsers.Official, new ListCompetitions(Year: 2027))).TotalCount);
        Assert.Equal(audit, await AuditCount());
    }

    [Fact]
    public async Task The_public_sees_announced_competitions_with_their_rules_and_criteria_and_never_a_draft()
    {
        var draft = await CreateAsync();
        var announced = await CreateAsync(name: "Nabór 2027/2");
        await Send(TestUsers.Official, new AnnounceCompetition(announced.Id, announced.Version));

        var list = await Send(TestUsers.Anonymous, new ListPublicCompetitions());

        var shown = Assert.Single(list);
        Assert.Equal(announced.Id, shown.Id);
        Assert.Equal(CompetitionStatus.Announced, shown.Status);
        Assert.Equal(4, shown.EligibilityRules.Count);
        Assert.Equal(51, shown.EligibilityRules.Single(r => r.Code == EligibilityRule.MemberCount).Threshold);
        Assert.Equal(13, shown.Criteria.Count);
        Assert.Equal(["A", "B", "C", "D", "E"], shown.Criteria.Select(c => c.AreaCode).Distinct());
        Assert.Equal(150m, shown.MaxTotal);
        Assert.Equal(1, shown.RulesVersion);
        Assert.Matches("^[0-9a-f]{64}$", shown.SnapshotSha256);
        Assert.Equal(shown.SnapshotSha256, (await Send(TestUsers.Anonymous, new GetPublicCompetition(announced.Id))).SnapshotSha256);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Anonymous, new GetPublicCompetition(draft.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetPublicCompetition(Guid.CreateVersion7())));
    }

    [Fact]
    public async Task Applicants_and_experts_may_not_read_or_change_the_set_up_and_nothing_changes()
    {
        var created = await CreateAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new GetCompetition(created.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new ListCompetitions()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, NewCriterion(created.Id, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new AddEligibilityRule(created.Id, "mine", "Moja", "Mine", 0)));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Send(TestUsers.Anonymous, new ListCompetitions()));

        Assert.Equal(0, (await Details(created.Id)).Version);
    }

    private Task<CompetitionStatus> StoredStatus(Guid id) =>
        Read(db => db.Competitions.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct));
}

public sealed class CompetitionSetupTestsOnSqlite(SqliteDatabaseFixture database) : CompetitionSetupTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CompetitionSetupTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CompetitionSetupTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
