using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KkkCompetition.Web.AcceptanceTests.Contracts;

/// <summary>
/// The programme dashboard (officials) and a contract's achievement page (its coordinator and officials): colours always
/// with their names, SVG charts with a title and a description, their tables opened with the keyboard, axe on each.
/// </summary>
public sealed class AchievementUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ContractArrange Arrange() => new(ui.Host.Services, TimeProvider.System, TestYears.Next());

    [Fact]
    public async Task The_official_filters_the_dashboard_reads_its_charts_by_keyboard_exports_and_opens_a_contracts_achievement()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = Arrange();
        var contracts = await arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = $"Klaster Zielony {suffix}", Voivodeship = "28", KisCodes = ["KIS3"] },
            new ContractShape { ClusterName = $"Klaster Czerwony {suffix}", Voivodeship = "08", KisCodes = ["KIS3"] },
            new ContractShape { ClusterName = $"Klaster Nowy {suffix}", Voivodeship = "08", KisCodes = ["KIS3"] },
        ], Ct);
        await arrange.AcceptReportAsync(contracts[0].ContractId, 2025, 0.95m, Ct);
        await arrange.AcceptReportAsync(contracts[1].ContractId, 2025, 0.6m, Ct);

        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official);
        await page.ClickAsync("[data-testid=nav-programme-dashboard]");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pulpit programu");
        await page.FillAsync("#dashboard-search", suffix);
        await page.ClickAsync("[data-testid=dashboard-search-submit]");

        await Assertions.Expect(page.Locator("[data-testid=dashboard-row-cluster]")).ToHaveTextAsync([$"Klaster Zielony {suffix}", $"Klaster Czerwony {suffix}", $"Klaster Nowy {suffix}"]);
        await Assertions.Expect(page.Locator("[data-testid=dashboard-row-percent]")).ToHaveTextAsync(["95%", "60%", "brak danych"]);
        await Assertions.Expect(page.Locator("[data-testid=dashboard-row-colour]")).ToHaveTextAsync(["✔ zielony", "✖ czerwony", "○ brak danych"]);
        await Assertions.Expect(page.Locator("[data-testid=summary-total] [data-testid=summary-count]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=summary-colour] [data-testid=summary-count]")).ToHaveTextAsync(["1", "0", "1", "1"]);
        await Assertions.Expect(page.Locator("[data-testid=summary-mean] [data-testid=summary-count]")).ToHaveTextAsync("77,5%");
        await Assertions.Expect(page.Locator("[data-testid=chart-colours] svg title")).ToHaveTextAsync("Kontrakty według koloru realizacji");
        await Assertions.Expect(page.Locator("[data-testid=chart-voivodeships] [data-testid=chart-bar]")).ToHaveCountAsync(16);
        await Ui.AssertAccessibleAsync(page, "programme dashboard");

        // The charts' tables open from the keyboard.
        var voivodeships = page.Locator("[data-testid=chart-voivodeships-table] table");
        await Assertions.Expect(voivodeships).Not.ToBeVisibleAsync();
        await page.Locator("[data-testid=chart-voivodeships-toggle]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(voivodeships).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=voivodeships-table-row][data-teryt='28'] [data-testid=voivodeships-table-mean]")).ToHaveTextAsync("95%");
        await Assertions.Expect(page.Locator("[data-testid=voivodeships-table-row][data-teryt='08'] [data-testid=voivodeships-table-count]")).ToHaveTextAsync("2");
        await page.Locator("[data-testid=chart-colours-toggle]").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=colours-table-row][data-colour=Red] [data-testid=colours-table-count]")).ToHaveTextAsync("1");
        await Ui.AssertAccessibleAsync(page, "programme dashboard, tables open");

        // A filter narrows the list, the figures and the export alike.
        await page.SelectOptionAsync("#dashboard-voivodeship", "08");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-row-cluster]")).ToHaveTextAsync([$"Klaster Czerwony {suffix}", $"Klaster Nowy {suffix}"]);
        await Assertions.Expect(page.Locator("[data-testid=summary-total] [data-testid=summary-count]")).ToHaveTextAsync("2");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=dashboard-export-xlsx]"));
        Assert.StartsWith("monitoring-kontraktow-", download.SuggestedFilename, StringComparison.Ordinal);
        await using (var file = await download.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, Ct);
            copy.Position = 0;
            var rows = MiniExcel.Query(copy, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal([$"Klaster Czerwony {suffix}", $"Klaster Nowy {suffix}"], rows.Select(r => r["Klaster"]?.ToString()));
        }

        await page.ClickAsync("[data-testid=dashboard-row-link] >> nth=0");
        await page.WaitForURLAsync(url => url.Contains($"/contracts/{contracts[1].ContractId}/achievement", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Realizacja kontraktu");
        await Assertions.Expect(page.Locator("[data-testid=achievement-percent]")).ToHaveTextAsync("60%");
        await Assertions.Expect(page.Locator("[data-testid=achievement-colour]")).ToHaveTextAsync("✖ czerwony");
        await Assertions.Expect(page.Locator("[data-testid=achievement-kpi]")).ToHaveCountAsync(6);
        var rd = page.Locator("[data-testid=achievement-kpi][data-code='KPI-RD']");
        await Assertions.Expect(rd.Locator("[data-testid=kpi-chart-year]")).ToHaveCountAsync(4);
        await Assertions.Expect(rd.Locator("svg title")).ToHaveTextAsync("Liczba projektów B+R z udziałem członków: cel i wykonanie według lat");
        await Assertions.Expect(rd.Locator("[data-testid=kpi-cumulative]")).ToHaveTextAsync("cel 10, wykonanie 6 — realizacja 60%");
        await rd.Locator("[data-testid=kpi-table-toggle]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rd.Locator("[data-testid=kpi-table-row][data-year='2025'] [data-testid=kpi-table-percent]")).ToHaveTextAsync("60%");
        await Ui.AssertAccessibleAsync(page, "contract achievement");
    }

    [Fact]
    public async Task The_coordinator_reads_his_contracts_achievement_in_english_and_nobody_elses()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = Arrange();
        var contracts = await arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = $"Cluster Amber {suffix}", OptionalKpis = ["KPI-CO2"] },
            new ContractShape { ClusterName = $"Cluster Other {suffix}" },
        ], Ct);
        await arrange.AcceptReportAsync(contracts[0].ContractId, 2025, 0.8m, Ct);
        var email = await TestLogins.GiveAsync(ui.Host.Services, contracts[0].CoordinatorUserId, Roles.Applicant, DemoData.Password);

        var page = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(page, email, $"/contracts/{contracts[0].ContractId}/achievement");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contract achievement");
        await Assertions.Expect(page.Locator("[data-testid=achievement-cluster]")).ToHaveTextAsync($"Cluster Amber {suffix}");
        await Assertions.Expect(page.Locator("[data-testid=achievement-colour]")).ToHaveTextAsync("▲ amber");
        await Assertions.Expect(page.Locator("[data-testid=achievement-reports]")).ToHaveTextAsync("Accepted annual reports: 1");
        await Assertions.Expect(page.Locator("[data-testid=achievement-year-version]")).ToHaveTextAsync(["1", "1", "1", "1"]);
        await Assertions.Expect(page.Locator("[data-testid=achievement-dashboard-link]")).ToHaveCountAsync(0);
        var rd = page.Locator("[data-testid=achievement-kpi][data-code='KPI-RD']");
        await Assertions.Expect(rd.Locator("h2")).ToContainTextAsync("R&D projects with members");
        await Assertions.Expect(rd.Locator("svg desc")).ToContainTextAsync("2025: target 10, actual 8, achievement 80%");
        var co2 = page.Locator("[data-testid=achievement-kpi][data-code='KPI-CO2']");
        await Assertions.Expect(co2).ToContainTextAsync("lower is better");
        await co2.Locator("[data-testid=kpi-table-toggle]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(co2.Locator("[data-testid=kpi-table-row][data-year='2026'] td").Nth(1)).ToHaveTextAsync("not reported");
        await Ui.AssertAccessibleAsync(page, "contract achievement (en)");

        // Another cluster's contract is not found, and the dashboard is for officials only.
        await page.GotoAsync($"/contracts/{contracts[1].ContractId}/achievement");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=achievement-missing]")).ToHaveTextAsync("The contract was not found.");
        await Assertions.Expect(page.Locator("[data-testid=nav-programme-dashboard]")).ToHaveCountAsync(0);
    }
}
