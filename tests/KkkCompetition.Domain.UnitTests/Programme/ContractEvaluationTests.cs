using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class ContractEvaluationTests
{
    private static readonly DateTimeOffset Later = EvaluationNow.AddDays(3);

    private static QualitativeScore Score(string code, int score, string justification = "Uzasadnienie.") => new(code, score, justification);

    private static string ScoreCode(IReadOnlyList<QualitativeScore> scores, bool submit = false)
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);
        return Code(() => evaluation.SaveScores(phaseEvaluation, scores, submit, Later));
    }

    private static string DecideCode(ContractEvaluation evaluation, PhaseDecision decision, string justification = Justification, IReadOnlyList<string>? items = null, DateOnly? reviewOn = null) =>
        Code(() => evaluation.Decide(decision, justification, items ?? [], reviewOn, Official, EvaluationDay, Later));

    // ---- Start and the quantitative part ---------------------------------------------------------------------------

    [Fact]
    public void A_contract_starts_awaiting_scores_with_the_quantitative_part_and_its_missing_reports_by_year()
    {
        var phaseEvaluation = Open();
        var status = LongStatus();
        var contract = ActiveContract(status);
        MissingReport[] missing = [new(2027, new DateOnly(2028, 3, 31), KpiReportStatus.Submitted), new(2025, new DateOnly(2026, 3, 31), KpiReportStatus.NotStarted)];

        var evaluation = ContractEvaluation.Start(phaseEvaluation, contract, Achievement(72.456m, 1), missing, EvaluationNow);

        Assert.Equal((phaseEvaluation.Id, Phase.Id, contract.Id, contract.ClusterId, status.Id), (evaluation.PhaseEvaluationId, evaluation.PhaseId, evaluation.ContractId, evaluation.ClusterId, evaluation.KkkStatusId));
        Assert.Equal((contract.Number, contract.ClusterName, contract.VoivodeshipTeryt), (evaluation.ContractNumber, evaluation.ClusterName, evaluation.VoivodeshipTeryt));
        Assert.Equal(ContractEvaluationStatus.AwaitingScores, evaluation.Status);
        Assert.Equal((72.46m, 1, EvaluationNow), (evaluation.QuantitativePercent, evaluation.AcceptedReports, evaluation.QuantitativeAt));
        Assert.Equal([2025, 2027], evaluation.MissingReports.Select(m => m.Year));
        Assert.Null(evaluation.QualitativePercent);
        Assert.Null(evaluation.OverallPercent);
    }

    [Fact]
    public void A_contract_of_another_phase_gets_no_evaluation()
    {
        var next = ProgrammePhase.Define(2, new DateOnly(2029, 1, 1), new DateOnly(2032, 12, 31), [Phase], Now);
        var phaseEvaluation = PhaseEvaluation.Open(next, CommissionCompetition, PhaseEvaluation.DefaultCriteria, 50m, LeadDays, false, Official, new DateOnly(2032, 12, 31), EvaluationNow);

        Assert.Throws<ArgumentException>(() => Start(phaseEvaluation));
    }

    [Fact]
    public void The_quantitative_part_is_computed_again_until_the_decision_and_the_overall_rating_follows()
    {
        var phaseEvaluation = Open();
        var evaluation = Scored(phaseEvaluation);
        Assert.Equal(80m, evaluation.OverallPercent);

        evaluation.RecordQuantitative(phaseEvaluation, Achievement(100m, 4), [], Later);

        Assert.Equal((100m, 4, Later), (evaluation.QuantitativePercent, evaluation.AcceptedReports, evaluation.QuantitativeAt));
        Assert.Equal(90m, evaluation.OverallPercent);
        Assert.Empty(evaluation.MissingReports);
    }

    [Fact]
    public void The_quantitative_part_does_not_change_once_decided()
    {
        var phaseEvaluation = Open();
        var evaluation = Decided(phaseEvaluation);

        Assert.Equal("phase_evaluation.decision_made", Code(() => evaluation.RecordQuantitative(phaseEvaluation, Achievement(10m), [], Later)));
        Assert.Equal(80m, evaluation.QuantitativePercent);
    }

    // ---- The evaluator -----------------------------------------------------------------------------------------------

    [Fact]
    public void The_evaluator_is_assigned_and_reassigned_until_the_qualitative_part_is_submitted()
    {
        var phaseEvaluation = Open();
        var evaluation = Start(phaseEvaluation);
        var expert = Guid.CreateVersion7();
        evaluation.AssignEvaluator(Guid.CreateVersion7(), EvaluationNow);
        evaluation.AssignEvaluator(expert, Later);
        Assert.Equal(expert, evaluation.EvaluatorUserId);

        evaluation.SaveScores(phaseEvaluation, AllScored(phaseEvaluation), true, Later);

        Assert.Equal("phase_evaluation.already_scored", Code(() => evaluation.AssignEvaluator(Guid.CreateVersion7(), Later)));
        Assert.Equal(expert, evaluation.EvaluatorUserId);
    }

    // ---- The qualitative scores --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("A", -1)]
    [InlineData("A", 11)]
    [InlineData("B", 21)]
    public void A_score_below_0_or_above_its_criterions_maximum_is_refused(string criterion, int score) =>
        Assert.Equal("phase_evaluation.score_out_of_range", ScoreCode([Score(criterion, score)]));

    [Fact]
    public void Scores_of_0_and_of_the_maximum_are_allowed()
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);

        evaluation.SaveScores(phaseEvaluation, [Score("A", 0), Score("B", 20)], false, Later);

        Assert.Equal([0, 20], evaluation.Scores.Select(s => s.Score));
    }

    [Fact]
    public void A_criterion_not_of_the_evaluation_is_refused() =>
        Assert.Equal("phase_evaluation.unknown_criterion", ScoreCode([Score("A", 5), Score("GOV", 5)]));

    [Fact]
    public void A_criterion_scored_twice_is_refused() =>
        Assert.Equal("phase_evaluation.criterion_twice", ScoreCode([Score("A", 5), Score("A", 6)]));

    [Fact]
    public void A_justification_over_4000_characters_is_refused() =>
        Assert.Equal("phase_evaluation.justification_too_long", ScoreCode([Score("A", 5, new string('x', QualitativeScore.MaxJustificationLength + 1))]));

    [Fact]
    public void A_draft_with_some_criteria_scored_is_saved_without_an_overall_rating()
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);

        evaluation.SaveScores(phaseEvaluation, [Score("B", 15, "  Do uzupełnienia.  ")], false, Later);

        Assert.Equal(ContractEvaluationStatus.AwaitingScores, evaluation.Status);
        Assert.Equal([Score("B", 15, "Do uzupełnienia.")], evaluation.Scores);
        Assert.Equal(75m, evaluation.QualitativePercent);
        Assert.Null(evaluation.OverallPercent);
        Assert.Null(evaluation.ScoredAt);
    }

    [Fact]
    public void Submitting_without_every_criterion_is_refused_naming_those_missing_and_keeps_the_draft()
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);
        evaluation.SaveScores(phaseEvaluation, [Score("A", 4)], false, EvaluationNow);

        var refused = Refusal(() => evaluation.SaveScores(phaseEvaluation, [Score("A", 5)], true, Later));

        Assert.Equal("phase_evaluation.scores_incomplete", refused.Code);
        Assert.Equal(["B"], refused.Arguments);
        Assert.Equal((ContractEvaluationStatus.AwaitingScores, 4), (evaluation.Status, evaluation.Scores.Single().Score));
    }

    [Fact]
    public void Submitting_a_score_without_its_justification_is_refused_naming_it()
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);

        var refused = Refusal(() => evaluation.SaveScores(phaseEvaluation, [Score("A", 5), Score("B", 10, "   ")], true, Later));

        Assert.Equal("phase_evaluation.score_justification_required", refused.Code);
        Assert.Equal(["B"], refused.Arguments);
        Assert.Equal(ContractEvaluationStatus.AwaitingScores, evaluation.Status);
        Assert.Empty(evaluation.Scores);
    }

    [Fact]
    public void Submitted_scores_make_the_evaluation_scored_with_the_parts_weighted()
    {
        var phaseEvaluation = Open(UnevenCriteria, quantitativeWeight: 40m);
        var evaluation = Start(phaseEvaluation, 80m);

        evaluation.SaveScores(phaseEvaluation, [Score("B", 15), Score("A", 5)], true, Later);

        Assert.Equal((ContractEvaluationStatus.Scored, Later), (evaluation.Status, evaluation.ScoredAt));

        // In the criteria's order. A: 5 of 10 weighing 1, B: 15 of 20 weighing 3 → (0.5 + 3 × 0.75) / 4 = 68.75%.
        Assert.Equal(["A", "B"], evaluation.Scores.Select(s => s.CriterionCode));
        Assert.Equal(68.75m, evaluation.QualitativePercent);

        // 0.4 × 80 + 0.6 × 68.75.
        Assert.Equal(73.25m, evaluation.OverallPercent);
    }

    [Fact]
    public void Without_a_quantitative_figure_the_overall_rating_counts_it_as_zero()
    {
        var phaseEvaluation = Open(UnevenCriteria, quantitativeWeight: 40m);
        var evaluation = Start(phaseEvaluation, null);

        evaluation.SaveScores(phaseEvaluation, [Score("A", 5), Score("B", 15)], true, Later);

        Assert.Null(evaluation.QuantitativePercent);
        Assert.Equal(41.25m, evaluation.OverallPercent);
    }

    [Fact]
    public void Submitted_scores_are_corrected_until_the_decision_and_then_refused()
    {
        var phaseEvaluation = Open(UnevenCriteria);
        var evaluation = Start(phaseEvaluation);
        evaluation.SaveScores(phaseEvaluation, [Score("A", 5), Score("B", 15)], true, EvaluationNow);

        evaluation.SaveScores(phaseEvaluation, [Score("A", 10), Score("B", 20)], true, Later);
        Assert.Equal((ContractEvaluationStatus.Scored, 100m), (evaluation.Status, evaluation.QualitativePercent));

        Decide(evaluation, PhaseDecision.Continue);
        Assert.Equal("phase_evaluation.decision_made", Code(() => evaluation.SaveScores(phaseEvaluation, [Score("A", 1), Score("B", 1)], true, Later)));
        Assert.Equal(100m, evaluation.QualitativePercent);
    }

    [Fact]
    public void No_score_is_saved_once_the_phase_evaluation_is_closed()
    {
        var phaseEvaluation = Open();
        var evaluation = Start(phaseEvaluation);
        phaseEvaluation.Close([], Official, EvaluationNow);

        Assert.Equal("phase_evaluation.closed", Code(() => evaluation.SaveScores(phaseEvaluation, AllScored(phaseEvaluation), false, Later)));
    }

    // ---- The decision ------------------------------------------------------------------------------------------------

    [Fact]
    public void No_decision_before_the_qualitative_part_is_submitted() =>
        Assert.Equal("phase_evaluation.not_scored", DecideCode(Start(Open()), PhaseDecision.Continue));

    [Theory]
    [InlineData("123456789")]
    [InlineData("   123456789   ")]
    public void A_justification_shorter_than_10_characters_is_refused(string justification)
    {
        var evaluation = Scored(Open());

        Assert.Equal("phase_evaluation.decision_justification_required", DecideCode(evaluation, PhaseDecision.Continue, justification));
        Assert.Equal((ContractEvaluationStatus.Scored, null), (evaluation.Status, evaluation.Decision));
    }

    [Fact]
    public void A_justification_of_10_characters_decides_and_is_trimmed()
    {
        var evaluation = Scored(Open());

        evaluation.Decide(PhaseDecision.Continue, "  1234567890  ", [], null, Official, EvaluationDay, Later);

        Assert.Equal((ContractEvaluationStatus.Decided, PhaseDecision.Continue, "1234567890"), (evaluation.Status, evaluation.Decision, evaluation.DecisionJustification));
        Assert.Equal((Later, Official), (evaluation.DecidedAt, evaluation.DecidedBy));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_conditional_decision_without_remediation_items_is_refused(int blankItems) =>
        Assert.Equal(
            "phase_evaluation.remediation_plan_required",
            DecideCode(Scored(Open()), PhaseDecision.Conditional, items: [.. Enumerable.Repeat("  ", blankItems)], reviewOn: EvaluationDay.AddDays(1)));

    [Fact]
    public void A_conditional_decision_with_more_than_20_items_is_refused() =>
        Assert.Equal(
            "phase_evaluation.remediation_plan_required",
            DecideCode(Scored(Open()), PhaseDecision.Conditional, items: [.. Enumerable.Range(1, ContractEvaluation.MaxRemediationItems + 1).Select(i => $"Punkt {i}")], reviewOn: EvaluationDay.AddDays(1)));

    [Fact]
    public void A_conditional_decision_reviewed_today_or_without_a_review_date_is_refused()
    {
        var evaluation = Scored(Open());

        Assert.Equal("phase_evaluation.review_date_invalid", DecideCode(evaluation, PhaseDecision.Conditional, items: ["Plan naprawczy."], reviewOn: EvaluationDay));
        Assert.Equal("phase_evaluation.review_date_invalid", DecideCode(evaluation, PhaseDecision.Conditional, items: ["Plan naprawczy."], reviewOn: null));
        Assert.Null(evaluation.Decision);
    }

    [Fact]
    public void A_conditional_decision_keeps_its_plan_and_review_date_and_a_later_continue_clears_them()
    {
        var evaluation = Scored(Open());
        evaluation.Decide(PhaseDecision.Conditional, Justification, ["  Nowa strategia.  ", " ", "Raport kwartalny."], EvaluationDay.AddDays(1), Official, EvaluationDay, Later);
        Assert.Equal(["Nowa strategia.", "Raport kwartalny."], evaluation.RemediationItems);
        Assert.Equal(EvaluationDay.AddDays(1), evaluation.ReviewOn);

        // Deciding again while the decision waits for the commission is allowed.
        evaluation.Decide(PhaseDecision.Continue, Justification, ["Zignorowany punkt."], EvaluationDay.AddDays(9), Official, EvaluationDay, Later);

        Assert.Equal((ContractEvaluationStatus.Decided, PhaseDecision.Continue), (evaluation.Status, evaluation.Decision));
        Assert.Empty(evaluation.RemediationItems);
        Assert.Null(evaluation.ReviewOn);
    }

    [Fact]
    public void A_decision_before_the_commission_or_approved_is_final()
    {
        var phaseEvaluation = Open();
        var before = Decided(phaseEvaluation);
        OpenVoting(phaseEvaluation, 3, before);
        var approved = Approved(phaseEvaluation);

        Assert.Equal("phase_evaluation.decision_final", DecideCode(before, PhaseDecision.Terminate));
        Assert.Equal("phase_evaluation.decision_final", DecideCode(approved, PhaseDecision.Terminate));
        Assert.Equal((ContractEvaluationStatus.BeforeCommission, PhaseDecision.Continue), (before.Status, before.Decision));
        Assert.Equal((ContractEvaluationStatus.Approved, PhaseDecision.Continue), (approved.Status, approved.Decision));
    }

    // ---- The decision's effect -------------------------------------------------------------------------------------

    [Fact]
    public void A_terminate_decision_not_approved_by_the_commission_leaves_the_status_alone()
    {
        var phaseEvaluation = Open();
        var status = LongStatus();
        var decided = Decided(phaseEvaluation, PhaseDecision.Terminate, ActiveContract(status));
        var continued = Approved(phaseEvaluation, PhaseDecision.Continue, ActiveContract(status));

        Assert.Equal("phase_evaluation.termination_not_approved", Code(() => decided.TerminateStatus(status, phaseEvaluation, Official, Later)));
        Assert.Equal("phase_evaluation.termination_not_approved", Code(() => continued.TerminateStatus(status, phaseEvaluation, Official, Later)));
        Assert.False(status.IsTerminationScheduled);
        Assert.Null(status.EndReason);
    }

    [Fact]
    public void An_approved_terminate_decision_schedules_the_status_end_at_the_phase_end_with_the_justification()
    {
        var phaseEvaluation = Open();
        var status = LongStatus();
        Assert.True(status.ValidTo > Phase.EndsOn);
        var evaluation = Approved(phaseEvaluation, PhaseDecision.Terminate, ActiveContract(status));

        evaluation.TerminateStatus(status, phaseEvaluation, Official, Later);

        Assert.True(status.IsTerminationScheduled);
        Assert.Equal((KkkStatusState.Active, Phase.EndsOn, Justification, Official), (status.State, status.ValidTo, status.EndReason, status.EndedBy));
        Assert.Equal(KkkStatusState.Terminated, status.StateOn(Phase.EndsOn.AddDays(1)));
    }

    [Fact]
    public void Another_contracts_status_is_not_terminated()
    {
        var phaseEvaluation = Open();
        var evaluation = Approved(phaseEvaluation, PhaseDecision.Terminate);
        var other = LongStatus();

        Assert.Throws<ArgumentException>(() => evaluation.TerminateStatus(other, phaseEvaluation, Official, Later));
        Assert.False(other.IsTerminationScheduled);
    }

    [Theory]
    [InlineData(PhaseDecision.Continue, true)]
    [InlineData(PhaseDecision.Conditional, true)]
    [InlineData(PhaseDecision.Terminate, false)]
    public void Only_an_approved_continue_or_conditional_decision_allows_the_next_phase(PhaseDecision decision, bool allows)
    {
        var phaseEvaluation = Open();
        var decided = Decided(phaseEvaluation, decision);
        Assert.False(decided.AllowsNextPhase);

        Approve(phaseEvaluation, decided);

        Assert.Equal(allows, decided.AllowsNextPhase);
    }
}
