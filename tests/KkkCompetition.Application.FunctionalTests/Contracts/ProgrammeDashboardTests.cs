using System.Globalization;
using System.Text;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>The officials' programme dashboard over the stored achievement (filters, sorting, paging, the charts' figures) and its export.</summary>
public abstract class ProgrammeDashboardTests(DatabaseFixture database) : FunctionalTest(database)
{
    private ContractArrange Arrange => new(Services, Database.Clock);

    /// <summary>
    /// Alfa 100% (green), Beta 80% (amber), Gamma 50% (red), Delta without a report, Epsilon in phase 2 without a report; a
    /// terminated contract (Zeta) and a draft (Eta) that the dashboard leaves out unless asked for their statuses.
    /// </summary>
    private async Task<Dictionary<string, ArrangedContract>> ProgrammeAsync()
    {
        var contracts = await Arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = "Klaster Alfa", Voivodeship = "14", KisCodes = ["KIS1"] },
            new ContractShape { ClusterName = "Klaster Beta", Voivodeship = "14", KisCodes = ["KIS2"] },
            new ContractShape { ClusterName = "Klaster Gamma", Voivodeship = "12", KisCodes = ["KIS2", "KIS5"] },
            new ContractShape { ClusterName = "Klaster Delta", Voivodeship = "02", KisCodes = ["KIS1"] },
            new ContractShape { ClusterName = "Klaster Zeta", Voivodeship = "14", KisCodes = ["KIS1"] },
            new ContractShape { ClusterName = "Klaster Eta", Voivodeship = "14", Stage = ArrangedStage.CompleteDraft },
            new ContractShape { ClusterName = "Klaster Epsilon", Voivodeship = "12", PhaseStartsOn = new DateOnly(2029, 1, 1), PhaseNumber = 2, Today = new DateOnly(2029, 1, 2) },
        ], Ct);
        var named = new Dictionary<string, ArrangedContract>();
        string[] names = ["Alfa", "Beta", "Gamma", "Delta", "Zeta", "Eta", "Epsilon"];
        for (var i = 0; i < names.Length; i++)
        {
            named[names[i]] = contracts[i];
        }

        await Arrange.AcceptReportAsync(named["Alfa"].ContractId, 2025, 1m, Ct);
        await Arrange.AcceptReportAsync(named["Beta"].ContractId, 2025, 0.8m, Ct);
        await Arrange.AcceptReportAsync(named["Gamma"].ContractId, 2025, 0.5m, Ct);
        await Arrange.AcceptReportAsync(named["Zeta"].ContractId, 2025, 0.9m, Ct);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var zeta = await db.ProgrammeContracts.SingleAsync(c => c.Id == named["Zeta"].ContractId, Ct);
        var now = Database.Clock.GetUtcNow();
        zeta.Terminate("Klaster zaprzestał działalności.", WorkingDayCalendar.ToWarsawDate(now), now);
        await db.SaveChangesAsync(Ct);
        return named;
    }

    private Task<ProgrammeDashboard> DashboardAsync(GetProgrammeDashboard query) => Send(TestUsers.Official, query);

    private async Task<string[]> ClustersAsync(GetProgrammeDashboard query) => [.. (await DashboardAsync(query)).Contracts.Items.Select(c => c.ClusterName)];

    [Fact]
    public async Task The_dashboard_lists_contracts_in_force_or_completed_with_stored_achievement_colour_and_the_charts_figures()
    {
        var c = await ProgrammeAsync();

        var dashboard = await DashboardAsync(new GetProgrammeDashboard());

        Assert.Equal(["Klaster Alfa", "Klaster Beta", "Klaster Gamma", "Klaster Delta", "Klaster Epsilon"], dashboard.Contracts.Items.Select(i => i.ClusterName));
        Assert.Equal(5, dashboard.Contracts.TotalCount);
        Assert.Equal([ContractStatus.Active, ContractStatus.Suspended, ContractStatus.Completed], dashboard.Statuses);
        var alfa = dashboard.Contracts.Items[0];
        Assert.Equal(c["Alfa"].ContractId, alfa.ContractId);
        Assert.Equal(c["Alfa"].Number, alfa.Number);
        Assert.Equal(("14", "mazowieckie", 1, ContractStatus.Active), (alfa.VoivodeshipTeryt, alfa.VoivodeshipName, alfa.PhaseNumber, alfa.Status));
        Assert.Equal(["KIS1"], alfa.KisCodes);
        Assert.Equal((100m, DashboardColour.Green, 1), (alfa.AchievementPercent, alfa.Colour, alfa.AcceptedReports));
        Assert.Equal([DashboardColour.Green, DashboardColour.Amber, DashboardColour.Red, DashboardColour.NoData, DashboardColour.NoData], dashboard.Contracts.Items.Select(i => i.Colour));
        Assert.Equal(2, dashboard.Contracts.Items[4].PhaseNumber);

        var summary = dashboard.Summary;
        Assert.Equal(5, summary.Contracts);
        Assert.Equal([new(DashboardColour.Green, 1), new(DashboardColour.Amber, 1), new(DashboardColour.Red, 1), new(DashboardColour.NoData, 2)], summary.Colours);
        Assert.Equal(76.67m, summary.MeanPercent);
        Assert.Equal(16, summary.Voivodeships.Count);
        Assert.Equal(new VoivodeshipAchievement("14", "mazowieckie", 2, 2, 90m), summary.Voivodeships.Single(v => v.Teryt == "14"));
        Assert.Equal(new VoivodeshipAchievement("12", "małopolskie", 2, 1, 50m), summary.Voivodeships.Single(v => v.Teryt == "12"));
        Assert.Equal(new VoivodeshipAchievement("02", "dolnośląskie", 1, 0, null), summary.Voivodeships.Single(v => v.Teryt == "02"));
        Assert.Equal(new VoivodeshipAchievement("30", "wielkopolskie", 0, 0, null), summary.Voivodeships.Single(v => v.Teryt == "30"));
    }

    [Fact]
    public async Task The_dashboard_filters_sorts_and_pages_on_the_server_and_its_figures_follow_the_filters()
    {
        var c = await ProgrammeAsync();

        Assert.Equal(["Klaster Alfa", "Klaster Beta"], await ClustersAsync(new GetProgrammeDashboard(Voivodeship: "14")));
        Assert.Equal(["Klaster Beta", "Klaster Gamma"], await ClustersAsync(new GetProgrammeDashboard(Kis: "kis2")));
        Assert.Equal(["Klaster Epsilon"], await ClustersAsync(new GetProgrammeDashboard(PhaseId: c["Epsilon"].PhaseId)));
        Assert.Equal(["Klaster Delta", "Klaster Epsilon"], await ClustersAsync(new GetProgrammeDashboard(Colour: DashboardColour.NoData)));
        Assert.Equal(["Klaster Gamma"], await ClustersAsync(new GetProgrammeDashboard(Search: "GAM")));
        Assert.Equal(["Klaster Beta"], await ClustersAsync(new GetProgrammeDashboard(Search: c["Beta"].Number.ToLowerInvariant())));
        Assert.Equal(["Klaster Zeta"], await ClustersAsync(new GetProgrammeDashboard(Statuses: [ContractStatus.Terminated])));
        Assert.Equal(["Klaster Beta", "Klaster Zeta", "Klaster Eta"], await ClustersAsync(new GetProgrammeDashboard(Voivodeship: "14", Statuses: [ContractStatus.Draft, ContractStatus.Terminated, ContractStatus.Active], Search: "ta")));
        Assert.Equal(["Klaster Alfa"], await ClustersAsync(new GetProgrammeDashboard(Voivodeship: "14", Kis: "KIS1", Colour: DashboardColour.Green)));

        // Without a figure last, in either direction.
        Assert.Equal(["Klaster Gamma", "Klaster Beta", "Klaster Alfa", "Klaster Delta", "Klaster Epsilon"], await ClustersAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Achievement)));
        Assert.Equal(["Klaster Alfa", "Klaster Beta", "Klaster Gamma", "Klaster Epsilon", "Klaster Delta"], await ClustersAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Achievement, Descending: true)));
        Assert.Equal(["Klaster Gamma", "Klaster Epsilon", "Klaster Delta", "Klaster Beta", "Klaster Alfa"], await ClustersAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Cluster, Descending: true)));
        Assert.Equal(["Klaster Delta", "Klaster Gamma", "Klaster Epsilon", "Klaster Alfa", "Klaster Beta"], await ClustersAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Voivodeship)));
        Assert.Equal(["Klaster Epsilon", "Klaster Delta", "Klaster Gamma", "Klaster Beta", "Klaster Alfa"], await ClustersAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Number, Descending: true)));

        var second = await DashboardAsync(new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Cluster, Page: 2, PageSize: 2));
        Assert.Equal(["Klaster Delta", "Klaster Epsilon"], second.Contracts.Items.Select(i => i.ClusterName));
        Assert.Equal((5, 2, 2), (second.Contracts.TotalCount, second.Contracts.Page, second.Contracts.PageSize));

        // The charts' figures cover the filtered set, not the page.
        Assert.Equal(5, second.Summary.Contracts);
        var mazowieckie = await DashboardAsync(new GetProgrammeDashboard(Voivodeship: "14", PageSize: 1));
        Assert.Single(mazowieckie.Contracts.Items);
        Assert.Equal([1, 1, 0, 0], mazowieckie.Summary.Colours.Select(x => x.Count));
        Assert.Equal(90m, mazowieckie.Summary.MeanPercent);
        Assert.Equal(16, mazowieckie.Summary.Voivodeships.Count);
        Assert.Equal([2], mazowieckie.Summary.Voivodeships.Where(v => v.Contracts > 0).Select(v => v.Contracts));
        var terminated = await DashboardAsync(new GetProgrammeDashboard(Statuses: [ContractStatus.Terminated]));
        Assert.Equal([ContractStatus.Terminated], terminated.Statuses);
        Assert.Equal(90m, terminated.Summary.MeanPercent);

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => DashboardAsync(new GetProgrammeDashboard(Voivodeship: "mazowieckie")));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => DashboardAsync(new GetProgrammeDashboard(PageSize: 0)));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => DashboardAsync(new GetProgrammeDashboard(Statuses: [(ContractStatus)42])));
    }

    [Fact]
    public async Task The_export_has_a_row_per_filtered_contract_with_each_catalogue_kpis_cumulative_achievement()
    {
        var contracts = await Arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = "Klaster Eksportowy", Voivodeship = "14", KisCodes = ["KIS10", "KIS2"], OptionalKpis = ["KPI-CO2"] },
            new ContractShape { ClusterName = "Klaster Bez Sprawozdań", Voivodeship = "12" },
            new ContractShape { ClusterName = "Klaster Projektowy", Stage = ArrangedStage.CompleteDraft },
        ], Ct);
        await Arrange.AcceptReportAsync(contracts[0].ContractId, 2025, 1m, Ct);
        await Arrange.AcceptReportAsync(contracts[0].ContractId, 2026, 0.5m, Ct);

        var file = await Send(TestUsers.Official, new ExportProgrammeDashboard());

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        Assert.Equal("monitoring-kontraktow-2027-01-15.xlsx", file.FileName);
        var rows = MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [
                "Numer", "Klaster", "Koordynator", "Województwo", "KIS", "Faza", "Status", "Realizacja (%)", "Kolor", "Przyjęte sprawozdania roczne",
                "KPI-EMP Zatrudnienie w podmiotach członkowskich (%)", "KPI-FDI Pozyskane bezpośrednie inwestycje zagraniczne (%)",
                "KPI-INN Wdrożone innowacje produktowe i procesowe (%)", "KPI-MEM Liczba członków klastra (%)",
                "KPI-RD Liczba projektów B+R z udziałem członków (%)", "KPI-SME Udział MŚP w finansowaniu kaskadowym (%)",
                "KPI-CO2 Emisje CO2 członków (zakres 1 i 2) (%)", "KPI-INT Umowy i projekty międzynarodowe (%)",
                "KPI-PAT Zgłoszenia patentowe członków (%)", "KPI-SKL Staże, praktyki i uczestnicy szkoleń (%)",
            ],
            rows[0].Keys);
        var exported = rows[0];
        Assert.Equal(contracts[0].Number, exported["Numer"]?.ToString());
        Assert.Equal("Klaster Eksportowy", exported["Klaster"]?.ToString());
        Assert.Equal("Stowarzyszenie Klaster Eksportowy", exported["Koordynator"]?.ToString());
        Assert.Equal("mazowieckie", exported["Województwo"]?.ToString());
        Assert.Equal("KIS2, KIS10", exported["KIS"]?.ToString());
        Assert.Equal(1m, Number(exported["Faza"]));
        Assert.Equal("w realizacji", exported["Status"]?.ToString());
        Assert.Equal(decimal.Round(425m / 7, 2), Number(exported["Realizacja (%)"]));
        Assert.Equal("czerwony", exported["Kolor"]?.ToString());
        Assert.Equal(2m, Number(exported["Przyjęte sprawozdania roczne"]));
        Assert.Equal(75m, Number(exported["KPI-RD Liczba projektów B+R z udziałem członków (%)"]));
        Assert.Equal(50m, Number(exported["KPI-EMP Zatrudnienie w podmiotach członkowskich (%)"]));
        Assert.Equal(50m, Number(exported["KPI-CO2 Emisje CO2 członków (zakres 1 i 2) (%)"]));

        // A KPI the contract does not have, and a contract without an accepted report: empty cells.
        Assert.Null(Number(exported["KPI-INT Umowy i projekty międzynarodowe (%)"]));
        var empty = rows[1];
        Assert.Equal("Klaster Bez Sprawozdań", empty["Klaster"]?.ToString());
        Assert.Null(Number(empty["Realizacja (%)"]));
        Assert.Equal("brak danych", empty["Kolor"]?.ToString());
        Assert.Equal(0m, Number(empty["Przyjęte sprawozdania roczne"]));
        Assert.Null(Number(empty["KPI-RD Liczba projektów B+R z udziałem członków (%)"]));

        // The filters of the page apply; the headings follow the caller's language.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var english = await Send(TestUsers.Official, new ExportProgrammeDashboard(Voivodeship: "14"));
            Assert.Equal("programme-dashboard-2027-01-15.xlsx", english.FileName);
            var row = Assert.Single(MiniExcel.Query(new MemoryStream(english.Content), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
            Assert.Equal(("Klaster Eksportowy", "in force", "red"), (row["Cluster"]?.ToString(), row["Status"]?.ToString(), row["Colour"]?.ToString()));
            Assert.Equal(75m, Number(row["KPI-RD R&D projects with members (%)"]));

            var csv = await Send(TestUsers.Official, new ExportProgrammeDashboard(ListExportFormat.Csv, Colour: DashboardColour.NoData));
            Assert.Equal(("programme-dashboard-2027-01-15.csv", "text/csv; charset=utf-8"), (csv.FileName, csv.ContentType));
            var lines = Encoding.UTF8.GetString(csv.Content, 3, csv.Content.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Number;Cluster;Coordinator;Voivodeship;KIS;Phase;Status;Achievement (%);Colour;Accepted annual reports;KPI-EMP ", lines[0], StringComparison.Ordinal);
            Assert.Equal($"{contracts[1].Number};Klaster Bez Sprawozdań;Stowarzyszenie Klaster Bez Sprawozdań;małopolskie;KIS1;1;in force;;no data;0;;;;;;;;;;", lines[1]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static decimal? Number(object? cell) => cell is null or "" ? null : Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
}

public sealed class ProgrammeDashboardTestsOnSqlite(SqliteDatabaseFixture database) : ProgrammeDashboardTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ProgrammeDashboardTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ProgrammeDashboardTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
