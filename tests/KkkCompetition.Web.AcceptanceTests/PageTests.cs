using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

public sealed class PageTests(UiFixture ui)
{
    [Fact]
    public async Task The_public_competitions_page_lists_the_announced_competition_without_sign_in()
    {
        var page = await ui.NewPageAsync();
        var response = await page.GotoAsync("/competitions");
        Assert.Equal(200, response!.Status);
        await Ui.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Konkursy");
        // Other tests announce competitions of their own in the same host: find the demo's by its name.
        var demo = page.Locator("[data-testid=competition-row]", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"Konkurs o status KKK — nabór \d{4}/demo") });
        await Assertions.Expect(demo).ToHaveCountAsync(1);

        // Its application window opened yesterday: open by the clock, whether or not the timeline job has run (it does not here).
        await Assertions.Expect(demo.Locator("[data-testid=competition-status]")).ToHaveTextAsync("Nabór otwarty");
        await Assertions.Expect(demo.Locator("[data-testid=terms-rule]")).ToHaveCountAsync(4);
        await Assertions.Expect(demo.Locator("[data-testid=terms-criterion]")).ToHaveCountAsync(13);
        Assert.Contains("/competitions", page.Url, StringComparison.Ordinal);
        await Ui.AssertAccessibleAsync(page, "competitions");
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible_and_a_wrong_password_shows_the_error()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Ui.AssertAccessibleAsync(page, "login");

        await page.FillAsync("#email", KkkHost.EmailOf(Roles.Expert));
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");

        var error = page.Locator("[data-testid=login-error]");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveAttributeAsync("role", "alert");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=logout]").CountAsync());
        await Ui.AssertAccessibleAsync(page, "login with an error");
    }

    [Fact]
    public async Task The_two_factor_set_up_page_is_accessible()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.CommissionMember);
        await page.GotoAsync("/account/two-factor");

        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='2fa-key']")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "two-factor set-up");
    }

    [Fact]
    public async Task The_not_found_page_answers_404_and_is_accessible()
    {
        var page = await ui.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nie znaleziono strony");
        await Ui.AssertAccessibleAsync(page, "not found");
    }

    [Fact]
    public async Task An_applicant_is_refused_the_audit_log_on_an_accessible_denied_page()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Applicant);
        await page.GotoAsync("/admin/audit");

        await page.WaitForURLAsync(url => url.Contains("/account/denied", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Brak dostępu");
        Assert.Equal(0, await page.Locator("[data-testid=audit-table]").CountAsync());
        await Ui.AssertAccessibleAsync(page, "denied");
    }

    [Fact]
    public async Task An_anonymous_visitor_to_the_audit_log_is_sent_to_sign_in_and_back()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/admin/audit");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        await page.FillAsync("#email", KkkHost.EmailOf(Roles.Official));
        await page.FillAsync("#password", KkkCompetition.Infrastructure.Seeding.DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/audit", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dziennik zdarzeń");
    }

    [Fact]
    public async Task The_job_dashboard_refuses_an_official_and_opens_for_an_administrator()
    {
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official);
        var refused = await official.GotoAsync("/jobs");
        Assert.True(refused!.Status is 401 or 403, $"An official got HTTP {refused.Status} from /jobs.");

        var administrator = await ui.NewPageAsync();
        await Ui.SignInAsync(administrator, Roles.Administrator);
        var opened = await administrator.GotoAsync("/jobs");
        Assert.Equal(200, opened!.Status);
    }

    [Fact]
    public async Task The_accessibility_check_itself_catches_a_serious_violation()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/not-found");
        await Ui.WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => { const b = document.createElement('button'); document.querySelector('main').appendChild(b); }");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Ui.AssertAccessibleAsync(page, "a page with a nameless button"));
        Assert.Contains("button-name", failure.Message, StringComparison.Ordinal);
    }
}
