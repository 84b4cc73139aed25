using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The scoring sheet, evaluation progress, result and panel endpoints over HTTP: 400, 404, 409 and role refusals.</summary>
public sealed class ScoringApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2060;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScoringArrange Arrange => new(factory.Services, TimeProvider.System);

    private async Task<(HttpClient Client, Guid UserId, string Email)> ClientAsync(string role, string language = "en")
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (client, id, email);
    }

    /// <summary>An expert signed in over HTTP, in the pool, assigned (declaration signed unless told) to a new accepted application.</summary>
    private async Task<(HttpClient Expert, Guid AssignmentId, SubmittedApplication Application)> AssignedExpertAsync(bool signDeclaration = true)
    {
        var competitionId = await Arrange.CompetitionAsync(year: Interlocked.Increment(ref _year), cancellationToken: Ct);
        var application = await Arrange.AcceptedApplicationAsync(competitionId, "Klaster Alfa", Ct);
        var (client, userId, email) = await ClientAsync(Roles.Expert);
        var expert = await Arrange.ExpertForUserAsync(userId, email, "Jan Ekspert", cancellationToken: Ct);
        return (client, await Arrange.AssignAsync(application.Id, expert, signDeclaration, Ct), application);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    [Fact]
    public async Task The_openapi_document_names_the_scoring_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/assignments/{assignmentId}/sheet", names);
        Assert.Contains("/api/v1/assignments/{assignmentId}/sheet/submit", names);
        Assert.Contains("/api/v1/competitions/{competitionId}/evaluation", names);
        Assert.Contains("/api/v1/applications/{applicationId}/evaluation-result", names);
        Assert.Contains("/api/v1/applications/{applicationId}/evaluation-result/panel/presentation", names);
        Assert.Contains("/api/v1/applications/{applicationId}/evaluation-result/panel/criteria/{criterionCode}", names);
        var save = paths.GetProperty("/api/v1/assignments/{assignmentId}/sheet").GetProperty("put");
        Assert.Equal("SaveScoreSheetDraft", save.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(save.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_expert_reads_and_autosaves_his_sheet_with_400_and_409_answers()
    {
        var (expert, assignmentId, _) = await AssignedExpertAsync();
        var url = $"/api/v1/assignments/{assignmentId}/sheet";

        var sheet = await JsonAsync(await expert.GetAsync(url, Ct));
        var version = sheet.GetProperty("version").GetInt32();
        Assert.Equal(13, sheet.GetProperty("criteria").GetArrayLength());
        Assert.Equal(ScoringArrange.Guidance, sheet.GetProperty("criteria")[0].GetProperty("guidance").GetString());

        var saved = await expert.PutAsJsonAsync(url, new { scores = new[] { new { criterionCode = "A.2", points = 6.5m, justification = "Krótko." } }, overallOpinion = "Opinia", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var next = (await JsonAsync(saved)).GetProperty("version").GetInt32();
        Assert.Equal(version + 1, next);

        var outOfRange = await expert.PutAsJsonAsync(url, new { scores = new[] { new { criterionCode = "A.2", points = 11m } }, version = next }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, outOfRange.StatusCode);
        var problem = await JsonAsync(outOfRange);
        Assert.Equal("evaluation.points_invalid", problem.GetProperty("code").GetString());
        Assert.Equal("The points for criterion A.2 must lie between 0 and 10, on the criterion's scale (whole points, or half points where allowed).", problem.GetProperty("detail").GetString());

        var halfOnWhole = await expert.PutAsJsonAsync(url, new { scores = new[] { new { criterionCode = "A.1", points = 5.5m } }, version = next }, Ct);
        Assert.Equal("evaluation.points_invalid", await CodeAsync(halfOnWhole));

        var stale = await expert.PutAsJsonAsync(url, new { scores = Array.Empty<object>(), version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", await CodeAsync(stale));

        var missing = await expert.PutAsJsonAsync(url, new { version = next }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("scores", (await JsonAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var unreadable = await expert.PutAsync(url, new StringContent("{\"scores\": [{\"criterionCode\": \"A.2\", \"points\": \"dużo\"}], \"version\": 1}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }

    [Fact]
    public async Task Another_experts_sheet_is_404_and_before_the_declaration_409()
    {
        var (first, firstAssignment, _) = await AssignedExpertAsync();
        var (unsigned, unsignedAssignment, _) = await AssignedExpertAsync(signDeclaration: false);

        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/v1/assignments/{unsignedAssignment}/sheet", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unsigned.PutAsJsonAsync($"/api/v1/assignments/{firstAssignment}/sheet", new { scores = Array.Empty<object>(), version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unsigned.PostAsJsonAsync($"/api/v1/assignments/{firstAssignment}/sheet/submit", new { version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/v1/assignments/{Guid.CreateVersion7()}/sheet", Ct)).StatusCode);

        var before = await unsigned.GetAsync($"/api/v1/assignments/{unsignedAssignment}/sheet", Ct);
        Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
        Assert.Equal("evaluation.declaration_required", await CodeAsync(before));
    }

    [Fact]
    public async Task The_officials_endpoints_refuse_other_roles_and_answer_400_and_404()
    {
        var (expert, _, application) = await AssignedExpertAsync();
        var (official, _, _) = await ClientAsync(Roles.Official);
        var (applicant, _, _) = await ClientAsync(Roles.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/applications/{application.Id}/evaluation-result", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/applications/{application.Id}/evaluation-result", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/competitions/{application.CompetitionId}/evaluation", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/api/v1/assignments/{Guid.CreateVersion7()}/sheet", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/applications/{application.Id}/evaluation-result", Ct)).StatusCode);

        var progress = await JsonAsync(await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/evaluation?filter=InProgress&sortBy=Total&descending=true", Ct));
        Assert.Equal(1, progress.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, progress.GetProperty("items")[0].GetProperty("expertsAssigned").GetInt32());
        var badPage = await official.GetAsync($"/api/v1/competitions/{application.CompetitionId}/evaluation?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("pageSize", (await JsonAsync(badPage)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/competitions/{Guid.CreateVersion7()}/evaluation", Ct)).StatusCode);

        var view = await JsonAsync(await official.GetAsync($"/api/v1/applications/{application.Id}/evaluation-result", Ct));
        Assert.Equal("Jan Ekspert", view.GetProperty("sheets")[0].GetProperty("expertName").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("result").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/applications/{Guid.CreateVersion7()}/evaluation-result", Ct)).StatusCode);

        var noPoints = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/evaluation-result/panel/criteria/C.1", new { justification = "Uzasadnienie panelu po prezentacji.", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noPoints.StatusCode);
        Assert.Contains("points", (await JsonAsync(noPoints)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var noDate = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/evaluation-result/panel/presentation", new { place = "Sala 1", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("startsAtWarsaw", (await JsonAsync(noDate)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        // No result yet: nothing for the panel to change.
        var early = await official.PutAsJsonAsync($"/api/v1/applications/{application.Id}/evaluation-result/panel/criteria/C.1", new { points = 14m, justification = "Uzasadnienie panelu po prezentacji.", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
    }

    [Fact]
    public async Task Submitting_an_incomplete_sheet_is_409_naming_what_is_missing()
    {
        var (expert, assignmentId, _) = await AssignedExpertAsync();
        var version = (await JsonAsync(await expert.GetAsync($"/api/v1/assignments/{assignmentId}/sheet", Ct))).GetProperty("version").GetInt32();

        var response = await expert.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/sheet/submit", new { version }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("evaluation.sheet_incomplete", problem.GetProperty("code").GetString());
        Assert.Contains("A.1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
