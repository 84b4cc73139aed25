using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using KkkCompetition.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The competition set-up over HTTP: what officials, applicants and the public get, and the bad input answers.</summary>
public sealed class CompetitionApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
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

    private static object NewCompetition(int year)
    {
        var start = new DateTimeOffset(year, 2, 1, 11, 0, 0, TimeSpan.Zero);
        return new
        {
            name = $"Nabór {year}/1",
            year,
            announcementAt = start,
            opensAt = start.AddDays(28),
            closesAt = start.AddDays(90),
            formalReviewDeadline = start.AddDays(120),
            evaluationDeadline = start.AddDays(180),
            panelAt = start.AddDays(200),
            decisionAt = start.AddDays(230),
        };
    }

    private static async Task<(Guid Id, int Version)> CreateAsync(HttpClient official, int year)
    {
        var response = await official.PostAsJsonAsync("/api/v1/competitions", NewCompetition(year), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetInt32());
    }

    private static object Settings(int version, int experts = 2) => new
    {
        name = "Nabór zmieniony",
        passThreshold = 95,
        expertsPerApplication = experts,
        divergenceThresholdPercent = 30,
        holdsPanel = true,
        correctionWindowDays = 7,
        appealWindowDays = 14,
        statusValidityYears = 3,
        tieBreakOrder = new[] { "C.1" },
        version,
    };

    private static object Criterion(int version, string code = "F.1", decimal maxPoints = 10) => new
    {
        code,
        areaCode = "F",
        areaNamePl = "Nowy obszar",
        areaNameEn = "New area",
        namePl = "Nowe kryterium",
        nameEn = "New criterion",
        guidance = (string?)null,
        maxPoints,
        halfPointsAllowed = true,
        weight = 1,
        minimumPoints = (decimal?)null,
        justificationRequired = true,
        minimumJustificationLength = 100,
        version,
    };

    [Fact]
    public async Task The_openapi_document_lists_the_competition_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/v1/competitions", "/api/v1/competitions/{id}", "/api/v1/competitions/setup", "/api/v1/competitions/{id}/setup",
                "/api/v1/competitions/{id}/timeline", "/api/v1/competitions/{id}/settings", "/api/v1/competitions/{id}/eligibility",
                "/api/v1/competitions/{id}/eligibility-rules", "/api/v1/competitions/{id}/eligibility-rules/{code}",
                "/api/v1/competitions/{id}/criteria", "/api/v1/competitions/{id}/criteria/{code}", "/api/v1/competitions/{id}/announce",
            },
            paths.ToHashSet());
    }

    [Fact]
    public async Task An_official_sets_up_a_draft_and_bad_input_is_400_naming_the_field()
    {
        var official = await ClientAsync(Roles.Official);
        var (id, version) = await CreateAsync(official, 2061);

        var settings = await official.PutAsJsonAsync($"/api/v1/competitions/{id}/settings", Settings(version, experts: 1), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);
        Assert.Contains("expertsPerApplication", (await JsonAsync(settings)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var timeline = await official.PutAsJsonAsync($"/api/v1/competitions/{id}/timeline", new
        {
            announcementAt = new DateTimeOffset(2061, 2, 1, 11, 0, 0, TimeSpan.Zero),
            opensAt = new DateTimeOffset(2061, 3, 1, 11, 0, 0, TimeSpan.Zero),
            closesAt = new DateTimeOffset(2061, 2, 28, 11, 0, 0, TimeSpan.Zero),
            formalReviewDeadline = new DateTimeOffset(2061, 6, 1, 11, 0, 0, TimeSpan.Zero),
            evaluationDeadline = new DateTimeOffset(2061, 7, 1, 11, 0, 0, TimeSpan.Zero),
            panelAt = new DateTimeOffset(2061, 8, 1, 11, 0, 0, TimeSpan.Zero),
            decisionAt = new DateTimeOffset(2061, 9, 1, 11, 0, 0, TimeSpan.Zero),
            version,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, timeline.StatusCode);
        Assert.Equal(["closesAt"], (await JsonAsync(timeline)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var criterion = await official.PostAsJsonAsync($"/api/v1/competitions/{id}/criteria", Criterion(version), Ct);
        Assert.Equal(HttpStatusCode.OK, criterion.StatusCode);
        version = (await JsonAsync(criterion)).GetProperty("version").GetInt32();
        Assert.Equal(1, version);

        var quarterPoint = await official.PutAsJsonAsync($"/api/v1/competitions/{id}/criteria/F.1", Criterion(version, maxPoints: 7.25m), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, quarterPoint.StatusCode);
        Assert.Contains("maxPoints", (await JsonAsync(quarterPoint)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var details = await JsonAsync(await official.GetAsync($"/api/v1/competitions/{id}/setup", Ct));
        Assert.Equal(14, details.GetProperty("criteria").GetArrayLength());
        Assert.Equal(4, details.GetProperty("eligibilityRules").GetArrayLength());
        Assert.Equal("Draft", details.GetProperty("status").GetString());
        Assert.Equal(1, details.GetProperty("version").GetInt32());

        var list = await JsonAsync(await official.GetAsync("/api/v1/competitions/setup?year=2061&status=Draft&sortBy=Name&descending=false", Ct));
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_stale_version_a_rule_of_the_regulations_and_an_edit_after_announcement_are_409_with_their_codes()
    {
        var official = await ClientAsync(Roles.Official);
        var (id, version) = await CreateAsync(official, 2062);
        var saved = await official.PutAsJsonAsync($"/api/v1/competitions/{id}/settings", Settings(version), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var stale = await official.PutAsJsonAsync($"/api/v1/competitions/{id}/settings", Settings(version), Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());
        version = (await JsonAsync(saved)).GetProperty("version").GetInt32();

        var regulation = await official.DeleteAsync($"/api/v1/competitions/{id}/eligibility-rules/member_count?version={version}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, regulation.StatusCode);
        var problem = await JsonAsync(regulation);
        Assert.Equal("competition.eligibility_rule_not_custom", problem.GetProperty("code").GetString());
        Assert.Contains("member_count", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await official.DeleteAsync($"/api/v1/competitions/{id}/eligibility-rules/nothing_here?version={version}", Ct)).StatusCode);
        var withoutVersion = await official.DeleteAsync($"/api/v1/competitions/{id}/criteria/A.1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.Equal(["version"], (await JsonAsync(withoutVersion)).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var announced = await official.PostAsJsonAsync($"/api/v1/competitions/{id}/announce", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        version = (await JsonAsync(announced)).GetProperty("version").GetInt32();

        var frozen = await official.PostAsJsonAsync($"/api/v1/competitions/{id}/criteria", Criterion(version), Ct);
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Equal("competition.frozen", (await JsonAsync(frozen)).GetProperty("code").GetString());

        var polish = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/competitions/{id}/criteria/A.1?version={version}");
        polish.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("pl"));
        var frozenInPolish = await official.SendAsync(polish, Ct);
        Assert.Equal(HttpStatusCode.Conflict, frozenInPolish.StatusCode);
        Assert.StartsWith("Konkurs został już ogłoszony", (await JsonAsync(frozenInPolish)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var details = await JsonAsync(await official.GetAsync($"/api/v1/competitions/{id}/setup", Ct));
        Assert.Equal(13, details.GetProperty("criteria").GetArrayLength());
        Assert.Equal(version, details.GetProperty("version").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", details.GetProperty("snapshotSha256").GetString());
    }

    [Fact]
    public async Task A_third_round_in_a_year_is_409()
    {
        var official = await ClientAsync(Roles.Official);
        await CreateAsync(official, 2063);
        await CreateAsync(official, 2063);

        var third = await official.PostAsJsonAsync("/api/v1/competitions", NewCompetition(2063), Ct);

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("competition.too_many_rounds", (await JsonAsync(third)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_applicant_is_refused_the_set_up_with_403_and_the_public_sees_announced_competitions_only()
    {
        var official = await ClientAsync(Roles.Official);
        var applicant = await ClientAsync(Roles.Applicant);
        var anonymous = factory.CreateClient();
        var (draft, _) = await CreateAsync(official, 2064);
        var (announcedId, version) = await CreateAsync(official, 2065);
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/v1/competitions/{announcedId}/announce", new { version }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/competitions/setup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/competitions/{draft}/setup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/competitions/{draft}/criteria", Criterion(0), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/v1/competitions", NewCompetition(2066), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/competitions/setup", Ct)).StatusCode);

        var draftPage = await anonymous.GetAsync($"/api/v1/competitions/{draft}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        Assert.Equal("not_found", (await JsonAsync(draftPage)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/competitions/{Guid.CreateVersion7()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/competitions/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/competitions/{announcedId}", Ct)).StatusCode);

        var shown = await JsonAsync(await anonymous.GetAsync($"/api/v1/competitions/{announcedId}", Ct));
        Assert.Equal(4, shown.GetProperty("eligibilityRules").GetArrayLength());
        Assert.Equal(13, shown.GetProperty("criteria").GetArrayLength());
        Assert.Equal(1, shown.GetProperty("rulesVersion").GetInt32());
        var list = (await JsonAsync(await anonymous.GetAsync("/api/v1/competitions", Ct))).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(announcedId, list);
        Assert.DoesNotContain(draft, list);
    }
}

public sealed class CompetitionJobTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public void The_timeline_job_runs_every_minute_in_warsaw_time()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "competition-timeline");
        Assert.Equal("* * * * *", job.Cron);
        Assert.Equal("Europe/Warsaw", job.TimeZoneId);
        Assert.Equal("CompetitionTimelineJob", job.Job.Type.Name);
    }
}
