using KkkCompetition.Domain.Common;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// Counts and pages of the whole log: every other test that changes state adds entries, so these run alone,
/// after the parallel tests (tests that write many entries may join the collection), or a page could shift between two reads.
/// </summary>
[CollectionDefinition(AuditLogTests.Collection, DisableParallelization = true)]
public sealed class AuditLogCollection;

[Collection(Collection)]
public sealed class AuditLogTests(UiFixture ui)
{
    public const string Collection = "audit log readers and bulk writers";

    [Fact]
    public async Task The_audit_log_pages_on_the_server()
    {
        var page = await OpenAsync(Roles.Official);
        var total = await TotalAsync(page);
        await ChoosePageSizeAsync(page, 10);
        Assert.True(total > 10, $"The demo data should leave more than one page of entries, found {total}.");

        var firstPage = await SequencesAsync(page);
        Assert.Equal(10, firstPage.Length);
        Assert.Equal(firstPage.OrderDescending(), firstPage);

        await page.Locator("[data-testid=audit-pager] button[aria-label]").Nth(2).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-sequence]").First).Not.ToHaveTextAsync(firstPage[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var secondPage = await SequencesAsync(page);
        Assert.Equal(firstPage[^1] - 1, secondPage[0]);
        Assert.Empty(firstPage.Intersect(secondPage));
        await Ui.AssertAccessibleAsync(page, "audit log, second page");
    }

    [Fact]
    public async Task The_audit_log_sorts_on_the_server()
    {
        var page = await OpenAsync(Roles.Official);
        var newestFirst = await SequencesAsync(page);

        await page.Locator("th .mud-table-sort-label", new PageLocatorOptions { HasText = "Nr" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-sequence]").First).Not.ToHaveTextAsync(newestFirst[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var oldestFirst = await SequencesAsync(page);
        Assert.Equal(oldestFirst.Order(), oldestFirst);
        Assert.True(oldestFirst[0] < newestFirst[^1], "Ascending order starts below the newest page.");

        // Of the demo data's commands, AnnounceCompetition comes first in alphabetical order; other tests in the same
        // host may add commands that sort before it (AddEligibilityRule), so wait for the page to come back sorted.
        await page.Locator("th .mud-table-sort-label", new PageLocatorOptions { HasText = "Polecenie" }).ClickAsync();
        IReadOnlyList<string> commands = [];
        for (var attempt = 0; attempt < 60; attempt++)
        {
            commands = await page.Locator("[data-testid=audit-command]").AllInnerTextsAsync();
            if (commands.Count > 0 && commands.SequenceEqual(commands.Order(StringComparer.Ordinal)) && string.CompareOrdinal(commands[0], "AnnounceCompetition") <= 0)
            {
                break;
            }

            await page.WaitForTimeoutAsync(250);
        }

        Assert.Equal(commands.Order(StringComparer.Ordinal), commands);
        Assert.True(string.CompareOrdinal(commands[0], "AnnounceCompetition") <= 0, $"The first command sorted is {commands[0]}.");
    }

    [Fact]
    public async Task The_audit_log_filters_on_the_server_and_shows_the_details_of_an_entry()
    {
        var page = await OpenAsync(Roles.Administrator);
        var total = await TotalAsync(page);

        await page.FillAsync("#audit-command", "AnnounceCompetition");
        await page.ClickAsync("[data-testid=audit-apply]");
        await Assertions.Expect(page.Locator("[data-testid=audit-total]")).Not.ToHaveTextAsync($"Znaleziono wpisów: {total}");
        var filtered = await TotalAsync(page);
        Assert.InRange(filtered, 1, total - 1);
        Assert.All(await page.Locator("[data-testid=audit-command]").AllInnerTextsAsync(), c => Assert.Equal("AnnounceCompetition", c));

        await page.Locator("[data-testid=audit-details]").First.ClickAsync();
        var details = page.Locator("[data-testid=audit-details-panel]");
        await Assertions.Expect(details).ToBeVisibleAsync();
        await Assertions.Expect(details.Locator("h2")).ToBeFocusedAsync();
        await Assertions.Expect(details.Locator("[data-testid=audit-after]")).ToContainTextAsync("{");
        await Assertions.Expect(details.Locator("[data-testid=audit-before]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "audit log with details");

        await page.FillAsync("#audit-text", "no-such-command-anywhere");
        await page.ClickAsync("[data-testid=audit-apply]");
        await Assertions.Expect(page.Locator("[data-testid=audit-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-total]")).ToHaveTextAsync("Znaleziono wpisów: 0");

        await page.ClickAsync("[data-testid=audit-clear]");
        await Assertions.Expect(page.Locator("[data-testid=audit-total]")).ToHaveTextAsync($"Znaleziono wpisów: {total}");
    }

    [Fact]
    public async Task A_refused_search_shows_the_validation_message_in_the_users_language()
    {
        var page = await OpenAsync(Roles.Official);
        await page.FillAsync("#audit-from", "2026-03-10");
        await page.FillAsync("#audit-to", "2026-03-01");
        await page.ClickAsync("[data-testid=audit-apply]");

        var snackbar = page.Locator(".mud-snackbar");
        await Assertions.Expect(snackbar).ToBeVisibleAsync();
        await Assertions.Expect(snackbar).ToContainTextAsync("Dane zawierają błędy.");
    }

    [Fact]
    public async Task The_administrator_verifies_the_chain_and_sees_it_intact()
    {
        var page = await OpenAsync(Roles.Administrator);
        await Ui.AssertAccessibleAsync(page, "audit log");

        await page.ClickAsync("[data-testid=verify-chain]");
        var result = page.Locator("[data-testid=verify-result]");
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(result).ToHaveAttributeAsync("data-intact", "true");
        await Assertions.Expect(result).ToContainTextAsync("nienaruszony");
        await Assertions.Expect(page.Locator("[data-testid=latest-verification]")).ToContainTextAsync("nienaruszony");

        // The verification is recorded: a fresh visit shows it as the latest.
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=latest-verification]")).ToContainTextAsync("nienaruszony");
    }

    [Fact]
    public async Task An_official_reads_the_log_but_has_no_verify_button()
    {
        var page = await OpenAsync(Roles.Official);
        Assert.Equal(0, await page.Locator("[data-testid=verify-chain]").CountAsync());
        await Ui.AssertAccessibleAsync(page, "audit log (official)");
    }

    private async Task<IPage> OpenAsync(string role)
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, role, "/admin/audit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dziennik zdarzeń");
        await page.Locator("[data-testid=audit-sequence]").First.WaitForAsync();
        return page;
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.Locator("[data-testid=audit-total]").InnerTextAsync();
        return int.Parse(new string([.. text.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long[]> SequencesAsync(IPage page) =>
        [.. (await page.Locator("[data-testid=audit-sequence]").AllInnerTextsAsync()).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task ChoosePageSizeAsync(IPage page, int size)
    {
        var before = await page.Locator("[data-testid=audit-sequence]").CountAsync();
        await page.Locator("[data-testid=audit-pager] .mud-table-pagination-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }).First.ClickAsync();
        if (before != size)
        {
            await Assertions.Expect(page.Locator("[data-testid=audit-sequence]")).ToHaveCountAsync(size);
        }
    }
}
