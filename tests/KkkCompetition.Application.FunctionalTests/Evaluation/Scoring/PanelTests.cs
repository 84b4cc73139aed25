using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;

namespace KkkCompetition.Application.FunctionalTests.Evaluation.Scoring;

/// <summary>The expert panel: the presentation's date and place, and criterion changes with a written justification beside the experts' value.</summary>
public abstract class PanelTests(DatabaseFixture database) : ScoringTest(database)
{
    private const string PanelJustification = "Prezentacja klastra wykazała wdrożenia, których nie opisano we wniosku.";

    private async Task<ScoringSetup> EvaluatedAsync(bool holdsPanel = true)
    {
        var setup = await SetupAsync(holdsPanel: holdsPanel);
        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 7m);
        await ScoreAsync(setup.Experts[1], setup.Assignments[1], setup.Criteria, 8m);
        return setup;
    }

    [Fact]
    public async Task The_panel_changes_a_criterion_with_a_justification_and_the_experts_value_stays_beside_it()
    {
        var setup = await EvaluatedAsync();
        var official = await Arrange.OfficialAccountAsync(cancellationToken: Ct);
        var before = (await ResultAsync(setup.Application.Id)).Result!;
        Assert.Equal((97.5m, false), (before.Total, before.Passed));

        var version = await Send(official, new ChangeCriterionByPanel(setup.Application.Id, "C.1", 14m, PanelJustification, before.Version));

        var after = (await ResultAsync(setup.Application.Id)).Result!;
        Assert.Equal(version, after.Version);
        var changed = after.Criteria.Single(c => c.CriterionCode == "C.1");
        Assert.Equal((7.5m, 14m, 14m, PanelJustification, "Anna Urzędniczka"), (changed.ExpertPoints, changed.PanelPoints, changed.FinalPoints, changed.PanelJustification, changed.PanelChangedBy));
        Assert.Equal((97.5m, 104m, true, true), (after.ExpertTotal, after.Total, after.Passed, after.ChangedByPanel));
        Assert.Empty(after.FailReasons);
        var listed = Assert.Single((await Send(TestUsers.Official, new ListEvaluationProgress(setup.CompetitionId))).Items);
        Assert.Equal((104m, true, true), (listed.Total!.Value, listed.Passed!.Value, listed.ChangedByPanel));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Za krótko.")]
    public async Task A_change_without_a_written_justification_is_refused(string justification)
    {
        var setup = await EvaluatedAsync();
        var result = (await ResultAsync(setup.Application.Id)).Result!;

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "C.1", 14m, justification, result.Version)));

        Assert.Equal("evaluation.panel_justification_required", refused.Code);
        Assert.Null((await ResultAsync(setup.Application.Id)).Result!.Criteria.Single(c => c.CriterionCode == "C.1").PanelPoints);
    }

    [Fact]
    public async Task Points_off_the_scale_and_a_stale_version_are_refused()
    {
        var setup = await EvaluatedAsync();
        var result = (await ResultAsync(setup.Application.Id)).Result!;

        var whole = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "A.1", 6.5m, PanelJustification, result.Version)));
        var unknown = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "Z.1", 1m, PanelJustification, result.Version)));
        await Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "A.1", 6m, PanelJustification, result.Version));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "A.2", 6m, PanelJustification, result.Version)));

        Assert.Equal("evaluation.points_invalid", whole.Code);
        Assert.Equal("evaluation.criterion_unknown", unknown.Code);
        Assert.Equal("concurrency.stale_version", stale.Code);
    }

    [Fact]
    public async Task The_presentation_is_scheduled_in_warsaw_time_and_never_in_the_past()
    {
        var setup = await EvaluatedAsync();
        var result = (await ResultAsync(setup.Application.Id)).Result!;

        var version = await Send(TestUsers.Official, new SchedulePanelPresentation(setup.Application.Id, new DateTime(2027, 3, 10, 10, 30, 0), "Ministerstwo, sala 101", result.Version));

        var scheduled = (await ResultAsync(setup.Application.Id)).Result!;
        Assert.Equal(version, scheduled.Version);
        Assert.Equal(new DateTimeOffset(2027, 3, 10, 9, 30, 0, TimeSpan.Zero), scheduled.PanelScheduledAt);
        Assert.Equal("Ministerstwo, sala 101", scheduled.PanelPlace);
        Assert.Equal(scheduled.PanelScheduledAt, (await Send(TestUsers.Official, new ListEvaluationProgress(setup.CompetitionId))).Items[0].PanelScheduledAt);

        var past = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official,
            new SchedulePanelPresentation(setup.Application.Id, TimeZoneInfo.ConvertTime(TestClock.Start, WorkingDayCalendar.Warsaw).DateTime.AddHours(-1), "Sala 2", version)));
        Assert.Equal("evaluation.panel_in_past", past.Code);
    }

    [Fact]
    public async Task A_competition_without_a_panel_refuses_both()
    {
        var setup = await EvaluatedAsync(holdsPanel: false);
        var result = (await ResultAsync(setup.Application.Id)).Result!;

        var change = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "C.1", 14m, PanelJustification, result.Version)));
        var schedule = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new SchedulePanelPresentation(setup.Application.Id, new DateTime(2027, 3, 10, 10, 30, 0), "Sala 1", result.Version)));

        Assert.Equal("evaluation.no_panel", change.Code);
        Assert.Equal("evaluation.no_panel", schedule.Code);
        Assert.False((await ResultAsync(setup.Application.Id)).HoldsPanel);
    }

    [Fact]
    public async Task Before_a_result_the_panel_has_nothing_to_change_and_experts_may_not_ask()
    {
        var setup = await SetupAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Send(TestUsers.Official, new ChangeCriterionByPanel(setup.Application.Id, "C.1", 14m, PanelJustification, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Send(setup.Experts[0].User, new ChangeCriterionByPanel(setup.Application.Id, "C.1", 14m, PanelJustification, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => ResultAsync(Guid.CreateVersion7()));
    }
}

public sealed class PanelTestsOnSqlite(SqliteDatabaseFixture database) : PanelTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PanelTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : PanelTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
