using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>The official's ranking page: order, pass or fail and why, filters that keep positions, exports, in both languages.</summary>
public sealed class RankingUiTests(UiFixture ui)
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Bałtycki 110 (first), Alfa 104 from two experts' sheets, Gamma 96 (below the threshold of 100).</summary>
    private async Task<(Guid CompetitionId, int Year, IReadOnlyList<SubmittedApplication> Apps)> SeedAsync()
    {
        var year = TestYears.Next();
        var arrange = new RankingArrange(ui.Host.Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(name: $"Nabór rankingowy {year}", year: year, cancellationToken: Ct);
        var apps = await new SubmittedApplications(ui.Host.Services, TimeProvider.System)
            .SubmitManyAsync(competitionId, ["Klaster Alfa UI", "Bałtycki Klaster UI", "Klaster Gamma UI"], new ApplicationShape { Members = 2 }, Ct);
        await arrange.ScoreAsync(apps[0].Id, [new ArrangedSheet("Anna Nowak", RankingArrange.Points(7)), new ArrangedSheet("Jan Kowalski", RankingArrange.Points(9))], cancellationToken: Ct);
        await arrange.ResultAsync(apps[1].Id, RankingArrange.Points(8, ("E.1", 14)), Ct);
        await arrange.ResultAsync(apps[2].Id, RankingArrange.Points(8, ("E.1", 0)), Ct);
        return (competitionId, year, apps);
    }

    [Fact]
    public async Task The_official_sees_the_ranking_with_reasons_filters_it_and_exports_it()
    {
        var (competitionId, year, apps) = await SeedAsync();
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/official/competitions");
        await page.Locator("[data-testid=competition-ranking-link]").First.WaitForAsync();

        await page.GotoAsync($"/ranking/{competitionId}");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ranking wniosków");
        await Assertions.Expect(page.Locator("[data-testid=nav-ranking]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-cluster]")).ToHaveTextAsync(["Bałtycki Klaster UI", "Klaster Alfa UI", "Klaster Gamma UI"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-position]")).ToHaveTextAsync(["1", "2", "3"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-total]")).ToHaveTextAsync(["110", "104", "96"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-outcome]")).ToHaveTextAsync(["pozytywny", "pozytywny", "negatywny"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-reasons]")).ToHaveTextAsync(["Suma 96 pkt poniżej progu 100 pkt"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-summary]")).ToContainTextAsync("Wyników w rankingu: 3, z wynikiem pozytywnym: 2.");
        await Assertions.Expect(page.Locator("[data-testid=ranking-tie-break]")).ToContainTextAsync("C.1, C.2, B.1");
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-sheet]")).ToHaveTextAsync(["Karta eksperta: Anna Nowak (PDF)", "Karta eksperta: Jan Kowalski (PDF)"]);
        await Ui.AssertAccessibleAsync(page, "ranking");

        await page.CheckAsync("#ranking-passed-only");
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-position]")).ToHaveTextAsync(["1", "2"]);
        await page.UncheckAsync("#ranking-passed-only");
        await page.FillAsync("#ranking-search", "gamma");
        await page.ClickAsync("[data-testid=ranking-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-position]")).ToHaveTextAsync(["3"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-total]")).ToHaveTextAsync("Pokazano wyników: 1");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ranking-export-xlsx]"));
        Assert.Equal($"ranking-{year}-1.xlsx", xlsx.SuggestedFilename);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ranking-export-csv]"));
        Assert.Equal($"ranking-{year}-1.csv", csv.SuggestedFilename);
        var card = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ranking-row-card-anonymised]"));
        Assert.Equal($"karta-oceny-{apps[2].Number.Replace('/', '-')}-anonimizowana.pdf", card.SuggestedFilename);
    }

    [Fact]
    public async Task The_ranking_speaks_english()
    {
        var (competitionId, _, _) = await SeedAsync();
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Official, $"/ranking/{competitionId}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ranking of applications");
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-outcome]")).ToHaveTextAsync(["passed", "passed", "failed"]);
        await Assertions.Expect(page.Locator("[data-testid=ranking-row-reasons]")).ToHaveTextAsync(["Total 96 points below the threshold of 100"]);
        await Ui.AssertAccessibleAsync(page, "ranking (en)");
    }

    [Fact]
    public async Task Without_a_competition_the_page_offers_the_choice_and_other_roles_do_not_see_it()
    {
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/ranking");
        await Assertions.Expect(page.Locator("#ranking-competition")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=ranking-table]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "ranking without a competition");

        var applicant = await ui.NewPageAsync();
        await Ui.SignInAsync(applicant, Roles.Applicant);
        Assert.Equal(0, await applicant.Locator("[data-testid=nav-ranking]").CountAsync());
    }
}
