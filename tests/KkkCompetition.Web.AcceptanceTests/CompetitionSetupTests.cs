using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>An official sets up a competition in the browser and announces it; the public page shows its terms. Both languages, axe on each page.</summary>
[Collection(AuditLogTests.Collection)] // each competition created adds 18 audit entries
public sealed class CompetitionSetupTests(UiFixture ui)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>
    /// MudBlazor's green success snackbar fails axe's contrast rule; the pages are checked once it has gone (it hides
    /// itself after a few seconds).
    /// </summary>
    private static Task SnackbarsGoneAsync(IPage page) =>
        Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });

    /// <summary>Creates a draft through the "new competition" page (its default dates lie ahead) and returns on its edit page.</summary>
    private static async Task CreateDraftAsync(IPage page, string name, int year)
    {
        await page.GotoAsync("/official/competitions/new");
        await Ui.WaitForInteractiveAsync(page);
        await page.FillAsync("#competition-name", name);
        await page.FillAsync("#competition-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=competition-create]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/official/competitions/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task An_official_sets_up_a_draft_announces_it_and_the_public_page_shows_its_rules_and_criteria_in_both_languages()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/official/competitions");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Przygotowanie konkursów");
        await Expect(page.Locator("nav[data-testid=nav] [data-testid=nav-competition-setup]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=competition-edit-link]").First).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "competition set-up list");

        await page.ClickAsync("[data-testid=competition-new]");
        await Ui.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nowy konkurs");
        await Ui.AssertAccessibleAsync(page, "new competition");

        const string name = "Nabór testowy 2091/1";
        await CreateDraftAsync(page, name, 2091);
        await Expect(page.Locator("[data-testid=competition-status]")).ToHaveTextAsync("W przygotowaniu");
        await Expect(page.Locator("[data-testid=criterion-row]")).ToHaveCountAsync(13);
        await Expect(page.Locator("[data-testid=rule-row]")).ToHaveCountAsync(4);
        await Ui.AssertAccessibleAsync(page, "competition draft");

        // A criterion: 12 whole points, weight 2.
        await page.Locator("[data-testid=criterion-row][data-code='A.1'] [data-testid=criterion-edit]").ClickAsync();
        await Expect(page.Locator("[data-testid=criterion-editor]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "criterion editor");
        await page.FillAsync("#criterion-max", "12");
        await page.FillAsync("#criterion-weight", "2");
        await page.ClickAsync("[data-testid=criterion-save]");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Zapisano.");
        await Expect(page.Locator("[data-testid=criterion-editor]")).ToHaveCountAsync(0);
        var a1 = page.Locator("[data-testid=criterion-row][data-code='A.1']");
        await Expect(a1.Locator("[data-testid=criterion-max]")).ToContainTextAsync("12");
        await Expect(a1.Locator("[data-testid=criterion-weight]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-testid=criteria-points]")).ToContainTextAsync("Maksymalnie 164 pkt");

        // A rule of the official's own, removable; the rules of the regulations are not.
        await page.FillAsync("#rule-code", "regional_letter");
        await page.FillAsync("#rule-name-pl", "List poparcia zarządu województwa");
        await page.FillAsync("#rule-name-en", "Letter of support from the regional board");
        await page.ClickAsync("[data-testid=rule-add]");
        await Expect(page.Locator("[data-testid=rule-row]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=rule-remove]")).ToHaveCountAsync(1);

        // Dates out of order: refused, in Polish, and the timeline stays.
        var closes = await page.InputValueAsync("#timeline-closes");
        await page.FillAsync("#timeline-closes", "2000-01-01T10:00");
        await page.ClickAsync("[data-testid=timeline-save]");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Dane zawierają błędy.");
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        Assert.Equal(closes, await page.InputValueAsync("#timeline-closes"));

        // Announce, after confirming.
        await page.ClickAsync("[data-testid=competition-announce]");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync(name);
        await dialog.Locator("button", new LocatorLocatorOptions { HasText = "Ogłoś konkurs" }).ClickAsync();
        await Expect(page.Locator("[data-testid=competition-status]")).ToHaveTextAsync("Ogłoszony");
        await Expect(page.Locator("[data-testid=competition-frozen]")).ToContainTextAsync("wersja 1");
        await Expect(page.Locator("[data-testid=competition-sha256]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        var sha = await page.Locator("[data-testid=competition-sha256]").InnerTextAsync();
        Assert.Equal(0, await page.Locator("[data-testid=criterion-edit], [data-testid=rule-remove], [data-testid=timeline-save], [data-testid=competition-announce]").CountAsync());
        await SnackbarsGoneAsync(page);
        await Ui.AssertAccessibleAsync(page, "announced competition (official)");

        // The public page, signed out, in Polish...
        var visitor = await ui.NewPageAsync();
        await visitor.GotoAsync("/competitions");
        await Ui.WaitForInteractiveAsync(visitor);
        var row = visitor.Locator("[data-testid=competition-row]", new PageLocatorOptions { HasText = name });
        await Expect(row.Locator("[data-testid=competition-status]")).ToHaveTextAsync("Ogłoszony");
        await Expect(row.Locator("[data-testid=terms-rule][data-code=regional_letter]")).ToContainTextAsync("List poparcia zarządu województwa");
        await Expect(row.Locator("[data-testid=terms-rule][data-code=member_count]")).ToContainTextAsync("51");
        await Expect(row.Locator("[data-testid=terms-criterion][data-code='A.1']")).ToContainTextAsync("12");
        await Expect(row.Locator("[data-testid=terms-area]")).ToHaveCountAsync(5);
        await Expect(row.Locator("[data-testid=competition-sha256]")).ToHaveTextAsync(sha);
        await Ui.AssertAccessibleAsync(visitor, "public competitions (pl)");

        await row.Locator("[data-testid=competition-link]").ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(name);
        await Ui.WaitForInteractiveAsync(visitor);
        await Expect(visitor.Locator("[data-testid=public-timeline] dd")).ToHaveCountAsync(7);
        await Ui.AssertAccessibleAsync(visitor, "public competition (pl)");
        var detailUrl = visitor.Url;

        // ... and in English.
        var english = await ui.NewPageAsync("en-GB");
        await english.GotoAsync("/competitions");
        await Ui.WaitForInteractiveAsync(english);
        await Expect(english.Locator("h1")).ToHaveTextAsync("Competitions");
        var englishRow = english.Locator("[data-testid=competition-row]", new PageLocatorOptions { HasText = name });
        await Expect(englishRow.Locator("[data-testid=competition-status]")).ToHaveTextAsync("Announced");
        await Expect(englishRow.Locator("[data-testid=terms-rule][data-code=regional_letter]")).ToContainTextAsync("Letter of support from the regional board");
        await Expect(englishRow.Locator("[data-testid=terms-criterion][data-code='A.1']")).ToContainTextAsync("Coordinator's team and competences");
        await Ui.AssertAccessibleAsync(english, "public competitions (en)");
        await english.GotoAsync(detailUrl);
        await Ui.WaitForInteractiveAsync(english);
        await Expect(english.Locator("[data-testid=public-timeline]")).ToContainTextAsync("Applications close");
        await Ui.AssertAccessibleAsync(english, "public competition (en)");
    }

    [Fact]
    public async Task The_set_up_pages_in_english_are_accessible_and_refusals_are_in_english()
    {
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Official, "/official/competitions");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Competition set-up");
        await Ui.AssertAccessibleAsync(page, "competition set-up list (en)");

        await CreateDraftAsync(page, "Test round 2092/1", 2092);
        await Expect(page.Locator("[data-testid=competition-status]")).ToHaveTextAsync("Draft");
        await Ui.AssertAccessibleAsync(page, "competition draft (en)");
        var draftUrl = page.Url;

        // The list filters on the server: drafts only, then the year.
        await page.GotoAsync("/official/competitions");
        await Ui.WaitForInteractiveAsync(page);
        await page.SelectOptionAsync("#competition-status-filter", "Draft");
        await Expect(page.Locator("[data-testid=competition-row-status][data-status=Open]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=competition-edit-link]", new PageLocatorOptions { HasText = "Test round 2092/1" })).ToHaveCountAsync(1);
        Assert.All(await page.Locator("[data-testid=competition-row-status]").EvaluateAllAsync<string[]>("s => s.map(x => x.dataset.status)"), s => Assert.Equal("Draft", s));
        await page.FillAsync("#competition-year-filter", "2092");
        await page.Locator("#competition-year-filter").DispatchEventAsync("change");
        await Expect(page.Locator("[data-testid=competition-total]")).ToHaveTextAsync("Competitions: 1");
        await page.GotoAsync(draftUrl);
        await Ui.WaitForInteractiveAsync(page);

        // A rule of the regulations cannot go; a criterion on the wrong point scale is refused with the rule's message.
        await page.ClickAsync("[data-testid=criterion-new]");
        await page.FillAsync("#criterion-code", "F.1");
        await page.FillAsync("#criterion-area", "F");
        await page.FillAsync("#criterion-area-pl", "Umiędzynarodowienie");
        await page.FillAsync("#criterion-area-en", "Internationalisation");
        await page.FillAsync("#criterion-name-pl", "Sieci międzynarodowe");
        await page.FillAsync("#criterion-name-en", "International networks");
        await page.Locator("[data-testid=criterion-half]").ClickAsync(); // no half points ...
        await page.FillAsync("#criterion-max", "7.5"); // ... yet a half-point maximum
        await Ui.AssertAccessibleAsync(page, "criterion editor (en)");
        await page.ClickAsync("[data-testid=criterion-save]");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("must be above 0, in whole points");
        await Expect(page.Locator("[data-testid=criterion-row]")).ToHaveCountAsync(13);

        await page.FillAsync("#criterion-max", "7");
        await page.ClickAsync("[data-testid=criterion-save]");
        await Expect(page.Locator("[data-testid=criterion-row]")).ToHaveCountAsync(14);
        await Expect(page.Locator("[data-testid=criteria-area][data-area=F]")).ToContainTextAsync("Internationalisation");

        await page.Locator("[data-testid=criterion-row][data-code='F.1'] [data-testid=criterion-remove]").ClickAsync();
        await Expect(page.Locator("[data-testid=criterion-row]")).ToHaveCountAsync(13);
    }

    [Fact]
    public async Task Applicants_have_no_set_up_link_and_the_public_page_of_a_draft_is_not_found()
    {
        var applicant = await ui.NewPageAsync();
        await Ui.SignInAsync(applicant, Roles.Applicant);
        Assert.Equal(0, await applicant.Locator("[data-testid=nav-competition-setup]").CountAsync());
        await applicant.GotoAsync("/official/competitions");
        await Expect(applicant.Locator("h1")).Not.ToHaveTextAsync("Przygotowanie konkursów");

        var visitor = await ui.NewPageAsync();
        var response = await visitor.GotoAsync($"/competitions/{Guid.CreateVersion7()}");
        Assert.Equal(404, response!.Status);
        await Ui.WaitForInteractiveAsync(visitor);
        await Expect(visitor.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
    }
}
