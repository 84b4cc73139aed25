using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

public sealed class NotificationTests(UiFixture ui)
{
    [Fact]
    public async Task The_bell_counts_unread_notifications_and_goes_down_after_marking_one_read()
    {
        var page = await ui.NewPageAsync();
        var expert = await Notices.UserIdAsync(ui.Host.Services, Roles.Expert);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await Notices.EnqueueAsync(ui.Host.Services, expert, $"Raport A {marker}", $"Raport B {marker}");
        await Notices.DispatchAsync(ui.Host.Services);

        await Ui.SignInAsync(page, Roles.Expert, "/notifications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Powiadomienia");
        var bell = page.Locator("[data-testid=bell]");

        // The bell loads its count after the page renders: wait for the two new ones before reading it.
        await Assertions.Expect(bell).Not.ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[01]?$"));
        var before = int.Parse(await bell.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before >= 2, $"The bell should count the two new notifications, shows {before}.");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Powiadomienia: {before} nieprzeczytane");

        var row = page.Locator("tr", new PageLocatorOptions { HasText = $"Raport A {marker}" });
        await Assertions.Expect(row.Locator("[data-testid=notification-status]")).ToHaveTextAsync("Nieprzeczytane");
        await Assertions.Expect(row.Locator("[data-testid=notification-link]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/competitions$"));
        await Ui.AssertAccessibleAsync(page, "notifications");

        await row.Locator("[data-testid=mark-read]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=notification-status]")).ToHaveTextAsync("Przeczytane");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", (before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Powiadomienia: {before - 1} nieprzeczytane");
        Assert.Equal(0, await row.Locator("[data-testid=mark-read]").CountAsync());

        // A fresh visit counts from the database.
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", (before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_notifications_page_in_english_is_accessible()
    {
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Official, "/notifications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await Assertions.Expect(page.Locator("[data-testid=bell]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Notifications: \\d+ unread$"));
        await Ui.AssertAccessibleAsync(page, "notifications (en)");
    }

    [Fact]
    public async Task An_email_preference_persists_and_a_mandatory_rule_cannot_be_switched()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.CommissionMember, "/notifications/preferences");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ustawienia powiadomień");

        var scoring = page.Locator("[data-testid=preference][data-rule='reminder.expert_scoring_deadline'] input");
        await Assertions.Expect(scoring).ToBeCheckedAsync();
        await Assertions.Expect(scoring).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=preference][data-rule='reminder.kpi_report_due'] input")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=preference][data-rule='reminder.kpi_report_due'] input")).ToBeCheckedAsync();
        await Ui.AssertAccessibleAsync(page, "notification preferences");

        await scoring.ClickAsync();
        await Assertions.Expect(scoring).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Zapisano ustawienie.");

        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(scoring).Not.ToBeCheckedAsync();

        await scoring.ClickAsync();
        await Assertions.Expect(scoring).ToBeCheckedAsync();
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(scoring).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_preferences_page_in_english_is_accessible()
    {
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Applicant, "/notifications/preferences");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notification settings");
        await Assertions.Expect(page.Locator("[data-testid=preference]").First).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "notification preferences (en)");
    }

    // In this class (not run alongside the bell test): the host's dispatcher must not send the message first.
    [Fact]
    public async Task An_administrator_sees_a_failed_message_with_its_error_and_retry_puts_it_back_to_pending()
    {
        var applicant = await Notices.UserIdAsync(ui.Host.Services, Roles.Applicant);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = await Notices.EnqueueAsync(ui.Host.Services, applicant, $"Nieudany {marker}");
        await Notices.FailAsync(ui.Host, ids, $"relay refused {marker}");

        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Administrator, "/admin/outbox");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Skrzynka nadawcza");
        await Assertions.Expect(page.Locator("[data-testid=jobs-link]")).ToHaveAttributeAsync("href", "/jobs");
        await page.Locator("[data-testid=outbox-status]").SelectOptionAsync("Failed");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = $"Nieudany {marker}" });
        await Assertions.Expect(row.Locator("[data-testid=outbox-row-status]")).ToHaveTextAsync("Nieudana");
        await Assertions.Expect(row.Locator("[data-testid=outbox-error]")).ToHaveTextAsync($"relay refused {marker}");
        // Waits for the filtered reload: the row above is also on the unfiltered page, beside messages sent meanwhile.
        await Assertions.Expect(page.Locator("[data-testid=outbox-row-status]:not([data-status=Failed])")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "outbox, failed");

        await row.Locator("[data-testid=outbox-retry]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Wiadomość wróciła do kolejki.");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.Locator("[data-testid=outbox-status]").SelectOptionAsync("Pending");
        await Assertions.Expect(row.Locator("[data-testid=outbox-row-status]")).ToHaveTextAsync("Oczekuje");
        await Assertions.Expect(row.Locator("[data-testid=outbox-retry]")).ToHaveCountAsync(0);

        // Delivered on the next dispatch, so later runs start clean.
        await Notices.DispatchAsync(ui.Host.Services);
    }
}
