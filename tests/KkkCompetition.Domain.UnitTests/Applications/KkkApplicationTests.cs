using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.ReferenceData;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Applications;

public sealed class KkkApplicationTests
{
    [Theory]
    [InlineData(CompetitionStatus.Announced)]
    [InlineData(CompetitionStatus.Open)]
    public void A_draft_is_started_while_the_competition_accepts_applications(CompetitionStatus status)
    {
        var competition = InStatus(status);
        var cluster = Guid.CreateVersion7();
        var owner = Guid.CreateVersion7();
        var now = ClosesAt.AddDays(-1);

        var application = KkkApplication.StartDraft(competition, cluster, owner, now);

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(competition.Id, application.CompetitionId);
        Assert.Equal(cluster, application.ClusterId);
        Assert.Equal(owner, application.OwnerUserId);
        Assert.Equal(now, application.CreatedAt);
    }

    [Fact]
    public void A_draft_may_be_started_before_the_competition_opens()
    {
        var competition = InStatus(CompetitionStatus.Announced);
        Assert.Equal(ApplicationStatus.Draft, KkkApplication.StartDraft(competition, Guid.CreateVersion7(), Guid.CreateVersion7(), OpensAt.AddDays(-1)).Status);
    }

    [Fact]
    public void A_draft_may_be_started_one_tick_before_closing() =>
        Assert.Equal(ApplicationStatus.Draft, KkkApplication.StartDraft(InStatus(CompetitionStatus.Open), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddTicks(-1)).Status);

    public static TheoryData<CompetitionStatus> NotAccepting() =>
        new(Enum.GetValues<CompetitionStatus>().Where(s => s is not (CompetitionStatus.Announced or CompetitionStatus.Open)));

