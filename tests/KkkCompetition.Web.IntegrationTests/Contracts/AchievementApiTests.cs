using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing.Contracts;
using MiniExcelLibs;

namespace KkkCompetition.Web.IntegrationTests.Contracts;

/// <summary>A contract's achievement and the programme dashboard with its export over HTTP, through the real host.</summary>
public sealed class AchievementApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each arrangement makes a competition of its own, and a year holds at most two.
    private static int _year = 2070;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role, string language = "pl")
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>Two active contracts of clusters named with <paramref name="suffix"/>: the first with its 2025 report accepted at 80%.</summary>
    private async Task<IReadOnlyList<ArrangedContract>> ContractsAsync(string suffix)
    {
        var arrange = new ContractArrange(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year));
        var contracts = await arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = $"Klaster Mierzony {suffix}", Voivodeship = "06" },
            new ContractShape { ClusterName = $"Klaster Czekający {suffix}", Voivodeship = "06" },
        ], Ct);
        await arrange.AcceptReportAsync(contracts[0].ContractId, 2025, 0.8m, Ct);
        return contracts;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task The_openapi_document_names_the_achievement_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        Assert.Equal("GetContractAchievement", paths.GetProperty("/api/v1/contracts/{contractId}/achievement").GetProperty("get").GetProperty("operationId").GetString());
        var dashboard = paths.GetProperty("/api/v1/programme/dashboard").GetProperty("get");
        Assert.Equal("GetProgrammeDashboard", dashboard.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(dashboard.GetProperty("summary").GetString()));
        Assert.Equal("ExportProgrammeDashboard", paths.GetProperty("/api/v1/programme/dashboard/export").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_official_reads_the_dashboard_filtered_and_an_applicant_is_forbidden()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contracts = await ContractsAsync(suffix);
        var official = await ClientAsync(Roles.Official);

        var response = await official.GetAsync($"/api/v1/programme/dashboard?search={suffix}&status=Active&status=Suspended&sortBy=Achievement&descending=true", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var items = body.GetProperty("contracts").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([contracts[0].Number, contracts[1].Number], items.Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(80m, items[0].GetProperty("achievementPercent").GetDecimal());
        Assert.Equal("Amber", items[0].GetProperty("colour").GetString());
        Assert.Equal("NoData", items[1].GetProperty("colour").GetString());
        Assert.Equal("lubelskie", items[0].GetProperty("voivodeshipName").GetString());
        Assert.Equal(["Active", "Suspended"], body.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        var summary = body.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("contracts").GetInt32());
        Assert.Equal(16, summary.GetProperty("voivodeships").GetArrayLength());

        var amber = await JsonAsync(await official.GetAsync($"/api/v1/programme/dashboard?search={suffix}&colour=Amber", Ct));
        Assert.Equal(1, amber.GetProperty("contracts").GetProperty("totalCount").GetInt32());

        var invalid = await official.GetAsync("/api/v1/programme/dashboard?voivodeship=mazowieckie", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await JsonAsync(invalid)).GetProperty("errors").TryGetProperty("voivodeship", out _));

        var applicant = await ClientAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/programme/dashboard", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/programme/dashboard/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/programme/dashboard", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_export_is_a_spreadsheet_with_a_row_per_contract_in_the_callers_language()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contracts = await ContractsAsync(suffix);
        var official = await ClientAsync(Roles.Official, "en");

        var response = await official.GetAsync($"/api/v1/programme/dashboard/export?format=xlsx&search={suffix}&colour=Amber", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("programme-dashboard-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(contracts[0].Number, row["Number"]?.ToString());
        Assert.Equal("amber", row["Colour"]?.ToString());
        Assert.Equal(80m, Convert.ToDecimal(row["Achievement (%)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(80m, Convert.ToDecimal(row["KPI-RD R&D projects with members (%)"], System.Globalization.CultureInfo.InvariantCulture));

        var csv = await official.GetAsync($"/api/v1/programme/dashboard/export?format=csv&search={suffix}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        var wrong = await official.GetAsync("/api/v1/programme/dashboard/export?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task A_contracts_achievement_is_read_by_an_official_and_is_not_found_for_another_applicant()
    {
        var contracts = await ContractsAsync(Guid.NewGuid().ToString("N")[..8]);
        var official = await ClientAsync(Roles.Official);

        var response = await official.GetAsync($"/api/v1/contracts/{contracts[0].ContractId}/achievement", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await JsonAsync(response);
        Assert.Equal(80m, view.GetProperty("percent").GetDecimal());
        Assert.Equal("Amber", view.GetProperty("colour").GetString());
        Assert.Equal(1, view.GetProperty("acceptedReports").GetInt32());
        var rd = view.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "KPI-RD");
        Assert.Equal("Sum", rd.GetProperty("aggregation").GetString());
        var first = rd.GetProperty("years")[0];
        Assert.Equal((2025, 10m, 8m, 80m), (first.GetProperty("year").GetInt32(), first.GetProperty("target").GetDecimal(), first.GetProperty("actual").GetDecimal(), first.GetProperty("percent").GetDecimal()));

        var other = await ClientAsync(Roles.Applicant);
        var refused = await other.GetAsync($"/api/v1/contracts/{contracts[0].ContractId}/achievement", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/contracts/{Guid.CreateVersion7()}/achievement", Ct)).StatusCode);
    }
}
