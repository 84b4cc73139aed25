using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;

namespace KkkCompetition.Domain.UnitTests.Notifications;

public sealed class ReminderRuleTests
{
    private static readonly DateOnly Due = new(2027, 3, 31);

    private static ReminderRule Kpi() => ReminderCatalogue.CreateDefaults().Single(r => r.Key == ReminderCatalogue.KpiReportDue);

    [Fact]
    public void Offsets_are_stored_as_one_ordered_text_of_signed_days()
    {
        var rule = ReminderRule.Create("reminder.kpi_report_due", "pl", "en", [ReminderOffset.After(7), ReminderOffset.Before(30), ReminderOffset.OnTheDay], false, true);

        Assert.Equal("-30,0,7", rule.OffsetDays);
        Assert.Equal([ReminderOffset.Before(30), ReminderOffset.OnTheDay, ReminderOffset.After(7)], rule.Offsets);
        Assert.Equal(30, rule.MaxDaysBefore);
        Assert.Equal(7, rule.MaxDaysAfter);
    }

    [Theory]
    [InlineData(-31, null)]
    [InlineData(-30, -30)]
    [InlineData(-15, -30)]
    [InlineData(-14, -14)]
    [InlineData(-1, -3)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 7)]
    [InlineData(100, 7)]
    public void The_latest_due_offset_is_the_last_one_whose_day_has_come(int scanDayRelative, int? expected) =>
        Assert.Equal(expected, Kpi().LatestDueOffset(Due, Due.AddDays(scanDayRelative)));

    [Fact]
    public void Only_reminders_after_the_deadline_of_an_escalating_rule_copy_the_official()
    {
        var kpi = Kpi();
        Assert.False(kpi.CopiesOfficials(-3));
        Assert.False(kpi.CopiesOfficials(0));
        Assert.True(kpi.CopiesOfficials(1));
        Assert.False(ReminderCatalogue.CreateDefaults().Single(r => r.Key == ReminderCatalogue.CorrectionRequest).CopiesOfficials(1));
    }

    [Theory]
    [InlineData(-3, ReminderTiming.Before)]
    [InlineData(0, ReminderTiming.Before)]
    [InlineData(2, ReminderTiming.OnTheDay)]
    [InlineData(400, ReminderTiming.After)]
    public void An_invalid_offset_is_refused(int days, ReminderTiming when)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => Kpi().Update([new ReminderOffset(days, when)], true, false, false));
        Assert.Equal("reminder.invalid_offset", ex.Code);
    }

    [Fact]
    public void No_offsets_or_a_duplicate_offset_is_refused()
    {
        Assert.Equal("reminder.no_offsets", Assert.Throws<BusinessRuleViolation>(() => Kpi().Update([], true, false, false)).Code);
        Assert.Equal("reminder.duplicate_offset", Assert.Throws<BusinessRuleViolation>(() => Kpi().Update([ReminderOffset.Before(3), ReminderOffset.Before(3)], true, false, false)).Code);
    }

    [Theory]
    [InlineData(-3, "pl", "za 3 dni")]
    [InlineData(-1, "pl", "za 1 dzień")]
    [InlineData(0, "pl", "dziś")]
    [InlineData(7, "pl", "7 dni po terminie")]
    [InlineData(-1, "en", "in 1 day")]
    [InlineData(0, "en", "today")]
    [InlineData(7, "en", "7 days overdue")]
    public void Timing_is_worded_in_the_recipients_language(int relative, string language, string expected) =>
        Assert.Equal(expected, ReminderOffset.Describe(relative, language));

    [Fact]
    public void A_mandatory_rule_cannot_be_turned_off_by_a_user()
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => NotificationPreference.For(Guid.CreateVersion7(), Kpi(), emailEnabled: false));
        Assert.Equal("notification.rule_mandatory", ex.Code);
        var optional = ReminderCatalogue.CreateDefaults().Single(r => r.Key == ReminderCatalogue.ExpertScoringDeadline);
        Assert.False(NotificationPreference.For(Guid.CreateVersion7(), optional, emailEnabled: false).EmailEnabled);
    }
}

