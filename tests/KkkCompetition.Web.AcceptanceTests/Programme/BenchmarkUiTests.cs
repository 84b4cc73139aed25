using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KkkCompetition.Web.AcceptanceTests.Programme;

/// <summary>
/// The benchmark report in the browser: the official chooses a competition and reads the figures, charts with their tables and
/// positions, and downloads the PDF and the XLSX; the coordinator reads his individual report in English. axe on each.
/// </summary>
public sealed class BenchmarkUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A competition of its own with two clusters (every fifth member a research unit, the others small enterprises, the m-th
    /// employing 10 + m): Alfa 5 members (60 employed), Beta 3 (33); the same indicators both years, so growth 0.
    /// </summary>
    private async Task<(Guid CompetitionId, string Name, SubmittedApplication Alfa, SubmittedApplication Beta)> CompetitionAsync(string suffix)
    {
        var year = TestYears.Next();
        var applications = new SubmittedApplications(ui.Host.Services, TimeProvider.System);
        var name = $"Nabór porównawczy {suffix}";
        var competitionId = await applications.CompetitionAsync(name, year, cancellationToken: Ct);
        var alfa = await applications.SubmitAsync(competitionId, $"Klaster Alfa {suffix}", new ApplicationShape { Members = 5 }, Ct);
        var beta = await applications.SubmitAsync(competitionId, $"Klaster Beta {suffix}", new ApplicationShape { Members = 3 }, Ct);
        return (competitionId, name, alfa, beta);
    }

    private static Task CardAsync(IPage page, string key, string value) =>
        Assertions.Expect(page.Locator($"[data-testid=benchmark-card][data-key={key}] [data-testid=benchmark-card-value]")).ToHaveTextAsync(value);

    private static async Task<byte[]> BytesAsync(IDownload download)
    {
        await using var file = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_official_reads_a_competitions_benchmark_with_its_charts_and_downloads_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (competitionId, _, _, _) = await CompetitionAsync(suffix);

        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official);
        await page.ClickAsync("[data-testid=nav-programme-benchmark]");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Raport porównawczy klastrów");
        await page.CheckAsync("[data-testid=benchmark-kind][data-kind=Competition]");
        await page.SelectOptionAsync("#benchmark-competition", competitionId.ToString());
        await page.ClickAsync("[data-testid=benchmark-show]");

        await CardAsync(page, "clusters", "2");
        await CardAsync(page, "members", "8");
        await CardAsync(page, "mean-members", "4,0");
        await CardAsync(page, "mean-employment", "46,5");
        await CardAsync(page, "sales-growth", "0,0%");
        await Assertions.Expect(page.Locator("[data-testid=chart-types] svg title")).ToHaveTextAsync("Członkowie według typu");
        await Assertions.Expect(page.Locator("[data-testid=chart-types] [data-testid=chart-bar][data-key=Enterprise]")).ToHaveAttributeAsync("data-value", "87.5");
        await Assertions.Expect(page.Locator("[data-testid=largest-name]")).ToHaveTextAsync([$"Klaster Alfa {suffix}", $"Klaster Beta {suffix}"]);
        await Assertions.Expect(page.Locator("[data-testid=position-cluster]")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(page, "benchmark report");

        // The chart's table opens from the keyboard.
        var sizes = page.Locator("[data-testid=chart-sizes-table] table");
        await Assertions.Expect(sizes).Not.ToBeVisibleAsync();
        await page.Locator("[data-testid=chart-sizes-table] summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sizes).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sizes-row] >> nth=1")).ToContainTextAsync("100,0%");
        await Ui.AssertAccessibleAsync(page, "benchmark report, table open");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=benchmark-pdf]"));
        Assert.StartsWith("raport-porownawczy-konkurs-", pdf.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await BytesAsync(pdf))[..4]), StringComparison.Ordinal);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=benchmark-xlsx]"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        using var workbook = new MemoryStream(await BytesAsync(xlsx));
        var largest = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Największe klastry", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([$"Klaster Alfa {suffix}", $"Klaster Beta {suffix}"], largest.Select(r => r["Klaster"]?.ToString()));
    }

    [Fact]
    public async Task The_coordinator_reads_his_individual_report_in_english_without_the_other_clusters()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (_, name, alfa, _) = await CompetitionAsync(suffix);
        var email = await TestLogins.GiveAsync(ui.Host.Services, alfa.Owner.UserId!.Value, Roles.Applicant, DemoData.Password);

        var page = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(page, email, "/my-benchmark");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Individual benchmark report");
        await Assertions.Expect(page.Locator("#benchmark-competition option")).ToHaveTextAsync([name]);
        await page.ClickAsync("[data-testid=benchmark-show]");

        await Assertions.Expect(page.Locator("#benchmark-own-heading")).ToHaveTextAsync($"Klaster Alfa {suffix} against the group");
        var members = page.Locator("[data-testid=own-row][data-measure=Members]");
        await Assertions.Expect(members.Locator("[data-testid=own-value]")).ToHaveTextAsync("5.0");
        await Assertions.Expect(members.Locator("[data-testid=own-mean]")).ToHaveTextAsync("4.0");
        await Assertions.Expect(members.Locator("[data-testid=own-rank]")).ToHaveTextAsync("1 of 2");
        await Assertions.Expect(page.Locator("[data-testid=chart-percentiles] svg title")).ToHaveTextAsync("The cluster's percentile by measure");
        await CardAsync(page, "clusters", "2");
        await Assertions.Expect(page.Locator("[data-testid=benchmark-largest]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync($"Klaster Beta {suffix}");
        await Ui.AssertAccessibleAsync(page, "individual benchmark report (en)");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=benchmark-pdf]"));
        Assert.StartsWith("my-benchmark-competition-", pdf.SuggestedFilename, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=nav-programme-benchmark]")).ToHaveCountAsync(0);
    }
}
