using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The formal review, correction and export endpoints over HTTP: role refusals, 404 for other people's, 400/409, files.</summary>
public sealed class FormalReviewApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2040;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid UserId)> ClientAsync(string role, string language = "en")
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

    private async Task<SubmittedApplication> SubmittedAsync(Guid? ownerId = null)
    {
        var applications = new SubmittedApplications(factory.Services, TimeProvider.System);
        var competitionId = await applications.CompetitionAsync(year: Interlocked.Increment(ref _year), cancellationToken: Ct);
        return await applications.SubmitAsync(competitionId, "Klaster Alfa", new ApplicationShape { OwnerUserId = ownerId }, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task The_openapi_document_names_the_formal_review_endpoints()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        var paths = document.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/competitions/{competitionId}/formal-review", paths);
        Assert.Contains("/api/v1/competitions/{competitionId}/applications/export", paths);
        Assert.Contains("/api/v1/applications/{applicationId}/formal-review/checks/{ruleCode}", paths);
        Assert.Contains("/api/v1/applications/{applicationId}/formal-review/correction-request", paths);
        Assert.Contains("/api/v1/applications/{applicationId}/correction/answer", paths);
        Assert.Contains("/api/v1/applications/{applicationId}/pdf", paths);
        var queue = document.GetProperty("/api/v1/competitions/{competitionId}/formal-review").GetProperty("get");
        Assert.Equal("ListFormalReviewQueue", queue.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(queue.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task An_applicant_cannot_reach_the_officials_endpoints()
    {
        var application = await SubmittedAsync();
        var (applicant, _) = await ClientAsync(Roles.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/competitions/{application.CompetitionId}/formal-review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/applications/{application.Id}/formal-review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/member_count", new { outcome = "Pass", version = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/acceptance", new { version = 1 }, Ct)).StatusCode);
        var export = await applicant.GetAsync($"/api/v1/competitions/{application.CompetitionId}/applications/export?format=csv", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(export)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/competitions/{application.CompetitionId}/formal-review", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_official_reviews_over_http_with_400_and_409_answers_naming_the_problem()
    {
        var application = await SubmittedAsync();
        var (official, _) = await ClientAsync(Roles.Official);

        var queue = await JsonAsync(await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/formal-review?status=Submitted&sortBy=Cluster&pageSize=10", Ct));
        Assert.Equal(1, queue.GetProperty("totalCount").GetInt32());
        var version = queue.GetProperty("items")[0].GetProperty("version").GetInt32();

        var review = await JsonAsync(await official.GetAsync($"/api/v1/applications/{application.Id}/formal-review", Ct));
        Assert.Equal("Met", review.GetProperty("rules")[1].GetProperty("preCheck").GetProperty("outcome").GetString());

        var noOutcome = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/member_count", new { version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.True((await JsonAsync(noOutcome)).GetProperty("errors").TryGetProperty("outcome", out _));

        var noComment = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/member_count", new { outcome = "Fail", version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await JsonAsync(noComment)).GetProperty("errors").TryGetProperty("comment", out _));

        var recorded = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/member_count", new { outcome = "Pass", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        version = (await JsonAsync(recorded)).GetProperty("version").GetInt32();

        var notAll = await official.PostAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/acceptance", new { version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notAll.StatusCode);
        var problem = await JsonAsync(notAll);
        Assert.Equal("application.formal_rules_not_passed", problem.GetProperty("code").GetString());
        Assert.Contains("cluster_age", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stale = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/cluster_age", new { outcome = "Pass", version = version - 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var noItems = await official.PostAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/correction-request", new { items = Array.Empty<object>(), version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noItems.StatusCode);
        Assert.True((await JsonAsync(noItems)).GetProperty("errors").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task Someone_elses_correction_is_404_and_the_owner_reads_and_opens_it()
    {
        var (owner, ownerId) = await ClientAsync(Roles.Applicant, "pl");
        var application = await SubmittedAsync(ownerId);
        var (official, _) = await ClientAsync(Roles.Official);
        foreach (var rule in new[] { "cluster_age", "member_count", "coordinator_identifiers", "mandatory_attachments" })
        {
            var current = (await JsonAsync(await official.GetAsync($"/api/v1/applications/{application.Id}/formal-review", Ct))).GetProperty("version").GetInt32();
            object body = rule == "mandatory_attachments"
                ? new { outcome = "Fixable", comment = "Statut bez podpisów.", version = current }
                : new { outcome = "Pass", version = current };
            Assert.Equal(HttpStatusCode.OK, (await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/checks/{rule}", body, Ct)).StatusCode);
        }

        var version = (await JsonAsync(await official.GetAsync($"/api/v1/applications/{application.Id}/formal-review", Ct))).GetProperty("version").GetInt32();
        var requested = await official.PostAsJsonAsync($"/api/v1/applications/{application.Id}/formal-review/correction-request",
            new { items = new[] { new { section = "attachments:Statute", description = "Statut bez podpisów." } }, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var (stranger, _) = await ClientAsync(Roles.Applicant);
        var strangers = await stranger.GetAsync($"/api/v1/applications/{application.Id}/correction", Ct);
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal("not_found", (await JsonAsync(strangers)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/applications/{application.Id}/correction/open", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/applications/{application.Id}/correction/answer", new { answer = "x", version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{application.Id}/pdf", Ct)).StatusCode);

        var opened = await owner.PostAsync($"/api/v1/applications/{application.Id}/correction/open", null, Ct);
        Assert.True((await JsonAsync(opened)).GetProperty("deliveryRecorded").GetBoolean());
        var correction = await JsonAsync(await owner.GetAsync($"/api/v1/applications/{application.Id}/correction", Ct));
        Assert.Equal("attachments:Statute", correction.GetProperty("correction").GetProperty("items")[0].GetProperty("section").GetString());
        Assert.True(correction.GetProperty("canAnswer").GetBoolean());

        var empty = await owner.PostAsJsonAsync($"/api/v1/applications/{application.Id}/correction/answer", new { answer = "", version = correction.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("answer", out _));
    }

    [Fact]
    public async Task Exports_answer_with_their_content_types_and_file_names()
    {
        var (owner, ownerId) = await ClientAsync(Roles.Applicant, "pl");
        var application = await SubmittedAsync(ownerId);
        var (official, _) = await ClientAsync(Roles.Official, "pl");

        var xlsx = await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/applications/export?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct)).Take(2));

        var csv = await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/applications/export?format=CSV", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType.CharSet);
        Assert.StartsWith("wnioski-", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Contains(application.Number, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var bad = await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/applications/export?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty("format", out _));

        foreach (var client in new[] { official, owner })
        {
            var pdf = await client.GetAsync($"/api/v1/applications/{application.Id}/pdf", Ct);
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{application.Number.Replace('/', '-')}.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
            Assert.Equal("%PDF-"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync(Ct)).Take(5));
        }
    }
}

public sealed class FormalReviewJobTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public void Overdue_corrections_are_rejected_by_an_hourly_job_in_warsaw_time()
    {
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "overdue-corrections");
        Assert.Equal("5 * * * *", job.Cron);
        Assert.Equal("Europe/Warsaw", job.TimeZoneId);
        Assert.Equal("OverdueCorrectionsJob", job.Job.Type.Name);
    }
}