public sealed class NotificationTemplateTests
{
    [Theory]
    [InlineData("Hello {{foo}}", "{{foo}}")]
    [InlineData("Hello {{ recipientName }} {{dueDate", "{{dueDate")]
    [InlineData("{{}}", "{{}}")]
    public void An_unknown_or_malformed_placeholder_is_refused(string subject, string reported)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => NotificationTemplate.Create(ReminderCatalogue.KpiReportDue, "en", subject, "text", ""));
        Assert.Equal("template.unknown_placeholder", ex.Code);
        Assert.Equal(reported, ex.Arguments[0]);
    }

    [Fact]
    public void An_unknown_message_kind_is_refused() =>
        Assert.Equal("template.unknown_key", Assert.Throws<BusinessRuleViolation>(() => NotificationTemplate.Create("nope", "pl", "a", "b", "")).Code);

    [Fact]
    public void Rendering_fills_the_placeholders_and_encodes_values_in_html_only()
    {
        var template = NotificationTemplate.Create(ReminderCatalogue.KpiReportDue, "en", "{{subjectTitle}}", "{{ subjectTitle }} {{dueDate}}x", "<b>{{subjectTitle}}</b>");
        var rendered = template.Render(name => name == "subjectTitle" ? "R&D <1>" : null);
        Assert.Equal("R&D <1>", rendered.Subject);
        Assert.Equal("R&D <1> x", rendered.Text); // a value not given renders empty
        Assert.Equal("<b>R&amp;D &lt;1&gt;</b>", rendered.Html);
    }

    [Fact]
    public void The_default_templates_are_valid_in_both_languages()
    {
        var templates = NotificationTemplateCatalogue.DefaultTemplates().ToList();
        Assert.Equal(NotificationTemplateCatalogue.Definitions.Count * 2, templates.Count);
        IEnumerable<string> Keys(IEnumerable<EventMessage> messages) => messages.Select(m => m.Definition.Key);
        var expected = ReminderCatalogue.Keys.Concat(Keys(ApplicationMessages.All)).Concat(Keys(FormalReviewNotices.All)).Append(ExpertMessages.Invitation)
            .Concat(Keys(AssignmentMessages.All)).Concat(Keys(ScoringNotices.All)).Concat(Keys(CommissionMessages.All)).Concat(Keys(DecisionMessages.All))
            .Concat(Keys(AppealMessages.All)).Concat(Keys(RegistryMessages.All))
            .Concat(Keys(ContractMessages.All))
            .Concat(Keys(ReportMessages.All))
            .Concat(Keys(PhaseEvaluationMessages.All))
            .Concat(Keys(PhaseDecisionMessages.All));
        Assert.Equal(expected.Order(), NotificationTemplateCatalogue.Definitions.Select(d => d.Key).Order());
        Assert.All(templates, t => NotificationTemplate.Check(t.Key, t.Subject, t.Text, t.Html));
    }
}

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Email() => OutboxMessage.Create(
        OutboxChannel.Email, Guid.CreateVersion7(), "anna@example.pl", "pl", ReminderCatalogue.KpiReportDue, new RenderedMessage("s", "t", null), null, null, Now);

    [Fact]
    public void Failures_back_off_exponentially_and_fail_after_the_last_attempt()
    {
        var message = Email();
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            message.RecordFailure("down", Now);
            delays.Add(message.NextAttemptAt - Now);
            Assert.Equal(OutboxStatus.Pending, message.Status);
        }

        Assert.Equal([1, 2, 4, 8, 16], delays.Select(d => d.TotalMinutes));
        message.RecordFailure("still down", Now);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal("still down", message.LastError);

        message.Retry(Now);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public void A_message_to_an_address_alone_is_an_email_of_no_user_and_one_to_a_user_belongs_to_him()
    {
        var invitation = OutboxMessage.CreateForAddress("anna@example.pl", "en", ExpertMessages.Invitation, new RenderedMessage("s", "t", null), "/experts/invitation?token=x", Now);

        Assert.Equal((OutboxChannel.Email, "anna@example.pl", false), (invitation.Channel, invitation.RecipientEmail, invitation.HasRecipientUser));
        Assert.True(Email().HasRecipientUser);
        Assert.Equal("outbox.email_without_address", Assert.Throws<BusinessRuleViolation>(() =>
            OutboxMessage.CreateForAddress(" ", "pl", ExpertMessages.Invitation, new RenderedMessage("s", "t", null), null, Now)).Code);
    }

    [Fact]
    public void A_sent_message_cannot_be_sent_or_retried_again()
    {
        var message = Email();
        message.MarkSent(Now);
        Assert.Equal("outbox.not_pending", Assert.Throws<BusinessRuleViolation>(() => message.MarkSent(Now)).Code);
        Assert.Equal("outbox.not_failed", Assert.Throws<BusinessRuleViolation>(() => message.Retry(Now)).Code);
    }

    [Fact]
    public void An_email_needs_an_address() =>
        Assert.Equal("outbox.email_without_address", Assert.Throws<BusinessRuleViolation>(() => OutboxMessage.Create(
            OutboxChannel.Email, Guid.CreateVersion7(), null, "pl", "k", new RenderedMessage("s", "t", null), null, null, Now)).Code);
}
