using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.UnitTests.Certification;

/// <summary>
/// The decision as the applicant receives it: delivered once (in the portal or on paper), the appeal window from delivery
/// through the working-day calendar (check values from the holidays note: Easter 2027 = 28 March, 3 May a holiday).
/// </summary>
public sealed class CertificationDecisionDeliveryTests
{
    /// <summary>Friday 16 April 2027, 10:00 in Warsaw (CEST).</summary>
    private static readonly DateTimeOffset DecidedAt = new(2027, 4, 16, 8, 0, 0, TimeSpan.Zero);

    private static CertificationDecision Decision(DecisionOutcome outcome = DecisionOutcome.Negative, string justification = "Wynik poniżej progu 100 punktów.", DateTimeOffset? at = null) =>
        CertificationDecision.Record(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "UCH/2027/1/001",
            outcome, justification, (2, 5, 1), 14, at ?? DecidedAt);

    private static DateTimeOffset Warsaw(int year, int month, int day, int hour = 0, int minute = 0) =>
        WorkingDayCalendar.FromWarsaw(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    [Fact]
    public void The_first_opening_in_the_portal_delivers_the_decision_and_starts_the_appeal_window()
    {
        var decision = Decision();
        var openedAt = DecidedAt.AddHours(2);

        Assert.True(decision.MarkOpenedInPortal(openedAt));

        Assert.Equal(openedAt, decision.DeliveredAt);
        Assert.Equal(DeliveryMethod.Portal, decision.DeliveredBy);
        Assert.Equal(new DateOnly(2027, 4, 30), decision.AppealLastDay);
        Assert.Equal(Warsaw(2027, 5, 1), decision.AppealDeadline);
    }

    [Fact]
    public void A_later_opening_changes_nothing()
    {
        var decision = Decision();
        decision.MarkOpenedInPortal(DecidedAt.AddHours(2));

        Assert.False(decision.MarkOpenedInPortal(DecidedAt.AddDays(3)));

        Assert.Equal(DecidedAt.AddHours(2), decision.DeliveredAt);
        Assert.Equal(new DateOnly(2027, 4, 30), decision.AppealLastDay);
    }

    [Fact]
    public void Paper_delivery_starts_the_window_at_the_start_of_the_day_entered()
    {
        var decision = Decision();

        decision.RecordPaperDelivery(new DateOnly(2027, 4, 19), DecidedAt.AddDays(10));

        Assert.Equal(DeliveryMethod.Paper, decision.DeliveredBy);
        Assert.Equal(Warsaw(2027, 4, 19), decision.DeliveredAt);
    }

    [Fact]
    public void Paper_delivery_on_the_day_of_the_decision_and_today_are_both_in_range()
    {
        var onDecisionDay = Decision();
        onDecisionDay.RecordPaperDelivery(new DateOnly(2027, 4, 16), DecidedAt.AddHours(1));
        Assert.Equal(Warsaw(2027, 4, 16), onDecisionDay.DeliveredAt);

        var today = Decision();
        today.RecordPaperDelivery(new DateOnly(2027, 4, 20), Warsaw(2027, 4, 20, 0, 1));
        Assert.Equal(Warsaw(2027, 4, 20), today.DeliveredAt);
    }

    [Fact]
    public void Paper_delivery_after_delivery_in_the_portal_is_refused()
    {
        var decision = Decision();
        decision.MarkOpenedInPortal(DecidedAt.AddHours(1));

        var refused = Assert.Throws<BusinessRuleViolation>(() => decision.RecordPaperDelivery(new DateOnly(2027, 4, 17), DecidedAt.AddDays(3)));

        Assert.Equal("decision.already_delivered", refused.Code);
        Assert.Equal(DeliveryMethod.Portal, decision.DeliveredBy);
    }

    [Fact]
    public void Paper_delivery_twice_is_refused()
    {
        var decision = Decision();
        decision.RecordPaperDelivery(new DateOnly(2027, 4, 17), DecidedAt.AddDays(3));

        var refused = Assert.Throws<BusinessRuleViolation>(() => decision.RecordPaperDelivery(new DateOnly(2027, 4, 18), DecidedAt.AddDays(3)));

        Assert.Equal("decision.already_delivered", refused.Code);
        Assert.Equal(Warsaw(2027, 4, 17), decision.DeliveredAt);
    }

    [Theory]
    [InlineData(2027, 4, 15)] // the day before the decision
    [InlineData(2027, 4, 21)] // tomorrow
    public void Paper_delivery_outside_the_decision_day_to_today_is_refused(int year, int month, int day)
    {
        var decision = Decision();

        var refused = Assert.Throws<BusinessRuleViolation>(() => decision.RecordPaperDelivery(new DateOnly(year, month, day), Warsaw(2027, 4, 20, 12)));

        Assert.Equal("decision.delivery_date_out_of_range", refused.Code);
        Assert.Null(decision.DeliveredAt);
    }

    [Theory]
    [InlineData(2027, 4, 16, 2027, 4, 30)] // Friday + 14 = Friday: no shift
    [InlineData(2027, 6, 5, 2027, 6, 21)] // Saturday + 14 = Saturday 19 June → Monday 21 June
    [InlineData(2027, 4, 19, 2027, 5, 4)] // Monday + 14 = Monday 3 May, a holiday → Tuesday 4 May
    [InlineData(2027, 12, 11, 2027, 12, 27)] // + 14 = Saturday 25 December (holiday and Saturday), then Sunday 26 → Monday 27
    public void The_appeal_deadline_moves_past_Saturdays_Sundays_and_holidays(int y, int m, int d, int ly, int lm, int ld)
    {
        var decision = Decision(at: Warsaw(y, m, d, 9));

        decision.MarkOpenedInPortal(Warsaw(y, m, d, 15));

        Assert.Equal(new DateOnly(ly, lm, ld), decision.AppealLastDay);
        Assert.Equal(WorkingDayCalendar.StartOfWarsawDay(new DateOnly(ly, lm, ld).AddDays(1)), decision.AppealDeadline);
    }

    [Fact]
    public void The_appeal_window_is_open_until_the_end_of_its_last_day_in_Warsaw_and_only_after_delivery()
    {
        var decision = Decision();
        Assert.False(decision.IsWithinAppealWindow(DecidedAt.AddHours(1)));
        Assert.Null(decision.AppealLastDay);

        decision.MarkOpenedInPortal(Warsaw(2027, 4, 19, 9));

        Assert.True(decision.IsWithinAppealWindow(Warsaw(2027, 4, 19, 9, 1)));
        Assert.True(decision.IsWithinAppealWindow(Warsaw(2027, 5, 4, 23, 59)));
        Assert.False(decision.IsWithinAppealWindow(Warsaw(2027, 5, 5)));
        Assert.False(decision.IsWithinAppealWindow(Warsaw(2027, 5, 10, 12)));
    }

    [Fact]
    public void Only_a_negative_decision_not_superseded_is_appealable()
    {
        Assert.True(Decision(DecisionOutcome.Negative).IsAppealable);
        Assert.False(Decision(DecisionOutcome.Positive).IsAppealable);

        var superseded = Decision(DecisionOutcome.Negative);
        superseded.Supersede(Guid.CreateVersion7());
        Assert.False(superseded.IsAppealable);
    }

    [Fact]
    public void A_decision_is_superseded_once_only()
    {
        var decision = Decision();
        var later = Guid.CreateVersion7();
        decision.Supersede(later);

        var refused = Assert.Throws<BusinessRuleViolation>(() => decision.Supersede(Guid.CreateVersion7()));

        Assert.Equal("decision.already_superseded", refused.Code);
        Assert.Equal(later, decision.SupersededBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_decision_without_a_justification_is_refused(string justification) =>
        Assert.Equal("decision.justification_required", Assert.Throws<BusinessRuleViolation>(() => Decision(justification: justification)).Code);

    [Fact]
    public void A_justification_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept_trimmed()
    {
        Assert.Equal(
            "decision.justification_too_long",
            Assert.Throws<BusinessRuleViolation>(() => Decision(justification: new string('x', CertificationDecision.MaxJustificationLength + 1))).Code);

        var decision = Decision(justification: " " + new string('x', CertificationDecision.MaxJustificationLength - 1));
        Assert.Equal(new string('x', CertificationDecision.MaxJustificationLength - 1), decision.Justification);
        Assert.Equal((2, 5, 1), (decision.VotesFor, decision.VotesAgainst, decision.VotesAbstained));
        Assert.Null(decision.DeliveredAt);
    }
}
