using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation.Scoring;

/// <summary>Submission and what it leads to: the mean of all sheets, divergence and the extra expert, the two closest, pass or fail.</summary>
public abstract class EvaluationOutcomeTests(DatabaseFixture database) : ScoringTest(database)
{
    [Fact]
    public async Task Submitting_locks_the_sheet_and_the_first_of_two_computes_nothing()
    {
        var setup = await SetupAsync();

        var submitted = await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 9m);

        var sheet = await SheetAsync(setup.Experts[0], setup.Assignments[0]);
        Assert.False(sheet.Editable);
        Assert.Equal(AssignmentStatus.Submitted, sheet.Status);
        Assert.Equal(submitted.Version, sheet.Version);
        // PostgreSQL keeps microseconds, the command answers the clock's ticks.
        Assert.Equal(submitted.SubmittedAt, sheet.SubmittedAt!.Value, TimeSpan.FromMilliseconds(1));
        var locked = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(setup.Experts[0].User,
            new SaveScoreSheetDraft(setup.Assignments[0], ScoringArrange.Sheet(setup.Criteria, 1m), null, sheet.Version)));
        Assert.Equal("evaluation.sheet_locked", locked.Code);
        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(setup.Experts[0].User, new SubmitScoreSheet(setup.Assignments[0], sheet.Version)));
        Assert.Equal("evaluation.sheet_locked", again.Code);

        var view = await ResultAsync(setup.Application.Id);
        Assert.Null(view.Result);
        Assert.Equal((1, 2), (view.SheetsSubmitted, view.ExpertsNeeded));
        Assert.Equal(ApplicationStatus.UnderEvaluation, (await ApplicationAsync(setup.Application.Id)).Status);
    }

    [Fact]
    public async Task Agreeing_sheets_give_the_mean_of_all_and_the_official_is_told()
    {
        var setup = await SetupAsync();
        var official = await Arrange.OfficialAccountAsync(cancellationToken: Ct);

        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 9m);
        await ScoreAsync(setup.Experts[1], setup.Assignments[1], setup.Criteria, 8m);

        var view = await ResultAsync(setup.Application.Id);
        var result = Assert.IsType<EvaluationResultDetails>(view.Result);
        Assert.Equal(ResultMethod.MeanOfAll, result.Method);
        Assert.All(result.Criteria, c => Assert.Equal(8.5m, c.ExpertPoints));
        Assert.Equal((110.5m, 110.5m, true), (result.ExpertTotal, result.Total, result.Passed));
        Assert.Empty(result.FailReasons);
        Assert.Equal(13m, view.Spread);
        Assert.Equal(45m, view.DivergenceAllowed);
        Assert.Null(view.DivergenceDetectedAt);
        Assert.Equal(["Ekspert A", "Ekspert B"], view.Sheets.Select(s => s.ExpertName));
        Assert.All(view.Sheets, s => Assert.True(s.UsedInResult));
        Assert.Equal([117m, 104m], view.Sheets.Select(s => s.Total!.Value));
        Assert.Equal(ScoringArrange.Justification, view.Sheets[0].Lines[0].Justification);
        Assert.Equal(ApplicationStatus.Evaluated, (await ApplicationAsync(setup.Application.Id)).Status);

        var notice = Assert.Single(await OutboxAsync(ScoringNotices.ResultComputed));
        Assert.Equal(official.UserId, notice.RecipientUserId);
        Assert.Contains("Wynik ekspertów: 110,5 pkt", notice.Text, StringComparison.Ordinal);
        Assert.Contains(setup.Application.Number, notice.Subject, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(ScoringNotices.DivergenceDetected));
    }

    [Fact]
    public async Task Divergent_sheets_call_an_expert_who_never_saw_the_application_and_the_two_closest_give_the_result()
    {
        var setup = await SetupAsync();
        var official = await Arrange.OfficialAccountAsync(cancellationToken: Ct);

        // An expert who signed the declaration and was then released has seen the application: never called again.
        var seen = await Arrange.ExpertAsync("Ekspert Zwolniony", cancellationToken: Ct);
        await Arrange.ReleaseAsync(await Arrange.AssignAsync(setup.Application.Id, seen, cancellationToken: Ct), Ct);
        var fresh = await Arrange.ExpertAsync("Ekspert Trzeci", cancellationToken: Ct);

        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 9m);
        await ScoreAsync(setup.Experts[1], setup.Assignments[1], setup.Criteria, 4m);

        var application = await ApplicationAsync(setup.Application.Id);
        Assert.NotNull(application.DivergenceDetectedAt);
        Assert.Equal(ApplicationStatus.UnderEvaluation, application.Status);
        var extra = Assert.Single(await AssignmentsAsync(setup.Application.Id), a => a.Origin == AssignmentOrigin.Divergence);
        Assert.Equal(fresh.ExpertId, extra.ExpertId);
        Assert.Equal(AssignmentStatus.Assigned, extra.Status);
        var pending = await ResultAsync(setup.Application.Id);
        Assert.Null(pending.Result);
        Assert.Equal((2, 3, 65m), (pending.SheetsSubmitted, pending.ExpertsNeeded, pending.Spread!.Value));
        var divergence = Assert.Single(await OutboxAsync(ScoringNotices.DivergenceDetected));
        Assert.Equal(official.UserId, divergence.RecipientUserId);
        Assert.Contains("różnią się o 65 pkt", divergence.Text, StringComparison.Ordinal);
        Assert.Contains("dopuszczalnie 45 pkt", divergence.Text, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(ScoringNotices.ResultComputed));

        await Arrange.SignDeclarationAsync(extra.Id, Ct);
        await ScoreAsync(fresh, extra.Id, setup.Criteria, 8m);

        var view = await ResultAsync(setup.Application.Id);
        var result = Assert.IsType<EvaluationResultDetails>(view.Result);
        Assert.Equal(ResultMethod.TwoClosest, result.Method);
        Assert.All(result.Criteria, c => Assert.Equal(8.5m, c.ExpertPoints));
        Assert.Equal((110.5m, true), (result.Total, result.Passed));
        Assert.Equal([setup.Assignments[0], extra.Id], view.Sheets.Where(s => s.UsedInResult).Select(s => s.AssignmentId));
        Assert.False(view.Sheets.Single(s => s.AssignmentId == setup.Assignments[1]).UsedInResult);
        Assert.Equal(ApplicationStatus.Evaluated, (await ApplicationAsync(setup.Application.Id)).Status);
        Assert.Single(await OutboxAsync(ScoringNotices.ResultComputed));
    }

    [Fact]
    public async Task A_result_under_the_threshold_or_a_criterions_minimum_fails_with_the_reasons_in_words()
    {
        var setup = await SetupAsync();
        var low = new Dictionary<string, decimal> { [ScoringArrange.WholePointsCriterion] = 2m };

        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 7m, overrides: low);
        await ScoreAsync(setup.Experts[1], setup.Assignments[1], setup.Criteria, 6m, overrides: low);

        var result = (await ResultAsync(setup.Application.Id)).Result!;
        Assert.Equal((80m, false), (result.Total, result.Passed));
        Assert.Equal([null, ScoringArrange.WholePointsCriterion], result.FailReasons.Select(r => r.CriterionCode));
        Assert.Equal((80m, 100m), (result.FailReasons[0].Value, result.FailReasons[0].Required));
        Assert.Equal("Suma 80 pkt jest niższa niż próg uzyskania statusu 100 pkt.", result.FailReasons[0].Text);
        Assert.Equal("Kryterium A.1 Zespół koordynatora i jego kompetencje: 2 pkt, poniżej wymaganego minimum 4 pkt.", result.FailReasons[1].Text);
        Assert.True(result.Criteria.Single(c => c.CriterionCode == ScoringArrange.WholePointsCriterion).BelowMinimum);

        var english = await WithCulture("en", () => ResultAsync(setup.Application.Id));
        Assert.Equal("The total of 80 points is below the status threshold of 100 points.", english.Result!.FailReasons[0].Text);
    }

    [Fact]
    public async Task The_progress_list_counts_sheets_and_filters_sorts_and_pages_on_the_server()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var experts = new[] { await Arrange.ExpertAsync("Ekspert A", cancellationToken: Ct), await Arrange.ExpertAsync("Ekspert B", cancellationToken: Ct) };
        var criteria = await Arrange.CriteriaAsync(competitionId, Ct);
        var plan = new (string Cluster, decimal? First, decimal? Second)[]
        {
            ("Klaster Alfa", 9m, 8m), // 110.5, passes
            ("Klaster Beta", 6m, 7m), // 84.5, fails
            ("Klaster Gamma", 9m, null), // one sheet in
        };
        foreach (var (cluster, first, second) in plan)
        {
            var application = await Arrange.AcceptedApplicationAsync(competitionId, cluster, Ct);
            var assignments = new[] { await Arrange.AssignAsync(application.Id, experts[0], cancellationToken: Ct), await Arrange.AssignAsync(application.Id, experts[1], cancellationToken: Ct) };
            if (first is { } p1)
            {
                await ScoreAsync(experts[0], assignments[0], criteria, p1);
            }

            if (second is { } p2)
            {
                await ScoreAsync(experts[1], assignments[1], criteria, p2);
            }
        }

        // Accepted formally but not yet staffed: listed, nothing expected in yet.
        await Arrange.AcceptedApplicationAsync(competitionId, "Klaster Delta", Ct);

        var all = await Send(TestUsers.Official, new ListEvaluationProgress(competitionId));
        Assert.Equal(4, all.TotalCount);
        var gamma = all.Items.Single(i => i.ClusterName == "Klaster Gamma");
        Assert.Equal((2, 1, 2, (decimal?)null, (bool?)null), (gamma.ExpertsAssigned, gamma.SheetsSubmitted, gamma.SheetsExpected, gamma.Total, gamma.Passed));
        var delta = all.Items.Single(i => i.ClusterName == "Klaster Delta");
        Assert.Equal((0, 0, ApplicationStatus.FormallyAccepted), (delta.ExpertsAssigned, delta.SheetsSubmitted, delta.Status));

        var byTotal = await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, SortBy: EvaluationProgressSort.Total, Descending: true));
        Assert.Equal(["Klaster Alfa", "Klaster Beta"], byTotal.Items.Take(2).Select(i => i.ClusterName));
        Assert.Equal([110.5m, 84.5m], byTotal.Items.Take(2).Select(i => i.Total!.Value));

        Assert.Equal(["Klaster Alfa"], (await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, EvaluationProgressFilter.Passed))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Beta"], (await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, EvaluationProgressFilter.Failed))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Delta", "Klaster Gamma"], (await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, EvaluationProgressFilter.InProgress, SortBy: EvaluationProgressSort.Cluster, Descending: false))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Beta"], (await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, Search: "BETA"))).Items.Select(i => i.ClusterName));

        var bySheets = await Send(TestUsers.Official, new ListEvaluationProgress(competitionId, SortBy: EvaluationProgressSort.SheetsSubmitted, Descending: true, PageSize: 2, Page: 2));
        Assert.Equal((4, 2), (bySheets.TotalCount, bySheets.Items.Count));
        Assert.Equal([1, 0], bySheets.Items.Select(i => i.SheetsSubmitted));
    }

    private static async Task<T> WithCulture<T>(string culture, Func<Task<T>> work)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            return await work();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}

public sealed class EvaluationOutcomeTestsOnSqlite(SqliteDatabaseFixture database) : EvaluationOutcomeTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class EvaluationOutcomeTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : EvaluationOutcomeTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
