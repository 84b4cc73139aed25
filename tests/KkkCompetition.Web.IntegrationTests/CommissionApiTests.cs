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

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The commission over HTTP: 400 naming the field, 404 for outsiders, the 409 codes, role refusals, and the OpenAPI names.</summary>
public sealed class CommissionApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2060;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CommissionArrange Arrange => new(factory.Services, TimeProvider.System);

    private async Task<(HttpClient Client, string Email, Guid UserId)> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (client, email, id);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task AssertConflictAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    /// <summary>A competition with two evaluated applications (Alfa passes, Beta not), an official and <paramref name="members"/> members appointed over HTTP.</summary>
    private async Task<(Guid CompetitionId, IReadOnlyList<SubmittedApplication> Apps, HttpClient Official, List<HttpClient> Members)> ScenarioAsync(int members)
    {
        var competitionId = await Arrange.CompetitionAsync(year: Interlocked.Increment(ref _year), cancellationToken: Ct);
        var apps = await Arrange.EvaluatedAsync(competitionId, [new("Klaster Alfa"), new("Klaster Beta", Passes: false)], cancellationToken: Ct);
        var (official, _, _) = await ClientAsync(Roles.Official);
        var clients = new List<HttpClient>();
        for (var i = 0; i < members; i++)
        {
            var (client, email, _) = await ClientAsync(Roles.CommissionMember);
            var added = await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/commission/members",
                new { email, fullName = $"Członek {i + 1}", side = "Ministry", affiliationNips = Array.Empty<string>() }, Ct);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            clients.Add(client);
        }

        return (competitionId, apps, official, clients);
    }

    private static async Task<Guid> OpenVotingAsync(HttpClient official, Guid competitionId)
    {
        var response = await official.PostAsync($"/api/v1/competitions/{competitionId}/commission/votings", null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_openapi_document_names_the_commission_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        foreach (var (path, method, name) in new[]
                 {
                     ("/api/v1/competitions/{competitionId}/commission/members", "post", "AddCommissionMember"),
                     ("/api/v1/competitions/{competitionId}/commission/members", "get", "ListCommissionMembers"),
                     ("/api/v1/competitions/{competitionId}/commission/votings", "post", "SubmitRecommendationList"),
                     ("/api/v1/votings/{votingId}/votes", "post", "CastVote"),
                     ("/api/v1/votings/{votingId}/close", "post", "CloseVoting"),
                     ("/api/v1/votings/{votingId}", "get", "GetVotingProgress"),
                     ("/api/v1/me/votes", "get", "GetMyVotes"),
                     ("/api/v1/resolutions/{resolutionId}", "get", "GetResolution"),
                 })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(name, operation.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        }
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var (competitionId, apps, official, members) = await ScenarioAsync(1);
        var (_, email, _) = await ClientAsync(Roles.CommissionMember);

        var member = await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/commission/members",
            new { email, fullName = "Ewa", side = "Regional", voivodeshipTeryt = "22", affiliationNips = new[] { "1234567890" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Contains((await JsonAsync(member)).GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, "affiliationNips[0]", StringComparison.OrdinalIgnoreCase));

        var votingId = await OpenVotingAsync(official, competitionId);
        var vote = await members[0].PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For", comment = new string('x', 2001) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, vote.StatusCode);
        Assert.Contains((await JsonAsync(vote)).GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, "comment", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_rules_answer_409_with_their_codes_and_outsiders_404()
    {
        var (competitionId, apps, official, members) = await ScenarioAsync(2);
        var votingId = await OpenVotingAsync(official, competitionId);

        Assert.Equal(HttpStatusCode.OK, (await members[0].PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct)).StatusCode);
        await AssertConflictAsync(await members[0].PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "Against" }, Ct), "commission.already_voted");
        await AssertConflictAsync(await official.PostAsync($"/api/v1/competitions/{competitionId}/commission/votings", null, Ct), "commission.voting_already_open");

        var progress = await JsonAsync(await official.GetAsync($"/api/v1/votings/{votingId}", Ct));
        await AssertConflictAsync(await official.PostAsJsonAsync($"/api/v1/votings/{votingId}/close", new { version = progress.GetProperty("version").GetInt32() }, Ct), "commission.no_quorum");

        var (outsider, _, _) = await ClientAsync(Roles.CommissionMember);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/votings/{votingId}/applications/{apps[0].Id}/evaluation-card.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/votings/{Guid.CreateVersion7()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/resolutions/{Guid.CreateVersion7()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_conflicted_member_gets_409_and_the_close_with_quorum_answers_the_resolution()
    {
        var (competitionId, apps, official, members) = await ScenarioAsync(2);
        var coordinatorNip = (await Arrange.Assignment.NipsAsync(apps[0].Id, Ct)).Coordinator;
        var (conflicted, email, _) = await ClientAsync(Roles.CommissionMember);
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync($"/api/v1/competitions/{competitionId}/commission/members",
            new { email, fullName = "Zofia Konfliktowa", side = "Ministry", affiliationNips = new[] { coordinatorNip } }, Ct)).StatusCode);
        var votingId = await OpenVotingAsync(official, competitionId);

        await AssertConflictAsync(await conflicted.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct), "commission.conflict_of_interest");
        foreach (var client in members.Append(conflicted))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[1].Id, choice = "For" }, Ct)).StatusCode);
        }

        // Three members: a quorum is two; Alfa has one vote so far.
        var progress = await JsonAsync(await official.GetAsync($"/api/v1/votings/{votingId}", Ct));
        var version = progress.GetProperty("version").GetInt32();
        await AssertConflictAsync(await official.PostAsJsonAsync($"/api/v1/votings/{votingId}/close", new { version }, Ct), "commission.no_quorum");
        foreach (var client in members)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct)).StatusCode);
        }

        var closed = await official.PostAsJsonAsync($"/api/v1/votings/{votingId}/close", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var resolution = await JsonAsync(closed);
        Assert.EndsWith("/KKK", resolution.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Positive", "Negative"], resolution.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("outcome").ToString()));
        var card = await members[0].GetAsync($"/api/v1/votings/{votingId}/applications/{apps[0].Id}/evaluation-card.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("application/pdf", card.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Roles_outside_the_commission_are_refused()
    {
        var (competitionId, apps, official, members) = await ScenarioAsync(1);
        var votingId = await OpenVotingAsync(official, competitionId);
        var (applicant, _, _) = await ClientAsync(Roles.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync($"/api/v1/votings/{votingId}/votes", new { applicationId = apps[0].Id, choice = "For" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await members[0].GetAsync($"/api/v1/votings/{votingId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await members[0].PostAsJsonAsync($"/api/v1/votings/{votingId}/close", new { version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/competitions/{competitionId}/commission/members", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/me/votes", Ct)).StatusCode);
    }
}
