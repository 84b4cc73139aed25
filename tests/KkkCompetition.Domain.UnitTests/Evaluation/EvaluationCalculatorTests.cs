using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class EvaluationCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);

    // Three criteria of 10 points, weight 1: maximum total 30, so 30% divergence allows a spread of 9 points.
    private static readonly IReadOnlyList<CompetitionCriterion> Criteria = Draft().Criteria;

    private static SubmittedSheet Sheet(int minute, decimal c1, decimal c2, decimal c3) =>
        new(Guid.CreateVersion7(), new Dictionary<string, decimal> { ["C1"] = c1, ["C2"] = c2, ["C3"] = c3 }, T0.AddMinutes(minute));

    [Fact]
    public void Until_every_sheet_is_in_the_result_waits()
    {
        var outcome = EvaluationCalculator.Evaluate(Criteria, [Sheet(1, 5, 5, 5)], 2, 30m, false);

        Assert.Equal(new EvaluationOutcome.Waiting(1, 2), outcome);
    }

    [Fact]
    public void Sheets_within_the_threshold_give_the_mean_of_all()
    {
        var a = Sheet(1, 8, 6, 5);
        var b = Sheet(2, 4, 4, 2); // totals 19 and 10: a spread of 9 is exactly the allowed 30% of 30

        var outcome = Assert.IsType<EvaluationOutcome.Computed>(EvaluationCalculator.Evaluate(Criteria, [a, b], 2, 30m, false));

        Assert.Equal(ResultMethod.MeanOfAll, outcome.Method);
        Assert.Equal([a.AssignmentId, b.AssignmentId], outcome.SheetsUsed);
        Assert.Equal(6m, outcome.Points["C1"]);
        Assert.Equal(5m, outcome.Points["C2"]);
        Assert.Equal(3.5m, outcome.Points["C3"]);
    }

    [Fact]
    public void A_spread_above_the_threshold_asks_for_one_more_expert()
    {
        var outcome = EvaluationCalculator.Evaluate(Criteria, [Sheet(1, 8, 6, 5), Sheet(2, 4, 4, 1.5m)], 2, 30m, false);

        Assert.Equal(new EvaluationOutcome.Divergent(9.5m, 9m), outcome);
    }

    [Fact]
    public void After_the_extra_expert_the_two_closest_totals_count_per_criterion()
    {
        var a = Sheet(1, 9, 9, 9);   // 27
        var b = Sheet(2, 3, 3, 3);   // 9
        var c = Sheet(3, 8, 7, 9);   // 24: closest to a

        Assert.IsType<EvaluationOutcome.Waiting>(EvaluationCalculator.Evaluate(Criteria, [a, b], 2, 30m, true));
        var outcome = Assert.IsType<EvaluationOutcome.Computed>(EvaluationCalculator.Evaluate(Criteria, [c, b, a], 2, 30m, true));

        Assert.Equal(ResultMethod.TwoClosest, outcome.Method);
        Assert.Equal([a.AssignmentId, c.AssignmentId], outcome.SheetsUsed);
        Assert.Equal((8.5m, 8m, 9m), (outcome.Points["C1"], outcome.Points["C2"], outcome.Points["C3"]));
    }

    [Fact]
    public void Equally_close_pairs_are_broken_by_earlier_submission()
    {
        var a = Sheet(1, 9, 9, 9); // 27
        var b = Sheet(2, 1, 1, 1); // 3
        var c = Sheet(3, 5, 5, 5); // 15: 12 from both

        var outcome = Assert.IsType<EvaluationOutcome.Computed>(EvaluationCalculator.Evaluate(Criteria, [c, b, a], 2, 30m, true));

        Assert.Equal([a.AssignmentId, c.AssignmentId], outcome.SheetsUsed);
    }

    [Fact]
    public void A_result_passes_only_at_the_threshold_with_every_minimum_met()
    {
        var competition = Draft();
        var c1 = competition.FindCriterion("C1")!;
        competition.UpdateCriterion("C1", new CriterionDefinition("C1", "A", null, null, c1.NamePl, c1.NameEn, null, 10m, false, 2m, 4m, true, 100));
        var criteria = competition.Criteria;
        Dictionary<string, decimal> Points(decimal a, decimal b, decimal c) => new() { ["C1"] = a, ["C2"] = b, ["C3"] = c };

        Assert.Empty(EvaluationCalculator.FailReasons(criteria, Points(4, 6, 6), 20m));                   // 8 + 6 + 6 = 20
        Assert.Equal([new FailReason(null, 19.5m, 20m)], EvaluationCalculator.FailReasons(criteria, Points(4, 5.5m, 6), 20m));
        Assert.Equal([new FailReason("C1", 3.5m, 4m)], EvaluationCalculator.FailReasons(criteria, Points(3.5m, 7, 7), 20m));
        Assert.Equal(40m, EvaluationCalculator.MaxTotal(criteria));
    }
}
