using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class EvaluationResultTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Justification = "Prezentacja wykazała więcej, niż opisano we wniosku.";

    private static (Competition Competition, EvaluationResult Result) Result(decimal each)
    {
        var competition = Draft(); // threshold 20 of 30
        var points = competition.Criteria.ToDictionary(c => c.Code, _ => each);
        var outcome = new EvaluationOutcome.Computed(ResultMethod.MeanOfAll, [Guid.NewGuid(), Guid.NewGuid()], points);
        return (competition, EvaluationResult.Create(competition, Guid.NewGuid(), outcome, Now));
    }

    [Fact]
    public void The_result_carries_the_weighted_total_and_pass()
    {
        var (_, passed) = Result(7m);
        var (_, failed) = Result(6.5m);

        Assert.Equal((21m, true), (passed.Total, passed.Passed));
        Assert.Equal((19.5m, false), (failed.Total, failed.Passed));
        Assert.Equal(failed.ExpertTotal, failed.Total);
    }

    [Fact]
    public void The_panel_changes_a_criterion_and_the_original_stays_beside_it()
    {
        var (competition, result) = Result(6.5m);
        var official = Guid.NewGuid();

        result.ChangeByPanel(competition, "C2", 8m, Justification, official, Now.AddDays(1));

        var c2 = result.Criteria.Single(c => c.CriterionCode == "C2");
        Assert.Equal((6.5m, 8m, official), (c2.ExpertPoints, c2.FinalPoints, c2.PanelChangedBy!.Value));
        Assert.Equal((19.5m, 21m, true), (result.ExpertTotal, result.Total, result.Passed));
        Assert.True(result.ChangedByPanel);
    }

    [Theory]
    [InlineData("C2", 10.5, "evaluation.points_invalid", true)]
    [InlineData("X1", 5, "evaluation.criterion_unknown", true)]
    [InlineData("C2", 8, "evaluation.panel_justification_required", false)]
    public void A_bad_panel_change_is_refused_and_nothing_changes(string code, decimal points, string expected, bool withJustification)
    {
        var (competition, result) = Result(6.5m);

        var ex = Assert.Throws<BusinessRuleViolation>(() =>
            result.ChangeByPanel(competition, code, points, withJustification ? Justification : "Bo tak.", Guid.NewGuid(), Now));

        Assert.Equal(expected, ex.Code);
        Assert.False(result.ChangedByPanel);
        Assert.Equal(19.5m, result.Total);
    }

    [Fact]
    public void Without_a_panel_nothing_is_changed_or_scheduled()
    {
        var (competition, result) = Result(7m);
        competition.UpdateSettings(competition.Settings with { HoldsPanel = false });

        Assert.Equal("evaluation.no_panel", Assert.Throws<BusinessRuleViolation>(() => result.ChangeByPanel(competition, "C1", 5m, Justification, Guid.NewGuid(), Now)).Code);
        Assert.Equal("evaluation.no_panel", Assert.Throws<BusinessRuleViolation>(() => result.SchedulePanel(competition, Now.AddDays(3), "Sala 1", Now)).Code);
    }

    [Fact]
    public void The_presentation_is_scheduled_in_the_future_with_a_place()
    {
        var (competition, result) = Result(7m);

        Assert.Equal("evaluation.panel_in_past", Assert.Throws<BusinessRuleViolation>(() => result.SchedulePanel(competition, Now, "Sala 1", Now)).Code);
        Assert.Equal("evaluation.panel_place_required", Assert.Throws<BusinessRuleViolation>(() => result.SchedulePanel(competition, Now.AddDays(1), " ", Now)).Code);
        result.SchedulePanel(competition, Now.AddDays(1), " Sala 1 ", Now);

        Assert.Equal((Now.AddDays(1), "Sala 1"), (result.PanelScheduledAt!.Value, result.PanelPlace!));
    }
}
