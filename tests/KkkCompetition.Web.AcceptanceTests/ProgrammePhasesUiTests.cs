using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>An official defines a programme phase on its page; the page proposes the default length and passes axe.</summary>
public sealed class ProgrammePhasesUiTests(UiFixture ui)
{
    [Fact]
    public async Task The_official_defines_a_phase_of_the_default_four_years_and_sees_it_listed()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/programme/phases");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fazy programu");
        await Ui.AssertAccessibleAsync(page, "programme phases");

        // Far beyond any phase the demo or another test defines: numbers and dates are unique across the shared host.
        await page.FillAsync("#phase-number", "90");
        await page.FillAsync("#phase-starts", "2201-01-01");
        await page.Locator("#phase-starts").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#phase-ends")).ToHaveValueAsync("2204-12-31");
        await page.ClickAsync("[data-testid=phase-submit]");

        var row = page.Locator("[data-testid=phase-row][data-number='90']");
        await Assertions.Expect(row).ToContainTextAsync("31.12.2204");
        await Ui.AssertAccessibleAsync(page, "programme phases with a phase");
    }
}
