using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>Bad input gets a clear answer and changes nothing: 400 with the field named, 401, 403, 404, 409 with a stable code.</summary>
public sealed class ProblemDetailsTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OfficialAsync(string language = "pl")
    {
        var email = await factory.CreateUserAsync(Roles.Official);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private static object ValidCompetition(int year) => new
    {
        name = $"Nabór {year}",
        year,
        announcementAt = new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero),
        opensAt = new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero),
        closesAt = new DateTimeOffset(year, 3, 31, 12, 0, 0, TimeSpan.Zero),
        formalReviewDeadline = new DateTimeOffset(year, 4, 30, 12, 0, 0, TimeSpan.Zero),
        evaluationDeadline = new DateTimeOffset(year, 6, 30, 12, 0, 0, TimeSpan.Zero),
        panelAt = new DateTimeOffset(year, 7, 15, 12, 0, 0, TimeSpan.Zero),
        decisionAt = new DateTimeOffset(year, 8, 31, 12, 0, 0, TimeSpan.Zero),
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private async Task<int> CompetitionCountAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/competitions", Ct)).RootElement.GetArrayLength();

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("unauthenticated", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Validation_errors_are_400_naming_each_field_and_nothing_is_created()
    {
        var client = await OfficialAsync();
        var before = await CompetitionCountAsync();
        var response = await client.PostAsJsonAsync("/api/v1/competitions", new { name = "", year = 1999 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("year", out _));
        Assert.True(errors.TryGetProperty("closesAt", out _));
        Assert.Equal(before, await CompetitionCountAsync());
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_400_never_500()
    {
        var client = await OfficialAsync("en");
        var malformed = await client.PostAsync("/api/v1/competitions", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("request.unreadable", (await ProblemAsync(malformed)).GetProperty("code").GetString());

        var wrongType = await client.PostAsync("/api/v1/competitions", new StringContent("{\"name\": \"x\", \"year\": \"twenty\"}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var problem = await ProblemAsync(wrongType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
        Assert.Contains("cannot be read", problem.GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_400()
    {
        var client = await OfficialAsync();
        var huge = "{\"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await client.PostAsync("/api/v1/competitions", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.body_too_large", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_role_that_may_not_send_the_request_is_403()
    {
        var email = await factory.CreateUserAsync(Roles.Applicant);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var before = await CompetitionCountAsync();
        var response = await client.PostAsJsonAsync("/api/v1/competitions", ValidCompetition(2031), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, await CompetitionCountAsync());
    }

    [Fact]
    public async Task Unknown_resources_are_404()
    {
        var client = await OfficialAsync();
        var response = await client.PostAsJsonAsync($"/api/v1/competitions/{Guid.CreateVersion7()}/announce", new { version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Broken_rules_and_stale_versions_are_409_with_stable_codes_in_the_callers_language()
    {
        var client = await OfficialAsync("en");
        var created = await client.PostAsJsonAsync("/api/v1/competitions", ValidCompetition(2032), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = body.GetProperty("id").GetGuid();

        var stale = await client.PostAsJsonAsync($"/api/v1/competitions/{id}/announce", new { version = 7 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await ProblemAsync(stale)).GetProperty("code").GetString());

        var announced = await client.PostAsJsonAsync($"/api/v1/competitions/{id}/announce", new { version = body.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        var newVersion = JsonDocument.Parse(await announced.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("version").GetInt32();

        var again = await client.PostAsJsonAsync($"/api/v1/competitions/{id}/announce", new { version = newVersion }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ProblemAsync(again);
        Assert.Equal("competition.not_draft", problem.GetProperty("code").GetString());
        Assert.Equal("Only a draft competition can be announced or changed.", problem.GetProperty("detail").GetString());
    }
}
