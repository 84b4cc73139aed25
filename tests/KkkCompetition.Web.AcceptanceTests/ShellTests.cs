using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

public sealed class ShellTests(UiFixture ui)
{
    public static TheoryData<string, string[], string[]> RoleViews => new()
    {
        { Roles.Applicant, ["MyOrganisations", "MyDraftApplications", "OpenCompetitions"], [] },
        { Roles.Expert, ["ApplicationsUnderEvaluation"], [] },
        { Roles.Official, ["DraftCompetitions", "OpenCompetitions", "SubmittedApplications", "Clusters"], ["/admin/audit"] },
        { Roles.CommissionMember, ["ApplicationsRecommended"], [] },
        { Roles.Administrator, ["Users", "AuditEntries", "AuditVerifications"], ["/admin/audit", "/jobs"] },
    };

    private static readonly string[] RoleOnlyLinks = ["/admin/audit", "/jobs"];

    [Theory]
    [MemberData(nameof(RoleViews))]
    public async Task Each_role_sees_its_own_dashboard_cards_and_menu(string role, string[] cards, string[] extraLinks)
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, role);

        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var section = page.Locator($"[data-testid=dashboard-{role}]");
        await section.WaitForAsync();
        var shown = await section.Locator("[data-testid^=card-]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.testid.substring(5))");
        Assert.Equal(cards, shown);
        foreach (var card in cards)
        {
            var count = await section.Locator($"[data-testid=card-{card}] .kkk-card-count").InnerTextAsync();
            Assert.Matches(@"^\d[\d\s\u00a0]*$", count);
        }

        // Cards of the other roles are not there.
        Assert.Equal(1, await page.Locator("[data-testid^=dashboard-]").CountAsync());

        var nav = page.Locator("nav[data-testid=nav]");
        Assert.Equal(1, await nav.Locator("a[href='/']").CountAsync());
        Assert.Equal(1, await nav.Locator("a[href='/competitions']").CountAsync());
        foreach (var link in RoleOnlyLinks)
        {
            Assert.Equal(extraLinks.Contains(link) ? 1 : 0, await nav.Locator($"a[href='{link}']").CountAsync());
        }

        Assert.Equal([role], await page.Locator("[data-testid=user-roles] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.role)"));
        await Ui.AssertAccessibleAsync(page, $"home as {role}");
    }

    [Fact]
    public async Task The_anonymous_home_page_invites_to_sign_in_and_shows_no_role_menu()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=home-anonymous]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("nav[data-testid=nav] a[href='/admin/audit']").CountAsync());
        Assert.Equal("pl", await Ui.HtmlLangAsync(page));
        Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()));
        await Ui.AssertAccessibleAsync(page, "home (anonymous)");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_leads_to_main_content()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Applicant);

        // Blazor moves focus to the page's h1 after navigation; from the top of the page the skip link comes first.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("skip-link", await focused.GetAttributeAsync("data-testid"));
        Assert.Equal("#main", await focused.GetAttributeAsync("href"));
        var box = await focused.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 1 }, "The focused skip link is on screen.");

        Assert.Equal(1, await page.Locator("header").CountAsync());
        Assert.Equal(1, await page.Locator("main#main").CountAsync());
        Assert.Equal(1, await page.Locator("footer").CountAsync());
        Assert.Equal(2, await page.Locator("nav[aria-label]").CountAsync());
    }

    [Fact]
    public async Task The_language_switches_from_Polish_to_English_and_back()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official);
        Assert.Equal("pl", await Ui.HtmlLangAsync(page));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pulpit");
        await Assertions.Expect(page.Locator("nav[data-testid=nav] a[href='/competitions']")).ToContainTextAsync("Konkursy");

        await page.ClickAsync("[data-testid=lang-en]");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("[data-testid=card-Clusters]")).ToContainTextAsync("Clusters");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Dashboard"));

        await page.ClickAsync("[data-testid=lang-pl]");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'pl'");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pulpit");
        await Assertions.Expect(page.Locator("[data-testid=card-Clusters]")).ToContainTextAsync("Klastry");
    }
}
