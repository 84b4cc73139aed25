using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;

namespace KkkCompetition.Application.FunctionalTests.Evaluation.Scoring;

/// <summary>The expert's own sheet: reading it, autosaving drafts and the refusals of both.</summary>
public abstract class ScoreSheetTests(DatabaseFixture database) : ScoringTest(database)
{
    [Fact]
    public async Task The_expert_reads_his_sheet_with_the_criteria_as_the_competition_defines_them()
    {
        var setup = await SetupAsync();

        var sheet = await SheetAsync(setup.Experts[0], setup.Assignments[0]);

        Assert.Equal(setup.Application.Number, sheet.ApplicationNumber);
        Assert.Equal("Klaster Alfa", sheet.ClusterName);
        Assert.True(sheet.Editable);
        Assert.Equal(AssignmentStatus.Accepted, sheet.Status);
        Assert.Equal(13, sheet.Criteria.Count);
        Assert.Equal(150m, sheet.MaxTotal);
        Assert.Equal(0m, sheet.Total);
        var whole = sheet.Criteria.Single(c => c.Code == ScoringArrange.WholePointsCriterion);
        Assert.Equal((10m, false, 4m, 100, ScoringArrange.Guidance), (whole.MaxPoints, whole.HalfPointsAllowed, whole.MinimumPoints, whole.MinimumJustificationLength, whole.Guidance));
        var half = sheet.Criteria.Single(c => c.Code == "C.1");
        Assert.Equal((15m, true), (half.MaxPoints, half.HalfPointsAllowed));
        Assert.All(sheet.Criteria, c => Assert.Null(c.Points));

        // Each criterion lacks points and a justification, and the sheet an opinion.
        Assert.Equal(27, sheet.Gaps.Count);
        Assert.Contains(sheet.Gaps, g => g is { CriterionCode: null, Kind: SheetGapKind.OpinionMissing });
    }

    [Fact]
    public async Task A_draft_is_saved_with_gaps_left_and_each_save_moves_the_version()
    {
        var setup = await SetupAsync();
        var expert = setup.Experts[0];
        var before = await SheetAsync(expert, setup.Assignments[0]);

        var saved = await Send(expert.User, new SaveScoreSheetDraft(
            setup.Assignments[0],
            [new CriterionScoreInput("A.1", 7m, ScoringArrange.Justification), new CriterionScoreInput("C.1", 12.5m, "Za krótko.")],
            null,
            before.Version));

        Assert.Equal(before.Version + 1, saved.Version);
        Assert.Equal(19.5m, saved.Total);
        Assert.DoesNotContain(saved.Gaps, g => g.CriterionCode == "A.1");
        Assert.Contains(saved.Gaps, g => g is { CriterionCode: "C.1", Kind: SheetGapKind.JustificationTooShort, RequiredLength: 100 });
        Assert.DoesNotContain(saved.Gaps, g => g is { CriterionCode: "C.1", Kind: SheetGapKind.PointsMissing });
        var after = await SheetAsync(expert, setup.Assignments[0]);
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal(12.5m, after.Criteria.Single(c => c.Code == "C.1").Points);
        Assert.Equal("Za krótko.", after.Criteria.Single(c => c.Code == "C.1").Justification);
        Assert.NotNull(after.SavedAt);

        // The answered version is the one to send next.
        Database.Clock.Advance(TimeSpan.FromSeconds(1));
        var again = await Send(expert.User, new SaveScoreSheetDraft(setup.Assignments[0], ScoringArrange.Sheet(setup.Criteria, 8m), ScoringArrange.Opinion, saved.Version));
        Assert.Equal(saved.Version + 1, again.Version);
        Assert.Empty(again.Gaps);
        Assert.Equal(104m, again.Total);
    }

