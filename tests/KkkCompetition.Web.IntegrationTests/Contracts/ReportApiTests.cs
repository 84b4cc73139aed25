using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using KkkCompetition.Testing.Contracts;

namespace KkkCompetition.Web.IntegrationTests.Contracts;

/// <summary>
/// The report endpoints over HTTP through the real host (clock: today's date): an active contract of a 2025–2028 phase whose
/// 2025 report can be filed (late) and whose 2028 report's period has not ended. 200/201, 400 naming the field, 404 for
/// another applicant, 409 with the rule's code or a stale version, role refusals, evidence uploaded and downloaded.
/// </summary>
public sealed class ReportApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test's clusters apply to competitions of a year of their own: a year has at most two rounds.
    private static int _year = 2090;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(ArrangedContract Contract, HttpClient Coordinator, string CoordinatorEmail)
    {
        public Guid Report(int? year) => year is { } y ? Contract.ReportIds[y - 2025] : Contract.ReportIds[^1];
    }

    private static HttpClient Bearer(KkkWebFactory factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        return Bearer(factory, (await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password)).AccessToken);
    }

    /// <summary>An active contract whose coordinator (made by the arrangement) is given a login, and a client signed in as him.</summary>
    private async Task<Arranged> ContractAsync()
    {
        var contract = await new ContractArrange(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year)).CreateAsync(cancellationToken: Ct);
        var email = await TestLogins.GiveAsync(factory.Services, contract.CoordinatorUserId, Roles.Applicant, KkkWebFactory.Password);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        return new Arranged(contract, Bearer(factory, tokens.AccessToken), email);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    private static async Task<int> VersionAsync(HttpClient client, Guid reportId) =>
        (await JsonAsync(await client.GetAsync($"/api/v1/reports/{reportId}", Ct))).GetProperty("version").GetInt32();

    /// <summary>Every KPI at its target with the narrative; one SME disbursement.</summary>
    private static async Task<object> FullBodyAsync(HttpClient client, Guid reportId, string? nip = "5260250274", decimal? firstActual = null)
    {
        var view = await JsonAsync(await client.GetAsync($"/api/v1/reports/{reportId}", Ct));
        var lines = view.GetProperty("lines").EnumerateArray()
            .Select((l, i) => new { kpiCode = l.GetProperty("code").GetString(), actual = i == 0 && firstActual is { } given ? given : l.GetProperty("target").GetDecimal(), justification = (string?)null })
            .ToList();
        return new
        {
            lines,
            narrative = "Klaster zrealizował plan roku.",
            disbursements = new[] { new { recipientNip = nip, recipientName = "Mała Firma sp. z o.o.", size = "Small", amount = 120_000.50m } },
            version = view.GetProperty("version").GetInt32(),
        };
    }

    [Fact]
    public async Task The_openapi_document_names_the_report_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        foreach (var name in new[]
        {
            "GetContractSchedule", "ListMyKpiReports", "ListKpiReportsForReview", "GetKpiReport", "SaveKpiReport", "SubmitKpiReport", "AcceptKpiReport",
            "ReturnKpiReport", "UploadKpiReportEvidence", "DownloadKpiReportEvidence", "RemoveKpiReportEvidence",
        })
        {
            Assert.Contains($"\"{name}\"", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_schedule_and_the_report_are_the_coordinators_and_the_officials_and_404_for_another_applicant()
    {
        var a = await ContractAsync();
        var stranger = await ClientAsync(Roles.Applicant);
        var official = await ClientAsync(Roles.Official);
        var expert = await ClientAsync(Roles.Expert);
        var schedule = $"/api/v1/contracts/{a.Contract.ContractId}/reports";

        var mine = await a.Coordinator.GetAsync(schedule, Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var first = (await JsonAsync(mine)).GetProperty("reports")[0];
        Assert.Equal(("Annual", 2025, "NotStarted"), (first.GetProperty("kind").GetString(), first.GetProperty("year").GetInt32(), first.GetProperty("status").GetString()));
        Assert.True(first.GetProperty("daysOverdue").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync(schedule, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(schedule, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync(schedule, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(schedule, Ct)).StatusCode);

        var report = $"/api/v1/reports/{a.Report(2025)}";
        var view = await JsonAsync(await a.Coordinator.GetAsync(report, Ct));
        Assert.Equal((80m, 70m, true), (view.GetProperty("justificationBelowPercent").GetDecimal(), view.GetProperty("minimumSmeSharePercent").GetDecimal(), view.GetProperty("editable").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(report, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync(report, await FullBodyAsync(a.Coordinator, a.Report(2025)), Ct)).StatusCode);

        var my = await JsonAsync(await a.Coordinator.GetAsync("/api/v1/me/reports?onlyOpen=true&pageSize=2", Ct));
        Assert.Equal((5, 2), (my.GetProperty("totalCount").GetInt32(), my.GetProperty("items").GetArrayLength()));
        Assert.Equal(0, (await JsonAsync(await stranger.GetAsync("/api/v1/me/reports", Ct))).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Saving_answers_400_naming_the_field_409_with_the_rules_code_and_409_for_a_stale_version()
    {
        var a = await ContractAsync();
        var url = $"/api/v1/reports/{a.Report(2025)}";

        var negative = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025), firstActual: -3), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains(await FieldsAsync(negative), f => f.Equals("lines[0].actual", StringComparison.OrdinalIgnoreCase));

        var badNip = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025), nip: "1234567890"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badNip.StatusCode);
        Assert.Contains(await FieldsAsync(badNip), f => f.Equals("disbursements[0].recipientNip", StringComparison.OrdinalIgnoreCase));

        var notEnded = await a.Coordinator.PutAsJsonAsync($"/api/v1/reports/{a.Report(2028)}", await FullBodyAsync(a.Coordinator, a.Report(2028)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, notEnded.StatusCode);
        Assert.Equal("report.period_not_ended", await CodeAsync(notEnded));

        var saved = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025)), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = (await JsonAsync(saved)).GetProperty("version").GetInt32();
        var view = await JsonAsync(await a.Coordinator.GetAsync(url, Ct));
        Assert.Equal((100m, "Draft"), (view.GetProperty("smeSharePercent").GetDecimal(), view.GetProperty("status").GetString()));

        var stale = await a.Coordinator.PostAsJsonAsync($"{url}/submission", new { version = version - 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", await CodeAsync(stale));

        var submitted = await a.Coordinator.PostAsJsonAsync($"{url}/submission", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.True((await JsonAsync(submitted)).GetProperty("daysLate").GetInt32() > 0);

        var underReview = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, underReview.StatusCode);
        Assert.Equal("report.under_review", await CodeAsync(underReview));
    }

    [Fact]
    public async Task Review_returns_with_a_comment_then_accepts_and_refuses_the_coordinator_and_a_second_review()
    {
        var a = await ContractAsync();
        var official = await ClientAsync(Roles.Official);
        var url = $"/api/v1/reports/{a.Report(2025)}";
        var saved = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025)), Ct);
        var version = (await JsonAsync(await a.Coordinator.PostAsJsonAsync($"{url}/submission", new { version = (await JsonAsync(saved)).GetProperty("version").GetInt32() }, Ct)))
            .GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await a.Coordinator.GetAsync("/api/v1/reports", Ct)).StatusCode);
        var queue = await JsonAsync(await official.GetAsync("/api/v1/reports?status=Submitted&lateOnly=true&sort=DaysLate&descending=true&pageSize=200", Ct));
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == a.Report(2025));
        var badFilter = await official.GetAsync("/api/v1/reports?voivodeship=mazowieckie", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await a.Coordinator.PostAsJsonAsync($"{url}/acceptance", new { version }, Ct)).StatusCode);
        var noComment = await official.PostAsJsonAsync($"{url}/return", new { kpiComments = Array.Empty<object>(), comment = "", version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noComment.StatusCode);
        Assert.Equal("report.return_comments_required", await CodeAsync(noComment));

        var returned = await official.PostAsJsonAsync($"{url}/return", new { kpiComments = new[] { new { kpiCode = "KPI-RD", comment = "Podaj numery umów." } }, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        version = (await JsonAsync(returned)).GetProperty("version").GetInt32();
        var view = await JsonAsync(await a.Coordinator.GetAsync(url, Ct));
        Assert.Equal("Returned", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("lines").EnumerateArray(), l => l.GetProperty("reviewComment").GetString() == "Podaj numery umów.");

        var notSubmitted = await official.PostAsJsonAsync($"{url}/acceptance", new { version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notSubmitted.StatusCode);
        Assert.Equal("report.not_submitted", await CodeAsync(notSubmitted));

        var resubmitted = await a.Coordinator.PostAsJsonAsync($"{url}/submission", new { version }, Ct);
        version = (await JsonAsync(resubmitted)).GetProperty("version").GetInt32();
        var accepted = await official.PostAsJsonAsync($"{url}/acceptance", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(100m, (await JsonAsync(accepted)).GetProperty("achievementPercent").GetDecimal());

        var edit = await a.Coordinator.PutAsJsonAsync(url, await FullBodyAsync(a.Coordinator, a.Report(2025)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("report.accepted", await CodeAsync(edit));
    }

    [Fact]
    public async Task Evidence_is_uploaded_as_multipart_downloaded_by_api_and_browser_and_404_for_another_applicant()
    {
        var a = await ContractAsync();
        var stranger = await ClientAsync(Roles.Applicant);
        var official = await ClientAsync(Roles.Official);
        var url = $"/api/v1/reports/{a.Report(2025)}/evidence";
        var pdf = SampleFiles.Pdf("Lista projektów");

        var notMultipart = await a.Coordinator.PostAsync(url, new ByteArrayContent(pdf), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("file", await FieldsAsync(notMultipart));

        var exe = await a.Coordinator.PostAsync(url, Upload("dowod.pdf", SampleFiles.Exe()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, exe.StatusCode);
        Assert.Equal("attachment.type_not_allowed", await CodeAsync(exe));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(url, Upload("obcy.pdf", pdf), Ct)).StatusCode);
        var uploaded = await a.Coordinator.PostAsync(url, Upload("lista projektów.pdf", pdf), Ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidence = (await JsonAsync(uploaded)).GetProperty("evidence");
        var evidenceId = evidence.GetProperty("id").GetGuid();
        Assert.Equal(("lista projektów.pdf", "application/pdf"), (evidence.GetProperty("fileName").GetString(), evidence.GetProperty("contentType").GetString()));

        foreach (var reader in new[] { a.Coordinator, official })
        {
            var download = await reader.GetAsync($"{url}/{evidenceId}", Ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{url}/{evidenceId}", Ct)).StatusCode);

        // The browser's link, with the sign-in cookie.
        var link = evidence.GetProperty("link").GetString()!;
        Assert.Equal($"/files/reports/{a.Report(2025)}/evidence/{evidenceId}", link);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().GetAsync(link, Ct)).StatusCode);
        var browser = new BrowserSession(factory.CreateBrowser());
        await browser.SignInAsync(a.CoordinatorEmail, KkkWebFactory.Password);
        var viaCookie = await browser.Client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, viaCookie.StatusCode);
        Assert.Equal(pdf, await viaCookie.Content.ReadAsByteArrayAsync(Ct));

        var removed = await a.Coordinator.DeleteAsync($"{url}/{evidenceId}", Ct);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync($"{url}/{evidenceId}", Ct)).StatusCode);
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
