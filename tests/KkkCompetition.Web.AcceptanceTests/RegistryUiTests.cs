using KkkCompetition.Domain.Common;
using KkkCompetition.Testing.Certification;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>The public registry, its map with the table of counts, a cluster's card, and the official's revocation, checked with axe.</summary>
public sealed class RegistryUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_finds_a_kkk_in_the_registry_by_the_map_and_opens_its_card()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var granted = await new CertifiedClusters(ui.Host.Services, TimeProvider.System, TestYears.Next()).GrantManyAsync(
        [
            new CertifiedShape { ClusterName = $"Klaster Warmiński {suffix}", Voivodeship = "28", KisCodes = ["KIS1", "KIS4"], Members = 5 },
            new CertifiedShape { ClusterName = $"Klaster Lubuski {suffix}", Voivodeship = "08", KisCodes = ["KIS2"] },
        ], Ct);

        var page = await ui.NewPageAsync();
        await page.GotoAsync("/registry/map");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mapa Krajowych Klastrów Kluczowych");
        await Assertions.Expect(page.Locator("[data-testid=map-region]")).ToHaveCountAsync(16);
        var region = page.Locator("[data-testid=map-region][data-teryt='28']");
        var count = await region.GetAttributeAsync("data-count");
        Assert.True(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        // The table alternative carries the same count as the region.
        await Assertions.Expect(page.Locator("[data-testid=map-table-row][data-teryt='28'] [data-testid=map-table-count]")).ToHaveTextAsync(count!);
        await Assertions.Expect(region.Locator("title")).ToHaveTextAsync($"warmińsko-mazurskie: {count} KKK — pokaż listę");
        await Ui.AssertAccessibleAsync(page, "registry map");

        // The region is reached with the keyboard and opens the filtered list.
        await region.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/registry?voivodeship=28", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#registry-voivodeship")).ToHaveValueAsync("28");
        await Assertions.Expect(page.Locator("[data-testid=registry-row-voivodeship]").First).ToHaveTextAsync("warmińsko-mazurskie");
        await page.FillAsync("#registry-search", suffix);
        await page.ClickAsync("[data-testid=registry-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=registry-row-cluster]")).ToHaveTextAsync([$"Klaster Warmiński {suffix}"]);
        await Ui.AssertAccessibleAsync(page, "registry");

        await page.ClickAsync("[data-testid=registry-row-cluster]");
        await page.WaitForURLAsync(url => url.Contains($"/registry/clusters/{granted[0].ClusterId}", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=card-name]")).ToHaveTextAsync($"Klaster Warmiński {suffix}");
        await Assertions.Expect(page.Locator("[data-testid=card-members]")).ToContainTextAsync("5");
        await Assertions.Expect(page.Locator("[data-testid=card-history-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=card-history-state]")).ToHaveTextAsync("aktywny");
        await Ui.AssertAccessibleAsync(page, "cluster card");
    }

    [Fact]
    public async Task The_official_revokes_a_status_with_a_reason_and_the_card_shows_it()
    {
        var name = $"Klaster Cofany {Guid.NewGuid().ToString("N")[..6]}";
        var granted = await new CertifiedClusters(ui.Host.Services, TimeProvider.System, TestYears.Next()).GrantAsync(new CertifiedShape { ClusterName = name }, Ct);

        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/certification/statuses");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Statusy KKK");
        await page.FillAsync("#statuses-search", name);
        await page.ClickAsync("[data-testid=statuses-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=statuses-row-cluster]")).ToHaveTextAsync([name]);
        await Ui.AssertAccessibleAsync(page, "KKK statuses");

        await page.ClickAsync("[data-testid=statuses-revoke]");
        await Assertions.Expect(page.Locator("[data-testid=revoke-form]")).ToBeVisibleAsync();

        // Without a reason the rule refuses, in the user's language, and nothing changes.
        await page.ClickAsync("[data-testid=revoke-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Podaj powód cofnięcia statusu KKK.");
        await Assertions.Expect(page.Locator("[data-testid=statuses-row-state]")).ToHaveAttributeAsync("data-state", "Active");
        await Ui.AssertAccessibleAsync(page, "revocation form");

        await page.FillAsync("#revoke-reason", "Klaster przestał spełniać warunki statusu.");
        await page.ClickAsync("[data-testid=revoke-submit]");
        await Assertions.Expect(page.Locator("[data-testid=statuses-row-state]")).ToHaveAttributeAsync("data-state", "Revoked");
        await Assertions.Expect(page.Locator("[data-testid=revoke-form]")).ToHaveCountAsync(0);

        await page.GotoAsync($"/registry/clusters/{granted.ClusterId}");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=card-history-state]")).ToHaveTextAsync("cofnięty");
        await Assertions.Expect(page.Locator("[data-testid=card-history-reason]")).ToHaveTextAsync("Klaster przestał spełniać warunki statusu.");
    }
}
