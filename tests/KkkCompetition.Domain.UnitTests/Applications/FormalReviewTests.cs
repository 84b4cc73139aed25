using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Applications;

/// <summary>The formal review of an application: findings per rule, the one correction request, its answer and the outcome.</summary>
public sealed class FormalReviewTests
{
    private static readonly string[] Rules = [EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers, EligibilityPreCheck.MandatoryAttachments];
    private static readonly Guid Official = Guid.CreateVersion7();

    /// <summary>Monday 10 May 2027, 10:00 in Warsaw: the correction request goes out.</summary>
    private static readonly DateTimeOffset SentAt = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);

    private static readonly CorrectionItem[] StatuteItem = [new(ApplicationSections.Attachments(AttachmentKind.Statute), "The statute is not signed.")];

    public static KkkApplication Submitted(Competition? competition = null)
    {
        competition ??= InStatus(CompetitionStatus.Open);
        var now = ClosesAt.AddDays(-10);
        var application = KkkApplication.StartDraft(competition, Guid.CreateVersion7(), Guid.CreateVersion7(), now);
        var values = new IndicatorValues(120, 1_000_000m, 50_000m, 1, 2, 3, 4, 400_000m, 1, 10, 12.5m);
        foreach (var year in KkkApplication.IndicatorYears(competition.Year))
        {
            application.SaveIndicators(year, values, now);
        }

        foreach (var area in competition.Criteria.Select(c => c.AreaCode).Distinct())
        {
            application.SaveNarrative(area, "Opis obszaru.", now);
        }

        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            application.AddAttachment(kind, $"{kind}.pdf", "application/pdf", 1000, new string((char)('a' + (int)kind), 64), now);
        }

        application.Submit(competition, 1, new string('0', 64), now);
        return application;
    }

    private static KkkApplication WithFindings(params (string Rule, FormalCheckOutcome Outcome)[] findings)
    {
        var application = Submitted();
        foreach (var (rule, outcome) in findings)
        {
            application.RecordFormalCheck(rule, outcome, outcome == FormalCheckOutcome.Pass ? null : "Wrong.", Official, SentAt.AddHours(-1));
        }

        return application;
    }

    private static KkkApplication AllPassed() => WithFindings(Rules.Select(r => (r, FormalCheckOutcome.Pass)).ToArray());

    private static KkkApplication WithCorrection()
    {
        var application = WithFindings((EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass), (EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable));
        application.RequestCorrection(StatuteItem, 7, SentAt);
        return application;
    }

    private static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    [Fact]
    public void The_first_finding_starts_the_formal_review_and_a_later_one_replaces_it()
    {
        var application = Submitted();

        application.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fixable, "Only 50 members listed.", Official, SentAt);
        application.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, Official, SentAt.AddMinutes(5));

        Assert.Equal(ApplicationStatus.FormalReview, application.Status);
        var check = Assert.Single(application.FormalChecks);
        Assert.Equal(FormalCheckOutcome.Pass, check.Outcome);
        Assert.Null(check.Comment);
        Assert.Equal(Official, check.DecidedBy);
        Assert.Equal(SentAt.AddMinutes(5), check.DecidedAt);
    }

    [Theory]
    [InlineData(FormalCheckOutcome.Fail)]
    [InlineData(FormalCheckOutcome.Fixable)]
    public void A_rule_not_met_needs_a_comment_and_nothing_changes_without_one(FormalCheckOutcome outcome)
    {
        var application = Submitted();

        Assert.Equal("application.formal_comment_required", Code(() => application.RecordFormalCheck(EligibilityPreCheck.MemberCount, outcome, " ", Official, SentAt)));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Empty(application.FormalChecks);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var application = Submitted();
        var atLimit = new string('x', FormalCheck.MaxCommentLength);

        Assert.Equal("application.formal_comment_too_long", Code(() => application.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, atLimit + "x", Official, SentAt)));
        Assert.Empty(application.FormalChecks);

        application.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, atLimit, Official, SentAt);
        Assert.Equal(atLimit, Assert.Single(application.FormalChecks).Comment);
    }

    [Fact]
    public void No_finding_on_a_draft()
    {
        var application = KkkApplication.StartDraft(InStatus(CompetitionStatus.Open), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddDays(-10));
        Assert.Equal("application.not_in_formal_review", Code(() => application.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, Official, SentAt)));
    }

    [Fact]
    public void A_correction_request_reopens_only_the_listed_sections_with_the_deadline_from_deemed_delivery()
    {
        var application = WithFindings((EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass), (EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable));

        var correction = application.RequestCorrection(StatuteItem, 7, SentAt);

        Assert.Equal(ApplicationStatus.CorrectionRequested, application.Status);
        Assert.Same(correction, application.Correction);
        Assert.Equal(SentAt.AddDays(14), correction.DeemedDeliveryAt);

        // Deemed delivered on Monday 24 May; 7 days end on Monday 31 May, so the first late instant is 1 June, 00:00 in Warsaw.
        Assert.Equal(new DateTimeOffset(2027, 5, 31, 22, 0, 0, TimeSpan.Zero), correction.DeadlineAt);
        Assert.True(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), SentAt.AddDays(1)));
        Assert.False(application.CanEdit(ApplicationSections.Indicators, SentAt.AddDays(1)));
        Assert.False(application.CanEdit(ApplicationSections.Narrative("A"), SentAt.AddDays(1)));
        Assert.Equal("application.section_not_reopened", Code(() => application.SaveNarrative("A", "Changed", SentAt.AddDays(1))));
        Assert.False(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), correction.DeadlineAt));
    }

    [Fact]
    public void A_second_correction_request_is_refused_before_and_after_the_answer()
    {
        var application = WithCorrection();

        Assert.Equal("application.correction_already_requested", Code(() => application.RequestCorrection(StatuteItem, 7, SentAt.AddDays(1))));

        application.AnswerCorrection("Signed statute attached.", new string('1', 64), SentAt.AddDays(2));
        Assert.Equal("application.correction_already_requested", Code(() => application.RequestCorrection(StatuteItem, 7, SentAt.AddDays(3))));
        Assert.Equal("application.correction_already_requested", Code(() =>
            application.RecordFormalCheck(EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable, "Still unsigned.", Official, SentAt.AddDays(3))));
        Assert.Equal(ApplicationStatus.Corrected, application.Status);
    }

    [Fact]
    public void No_correction_request_when_a_rule_has_failed()
    {
        var application = WithFindings((EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail), (EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable));

        Assert.Equal("application.correction_with_failed_rule", Code(() => application.RequestCorrection(StatuteItem, 7, SentAt)));

        Assert.Null(application.Correction);
        Assert.Equal(ApplicationStatus.FormalReview, application.Status);
    }

    [Fact]
    public void No_correction_request_without_a_fixable_rule_items_or_a_known_section()
    {
        Assert.Equal("application.correction_without_fixable_rule", Code(() => AllPassed().RequestCorrection(StatuteItem, 7, SentAt)));

        var fixable = WithFindings((EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable));
        Assert.Equal("application.correction_items_required", Code(() => fixable.RequestCorrection([], 7, SentAt)));
        Assert.Equal("application.correction_items_required", Code(() => fixable.RequestCorrection([new(ApplicationSections.Indicators, " ")], 7, SentAt)));
        Assert.Equal("application.correction_section_unknown", Code(() => fixable.RequestCorrection([new("narrative:Z", "Missing.")], 7, SentAt)));
        Assert.Null(fixable.Correction);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void A_correction_window_of_no_days_is_refused(int windowDays)
    {
        var application = WithFindings((EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable));
        Assert.Equal("application.correction_window_invalid", Code(() => application.RequestCorrection(StatuteItem, windowDays, SentAt)));
        Assert.Null(application.Correction);
        Assert.Equal(1, application.RequestCorrection(StatuteItem, 1, SentAt).WindowDays);
    }

    [Fact]
    public void Delivery_moves_the_deadline_once_and_through_the_working_day_calendar()
    {
        var application = WithCorrection();

        // Opened on Thursday 20 May: 7 days end on Thursday 27 May, Corpus Christi, so on Friday 28 May.
        var delivered = new DateTimeOffset(2027, 5, 20, 7, 0, 0, TimeSpan.Zero);
        Assert.True(application.MarkCorrectionDelivered(delivered));
        Assert.Equal(delivered, application.Correction!.DeliveredAt);
        Assert.Equal(new DateTimeOffset(2027, 5, 28, 22, 0, 0, TimeSpan.Zero), application.Correction.DeadlineAt);

        Assert.False(application.MarkCorrectionDelivered(delivered.AddDays(1)));
        Assert.Equal(delivered, application.Correction.DeliveredAt);
        Assert.Equal(new DateTimeOffset(2027, 5, 28, 22, 0, 0, TimeSpan.Zero), application.Correction.DeadlineAt);
    }

    [Fact]
    public void Opening_the_request_after_deemed_delivery_keeps_the_deadline()
    {
        var application = WithCorrection();
        var deadline = application.Correction!.DeadlineAt;

        Assert.False(application.MarkCorrectionDelivered(application.Correction.DeemedDeliveryAt.AddHours(1)));

        Assert.Null(application.Correction.DeliveredAt);
        Assert.Equal(deadline, application.Correction.DeadlineAt);
    }

    [Fact]
    public void An_answer_in_time_freezes_the_corrected_version_and_keeps_the_submission_hash()
    {
        var application = WithCorrection();
        var submissionHash = application.SubmissionHash;

        application.AnswerCorrection("  Signed statute attached.  ", new string('1', 64), SentAt.AddDays(3));

        Assert.Equal(ApplicationStatus.Corrected, application.Status);
        Assert.Equal("Signed statute attached.", application.Correction!.Answer);
        Assert.Equal(SentAt.AddDays(3), application.Correction.AnsweredAt);
        Assert.Equal(new string('1', 64), application.CorrectionHash);
        Assert.Equal(submissionHash, application.SubmissionHash);
        Assert.False(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), SentAt.AddDays(3)));
    }

    [Fact]
    public void An_answer_at_or_after_the_deadline_is_refused_and_nothing_changes()
    {
        var application = WithCorrection();
        var deadline = application.Correction!.DeadlineAt;

        Assert.Equal("application.correction_deadline_passed", Code(() => application.AnswerCorrection("Late.", new string('1', 64), deadline)));

        Assert.Equal(ApplicationStatus.CorrectionRequested, application.Status);
        Assert.Null(application.Correction.AnsweredAt);
        Assert.Null(application.CorrectionHash);
        application.AnswerCorrection("Just in time.", new string('1', 64), deadline.AddTicks(-1));
        Assert.Equal(ApplicationStatus.Corrected, application.Status);
    }

    [Fact]
    public void The_answer_is_given_once_not_empty_and_not_too_long()
    {
        var application = WithCorrection();
        Assert.Equal("application.answer_required", Code(() => application.AnswerCorrection("  ", new string('1', 64), SentAt.AddDays(1))));
        Assert.Equal("application.answer_too_long", Code(() => application.AnswerCorrection(new string('a', CorrectionRequest.MaxAnswerLength + 1), new string('1', 64), SentAt.AddDays(1))));
        Assert.Equal(ApplicationStatus.CorrectionRequested, application.Status);

        application.AnswerCorrection("Done.", new string('1', 64), SentAt.AddDays(1));
        Assert.Equal("application.no_pending_correction", Code(() => application.AnswerCorrection("Again.", new string('2', 64), SentAt.AddDays(2))));
        Assert.Equal("Done.", application.Correction!.Answer);
    }

    [Fact]
    public void Formal_acceptance_needs_every_rule_passed()
    {
        var application = AllPassed();

        application.AcceptFormally(Rules, "  All in order.  ", SentAt);

        Assert.Equal(ApplicationStatus.FormallyAccepted, application.Status);
        Assert.Equal(SentAt, application.FormalDecisionAt);
        Assert.Equal("All in order.", application.FormalDecisionReasons);
    }

    [Fact]
    public void Formal_acceptance_with_a_rule_not_passed_or_not_checked_is_refused_naming_them()
    {
        var fixable = WithFindings(Rules.Select(r => (r, r == EligibilityPreCheck.MemberCount ? FormalCheckOutcome.Fixable : FormalCheckOutcome.Pass)).ToArray());
        var ex = Assert.Throws<BusinessRuleViolation>(() => fixable.AcceptFormally(Rules, null, SentAt));
        Assert.Equal("application.formal_rules_not_passed", ex.Code);
        Assert.Equal(EligibilityPreCheck.MemberCount, ex.Arguments[0]);
        Assert.Equal(ApplicationStatus.FormalReview, fixable.Status);

        var partlyChecked = WithFindings((EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass));
        Assert.Equal("application.formal_rules_not_passed", Code(() => partlyChecked.AcceptFormally(Rules, null, SentAt)));
        Assert.Null(partlyChecked.FormalDecisionAt);
    }

    [Fact]
    public void A_corrected_application_is_accepted_once_the_fixed_rule_passes()
    {
        var application = WithCorrection();
        application.AnswerCorrection("Signed.", new string('1', 64), SentAt.AddDays(1));
        foreach (var rule in Rules)
        {
            application.RecordFormalCheck(rule, FormalCheckOutcome.Pass, null, Official, SentAt.AddDays(2));
        }

        application.AcceptFormally(Rules, null, SentAt.AddDays(2));

        Assert.Equal(ApplicationStatus.FormallyAccepted, application.Status);
    }

    [Fact]
    public void Formal_rejection_needs_reasons_and_a_rule_not_met()
    {
        var failed = WithFindings((EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail));
        Assert.Equal("application.reason_required", Code(() => failed.RejectFormally("  ", SentAt)));
        Assert.Equal(ApplicationStatus.FormalReview, failed.Status);

        Assert.Equal("application.rejection_without_failed_rule", Code(() => AllPassed().RejectFormally("No reason.", SentAt)));

        failed.RejectFormally("Only 40 members.", SentAt);
        Assert.Equal(ApplicationStatus.FormallyRejected, failed.Status);
        Assert.Equal("Only 40 members.", failed.FormalDecisionReasons);
        Assert.Equal("application.not_in_formal_review", Code(() => failed.AcceptFormally(Rules, null, SentAt)));
        Assert.Equal("application.not_in_formal_review", Code(() => failed.RecordFormalCheck(EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, Official, SentAt)));
    }

    [Fact]
    public void No_decision_while_the_applicant_may_still_answer()
    {
        var application = WithCorrection();
        Assert.Equal("application.not_in_formal_review", Code(() => application.RejectFormally("Too slow.", SentAt.AddDays(1))));
        Assert.Equal("application.not_in_formal_review", Code(() => application.AcceptFormally(Rules, null, SentAt.AddDays(1))));
    }

    [Fact]
    public void An_unanswered_request_is_rejected_automatically_only_from_its_deadline()
    {
        var application = WithCorrection();
        var deadline = application.Correction!.DeadlineAt;

        Assert.Equal("application.correction_not_overdue", Code(() => application.RejectForUnansweredCorrection("Overdue.", deadline.AddTicks(-1))));
        Assert.Equal(ApplicationStatus.CorrectionRequested, application.Status);

        application.RejectForUnansweredCorrection("Overdue.", deadline);
        Assert.Equal(ApplicationStatus.FormallyRejected, application.Status);
        Assert.Equal(deadline, application.FormalDecisionAt);
        Assert.Equal("Overdue.", application.FormalDecisionReasons);
    }

    [Fact]
    public void An_answered_request_is_never_rejected_automatically()
    {
        var application = WithCorrection();
        application.AnswerCorrection("Done.", new string('1', 64), SentAt.AddDays(1));

        Assert.Equal("application.correction_not_overdue", Code(() => application.RejectForUnansweredCorrection("Overdue.", SentAt.AddDays(60))));
        Assert.Equal(ApplicationStatus.Corrected, application.Status);
    }

    [Fact]
    public void The_sections_a_correction_may_reopen_are_the_indicators_each_narrative_and_each_kind_of_attachment()
    {
        var sections = Submitted().SectionKeys();
        Assert.Equal(
            ["indicators", "narrative:A", "attachments:Statute", "attachments:DevelopmentStrategy", "attachments:CoordinatorDeclaration", "attachments:Signature", "attachments:Other"],
            sections);
    }

    [Fact]
    public void Only_a_formally_accepted_application_goes_into_evaluation_and_then_is_evaluated()
    {
        var application = AllPassed();
        Assert.Equal("application.not_formally_accepted", Code(() => application.StartEvaluation(SentAt)));
        Assert.Equal("application.not_under_evaluation", Code(() => application.CompleteEvaluation(SentAt)));

        application.AcceptFormally(Rules, null, SentAt);
        application.StartEvaluation(SentAt.AddDays(1));
        application.StartEvaluation(SentAt.AddDays(2));
        Assert.Equal(ApplicationStatus.UnderEvaluation, application.Status);

        application.CompleteEvaluation(SentAt.AddDays(3));
        Assert.Equal(ApplicationStatus.Evaluated, application.Status);
        Assert.Equal("application.not_formally_accepted", Code(() => application.StartEvaluation(SentAt.AddDays(4))));
    }

    [Fact]
    public void An_evaluated_application_goes_before_the_commission_and_is_decided_once()
    {
        var passed = AllPassed();
        Assert.Equal("application.not_evaluated", Code(() => passed.PutBeforeCommission(true, SentAt)));
        Assert.Equal("application.not_before_commission", Code(() => passed.RecordDecision(true, SentAt)));
        passed.AcceptFormally(Rules, null, SentAt);
        passed.StartEvaluation(SentAt);
        passed.CompleteEvaluation(SentAt.AddDays(1));

        passed.PutBeforeCommission(true, SentAt.AddDays(2));
        Assert.Equal(ApplicationStatus.Recommended, passed.Status);
        passed.RecordDecision(true, SentAt.AddDays(3));

        Assert.Equal(ApplicationStatus.Certified, passed.Status);
        Assert.Equal(SentAt.AddDays(3), passed.DecidedAt);
        Assert.Equal("application.not_before_commission", Code(() => passed.RecordDecision(false, SentAt.AddDays(4))));
    }

    [Fact]
    public void An_application_whose_result_did_not_pass_is_never_certified_but_may_be_rejected()
    {
        var failed = AllPassed();
        failed.AcceptFormally(Rules, null, SentAt);
        failed.StartEvaluation(SentAt);
        failed.CompleteEvaluation(SentAt.AddDays(1));
        failed.PutBeforeCommission(false, SentAt.AddDays(2));
        Assert.Equal(ApplicationStatus.NotRecommended, failed.Status);

        Assert.Equal("certification.not_passed", Code(() => failed.RecordDecision(true, SentAt.AddDays(3))));
        Assert.Equal(ApplicationStatus.NotRecommended, failed.Status);

        failed.RecordDecision(false, SentAt.AddDays(3));
        Assert.Equal(ApplicationStatus.Rejected, failed.Status);
    }

    [Fact]
    public void Divergence_adds_one_expert_once_and_only_under_evaluation()
    {
        var application = AllPassed();
        application.AcceptFormally(Rules, null, SentAt);
        Assert.Equal("application.not_under_evaluation", Code(() => application.MarkDivergent(SentAt)));
        application.StartEvaluation(SentAt);
        var competition = DomainTestData.Draft();
        Assert.Equal(2, application.ExpertsNeeded(competition));

        application.MarkDivergent(SentAt.AddDays(1));

        Assert.Equal(3, application.ExpertsNeeded(competition));
        Assert.Equal("application.divergence_already_handled", Code(() => application.MarkDivergent(SentAt.AddDays(2))));
    }
}
