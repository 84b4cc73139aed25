using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.UnitTests.Applications;

namespace KkkCompetition.Domain.UnitTests.Certification;

public sealed class AppealTests
{
    // Friday 1 October 2027: 14 days on is Friday 15 October, a working day, so the last day to appeal is the 15th.
    private static readonly DateTimeOffset DecidedAt = new(2027, 9, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DeliveredAt = new(2027, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Applicant = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.CreateVersion7();
    private const string Reasons = "Ekspert pominął wskaźniki za drugi rok podane w załączniku nr 3 do wniosku, co zaniżyło ocenę kryterium.";
    private const string Ruling = "Zarzut jest zasadny: ocena pominęła dane z załącznika.";

    private sealed record Case(Competition Competition, KkkApplication Application, CertificationDecision Decision);

    private static Case Rejected(DecisionOutcome outcome = DecisionOutcome.Negative, bool deliver = true)
    {
        var competition = DomainTestData.InStatus(CompetitionStatus.Open);
        var application = FormalReviewTests.Submitted(competition);
        DomainTestData.SetPrivate(application, nameof(KkkApplication.Status), ApplicationStatus.Evaluated);
        application.PutBeforeCommission(outcome == DecisionOutcome.Positive, DecidedAt);
        application.RecordDecision(outcome == DecisionOutcome.Positive, DecidedAt);
        var decision = CertificationDecision.Record(
            competition.Id, application.Id, application.ClusterId, Guid.CreateVersion7(), "1/2027", outcome, "Wniosek nie uzyskał wymaganej liczby punktów.", (1, 4, 0), 14, DecidedAt);
        if (deliver)
        {
            decision.MarkOpenedInPortal(DeliveredAt);
        }

        return new Case(competition, application, decision);
    }

    private static IReadOnlyList<AppealGroundInput> Grounds(Competition competition) => [new(competition.Criteria[0].Code, Reasons)];

    private static Appeal Lodge(Case c, DateTimeOffset at, bool alreadyAppealed = false, IReadOnlyList<AppealGroundInput>? grounds = null) =>
        Appeal.Lodge(c.Decision, c.Application, Applicant, alreadyAppealed, "Wnoszę o ponowną ocenę wniosku.", grounds ?? Grounds(c.Competition),
            c.Competition.Criteria.Select(k => k.Code).ToList(), at);

    private static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    [Fact]
    public void An_appeal_in_time_moves_the_rejected_application_to_appealed()
    {
        var c = Rejected();
        var lastMoment = WorkingDayCalendar.StartOfWarsawDay(new DateOnly(2027, 10, 16)).AddTicks(-1);

        var appeal = Lodge(c, lastMoment);

        Assert.Equal(AppealState.Lodged, appeal.State);
        Assert.Equal(ApplicationStatus.Appealed, c.Application.Status);
        Assert.Equal(new DateOnly(2027, 10, 15), Appeal.LastDay(appeal.Deadline));
        Assert.Equal(c.Competition.Criteria[0].Code, Assert.Single(appeal.Grounds).CriterionCode);
    }

    [Fact]
    public void An_appeal_after_the_deadline_is_refused_with_the_last_day()
    {
        var c = Rejected();
        var violation = Assert.Throws<BusinessRuleViolation>(() => Lodge(c, WorkingDayCalendar.StartOfWarsawDay(new DateOnly(2027, 10, 16))));

        Assert.Equal("appeal.deadline_passed", violation.Code);
        Assert.Equal(new DateOnly(2027, 10, 15), Assert.Single(violation.Arguments));
        Assert.Equal(ApplicationStatus.Rejected, c.Application.Status);
    }

    [Fact]
    public void An_appeal_before_delivery_on_a_positive_or_twice_is_refused()
    {
        Assert.Equal("appeal.decision_not_delivered", Code(() => Lodge(Rejected(deliver: false), DeliveredAt)));
        Assert.Equal("appeal.decision_positive", Code(() => Lodge(Rejected(DecisionOutcome.Positive), DeliveredAt.AddDays(1))));
        Assert.Equal("appeal.already_lodged", Code(() => Lodge(Rejected(), DeliveredAt.AddDays(1), alreadyAppealed: true)));
    }

    [Fact]
    public void An_appeal_against_a_superseded_decision_is_refused()
    {
        var c = Rejected();
        c.Decision.Supersede(Guid.CreateVersion7());
        Assert.Equal("appeal.decision_superseded", Code(() => Lodge(c, DeliveredAt.AddDays(1))));
    }

    [Fact]
    public void Grounds_must_name_known_criteria_once_each_with_long_enough_reasons()
    {
        var c = Rejected();
        var code = c.Competition.Criteria[0].Code;
        Assert.Equal("appeal.criteria_required", Code(() => Lodge(c, DeliveredAt, grounds: [])));
        Assert.Equal("appeal.criterion_unknown", Code(() => Lodge(c, DeliveredAt, grounds: [new("Z.9", Reasons)])));
        Assert.Equal("appeal.criterion_repeated", Code(() => Lodge(c, DeliveredAt, grounds: [new(code, Reasons), new(code, Reasons)])));
        Assert.Equal("appeal.reason_length", Code(() => Lodge(c, DeliveredAt, grounds: [new(code, new string('x', Appeal.MinReasonLength - 1))])));
        Assert.Equal(ApplicationStatus.Rejected, c.Application.Status);

        Lodge(c, DeliveredAt, grounds: [new(code, new string('x', Appeal.MinReasonLength))]);
    }

    [Fact]
    public void A_dismissal_needs_reasons_and_is_final()
    {
        var c = Rejected();
        var appeal = Lodge(c, DeliveredAt.AddDays(1));
        Assert.Equal("appeal.ruling_reasons_required", Code(() => appeal.Dismiss(c.Application, AppealRuling.Official, Official, "  ", DeliveredAt.AddDays(2))));

        appeal.Dismiss(c.Application, AppealRuling.Official, Official, Ruling, DeliveredAt.AddDays(2));

        Assert.Equal(AppealState.Dismissed, appeal.State);
        Assert.Equal(ApplicationStatus.Rejected, c.Application.Status);
        Assert.Equal("appeal.already_ruled", Code(() => appeal.Uphold(c.Application, AppealRuling.Official, Official, Ruling, DeliveredAt.AddDays(3))));
    }

    [Fact]
    public void An_upheld_appeal_reopens_the_application_in_a_new_round_and_awaits_its_result()
    {
        var c = Rejected();
        var appeal = Lodge(c, DeliveredAt.AddDays(1));
        Assert.Equal("appeal.not_upheld", Code(() => appeal.CompleteReEvaluation(Guid.CreateVersion7(), DeliveredAt.AddDays(2))));

        appeal.Uphold(c.Application, AppealRuling.Commission, Official, Ruling, DeliveredAt.AddDays(2));

        Assert.Equal(AppealState.Upheld, appeal.State);
        Assert.Equal(AppealRuling.Commission, appeal.RuledAs);
        Assert.Equal(ApplicationStatus.UnderEvaluation, c.Application.Status);
        Assert.Equal(2, c.Application.EvaluationRound);
        Assert.Equal(c.Competition.ReEvaluationExperts, c.Application.ExpertsNeeded(c.Competition));

        var resultId = Guid.CreateVersion7();
        appeal.CompleteReEvaluation(resultId, DeliveredAt.AddDays(9));
        Assert.Equal(AppealState.ReEvaluated, appeal.State);
        Assert.Equal(resultId, appeal.ReEvaluationResultId);
    }

    [Fact]
    public void The_application_transitions_of_an_appeal_are_guarded()
    {
        var c = Rejected();
        Assert.Equal("application.not_appealed", Code(() => c.Application.DismissAppeal(DeliveredAt)));
        Assert.Equal("application.not_appealed", Code(() => c.Application.ReopenForReEvaluation(DeliveredAt)));
        c.Application.Appeal(DeliveredAt);
        Assert.Equal("application.not_rejected", Code(() => c.Application.Appeal(DeliveredAt)));
        c.Application.DismissAppeal(DeliveredAt);
        Assert.Equal(ApplicationStatus.Rejected, c.Application.Status);

        var certified = Rejected(DecisionOutcome.Positive);
        Assert.Equal("application.not_rejected", Code(() => certified.Application.Appeal(DeliveredAt)));
    }

    [Fact]
    public void The_appeal_settings_of_a_competition_are_range_checked()
    {
        var competition = DomainTestData.Draft();
        Assert.Equal(AppealRuling.Official, competition.AppealRuledBy);
        Assert.Equal(1, competition.ReEvaluationExperts);
        Assert.Equal("competition.appeal_settings_out_of_range", Code(() => competition.ChangeAppealSettings(AppealRuling.Commission, 0)));

        competition.ChangeAppealSettings(AppealRuling.Commission, 2);
        Assert.Equal((AppealRuling.Commission, 2), (competition.AppealRuledBy, competition.ReEvaluationExperts));
    }

    [Fact]
    public void A_result_is_superseded_once_and_the_re_evaluation_is_the_mean_of_the_new_sheets()
    {
        var competition = DomainTestData.Draft();
        var criteria = competition.Criteria;
        var sheets = new[]
        {
            new SubmittedSheet(Guid.CreateVersion7(), criteria.ToDictionary(k => k.Code, _ => 2m), DeliveredAt),
            new SubmittedSheet(Guid.CreateVersion7(), criteria.ToDictionary(k => k.Code, _ => 4m), DeliveredAt.AddMinutes(1)),
        };
        Assert.IsType<EvaluationOutcome.Waiting>(EvaluationCalculator.ReEvaluate(criteria, sheets[..1], 2));
        var computed = Assert.IsType<EvaluationOutcome.Computed>(EvaluationCalculator.ReEvaluate(criteria, sheets, 2));
        Assert.All(computed.Points.Values, p => Assert.Equal(3m, p));

        var result = EvaluationResult.Create(competition, Guid.CreateVersion7(), computed, DeliveredAt, round: 2);
        Assert.Equal(2, result.Round);
        result.Supersede(DeliveredAt);
        Assert.Equal("evaluation.result_superseded", Code(() => result.Supersede(DeliveredAt)));
    }

    [Fact]
    public void An_earlier_rounds_sheet_holds_no_place_but_counts_as_seen()
    {
        var now = DeliveredAt;
        var assignment = ExpertAssignment.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), now, now.AddDays(14));
        assignment.SignDeclaration(now);
        Assert.True(assignment.HoldsPlaceIn(1));
        Assert.False(assignment.HoldsPlaceIn(2));

        Assert.Equal(AssignmentPairRules.SeenBefore, AssignmentPairRules.Exclusion([], new HashSet<string>(), [assignment])?.Code);
    }
}