    [Theory]
    [InlineData("A.2", 10.5)] // above the maximum
    [InlineData("A.2", -1)] // negative
    [InlineData("A.1", 6.5)] // half points on a criterion in whole points
    [InlineData("C.1", 7.25)] // a quarter is on no criterion's scale
    public async Task Points_off_the_criterions_range_or_scale_are_refused(string code, double points)
    {
        var setup = await SetupAsync(experts: 1);
        var sheet = await SheetAsync(setup.Experts[0], setup.Assignments[0]);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(setup.Experts[0].User,
            new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput(code, (decimal)points, null)], null, sheet.Version)));

        Assert.Equal("evaluation.points_invalid", refused.Code);
        Assert.Equal(code, refused.Arguments[0]);
        Assert.Null((await SheetAsync(setup.Experts[0], setup.Assignments[0])).SavedAt);
    }

    [Fact]
    public async Task Half_points_are_taken_where_the_criterion_allows_them_and_the_maximum_itself()
    {
        var setup = await SetupAsync(experts: 1);

        var saved = await SaveAsync(setup.Experts[0], setup.Assignments[0],
            [new CriterionScoreInput("A.2", 6.5m, null), new CriterionScoreInput("A.1", 10m, null), new CriterionScoreInput("B.1", 0m, null)], null);

        Assert.Equal(16.5m, saved.Total);
    }

    [Fact]
    public async Task An_unknown_or_repeated_criterion_and_a_malformed_request_are_refused()
    {
        var setup = await SetupAsync(experts: 1);
        var expert = setup.Experts[0];
        var version = (await SheetAsync(expert, setup.Assignments[0])).Version;

        var unknown = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(expert.User,
            new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput("Z.9", 1m, null)], null, version)));
        var repeated = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(expert.User,
            new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput("A.2", 1m, null), new CriterionScoreInput("A.2", 2m, null)], null, version)));
        var malformed = await Assert.ThrowsAsync<ValidationException>(() => Send(expert.User,
            new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput("", 1m, new string('x', 4001))], null, -1)));

        Assert.Equal("evaluation.criterion_unknown", unknown.Code);
        Assert.Equal("evaluation.criterion_repeated", repeated.Code);
        Assert.Equal(
            ["Scores[0].CriterionCode", "Scores[0].Justification", "Version"],
            malformed.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_first_save_stays()
    {
        var setup = await SetupAsync(experts: 1);
        var expert = setup.Experts[0];
        var read = await SheetAsync(expert, setup.Assignments[0]);
        await Send(expert.User, new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput("A.2", 5m, null)], null, read.Version));
        Database.Clock.Advance(TimeSpan.FromSeconds(1));

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(expert.User,
            new SaveScoreSheetDraft(setup.Assignments[0], [new CriterionScoreInput("A.2", 9m, null)], null, read.Version)));

        Assert.Equal("concurrency.stale_version", stale.Code);
        Assert.Equal(5m, (await SheetAsync(expert, setup.Assignments[0])).Criteria.Single(c => c.Code == "A.2").Points);
    }

    [Fact]
    public async Task Before_the_declaration_the_sheet_is_neither_shown_nor_saved()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var application = await Arrange.AcceptedApplicationAsync(competitionId, "Klaster Beta", Ct);
        var expert = await Arrange.ExpertAsync("Ekspert Bez Deklaracji", cancellationToken: Ct);
        var assignmentId = await Arrange.AssignAsync(application.Id, expert, signDeclaration: false, Ct);

        var read = await Assert.ThrowsAsync<BusinessRuleViolation>(() => SheetAsync(expert, assignmentId));
        var save = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(expert.User,
            new SaveScoreSheetDraft(assignmentId, [new CriterionScoreInput("A.2", 5m, null)], null, 0)));
        var submit = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(expert.User, new SubmitScoreSheet(assignmentId, 0)));

        Assert.All([read, save, submit], e => Assert.Equal("evaluation.declaration_required", e.Code));
    }

    [Fact]
    public async Task Another_experts_sheet_is_not_found_and_other_roles_may_not_ask()
    {
        var setup = await SetupAsync();
        var (mine, theirs) = (setup.Experts[0], setup.Assignments[1]);

        await Assert.ThrowsAsync<NotFoundException>(() => SheetAsync(mine, theirs));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(mine.User, new SaveScoreSheetDraft(theirs, [new CriterionScoreInput("A.2", 1m, null)], null, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(mine.User, new SubmitScoreSheet(theirs, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => SheetAsync(mine, Guid.CreateVersion7()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new GetScoreSheet(theirs)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(setup.Application.Owner, new GetScoreSheet(theirs)));

        // And nothing of the other sheet changed.
        Assert.Null((await SheetAsync(setup.Experts[1], theirs)).SavedAt);
    }

    [Fact]
    public async Task A_short_justification_saves_as_a_draft_but_is_not_submitted()
    {
        var setup = await SetupAsync(experts: 1);
        var scores = ScoringArrange.Sheet(setup.Criteria, 8m);
        scores[3] = scores[3] with { Justification = "Zbyt krótkie uzasadnienie." };
        var saved = await SaveAsync(setup.Experts[0], setup.Assignments[0], scores);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(setup.Experts[0].User, new SubmitScoreSheet(setup.Assignments[0], saved.Version)));

        Assert.Equal("evaluation.sheet_incomplete", refused.Code);
        Assert.Equal(setup.Criteria[3].Code, refused.Arguments[0]);
        var gap = Assert.Single(saved.Gaps);
        Assert.Equal((setup.Criteria[3].Code, SheetGapKind.JustificationTooShort), (gap.CriterionCode, gap.Kind));
        Assert.True((await SheetAsync(setup.Experts[0], setup.Assignments[0])).Editable);
    }

    [Fact]
    public async Task The_experts_view_never_holds_another_experts_sheet()
    {
        var setup = await SetupAsync();
        const string Secret = "TAJNE-UZASADNIENIE-EKSPERTA-A";
        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 9m, Secret);
        await SaveAsync(setup.Experts[1], setup.Assignments[1], ScoringArrange.Sheet(setup.Criteria, 4m));

        var seen = System.Text.Json.JsonSerializer.Serialize(await SheetAsync(setup.Experts[1], setup.Assignments[1]));

        Assert.DoesNotContain(Secret, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Assignments[0].ToString(), seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(setup.Experts[0].Name, seen, StringComparison.Ordinal);
        Assert.Equal(52m, (await SheetAsync(setup.Experts[1], setup.Assignments[1])).Total);

        // The official's queries are closed to experts and applicants.
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(setup.Experts[1].User, new GetEvaluationResult(setup.Application.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(setup.Experts[1].User, new ListEvaluationProgress(setup.CompetitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(setup.Application.Owner, new GetEvaluationResult(setup.Application.Id)));
    }
}

public sealed class ScoreSheetTestsOnSqlite(SqliteDatabaseFixture database) : ScoreSheetTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ScoreSheetTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ScoreSheetTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
