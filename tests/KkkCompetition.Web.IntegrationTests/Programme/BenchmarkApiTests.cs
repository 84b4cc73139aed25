using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using MiniExcelLibs;

namespace KkkCompetition.Web.IntegrationTests.Programme;

/// <summary>The benchmark report over HTTP, through the real host: the officials' report and files, the coordinator's individual report, refusals.</summary>
public sealed class BenchmarkApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each arrangement makes a competition of its own, and a year holds at most two.
    private static int _year = 2094;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role, string language = "pl")
    {
        var email = await factory.CreateUserAsync(role);
        return await SignedInAsync(email, language);
    }

    private async Task<HttpClient> SignedInAsync(string email, string language = "pl")
    {
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private async Task<IReadOnlyList<ArrangedContract>> ContractsAsync(string suffix) =>
        await new ContractArrange(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year)).CreateManyAsync(
        [
            new ContractShape { ClusterName = $"Klaster Porównywany {suffix}", Members = 4 },
            new ContractShape { ClusterName = $"Klaster Sąsiedni {suffix}", Members = 2 },
        ], Ct);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    [Fact]
    public async Task The_openapi_document_names_the_benchmark_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        var report = paths.GetProperty("/api/v1/programme/benchmark").GetProperty("get");
        Assert.Equal("GetBenchmarkReport", report.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("summary").GetString()));
        Assert.Equal("ExportBenchmarkReportXlsx", paths.GetProperty("/api/v1/programme/benchmark.xlsx").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("ExportBenchmarkReportPdf", paths.GetProperty("/api/v1/programme/benchmark.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetBenchmarkScopes", paths.GetProperty("/api/v1/programme/benchmark/scopes").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetMyBenchmarkReport", paths.GetProperty("/api/v1/my-benchmark").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("ExportMyBenchmarkReportPdf", paths.GetProperty("/api/v1/my-benchmark.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetMyBenchmarkScopes", paths.GetProperty("/api/v1/my-benchmark/scopes").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_official_reads_the_report_and_downloads_it_as_xlsx_and_pdf()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contracts = await ContractsAsync(suffix);
        var official = await ClientAsync(Roles.Official);

        var response = await official.GetAsync($"/api/v1/programme/benchmark?phaseId={contracts[0].PhaseId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Phase", body.GetProperty("scope").GetProperty("kind").GetString());
        var names = body.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("clusterName").GetString()).ToList();
        Assert.Contains($"Klaster Porównywany {suffix}", names);
        Assert.Contains($"Klaster Sąsiedni {suffix}", names);
        Assert.Equal(5, body.GetProperty("memberTypes").GetArrayLength());
        var scopes = await JsonAsync(await official.GetAsync("/api/v1/programme/benchmark/scopes", Ct));
        Assert.Contains(scopes.GetProperty("phases").EnumerateArray(), p => p.GetProperty("id").GetGuid() == contracts[0].PhaseId);

        var xlsx = await official.GetAsync($"/api/v1/programme/benchmark.xlsx?phaseId={contracts[0].PhaseId}", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["Podsumowanie", "Typy członków", "Wielkość przedsiębiorstw", "Największe klastry", "Pozycje"], MiniExcel.GetSheetNames(workbook));

        var english = await ClientAsync(Roles.Official, "en");
        var pdf = await english.GetAsync($"/api/v1/programme/benchmark.pdf?phaseId={contracts[0].PhaseId}", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Testing.Documents.PdfText.Flat(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Cluster benchmark report", text, StringComparison.Ordinal);
        Assert.Contains("Members by type", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scope_is_400_naming_the_field_and_an_unknown_phase_404()
    {
        var official = await ClientAsync(Roles.Official);

        var none = await official.GetAsync("/api/v1/programme/benchmark", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("phaseId", await FieldsAsync(none));
        var two = await official.GetAsync($"/api/v1/programme/benchmark?phaseId={Guid.NewGuid()}&date=2026-06-30", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Contains("date", await FieldsAsync(two));
        var badDate = await official.GetAsync("/api/v1/programme/benchmark.pdf?date=30.06.2026", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("date", await FieldsAsync(badDate));
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/programme/benchmark?phaseId={Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/programme/benchmark.xlsx?competitionId={Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_gets_only_his_own_position_and_others_are_refused()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contracts = await ContractsAsync(suffix);
        var email = await TestLogins.GiveAsync(factory.Services, contracts[0].CoordinatorUserId, Roles.Applicant, KkkWebFactory.Password);
        var coordinator = await SignedInAsync(email);

        var response = await coordinator.GetAsync($"/api/v1/my-benchmark?phaseId={contracts[0].PhaseId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal([$"Klaster Porównywany {suffix}"], body.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("clusterName").GetString()));
        Assert.Equal(0, body.GetProperty("largestClusters").GetArrayLength());
        var pdf = await coordinator.GetAsync($"/api/v1/my-benchmark.pdf?phaseId={contracts[0].PhaseId}", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Testing.Documents.PdfText.Flat(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"Klaster Porównywany {suffix}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Klaster Sąsiedni {suffix}", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/my-benchmark?phaseId={Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/v1/my-benchmark.pdf?date=2001-01-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/programme/benchmark?phaseId={contracts[0].PhaseId}", Ct)).StatusCode);

        var expert = await ClientAsync(Roles.Expert);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/programme/benchmark?phaseId={contracts[0].PhaseId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/my-benchmark?phaseId={contracts[0].PhaseId}", Ct)).StatusCode);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/programme/benchmark?phaseId={contracts[0].PhaseId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/my-benchmark.pdf?phaseId={contracts[0].PhaseId}", Ct)).StatusCode);
    }
}
