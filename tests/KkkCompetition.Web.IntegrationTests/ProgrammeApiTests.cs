using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>Programme phases over HTTP: defining, the refusals and who may do it.</summary>
public sealed class ProgrammeApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task An_official_defines_a_phase_and_ties_a_draft_to_it_bad_input_is_400_a_broken_rule_409_an_unknown_phase_404()
    {
        var official = await ClientAsync(Roles.Official);

        var created = await official.PostAsJsonAsync("/api/v1/programme/phases", new { number = 11, startsOn = "2051-01-01", endsOn = "2054-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var phaseId = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var overlap = await official.PostAsJsonAsync("/api/v1/programme/phases", new { number = 12, startsOn = "2054-01-01", endsOn = "2057-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal("phase.overlaps", (await JsonAsync(overlap)).GetProperty("code").GetString());

        var backwards = await official.PostAsJsonAsync("/api/v1/programme/phases", new { number = 12, startsOn = "2060-01-01", endsOn = "2059-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["endsOn"], (await JsonAsync(backwards)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var start = new DateTimeOffset(2051, 2, 1, 11, 0, 0, TimeSpan.Zero);
        var competition = await official.PostAsJsonAsync("/api/v1/competitions", new
        {
            name = "Nabór 2051/1", year = 2051, announcementAt = start, opensAt = start.AddDays(28), closesAt = start.AddDays(90),
            formalReviewDeadline = start.AddDays(120), evaluationDeadline = start.AddDays(180), panelAt = start.AddDays(200), decisionAt = start.AddDays(230),
        }, Ct);
        var competitionId = (await JsonAsync(competition)).GetProperty("id").GetGuid();

        var unknown = await official.PutAsJsonAsync($"/api/v1/competitions/{competitionId}/phase", new { phaseId = Guid.CreateVersion7(), version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var tied = await official.PutAsJsonAsync($"/api/v1/competitions/{competitionId}/phase", new { phaseId, version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, tied.StatusCode);
        var stale = await official.PutAsJsonAsync($"/api/v1/competitions/{competitionId}/phase", new { phaseId = (Guid?)null, version = 0 }, Ct);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var phases = await JsonAsync(await official.GetAsync("/api/v1/programme/phases", Ct));
        var phase = Assert.Single(phases.EnumerateArray());
        Assert.Equal(1, phase.GetProperty("competitionCount").GetInt32());
    }

    [Fact]
    public async Task Applicants_may_not_read_or_define_phases()
    {
        var applicant = await ClientAsync(Roles.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/programme/phases", Ct)).StatusCode);
        var define = await applicant.PostAsJsonAsync("/api/v1/programme/phases", new { number = 21, startsOn = "2071-01-01", endsOn = "2074-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, define.StatusCode);
    }
}
