using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests.Certification;

/// <summary>The appeal endpoints over HTTP: 201, 400 naming the field, 404 for someone else's, 409 with the rule's code, role refusals.</summary>
public sealed class AppealApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private const string Reason = "Ekspert pominął wskaźniki za drugi rok podane w załączniku nr 3, co zaniżyło ocenę tego kryterium.";
    private const string Ruling = "Zarzut jest zasadny: ocena pominęła dane z załącznika nr 3.";

    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2080;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid UserId)> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (client, id);
    }

    private async Task<(Guid DecisionId, string CriterionCode)> RejectedAsync(Guid ownerId)
    {
        var rejected = await new AppealArrange(factory.Services, TimeProvider.System).RejectedAsync(ownerId, Interlocked.Increment(ref _year), cancellationToken: Ct);
        return (rejected.DecisionId, rejected.CriterionCode);
    }

    private static object Body(string code, string reason = Reason) => new { statement = "Wnoszę o ponowną ocenę.", grounds = new[] { new { criterionCode = code, reason } } };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    [Fact]
    public async Task The_openapi_document_names_the_appeal_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        foreach (var name in new[] { "LodgeAppeal", "ListAppeals", "GetAppeal", "DismissAppeal", "UpholdAppeal", "GetAppealForm", "UpdateAppealSettings" })
        {
            Assert.Contains($"\"{name}\"", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lodging_answers_201_then_400_404_409_and_refuses_other_roles()
    {
        var (applicant, applicantId) = await ClientAsync(Roles.Applicant);
        var (stranger, _) = await ClientAsync(Roles.Applicant);
        var (official, _) = await ClientAsync(Roles.Official);
        var (decisionId, code) = await RejectedAsync(applicantId);
        var url = $"/api/v1/decisions/{decisionId}/appeal";

        var unknown = await applicant.PostAsJsonAsync(url, Body("Z.9"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains((await JsonAsync(unknown)).GetProperty("errors").EnumerateObject(), e => e.Name.Equals("grounds[0].criterionCode", StringComparison.OrdinalIgnoreCase));

        var shortReason = await applicant.PostAsJsonAsync(url, Body(code, "Za krótko."), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(url, Body(code), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync(url, Body(code), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync(url, Body(code), Ct)).StatusCode);

        var lodged = await applicant.PostAsJsonAsync(url, Body(code), Ct);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        var appealId = (await JsonAsync(lodged)).GetProperty("appealId").GetGuid();

        var twice = await applicant.PostAsJsonAsync(url, Body(code), Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("appeal.already_lodged", await CodeAsync(twice));

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/v1/appeals/{appealId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/appeals/{appealId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ruling_answers_400_404_409_and_refuses_the_applicant()
    {
        var (applicant, applicantId) = await ClientAsync(Roles.Applicant);
        var (official, _) = await ClientAsync(Roles.Official);
        var (decisionId, code) = await RejectedAsync(applicantId);
        var lodged = await applicant.PostAsJsonAsync($"/api/v1/decisions/{decisionId}/appeal", Body(code), Ct);
        var appealId = (await JsonAsync(lodged)).GetProperty("appealId").GetGuid();
        var version = (await JsonAsync(await official.GetAsync($"/api/v1/appeals/{appealId}", Ct))).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/appeals", Ct)).StatusCode);
        var queue = await JsonAsync(await official.GetAsync($"/api/v1/appeals?state=Lodged&sort=LodgedAt&descending=true&pageSize=200", Ct));
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == appealId);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/appeals/{appealId}/dismiss", new { reasons = Ruling, version }, Ct)).StatusCode);
        var noReasons = await official.PostAsJsonAsync($"/api/v1/appeals/{appealId}/dismiss", new { reasons = "", version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.True((await JsonAsync(noReasons)).GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsJsonAsync($"/api/v1/appeals/{Guid.CreateVersion7()}/dismiss", new { reasons = Ruling, version }, Ct)).StatusCode);

        var stale = await official.PostAsJsonAsync($"/api/v1/appeals/{appealId}/dismiss", new { reasons = Ruling, version = version + 5 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", await CodeAsync(stale));

        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/v1/appeals/{appealId}/dismiss", new { reasons = Ruling, version }, Ct)).StatusCode);
        var again = await official.PostAsJsonAsync($"/api/v1/appeals/{appealId}/uphold", new { reasons = Ruling, version = version + 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("appeal.already_ruled", await CodeAsync(again));
    }
}
