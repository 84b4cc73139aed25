using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests.Contracts;

/// <summary>Contracts over HTTP through the real host: 400 naming the field, 409 with the rule's code, 404 for another's contract, the PDF, the OpenAPI document.</summary>
public sealed class ContractApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test's clusters apply in a competition of their own year (a year holds at most two).
    private static int _year = 2070;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int ThisYear = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow).Year;

    private static ContractArrange Arrange(KkkWebFactory factory) => new(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year));

    private async Task<(HttpClient Client, Guid UserId)> ClientAsync(string role, string language = "pl")
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (client, id);
    }

    /// <summary>The arranged cluster's organisation passes to a user who signs in: he is then its coordinator.</summary>
    private async Task OwnAsync(Guid clusterId, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var organisationId = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.OrganisationId).SingleAsync(Ct);
        await db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerUserId, userId), Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<int> VersionAsync(HttpClient client, Guid contractId) =>
        (await JsonAsync(await client.GetAsync($"/api/v1/contracts/{contractId}", Ct))).GetProperty("version").GetInt32();

    private static async Task AssertConflictAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_contract_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        string Operation(string path, string method) => paths.GetProperty(path).GetProperty(method).GetProperty("operationId").GetString()!;
        Assert.Equal("GetProgrammeSettings", Operation("/api/v1/programme/settings", "get"));
        Assert.Equal("UpdateProgrammeSettings", Operation("/api/v1/programme/settings", "put"));
        Assert.Equal("ListContractCandidates", Operation("/api/v1/contracts/candidates", "get"));
        Assert.Equal("ListContracts", Operation("/api/v1/contracts", "get"));
        Assert.Equal("DraftContract", Operation("/api/v1/contracts", "post"));
        Assert.Equal("ListMyContracts", Operation("/api/v1/me/contracts", "get"));
        Assert.Equal("GetContract", Operation("/api/v1/contracts/{contractId}", "get"));
        Assert.Equal("GetContractVersion", Operation("/api/v1/contracts/{contractId}/versions/{number}", "get"));
        Assert.Equal("GetContractPdf", Operation("/api/v1/contracts/{contractId}/pdf", "get"));
        Assert.Equal("ChangeContractDates", Operation("/api/v1/contracts/{contractId}/dates", "put"));
        Assert.Equal("ChangeContractTerms", Operation("/api/v1/contracts/{contractId}/terms", "put"));
        Assert.Equal("SetContractBudget", Operation("/api/v1/contracts/{contractId}/budget", "put"));
        Assert.Equal("AddContractKpi", Operation("/api/v1/contracts/{contractId}/kpis", "post"));
        Assert.Equal("SetContractKpi", Operation("/api/v1/contracts/{contractId}/kpis/{code}", "put"));
        Assert.Equal("RemoveContractKpi", Operation("/api/v1/contracts/{contractId}/kpis/{code}", "delete"));
        Assert.Equal("SignContractAsCoordinator", Operation("/api/v1/contracts/{contractId}/coordinator-signature", "post"));
        Assert.Equal("SignContract", Operation("/api/v1/contracts/{contractId}/signature", "post"));
        Assert.Equal("ActivateContract", Operation("/api/v1/contracts/{contractId}/activation", "post"));
        Assert.Equal("SuspendContract", Operation("/api/v1/contracts/{contractId}/suspension", "post"));
        Assert.Equal("ResumeContract", Operation("/api/v1/contracts/{contractId}/resumption", "post"));
        Assert.Equal("CompleteContract", Operation("/api/v1/contracts/{contractId}/completion", "post"));
        Assert.Equal("TerminateContract", Operation("/api/v1/contracts/{contractId}/termination", "post"));
        Assert.Equal("ListContractAmendments", Operation("/api/v1/contracts/{contractId}/amendments", "get"));
        Assert.Equal("ProposeAmendment", Operation("/api/v1/contracts/{contractId}/amendments", "post"));
        Assert.Equal("ListPendingAmendments", Operation("/api/v1/amendments", "get"));
        Assert.Equal("ApproveAmendment", Operation("/api/v1/amendments/{amendmentId}/approval", "post"));
        Assert.Equal("RejectAmendment", Operation("/api/v1/amendments/{amendmentId}/rejection", "post"));
        Assert.Contains("budget.sme_share_below_minimum", paths.GetProperty("/api/v1/contracts/{contractId}/budget").GetProperty("put").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("amendment.past_period", paths.GetProperty("/api/v1/contracts/{contractId}/amendments").GetProperty("post").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_drafts_and_edits_a_plan_bad_input_names_the_field_and_a_broken_rule_or_stale_version_is_409()
    {
        var (official, _) = await ClientAsync(Roles.Official, "en");
        var arrange = Arrange(factory);
        var existing = await arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Istniejący" }, Ct);
        var status = await new CertifiedClusters(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year)).GrantAsync(new CertifiedShape { ClusterName = "Klaster HTTP", Voivodeship = "22" }, Ct);

        var candidates = await JsonAsync(await official.GetAsync($"/api/v1/contracts/candidates?phaseId={existing.PhaseId}", Ct));
        Assert.Contains(candidates.GetProperty("items").EnumerateArray(), c => c.GetProperty("statusId").GetGuid() == status.StatusId);
        var created = await official.PostAsJsonAsync("/api/v1/contracts", new { kkkStatusId = status.StatusId, phaseId = existing.PhaseId }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contractId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/contracts/{contractId}", created.Headers.Location!.OriginalString);
        await AssertConflictAsync(await official.PostAsJsonAsync("/api/v1/contracts", new { kkkStatusId = status.StatusId, phaseId = existing.PhaseId }, Ct), "contract.already_exists");

        var view = await JsonAsync(await official.GetAsync($"/api/v1/contracts/{contractId}", Ct));
        Assert.Equal(("Draft", "Zarząd Województwa Pomorskiego"), (view.GetProperty("status").GetString(), view.GetProperty("regionPartyPl").GetString()));
        var version = view.GetProperty("version").GetInt32();

        var negative = await official.PutAsJsonAsync($"/api/v1/contracts/{contractId}/kpis/KPI-RD", new { weight = 1, targets = new[] { new { year = 2025, value = 3 }, new { year = 2026, value = -1 } }, version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(["targets[1].value"], (await JsonAsync(negative)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var budget = new { year = 2025, staff = 1000, office = 0, networking = 0, strategy = 0, cascadePool = 1000, cascadeSme = 699 };
        var below = await official.PutAsJsonAsync($"/api/v1/contracts/{contractId}/budget", new { years = new[] { budget }, version }, Ct);
        await AssertConflictAsync(below, "budget.sme_share_below_minimum");
        Assert.Contains("69.9", (await JsonAsync(below)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var negativeBudget = await official.PutAsJsonAsync($"/api/v1/contracts/{contractId}/budget", new { years = new[] { budget with { cascadeSme = 700 }, budget with { year = 2026, cascadeSme = -1 } }, version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negativeBudget.StatusCode);
        Assert.Equal(["years[1].cascadeSme"], (await JsonAsync(negativeBudget)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        await AssertConflictAsync(await official.DeleteAsync($"/api/v1/contracts/{contractId}/kpis/KPI-RD?version={version}", Ct), "contract.kpi_mandatory");
        var added = await official.PostAsJsonAsync($"/api/v1/contracts/{contractId}/kpis", new { code = "KPI-PAT", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var next = (await JsonAsync(added)).GetProperty("version").GetInt32();
        await AssertConflictAsync(await official.PutAsJsonAsync($"/api/v1/contracts/{contractId}/budget", new { years = new[] { budget with { cascadeSme = 700 } }, version }, Ct), "concurrency.stale_version");
        var saved = await official.PutAsJsonAsync($"/api/v1/contracts/{contractId}/budget", new { years = new[] { budget with { cascadeSme = 700 } }, version = next }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var plan = (await JsonAsync(await official.GetAsync($"/api/v1/contracts/{contractId}", Ct))).GetProperty("plan");
        Assert.Contains(plan.GetProperty("kpis").EnumerateArray(), k => k.GetProperty("code").GetString() == "KPI-PAT");
        var year = Assert.Single(plan.GetProperty("budget").EnumerateArray());
        Assert.Equal((70m, 1000m), (year.GetProperty("smeSharePercent").GetDecimal(), year.GetProperty("institutional").GetDecimal()));

        var list = await JsonAsync(await official.GetAsync("/api/v1/contracts?status=Draft&voivodeship=22&sortBy=ClusterName", Ct));
        Assert.Equal([contractId], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var invalid = await official.GetAsync("/api/v1/contracts?voivodeship=pomorskie", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task An_applicant_reads_and_signs_his_own_contract_and_gets_404_for_another_clusters()
    {
        var (official, _) = await ClientAsync(Roles.Official);
        var (applicant, applicantId) = await ClientAsync(Roles.Applicant);
        var arrange = Arrange(factory);
        var mine = await arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Własny", Stage = ArrangedStage.CompleteDraft }, Ct);
        var theirs = await arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Cudzy", Stage = ArrangedStage.CompleteDraft }, Ct);
        await OwnAsync(mine.ClusterId, applicantId);

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/contracts/{theirs.ContractId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/contracts/{theirs.ContractId}/pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/contracts/{theirs.ContractId}/versions/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsJsonAsync($"/api/v1/contracts/{theirs.ContractId}/coordinator-signature", new { version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/contracts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/contracts/{mine.ContractId}/signature", new { signedOn = "2026-01-01", version = 0 }, Ct)).StatusCode);

        var own = await JsonAsync(await applicant.GetAsync("/api/v1/me/contracts", Ct));
        Assert.Equal([mine.ContractId], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var version = await VersionAsync(applicant, mine.ContractId);
        var signed = await applicant.PostAsJsonAsync($"/api/v1/contracts/{mine.ContractId}/coordinator-signature", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        version = (await JsonAsync(signed)).GetProperty("version").GetInt32();

        var noDay = await official.PostAsJsonAsync($"/api/v1/contracts/{mine.ContractId}/signature", new { version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDay.StatusCode);
        Assert.True((await JsonAsync(noDay)).GetProperty("errors").TryGetProperty("signedOn", out _));
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/v1/contracts/{mine.ContractId}/signature", new { signedOn = today, version }, Ct)).StatusCode);

        var view = await JsonAsync(await applicant.GetAsync($"/api/v1/contracts/{mine.ContractId}", Ct));
        Assert.Equal(("Signed", today), (view.GetProperty("status").GetString(), view.GetProperty("signedOn").GetString()));
        Assert.Equal($"/contracts/{mine.ContractId}/schedule", view.GetProperty("links").GetProperty("schedule").GetString());
        await AssertConflictAsync(
            await official.PostAsJsonAsync($"/api/v1/contracts/{mine.ContractId}/suspension", new { reason = "Powód zawieszenia kontraktu.", version = view.GetProperty("version").GetInt32() }, Ct),
            "contract.transition_not_allowed");
    }

    [Fact]
    public async Task Amendments_over_http_refuse_a_past_period_make_a_new_version_and_every_version_prints()
    {
        var (official, _) = await ClientAsync(Roles.Official);
        var (applicant, applicantId) = await ClientAsync(Roles.Applicant);
        var arranged = await Arrange(factory).CreateAsync(new ContractShape { ClusterName = "Klaster Aneksowy" }, Ct);
        await OwnAsync(arranged.ClusterId, applicantId);
        var version = await VersionAsync(applicant, arranged.ContractId);
        const string reason = "Rozszerzenie klastra wymaga zmiany celów i budżetu.";

        // The phase runs 2025–2028; a year before this one has ended, the last year has not.
        var past = await applicant.PostAsJsonAsync($"/api/v1/contracts/{arranged.ContractId}/amendments",
            new { reason, targets = new[] { new { kpiCode = "KPI-RD", year = ThisYear - 1, value = 99 } }, budget = Array.Empty<object>(), version }, Ct);
        await AssertConflictAsync(past, "amendment.past_period");
        var negative = await applicant.PostAsJsonAsync($"/api/v1/contracts/{arranged.ContractId}/amendments",
            new { reason, targets = new[] { new { kpiCode = "KPI-RD", year = 2028, value = -2 } }, budget = Array.Empty<object>(), version }, Ct);
        Assert.Equal(["targets[0].value"], (await JsonAsync(negative)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var proposed = await applicant.PostAsJsonAsync($"/api/v1/contracts/{arranged.ContractId}/amendments",
            new { reason, targets = new[] { new { kpiCode = "KPI-RD", year = 2028, value = 15 } }, budget = Array.Empty<object>(), version }, Ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var amendment = await JsonAsync(proposed);
        var amendmentId = amendment.GetProperty("id").GetGuid();
        var queue = await JsonAsync(await official.GetAsync("/api/v1/amendments", Ct));
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == amendmentId);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/amendments/{amendmentId}/approval", new { version = 0 }, Ct)).StatusCode);

        var approved = await official.PostAsJsonAsync($"/api/v1/amendments/{amendmentId}/approval", new { version = amendment.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(2, (await JsonAsync(approved)).GetProperty("resultingVersion").GetInt32());

        var history = await JsonAsync(await applicant.GetAsync($"/api/v1/contracts/{arranged.ContractId}/amendments", Ct));
        Assert.Equal("Approved", Assert.Single(history.EnumerateArray()).GetProperty("state").GetString());
        var first = await JsonAsync(await applicant.GetAsync($"/api/v1/contracts/{arranged.ContractId}/versions/1", Ct));
        Assert.Equal(10m, first.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "KPI-RD").GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("year").GetInt32() == 2028).GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/contracts/{arranged.ContractId}/versions/3", Ct)).StatusCode);

        var current = await applicant.GetAsync($"/api/v1/contracts/{arranged.ContractId}/pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("application/pdf", current.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-v2.pdf", current.Content.Headers.ContentDisposition?.FileNameStar ?? current.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var currentText = PdfText.Flat(await current.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(arranged.Number, currentText, StringComparison.Ordinal);
        Assert.Contains("Minister właściwy do spraw gospodarki", currentText, StringComparison.Ordinal);
        Assert.Contains("2 z 2", currentText, StringComparison.Ordinal);
        var earlier = await official.GetAsync($"/api/v1/contracts/{arranged.ContractId}/pdf?version=1", Ct);
        Assert.Contains("1 z 2", PdfText.Flat(await earlier.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/contracts/{arranged.ContractId}/pdf?version=9", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_programme_settings_are_read_and_changed_by_officials_with_their_rules()
    {
        var (official, _) = await ClientAsync(Roles.Official, "en");
        var (applicant, _) = await ClientAsync(Roles.Applicant);

        var settings = await JsonAsync(await official.GetAsync("/api/v1/programme/settings", Ct));
        Assert.Equal(31, settings.GetProperty("terms").GetProperty("annualDueDay").GetInt32());
        var version = settings.GetProperty("version").GetInt32();

        var invalid = await official.PutAsJsonAsync("/api/v1/programme/settings",
            new { annualDueMonth = 2, annualDueDay = 30, finalDueDays = 90, justificationBelowPercent = 80, greenFromPercent = 90, amberFromPercent = 70, version }, Ct);
        await AssertConflictAsync(invalid, "settings.due_day_invalid");
        var changed = await official.PutAsJsonAsync("/api/v1/programme/settings",
            new { annualDueMonth = 4, annualDueDay = 30, finalDueDays = 60, justificationBelowPercent = 75, greenFromPercent = 85, amberFromPercent = 65, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(85m, (await JsonAsync(changed)).GetProperty("bands").GetProperty("greenFromPercent").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/programme/settings", Ct)).StatusCode);
    }
}

public sealed class ContractJobTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public void Signed_contracts_are_put_in_force_by_a_nightly_job_in_warsaw_time()
    {
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "contract-activation");
        Assert.Equal("20 0 * * *", job.Cron);
        Assert.Equal("Europe/Warsaw", job.TimeZoneId);
        Assert.Equal("ContractActivationJob", job.Job.Type.Name);
    }
}
