using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class PhaseEvaluationTests
{
    private static string OpenCode(IReadOnlyList<QualitativeCriterion> criteria, decimal weight = 50m) => Code(() => Open(criteria, weight));

    [Fact]
    public void The_evaluation_opens_on_the_day_lead_days_before_the_phase_end_with_its_criteria_trimmed()
    {
        Assert.Equal(EvaluationDay, PhaseEvaluation.OpensFrom(Phase, LeadDays));

        var evaluation = Open([Criterion(" GOV ", namePl: " Zarządzanie ", nameEn: " Governance ")], 40m);

        Assert.Equal((Phase.Id, 1, Phase.EndsOn, PhaseEvaluationStatus.Open), (evaluation.PhaseId, evaluation.PhaseNumber, evaluation.PhaseEndsOn, evaluation.Status));
        Assert.Equal((CommissionCompetition, 40m, Official, EvaluationNow), (evaluation.CommissionCompetitionId, evaluation.QuantitativeWeightPercent, evaluation.OpenedBy, evaluation.OpenedAt));
        Assert.Equal([new QualitativeCriterion("GOV", "Zarządzanie", "Governance", 10, 1m)], evaluation.Criteria);
        Assert.True(evaluation.IsOpen);
    }

    [Fact]
    public void The_day_before_the_lead_days_is_too_early()
    {
        var refused = Refusal(() =>
            PhaseEvaluation.Open(Phase, CommissionCompetition, PhaseEvaluation.DefaultCriteria, 50m, LeadDays, false, Official, EvaluationDay.AddDays(-1), EvaluationNow));

        Assert.Equal("phase_evaluation.too_early", refused.Code);
        Assert.Equal([EvaluationDay, LeadDays], refused.Arguments);
    }

    [Fact]
    public void A_phase_already_evaluated_is_refused()
    {
        var code = Code(() =>
            PhaseEvaluation.Open(Phase, CommissionCompetition, PhaseEvaluation.DefaultCriteria, 50m, LeadDays, true, Official, EvaluationDay, EvaluationNow));

        Assert.Equal("phase_evaluation.already_open", code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(PhaseEvaluation.MaxCriteria)]
    public void One_to_ten_criteria_are_allowed(int count)
    {
        var evaluation = Open([.. Enumerable.Range(1, count).Select(i => Criterion($"C{i}"))]);

        Assert.Equal(count, evaluation.Criteria.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PhaseEvaluation.MaxCriteria + 1)]
    public void No_criterion_or_more_than_ten_is_refused(int count) =>
        Assert.Equal("phase_evaluation.criteria_count", OpenCode([.. Enumerable.Range(1, count).Select(i => Criterion($"C{i}"))]));

    [Fact]
    public void Two_criteria_with_the_same_code_are_refused_even_when_one_has_spaces_around_it() =>
        Assert.Equal("phase_evaluation.criterion_code_taken", OpenCode([Criterion("GOV"), Criterion(" GOV")]));

    [Theory]
    [InlineData(" ", "Nazwa", "Name")]
    [InlineData("GOV", " ", "Name")]
    [InlineData("GOV", "Nazwa", "")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "Nazwa", "Name")]
    public void A_criterion_without_a_code_or_a_name_in_either_language_is_refused(string code, string namePl, string nameEn) =>
        Assert.Equal("phase_evaluation.criterion_name_required", OpenCode([Criterion(code, namePl: namePl, nameEn: nameEn)]));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(QualitativeCriterion.MaxMaxScore + 1, 1)]
    [InlineData(10, 0)]
    [InlineData(10, 101)]
    public void A_criterion_scored_up_to_0_or_101_points_or_weighing_0_or_over_100_is_refused(int maxScore, double weight) =>
        Assert.Equal("phase_evaluation.criterion_scale_invalid", OpenCode([Criterion("GOV", maxScore, (decimal)weight)]));

    [Theory]
    [InlineData(1, 0.01)]
    [InlineData(QualitativeCriterion.MaxMaxScore, 100)]
    public void A_criterion_of_1_to_100_points_weighing_above_0_to_100_is_allowed(int maxScore, double weight) =>
        Assert.Equal(maxScore, Open([Criterion("GOV", maxScore, (decimal)weight)]).Criteria.Single().MaxScore);

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_quantitative_share_below_0_or_above_100_percent_is_refused(int weight) =>
        Assert.Equal("phase_evaluation.weight_out_of_range", OpenCode(PhaseEvaluation.DefaultCriteria, weight));

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_quantitative_share_of_0_or_100_percent_is_allowed(int weight) =>
        Assert.Equal(weight, Open(quantitativeWeight: weight).QuantitativeWeightPercent);

    [Fact]
    public void The_default_criteria_are_the_four_of_the_domain_guide_each_0_to_10_of_equal_weight()
    {
        Assert.Equal(["GOV", "STR", "SRV", "REG"], PhaseEvaluation.DefaultCriteria.Select(c => c.Code));
        Assert.All(PhaseEvaluation.DefaultCriteria, c => Assert.Equal((10, 1m), (c.MaxScore, c.Weight)));
    }

    [Fact]
    public void An_unknown_criterion_is_refused()
    {
        var evaluation = Open();

        Assert.Equal("GOV", evaluation.Criterion("GOV").Code);
        Assert.Equal("phase_evaluation.unknown_criterion", Code(() => evaluation.Criterion("gov")));
    }

    [Fact]
    public void Closing_with_contracts_without_an_approved_decision_is_refused_with_their_count_and_changes_nothing()
    {
        var phaseEvaluation = Open();
        var evaluations = new[] { Approved(phaseEvaluation), Decided(phaseEvaluation), Start(phaseEvaluation) };

        var refused = Refusal(() => phaseEvaluation.Close(evaluations, Official, EvaluationNow));

        Assert.Equal("phase_evaluation.undecided_contracts", refused.Code);
        Assert.Equal([2], refused.Arguments);
        Assert.Equal((PhaseEvaluationStatus.Open, null), (phaseEvaluation.Status, phaseEvaluation.ClosedAt));
    }

    [Fact]
    public void With_every_decision_approved_the_phase_closes_once()
    {
        var phaseEvaluation = Open();
        var evaluations = new[] { Approved(phaseEvaluation), Approved(phaseEvaluation, PhaseDecision.Terminate) };
        var later = EvaluationNow.AddDays(30);

        phaseEvaluation.Close(evaluations, Official, later);

        Assert.Equal((PhaseEvaluationStatus.Closed, later, Official), (phaseEvaluation.Status, phaseEvaluation.ClosedAt, phaseEvaluation.ClosedBy));
        Assert.False(phaseEvaluation.IsOpen);
        Assert.Equal("phase_evaluation.closed", Code(() => phaseEvaluation.Close(evaluations, Official, later)));
    }

    [Fact]
    public void Another_phase_evaluations_contracts_do_not_hold_the_close_up()
    {
        var phaseEvaluation = Open();
        var elsewhere = Start(Open());

        phaseEvaluation.Close([Approved(phaseEvaluation), elsewhere], Official, EvaluationNow);

        Assert.Equal(PhaseEvaluationStatus.Closed, phaseEvaluation.Status);
    }
}