    [Theory]
    [MemberData(nameof(NotAccepting))]
    public void No_draft_in_a_competition_that_is_not_announced_or_open(CompetitionStatus status)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => KkkApplication.StartDraft(InStatus(status), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddDays(-1)));
        Assert.Equal("application.competition_not_accepting", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void No_draft_once_the_closing_has_come(int secondsAfterClosing)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => KkkApplication.StartDraft(InStatus(CompetitionStatus.Open), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddSeconds(secondsAfterClosing)));
        Assert.Equal("application.competition_not_accepting", ex.Code);
    }

    // ---- Sections of a draft -------------------------------------------------------------------------------------

    private static readonly DateTimeOffset During = OpensAt.AddDays(5);

    private static readonly IndicatorValues Full = new(120, 1_500_000.50m, 200_000m, 3, 4, 2, 5, 800_000m, 2, 30, 12.5m);

    private static Competition OpenWithTwoAreas()
    {
        var template = new List<CriterionTemplate>
        {
            new() { Code = "A1", AreaCode = "A", AreaNamePl = "Obszar A", AreaNameEn = "Area A", NamePl = "K1", NameEn = "C1", MaxPoints = 10, Order = 1 },
            new() { Code = "A2", AreaCode = "A", AreaNamePl = "Obszar A", AreaNameEn = "Area A", NamePl = "K2", NameEn = "C2", MaxPoints = 10, Order = 2 },
            new() { Code = "B1", AreaCode = "B", AreaNamePl = "Obszar B", AreaNameEn = "Area B", NamePl = "K3", NameEn = "C3", MaxPoints = 10, Order = 3 },
        };
        var competition = Competition.CreateFromTemplate("Konkurs 2027/1", 2027, 1, Timeline(), 100m, template);
        SetPrivate(competition, nameof(Competition.Status), CompetitionStatus.Open);
        return competition;
    }

    private static KkkApplication Draft(Competition? competition = null) =>
        KkkApplication.StartDraft(competition ?? OpenWithTwoAreas(), Guid.CreateVersion7(), Guid.CreateVersion7(), During);

    private static KkkApplication Complete(Competition competition)
    {
        var application = Draft(competition);
        foreach (var year in KkkApplication.IndicatorYears(competition.Year))
        {
            application.SaveIndicators(year, Full, During);
        }

        foreach (var narrative in application.Narratives)
        {
            application.SaveNarrative(narrative.AreaCode, $"Opis obszaru {narrative.AreaCode}.", During);
        }

        var n = 0;
        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            application.AddAttachment(kind, $"{kind}.pdf", "application/pdf", 1_000, new string((char)('a' + n++), 64), During);
        }

        return application;
    }

    private static string Code(Action act) => Assert.Throws<BusinessRuleViolation>(act).Code;

    [Fact]
    public void A_draft_has_the_two_last_full_years_and_one_narrative_per_criteria_area()
    {
        var application = Draft();

        Assert.Equal([2025, 2026], application.Indicators.Select(i => i.Year));
        Assert.All(application.Indicators, i => Assert.Equal(IndicatorValues.Empty, i.Values));
        Assert.Equal(["A", "B"], application.Narratives.Select(n => n.AreaCode).Order());
        Assert.Empty(application.Attachments);
        Assert.Null(application.Number);
        Assert.False(application.IsSubmitted);
    }

    [Fact]
    public void Every_section_of_a_draft_may_be_edited()
    {
        var application = Draft();

        Assert.True(application.CanEdit(ApplicationSections.Indicators, During));
        Assert.True(application.CanEdit(ApplicationSections.Narrative("A"), During));
        Assert.True(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), During));
    }

    [Fact]
    public void Indicators_are_saved_and_move_the_last_change_forward_even_within_one_clock_tick()
    {
        var application = Draft();
        var before = application.UpdatedAt;

        Assert.True(application.SaveIndicators(2025, Full, During));
        Assert.Equal(Full, application.Indicators.Single(i => i.Year == 2025).Values);
        Assert.True(application.UpdatedAt > before);

        var first = application.UpdatedAt;
        Assert.True(application.SaveIndicators(2025, Full with { Patents = 9 }, During));
        Assert.True(application.UpdatedAt > first);
    }

    [Fact]
    public void Saving_the_same_indicators_again_changes_nothing()
    {
        var application = Draft();
        application.SaveIndicators(2026, Full, During);
        var updated = application.UpdatedAt;

        Assert.False(application.SaveIndicators(2026, Full, During.AddMinutes(1)));

        Assert.Equal(updated, application.UpdatedAt);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2027)]
    public void Indicators_of_another_year_are_refused(int year)
    {
        var application = Draft();
        Assert.Equal("application.indicator_year_unknown", Code(() => application.SaveIndicators(year, Full, During)));
        Assert.All(application.Indicators, i => Assert.Equal(IndicatorValues.Empty, i.Values));
    }

    [Fact]
    public void Negative_indicators_and_a_share_over_100_percent_are_refused()
    {
        var application = Draft();
        Assert.Equal("application.indicator_out_of_range", Code(() => application.SaveIndicators(2025, Full with { Employment = -1 }, During)));
        Assert.Equal("application.indicator_out_of_range", Code(() => application.SaveIndicators(2025, Full with { ExportSharePercent = 100.01m }, During)));
        Assert.True(application.SaveIndicators(2025, Full with { ExportSharePercent = 100m }, During));
    }

    [Fact]
    public void A_narrative_is_saved_and_the_same_text_again_changes_nothing()
    {
        var application = Draft();

        Assert.True(application.SaveNarrative("B", "Strategia rozwoju klastra.", During));
        Assert.Equal("Strategia rozwoju klastra.", application.Narratives.Single(n => n.AreaCode == "B").Text);
        Assert.False(application.SaveNarrative("B", "Strategia rozwoju klastra.", During));
    }

    [Fact]
    public void A_narrative_of_an_unknown_area_is_refused()
    {
        var application = Draft();
        Assert.Equal("application.area_unknown", Code(() => application.SaveNarrative("Z", "tekst", During)));
    }

    [Fact]
    public void A_narrative_at_the_limit_is_saved_and_one_character_more_refused()
    {
        var application = Draft();

        Assert.True(application.SaveNarrative("A", new string('x', ApplicationNarrative.MaxLength), During));
        Assert.Equal("application.narrative_too_long", Code(() => application.SaveNarrative("A", new string('y', ApplicationNarrative.MaxLength + 1), During)));
        Assert.Equal(ApplicationNarrative.MaxLength, application.Narratives.Single(n => n.AreaCode == "A").Text.Length);
    }

    [Fact]
    public void An_attachment_is_added_and_removed()
    {
        var application = Draft();

        var attachment = application.AddAttachment(AttachmentKind.Statute, "statut.pdf", "application/pdf", ApplicationAttachment.MaxBytes, new string('a', 64), During);

        Assert.Equal(attachment, Assert.Single(application.Attachments));
        Assert.Equal(application.Id, attachment.ApplicationId);
        application.RemoveAttachment(attachment.Id, During);
        Assert.Empty(application.Attachments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ApplicationAttachment.MaxBytes + 1)]
    public void An_empty_or_oversized_attachment_is_refused(long size)
    {
        var application = Draft();
        Assert.Equal("attachment.too_large", Code(() => application.AddAttachment(AttachmentKind.Statute, "x.pdf", "application/pdf", size, new string('a', 64), During)));
        Assert.Empty(application.Attachments);
    }

    [Fact]
    public void The_same_file_twice_in_one_section_is_refused_but_allowed_in_another()
    {
        var application = Draft();
        var sha = new string('b', 64);
        application.AddAttachment(AttachmentKind.Other, "a.pdf", "application/pdf", 10, sha, During);

        Assert.Equal("attachment.duplicate", Code(() => application.AddAttachment(AttachmentKind.Other, "b.pdf", "application/pdf", 10, sha, During)));
        application.AddAttachment(AttachmentKind.Statute, "a.pdf", "application/pdf", 10, sha, During);
        Assert.Equal(2, application.Attachments.Count);
    }

    [Fact]
    public void Removing_an_unknown_attachment_is_refused()
    {
        var application = Draft();
        Assert.Equal("attachment.not_found", Code(() => application.RemoveAttachment(Guid.CreateVersion7(), During)));
    }

    // ---- Completeness -----------------------------------------------------------------------------------------------

    [Fact]
    public void An_empty_draft_misses_every_indicator_of_both_years_each_narrative_and_each_mandatory_attachment()
    {
        var report = Draft().CheckCompleteness();

        Assert.False(report.IsComplete);
        Assert.Equal(2 * 11, report.Missing.Count(m => m.Section == ApplicationSections.Indicators));
        Assert.Contains(new MissingItem(ApplicationSections.Indicators, "2025:Employment"), report.Missing);
        Assert.Contains(new MissingItem(ApplicationSections.Indicators, "2026:ExportSharePercent"), report.Missing);
        Assert.Contains(new MissingItem(ApplicationSections.Narrative("A"), "text"), report.Missing);
        Assert.Contains(new MissingItem(ApplicationSections.Narrative("B"), "text"), report.Missing);
        Assert.Equal(
            ApplicationAttachment.MandatoryKinds.Select(k => ApplicationSections.Attachments(k)),
            report.Missing.Where(m => m.Section.StartsWith(ApplicationSections.AttachmentsPrefix, StringComparison.Ordinal)).Select(m => m.Section));
        Assert.DoesNotContain(report.Missing, m => m.Section == ApplicationSections.Attachments(AttachmentKind.Other));
    }

    [Fact]
    public void A_blank_narrative_still_counts_as_missing()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.SaveNarrative("A", "   \n ", During);

        Assert.Equal([new MissingItem(ApplicationSections.Narrative("A"), "text")], application.CheckCompleteness().Missing);
    }

    [Fact]
    public void A_filled_draft_is_complete() => Assert.True(Complete(OpenWithTwoAreas()).CheckCompleteness().IsComplete);

    // ---- Submission ---------------------------------------------------------------------------------------------------

    [Fact]
    public void A_complete_draft_is_submitted_with_its_number_time_and_hash()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        var at = ClosesAt.AddSeconds(-1);

        application.Submit(competition, 7, new string('f', 64), at);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("KKK/2027/1/0007", application.Number);
        Assert.Equal(at, application.SubmittedAt);
        Assert.Equal(new string('f', 64), application.SubmissionHash);
        Assert.True(application.IsSubmitted);
    }

    [Fact]
    public void Submission_is_accepted_from_the_opening_instant()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.Submit(competition, 1, new string('f', 64), OpensAt);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Submission_at_or_after_the_closing_instant_is_refused_and_nothing_changes(int secondsAfterClosing)
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);

        Assert.Equal("application.submission_closed", Code(() => application.Submit(competition, 1, new string('f', 64), ClosesAt.AddSeconds(secondsAfterClosing))));

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.Number);
        Assert.Null(application.SubmittedAt);
    }

    [Fact]
    public void Submission_before_the_opening_is_refused()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        Assert.Equal("application.submission_closed", Code(() => application.Submit(competition, 1, new string('f', 64), OpensAt.AddTicks(-1))));
    }

    [Fact]
    public void Submission_to_a_closed_competition_is_refused_even_before_its_closing_date()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        SetPrivate(competition, nameof(Competition.Status), CompetitionStatus.Closed);
        Assert.Equal("application.submission_closed", Code(() => application.EnsureSubmittable(competition, During)));
    }

    [Fact]
    public void An_incomplete_draft_is_not_submitted()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.RemoveAttachment(application.Attachments[0].Id, During);

        Assert.Equal("application.incomplete", Code(() => application.Submit(competition, 1, new string('f', 64), During)));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void A_submitted_application_is_not_submitted_again()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.Submit(competition, 1, new string('f', 64), During);

        Assert.Equal("application.not_draft", Code(() => application.Submit(competition, 2, new string('e', 64), During)));
        Assert.Equal("KKK/2027/1/0001", application.Number);
    }

    [Fact]
    public void After_submission_no_section_may_be_edited()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.Submit(competition, 1, new string('f', 64), During);

        Assert.False(application.CanEdit(ApplicationSections.Indicators, During));
        Assert.Equal("application.not_editable", Code(() => application.SaveIndicators(2025, Full with { Patents = 1 }, During)));
        Assert.Equal("application.not_editable", Code(() => application.SaveNarrative("A", "zmiana", During)));
        Assert.Equal("application.not_editable", Code(() => application.AddAttachment(AttachmentKind.Other, "x.pdf", "application/pdf", 1, new string('9', 64), During)));
        Assert.Equal("application.not_editable", Code(() => application.RemoveAttachment(application.Attachments[0].Id, During)));
    }

    [Fact]
    public void A_correction_request_reopens_only_its_sections_until_its_deadline()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.Submit(competition, 1, new string('f', 64), During);
        var official = Guid.CreateVersion7();
        application.RecordFormalCheck("statute", FormalCheckOutcome.Fixable, "Statut bez podpisu.", official, During);
        var correction = application.RequestCorrection([new CorrectionItem(ApplicationSections.Attachments(AttachmentKind.Statute), "Dołącz podpisany statut.")], 7, During);

        Assert.True(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), During));
        var added = application.AddAttachment(AttachmentKind.Statute, "statut-podpisany.pdf", "application/pdf", 10, new string('7', 64), During);
        Assert.Contains(added, application.Attachments);

        Assert.False(application.CanEdit(ApplicationSections.Narrative("A"), During));
        Assert.Equal("application.section_not_reopened", Code(() => application.SaveNarrative("A", "zmiana", During)));

        Assert.False(application.CanEdit(ApplicationSections.Attachments(AttachmentKind.Statute), correction.DeadlineAt));
        Assert.Equal("application.correction_deadline_passed", Code(() => application.AddAttachment(AttachmentKind.Statute, "y.pdf", "application/pdf", 10, new string('8', 64), correction.DeadlineAt)));
    }

    // ---- Withdrawal --------------------------------------------------------------------------------------------------

    [Fact]
    public void A_submitted_application_is_withdrawn_with_its_reason()
    {
        var competition = OpenWithTwoAreas();
        var application = Complete(competition);
        application.Submit(competition, 1, new string('f', 64), During);
        Assert.True(application.CanBeWithdrawn);

        application.Withdraw("  Klaster wystartuje w kolejnym naborze.  ", During.AddDays(1));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal("Klaster wystartuje w kolejnym naborze.", application.WithdrawalReason);
        Assert.Equal(During.AddDays(1), application.WithdrawnAt);
        Assert.False(application.CanBeWithdrawn);
    }

    [Theory]
    [InlineData(ApplicationStatus.FormalReview)]
    [InlineData(ApplicationStatus.UnderEvaluation)]
    [InlineData(ApplicationStatus.Recommended)]
    public void Withdrawal_is_possible_until_the_decision(ApplicationStatus status)
    {
        var application = Draft();
        SetPrivate(application, nameof(KkkApplication.Status), status);

        application.Withdraw("powód", During);

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.FormallyRejected)]
    [InlineData(ApplicationStatus.Certified)]
    [InlineData(ApplicationStatus.Rejected)]
    public void Withdrawal_is_refused_for_a_draft_and_after_the_decision(ApplicationStatus status)
    {
        var application = Draft();
        SetPrivate(application, nameof(KkkApplication.Status), status);

        Assert.Equal("application.cannot_withdraw", Code(() => application.Withdraw("powód", During)));
        Assert.Equal(status, application.Status);
        Assert.Null(application.WithdrawnAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Withdrawal_without_a_reason_is_refused(string reason)
    {
        var application = Draft();
        SetPrivate(application, nameof(KkkApplication.Status), ApplicationStatus.Submitted);
        Assert.Equal("application.reason_required", Code(() => application.Withdraw(reason, During)));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Withdrawal_with_an_overlong_reason_is_refused()
    {
        var application = Draft();
        SetPrivate(application, nameof(KkkApplication.Status), ApplicationStatus.Submitted);
        Assert.Equal("application.reason_too_long", Code(() => application.Withdraw(new string('r', KkkApplication.MaxReasonLength + 1), During)));
    }
}
