using System.Reflection;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Inbox;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Application.Notifications.Templates;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;

namespace KkkCompetition.Application.UnitTests.Notifications;

public sealed class NotificationRequestTests
{
    public static TheoryData<Type, string[]> AdministratorAndSystemRequests() => new()
    {
        { typeof(DispatchOutbox), [Roles.System] },
        { typeof(ClaimOutboxMessages), [Roles.System] },
        { typeof(RecordOutboxDeliveries), [Roles.System] },
        { typeof(RunReminderScan), [Roles.System] },
        { typeof(SeedNotificationDefaults), [Roles.System] },
        { typeof(ListOutboxMessages), [Roles.Administrator] },
        { typeof(RetryOutboxMessage), [Roles.Administrator] },
        { typeof(ListReminderRules), [Roles.Administrator] },
        { typeof(UpdateReminderRule), [Roles.Administrator] },
        { typeof(ListNotificationTemplates), [Roles.Administrator] },
        { typeof(PreviewNotificationTemplate), [Roles.Administrator] },
        { typeof(UpdateNotificationTemplate), [Roles.Administrator] },
    };

    [Theory]
    [MemberData(nameof(AdministratorAndSystemRequests))]
    public void Outbox_reminder_and_template_requests_are_for_exactly_their_roles(Type request, string[] roles) =>
        Assert.Equal(roles, request.GetCustomAttribute<AllowedRolesAttribute>()!.Roles);

    [Theory]
    [InlineData(typeof(GetMyNotifications))]
    [InlineData(typeof(GetUnreadNotificationCount))]
    [InlineData(typeof(MarkNotificationRead))]
    [InlineData(typeof(GetMyNotificationPreferences))]
    [InlineData(typeof(SetMyNotificationPreference))]
    public void The_inbox_is_for_every_signed_in_user(Type request) =>
        Assert.NotNull(request.GetCustomAttribute<AnyAuthenticatedUserAttribute>());

    [Fact]
    public void A_negative_or_inconsistent_offset_is_a_validation_error_naming_the_field()
    {
        var result = new UpdateReminderRuleValidator().Validate(new UpdateReminderRule(
            ReminderCatalogue.KpiReportDue,
            [new ReminderOffset(-3, ReminderTiming.Before), new ReminderOffset(2, ReminderTiming.OnTheDay), new ReminderOffset(0, ReminderTiming.After)],
            true,
            false,
            false,
            0));

        var fields = result.Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Contains("Offsets[0].Days", fields);
        Assert.Contains("Offsets[1].Days", fields);
        Assert.Contains("Offsets[2].Days", fields);
    }

    [Fact]
    public void No_offsets_or_a_repeated_offset_is_a_validation_error()
    {
        var validator = new UpdateReminderRuleValidator();
        Assert.Contains(validator.Validate(new UpdateReminderRule("k", [], true, false, false, 0)).Errors, e => e.PropertyName == "Offsets");
        Assert.Contains(
            validator.Validate(new UpdateReminderRule("k", [ReminderOffset.Before(3), ReminderOffset.Before(3)], true, false, false, 0)).Errors,
            e => e.PropertyName == "Offsets");
        Assert.True(validator.Validate(new UpdateReminderRule("k", [ReminderOffset.Before(3), ReminderOffset.OnTheDay, ReminderOffset.After(1)], true, false, false, 0)).IsValid);
    }
}
