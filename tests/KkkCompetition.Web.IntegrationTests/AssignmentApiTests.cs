using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The assignment endpoints over HTTP: role refusals, 404 for someone else's assignment, 400 naming fields, 409 codes.</summary>
public sealed class AssignmentApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2060;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AssignmentArrange Arrange => new(factory.Services, TimeProvider.System);

    private async Task<(HttpClient Client, Guid UserId)> ClientAsync(string role, string language = "en")
    {
        var (client, _, id) = await SessionAsync(role, language);
        return (client, id);
    }

    /// <summary>A user of <paramref name="role"/> signed in twice over: a bearer client for the API, and the browser (cookie) that signed in for it.</summary>
    private async Task<(HttpClient Client, BrowserSession Browser, Guid UserId)> SessionAsync(string role, string language = "en")
    {
        var email = await factory.CreateUserAsync(role);
        var browser = new BrowserSession(factory.CreateBrowser());
        var tokens = await browser.AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (client, browser, id);
    }

    /// <summary>An expert of the pool who signs in: an account with the expert role, linked to a pool entry.</summary>
    private async Task<(HttpClient Client, PoolExpert Expert)> ExpertClientAsync(string name, ExpertShape? shape = null)
    {
        var (client, _, expert) = await ExpertSessionAsync(name, shape);
        return (client, expert);
    }

    private async Task<(HttpClient Client, BrowserSession Browser, PoolExpert Expert)> ExpertSessionAsync(string name, ExpertShape? shape = null)
    {
        var (client, browser, userId) = await SessionAsync(Roles.Expert);
        var expert = await Arrange.ExpertAsync(name, (shape ?? new ExpertShape()) with { UserId = userId }, Ct);
        return (client, browser, expert);
    }

    private async Task<(Guid CompetitionId, SubmittedApplication Application)> AcceptedAsync(ApplicationShape? shape = null)
    {
        var competitionId = await Arrange.CompetitionAsync(year: Interlocked.Increment(ref _year), cancellationToken: Ct);
        return (competitionId, await Arrange.AcceptedAsync(competitionId, "Klaster Alfa", shape, Ct));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_openapi_document_names_the_assignment_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/competitions/{competitionId}/assignments", names);
        Assert.Contains("/api/v1/competitions/{competitionId}/assignments/runs", names);
        Assert.Contains("/api/v1/competitions/{competitionId}/assignments/overdue", names);
        Assert.Contains("/api/v1/competitions/{competitionId}/assignments/pins", names);
        Assert.Contains("/api/v1/assignments/{assignmentId}/declaration", names);
        Assert.Contains("/api/v1/assignments/{assignmentId}/conflict", names);
        Assert.Contains("/api/v1/me/assignments", names);
        var download = paths.GetProperty("/api/v1/assignments/{assignmentId}/attachments/{attachmentId}").GetProperty("get");
        Assert.Equal("DownloadAssignedAttachment", download.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(download.GetProperty("summary").GetString()));
        Assert.DoesNotContain(names, n => n.StartsWith("/files", StringComparison.Ordinal));
        var run = paths.GetProperty("/api/v1/competitions/{competitionId}/assignments/runs").GetProperty("post");
        Assert.Equal("RunAssignment", run.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(run.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Only_officials_run_and_see_the_assignment_and_only_experts_declare()
    {
        var (competitionId, _) = await AcceptedAsync();
        var (applicant, _) = await ClientAsync(Roles.Applicant);
        var (expert, _) = await ExpertClientAsync("Ekspert Bez Uprawnień");

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/v1/competitions/{competitionId}/assignments/runs", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/competitions/{competitionId}/assignments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/competitions/{competitionId}/assignments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/me/assignments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync($"/api/v1/competitions/{competitionId}/assignments/runs", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_official_runs_and_decides_with_400_and_409_answers_naming_the_problem()
    {
        var (competitionId, application) = await AcceptedAsync();
        var nips = await Arrange.NipsAsync(application.Id, Ct);
        var conflicted = await Arrange.ExpertAsync("Ekspert Konfliktowy", new ExpertShape { AffiliationNips = [nips.Members[2]] }, Ct);
        var experts = await Arrange.ExpertsAsync([("Ekspert Pierwszy", new ExpertShape()), ("Ekspert Drugi", new ExpertShape())], Ct);
        Assert.Equal(2, experts.Count);
        var (official, _) = await ClientAsync(Roles.Official, "pl");

        var run = await OkAsync(await official.PostAsync($"/api/v1/competitions/{competitionId}/assignments/runs", null, Ct));
        Assert.Equal(2, run.GetProperty("pairs").GetArrayLength());
        Assert.Equal(0, run.GetProperty("shortfalls").GetArrayLength());
        var pair = run.GetProperty("pairs")[0];
        Assert.True(pair.GetProperty("reasons").GetProperty("otherVoivodeship").GetBoolean());

        var board = await OkAsync(await official.GetAsync($"/api/v1/competitions/{competitionId}/assignments?filter=Complete&sortBy=Cluster", Ct));
        Assert.Equal(1, board.GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, board.GetProperty("applications").GetProperty("items")[0].GetProperty("assignments").GetArrayLength());

        var missing = await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments/pins", new { applicationId = application.Id }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await JsonAsync(missing)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("expertId", out _));
        Assert.True(errors.TryGetProperty("reason", out _));

        var conflict = await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments", new { applicationId = application.Id, expertId = conflicted.Id }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await JsonAsync(conflict);
        Assert.Equal("assignment.conflict_of_interest", problem.GetProperty("code").GetString());
        Assert.Equal(nips.Members[2], problem.GetProperty("nip").GetString());
        Assert.Contains(nips.Members[2], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var active = await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments/prohibitions",
            new { applicationId = application.Id, expertId = pair.GetProperty("expertId").GetGuid(), reason = "Wspólny projekt." }, Ct);
        Assert.Equal("assignment.pair_active", (await JsonAsync(active)).GetProperty("code").GetString());
        var forbid = await OkAsync(await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments/prohibitions",
            new { applicationId = application.Id, expertId = conflicted.Id, reason = "Na wszelki wypadek." }, Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await official.DeleteAsync($"/api/v1/competitions/{competitionId}/assignments/overrides/{forbid.GetProperty("overrideId").GetGuid()}", Ct)).StatusCode);

        // Another competition's application is not there; an unknown competition neither.
        var (otherCompetition, _) = await AcceptedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsJsonAsync($"/api/v1/competitions/{otherCompetition}/assignments", new { applicationId = application.Id, expertId = experts[0].Id }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/competitions/{Guid.NewGuid()}/assignments", Ct)).StatusCode);

        var release = await official.PostAsJsonAsync($"/api/v1/assignments/{pair.GetProperty("assignmentId").GetGuid()}/release", new { version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, release.StatusCode);
        Assert.True((await JsonAsync(release)).GetProperty("errors").TryGetProperty("reason", out _));
        var overdue = await OkAsync(await official.GetAsync($"/api/v1/competitions/{competitionId}/assignments/overdue", Ct));
        Assert.Equal(0, overdue.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_expert_signs_his_own_declaration_and_reads_the_application_only_then()
    {
        var (competitionId, application) = await AcceptedAsync();
        var (mine, me) = await ExpertClientAsync("Ekspert Mój");
        var (theirs, them) = await ExpertClientAsync("Ekspert Cudzy");
        var (official, _) = await ClientAsync(Roles.Official);

        // The pool is shared by the tests of this host: pins make the two the application's experts whatever else is in it.
        foreach (var expert in new[] { me, them })
        {
            await OkAsync(await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments/pins", new { applicationId = application.Id, expertId = expert.Id, reason = "Test." }, Ct));
        }

        var run = await OkAsync(await official.PostAsync($"/api/v1/competitions/{competitionId}/assignments/runs", null, Ct));
        Assert.All(run.GetProperty("pairs").EnumerateArray(), p => Assert.True(p.GetProperty("reasons").GetProperty("pinned").GetBoolean()));

        var list = await OkAsync(await mine.GetAsync("/api/v1/me/assignments?onlyOpen=true", Ct));
        var item = list.GetProperty("items")[0];
        Assert.Equal(application.Number, item.GetProperty("applicationNumber").GetString());
        var id = item.GetProperty("assignmentId").GetGuid();
        var version = item.GetProperty("version").GetInt32();

        var before = await OkAsync(await mine.GetAsync($"/api/v1/assignments/{id}/application", Ct));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("content").ValueKind);
        Assert.Equal("Klaster Alfa", before.GetProperty("summary").GetProperty("clusterName").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/assignments/{id}/application", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/v1/assignments/{id}/declaration", new { version }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/v1/assignments/{Guid.NewGuid()}/application", Ct)).StatusCode);
        var stale = await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/declaration", new { version = version + 5 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var signed = await OkAsync(await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/declaration", new { version }, Ct));
        var twice = await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/declaration", new { version = signed.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal("evaluation.declaration_not_pending", (await JsonAsync(twice)).GetProperty("code").GetString());
        var after = await OkAsync(await mine.GetAsync($"/api/v1/assignments/{id}/application", Ct));
        Assert.Equal(60, after.GetProperty("content").GetProperty("members").GetArrayLength());

        var noReason = await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/conflict", new { reason = "", version = signed.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        await OkAsync(await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/conflict", new { reason = "Doradzałem koordynatorowi.", version = signed.GetProperty("version").GetInt32() }, Ct));
        Assert.Equal(me.Id, await ExpertOfAsync(id));
        var closed = await OkAsync(await mine.GetAsync($"/api/v1/assignments/{id}/application", Ct));
        Assert.Equal(("ConflictDeclared", JsonValueKind.Null), (closed.GetProperty("status").GetString(), closed.GetProperty("content").ValueKind));
    }

    [Fact]
    public async Task The_conflicts_view_is_for_officials_with_404_for_an_unknown_competition_and_400_naming_the_page_size()
    {
        var (competitionId, application) = await AcceptedAsync();
        var nips = await Arrange.NipsAsync(application.Id, Ct);
        var conflicted = await Arrange.ExpertAsync("Ekspert Powiązany", new ExpertShape { AffiliationNips = [nips.Coordinator] }, Ct);
        var (official, _) = await ClientAsync(Roles.Official);
        var (applicant, _) = await ClientAsync(Roles.Applicant);
        var (expert, _) = await ExpertClientAsync("Ekspert Wścibski");
        var path = $"/api/v1/competitions/{competitionId}/conflicts";

        var list = await OkAsync(await official.GetAsync($"{path}?kind=Automatic&expert=powi&sortBy=Application&descending=true&page=1&pageSize=10", Ct));
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        var row = list.GetProperty("items")[0];
        Assert.Equal(("Automatic", conflicted.Id, application.Number, nips.Coordinator), (row.GetProperty("kind").GetString(), row.GetProperty("expertId").GetGuid(),
            row.GetProperty("applicationNumber").GetString(), row.GetProperty("nip").GetString()));
        Assert.Equal(("Coordinator", "Stowarzyszenie Klaster Alfa"), (row.GetProperty("nipHolder").GetProperty("kind").GetString(), row.GetProperty("nipHolder").GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/competitions/{Guid.NewGuid()}/conflicts", Ct)).StatusCode);
        var badPage = await official.GetAsync($"{path}?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.True((await JsonAsync(badPage)).GetProperty("errors").TryGetProperty("pageSize", out _));

        var operation = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement
            .GetProperty("paths").GetProperty("/api/v1/competitions/{competitionId}/conflicts").GetProperty("get");
        Assert.Equal("ListCompetitionConflicts", operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_expert_downloads_the_files_of_his_assignment_over_the_api_and_in_the_browser_and_nobody_else_does()
    {
        var (competitionId, application) = await AcceptedAsync(new ApplicationShape { StoreAttachmentFiles = true });
        var (mine, mineBrowser, me) = await ExpertSessionAsync("Ekspert Czytający");
        var (theirs, theirsBrowser, them) = await ExpertSessionAsync("Ekspert Obok");
        var (official, _) = await ClientAsync(Roles.Official);
        var (applicant, _) = await ClientAsync(Roles.Applicant);
        foreach (var expert in new[] { me, them })
        {
            await OkAsync(await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/assignments/pins", new { applicationId = application.Id, expertId = expert.Id, reason = "Test." }, Ct));
        }

        await OkAsync(await official.PostAsync($"/api/v1/competitions/{competitionId}/assignments/runs", null, Ct));
        var item = (await OkAsync(await mine.GetAsync("/api/v1/me/assignments?onlyOpen=true", Ct))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("applicationNumber").GetString() == application.Number);
        var id = item.GetProperty("assignmentId").GetGuid();
        var fileId = await Read(db => db.Applications.Where(a => a.Id == application.Id).SelectMany(a => a.Attachments).Where(f => f.Kind == AttachmentKind.Statute).Select(f => f.Id).SingleAsync(Ct));
        var api = $"/api/v1/assignments/{id}/attachments/{fileId}";
        var cookie = $"/files/assignments/{id}/attachments/{fileId}";

        // Before the declaration there is nothing to download.
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync(api, Ct)).StatusCode);

        await OkAsync(await mine.PostAsJsonAsync($"/api/v1/assignments/{id}/declaration", new { version = item.GetProperty("version").GetInt32() }, Ct));
        var listed = (await OkAsync(await mine.GetAsync($"/api/v1/assignments/{id}/application", Ct))).GetProperty("content").GetProperty("attachments").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == nameof(AttachmentKind.Statute));
        Assert.Equal(fileId, listed.GetProperty("id").GetGuid());

        var expected = SubmittedApplications.AttachmentContent(application.ClusterName, AttachmentKind.Statute);
        foreach (var download in new[] { await mine.GetAsync(api, Ct), await mineBrowser.Client.GetAsync(cookie, Ct) })
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Statute.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
            Assert.Equal(expected, await download.Content.ReadAsByteArrayAsync(Ct));
        }

        // Another expert of the same application, with his own assignment, cannot use this one; other roles may not ask at all.
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirsBrowser.Client.GetAsync(cookie, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/v1/assignments/{id}/attachments/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(api, Ct)).StatusCode);
        var anonymous = await factory.CreateBrowser().GetAsync(cookie, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<T> Read<T>(Func<KkkDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KkkDbContext>());
    }

    private async Task<Guid> ExpertOfAsync(Guid assignmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().ExpertAssignments.Where(a => a.Id == assignmentId).Select(a => a.ExpertId).SingleAsync(Ct);
    }
}
