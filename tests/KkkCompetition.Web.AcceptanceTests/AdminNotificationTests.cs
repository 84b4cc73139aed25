using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

public sealed class AdminNotificationTests(UiFixture ui)
{
    [Fact]
    public async Task The_admin_menu_has_the_notification_pages_and_others_do_not()
    {
        var admin = await ui.NewPageAsync();
        await Ui.SignInAsync(admin, Roles.Administrator);
        foreach (var id in new[] { "nav-outbox", "nav-reminder-rules", "nav-templates", "nav-jobs", "nav-notifications" })
        {
            await Assertions.Expect(admin.Locator($"[data-testid={id}]")).ToBeVisibleAsync();
        }

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official);
        await Assertions.Expect(official.Locator("[data-testid=nav-notifications]")).ToBeVisibleAsync();
        Assert.Equal(0, await official.Locator("[data-testid=nav-outbox], [data-testid=nav-reminder-rules], [data-testid=nav-templates]").CountAsync());
        await official.GotoAsync("/admin/outbox");
        await Assertions.Expect(official.Locator("h1")).Not.ToHaveTextAsync("Skrzynka nadawcza");
    }

    [Fact]
    public async Task Reminder_rule_offsets_are_validated_in_the_users_language_and_saved()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Administrator, "/admin/reminder-rules");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reguły przypomnień");
        var rule = page.Locator("[data-testid=rule][data-rule='reminder.phase_end']");
        var offsets = rule.Locator("input[id$=-offsets]");
        await Assertions.Expect(offsets).ToHaveValueAsync("-60");
        await Ui.AssertAccessibleAsync(page, "reminder rules");

        await offsets.FillAsync("-60, -7, -7, abc");
        await rule.Locator("[data-testid=rule-save]").ClickAsync();
        var errors = rule.Locator("[data-testid=rule-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("Przesunięcie -7 występuje dwa razy.");
        await Assertions.Expect(errors).ToContainTextAsync("„abc” nie jest liczbą dni.");

        await offsets.FillAsync("-60, -7");
        await rule.Locator("[data-testid=rule-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Zapisano regułę.");
        await Assertions.Expect(rule.Locator("[data-testid=rule-offsets-described]")).ToContainTextAsync("7");
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(offsets).ToHaveValueAsync("-60, -7");

        // Back to the catalogue's default, so that a rerun starts the same.
        await offsets.FillAsync("-60");
        await rule.Locator("[data-testid=rule-save]").ClickAsync();
        await Assertions.Expect(rule.Locator("[data-testid=rule-errors]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(offsets).ToHaveValueAsync("-60");
    }

    [Fact]
    public async Task Reminder_rules_in_english_show_english_validation_messages()
    {
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Administrator, "/admin/reminder-rules");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reminder rules");
        var rule = page.Locator("[data-testid=rule][data-rule='reminder.kkk_status_expiring']");
        await rule.Locator("input[id$=-offsets]").FillAsync("-400");
        await rule.Locator("[data-testid=rule-save]").ClickAsync();
        await Assertions.Expect(rule.Locator("[data-testid=rule-errors]")).ToContainTextAsync("The offset -400 is beyond 366 days.");
        await Ui.AssertAccessibleAsync(page, "reminder rules (en)");
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_with_the_localized_error_and_nothing_is_saved()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Administrator, "/admin/templates");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Szablony wiadomości");
        var row = page.Locator("[data-testid=template-row][data-key='reminder.phase_end'][data-language=pl]");
        var subject = await row.Locator("[data-testid=template-subject]").InnerTextAsync();

        await row.Locator("[data-testid=template-preview]").ClickAsync();
        var previews = page.Locator("[data-testid=template-preview-panel] [data-testid=preview]");
        await Assertions.Expect(previews).ToHaveCountAsync(2);
        await Assertions.Expect(previews.Nth(0)).ToHaveAttributeAsync("data-language", "pl");
        await Assertions.Expect(previews.Nth(1)).ToHaveAttributeAsync("data-language", "en");
        await Assertions.Expect(previews.Nth(0).Locator("[data-testid=preview-text]")).Not.ToContainTextAsync("{{");
        await Ui.AssertAccessibleAsync(page, "templates with preview");

        await row.Locator("[data-testid=template-edit]").ClickAsync();
        await page.FillAsync("#template-subject", "Zmieniony {{unknown}}");
        await page.ClickAsync("[data-testid=template-save]");
        var snackbar = page.Locator(".mud-snackbar");
        await Assertions.Expect(snackbar).ToContainTextAsync("Symbol {{unknown}} nie jest tu znany");

        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(row.Locator("[data-testid=template-subject]")).ToHaveTextAsync(subject);
    }

    [Fact]
    public async Task The_admin_pages_in_english_are_accessible()
    {
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Administrator, "/admin/outbox");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Outbox");
        await Ui.AssertAccessibleAsync(page, "outbox (en)");

        await page.GotoAsync("/admin/templates");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Message templates");
        await page.Locator("[data-testid=template-row][data-key='reminder.phase_end'][data-language=en] [data-testid=template-edit]").ClickAsync();
        await page.FillAsync("#template-subject", "Changed {{nope}}");
        await page.ClickAsync("[data-testid=template-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The placeholder {{nope}} is not known here");
        await Ui.AssertAccessibleAsync(page, "templates (en)");
    }
}
