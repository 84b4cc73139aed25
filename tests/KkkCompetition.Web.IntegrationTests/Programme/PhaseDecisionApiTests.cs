using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Programme;

namespace KkkCompetition.Web.IntegrationTests.Programme;

/// <summary>The commission's vote on phase decisions, closing the phase and the next phase's contract over HTTP, through the real host.</summary>
public sealed class PhaseDecisionApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string email, string language = "pl")
    {
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task AssertConflictAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_openapi_document_names_the_phase_decision_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        Assert.Equal("GetPhaseCommission", paths.GetProperty("/api/v1/programme/phase-evaluations/{id}/commission").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("PutPhaseDecisionsToCommission", paths.GetProperty("/api/v1/programme/phase-evaluations/{id}/votings").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ClosePhaseEvaluation", paths.GetProperty("/api/v1/programme/phase-evaluations/{id}/close").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("GetPhaseDecisionVoting", paths.GetProperty("/api/v1/programme/phase-decision-votings/{id}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("CastPhaseDecisionVote", paths.GetProperty("/api/v1/programme/phase-decision-votings/{id}/votes").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ClosePhaseDecisionVoting", paths.GetProperty("/api/v1/programme/phase-decision-votings/{id}/close").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("DraftNextPhaseContract", paths.GetProperty("/api/v1/programme/contract-evaluations/{id}/next-phase-contract").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ListMyPhaseDecisionVotes", paths.GetProperty("/api/v1/me/phase-decision-votes").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_commission_approves_the_decisions_the_phase_closes_and_the_next_contract_is_drafted_with_every_refusal_answered()
    {
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow);
        var arrange = new PhaseEvaluationArrange(factory.Services, TimeProvider.System);
        var phase = await arrange.PhaseWithContractsAsync(PhaseEvaluationShape.PastPhase(today, slot: 3, ["Klaster API Dalej", "Klaster API Koniec"]), Ct);
        var competitionId = await arrange.Commission.CompetitionAsync(2090, Ct);
        var members = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var email = await factory.CreateUserAsync(Roles.CommissionMember);
            await factory.Services.SendAsAsync(TestUsers.Official, new AddCommissionMember(competitionId, email, $"Członek API {i}", CommissionSide.Ministry, null, []), Ct);
            members.Add(await ClientAsync(email));
        }

        var outsider = await ClientAsync(await factory.CreateUserAsync(Roles.CommissionMember));
        var official = await ClientAsync(await factory.CreateUserAsync(Roles.Official));
        var applicant = await ClientAsync(await factory.CreateUserAsync(Roles.Applicant));
        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var keep = await arrange.EvaluationOfAsync(phase.Contracts[0].ContractId, Ct);
        var end = await arrange.EvaluationOfAsync(phase.Contracts[1].ContractId, Ct);
        foreach (var (evaluationId, decision) in new[] { (keep, PhaseDecision.Continue), (end, PhaseDecision.Terminate) })
        {
            await arrange.ScoreAsync(evaluationId, cancellationToken: Ct);
            await arrange.DecideAsync(evaluationId, decision, Ct);
        }

        await AssertConflictAsync(await official.PostAsync($"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/close", null, Ct), "phase_evaluation.undecided_contracts");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/votings", null, Ct)).StatusCode);

        var opened = await official.PostAsync($"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/votings", null, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var votingId = (await JsonAsync(opened)).GetProperty("votingId").GetGuid();
        Assert.Equal($"/api/v1/programme/phase-decision-votings/{votingId}", opened.Headers.Location!.OriginalString);
        var votes = $"/api/v1/programme/phase-decision-votings/{votingId}/votes";

        // Bad input names its field; a member of another commission finds nothing; no quorum yet.
        var bad = await members[0].PostAsJsonAsync(votes, new { evaluationId = Guid.Empty, choice = "For", comment = new string('x', CommissionVoteRules.MaxCommentLength + 1) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["comment", "evaluationId"], (await JsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(votes, new { evaluationId = keep, choice = "For" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/programme/phase-decision-votings/{votingId}", Ct)).StatusCode);
        await AssertConflictAsync(await official.PostAsync($"/api/v1/programme/phase-decision-votings/{votingId}/close", null, Ct), "commission.no_quorum");

        foreach (var member in members)
        {
            foreach (var evaluationId in new[] { keep, end })
            {
                Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync(votes, new { evaluationId, choice = "For", comment = "Zgoda." }, Ct)).StatusCode);
            }
        }

        await AssertConflictAsync(await members[0].PostAsJsonAsync(votes, new { evaluationId = keep, choice = "Against" }, Ct), "commission.already_voted");
        var mine = await JsonAsync(await members[1].GetAsync("/api/v1/me/phase-decision-votes", Ct));
        Assert.Equal(2, mine.GetProperty("totalCount").GetInt32());
        Assert.All(mine.GetProperty("items").EnumerateArray(), i => Assert.Equal("For", i.GetProperty("decision").GetProperty("myVote").GetString()));

        var closed = await official.PostAsync($"/api/v1/programme/phase-decision-votings/{votingId}/close", null, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(2, (await JsonAsync(closed)).GetProperty("approved").GetInt32());

        // The registry's card shows the terminated cluster with the reason.
        var card = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/registry/clusters/{phase.Contracts[1].ClusterId}", Ct));
        Assert.Contains(card.GetProperty("history").EnumerateArray(), h => h.GetProperty("endReason").GetString() == PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));

        var closedPhase = await official.PostAsync($"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/close", null, Ct);
        Assert.Equal(HttpStatusCode.OK, closedPhase.StatusCode);
        Assert.Equal("Closed", (await JsonAsync(closedPhase)).GetProperty("status").GetString());

        // The next phase must hold today, or the prolonged status would not be in force for the draft: the one from last year.
        var next = await arrange.Contracts.PhaseAsync(new DateOnly(today.Year - 1, 1, 1), 4, 1, Ct);
        var url = $"/api/v1/programme/contract-evaluations/{keep}/next-phase-contract";
        var missing = await official.PostAsJsonAsync(url, new { nextPhaseId = Guid.Empty }, Ct);
        Assert.Equal(["nextPhaseId"], (await JsonAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await AssertConflictAsync(await official.PostAsJsonAsync($"/api/v1/programme/contract-evaluations/{end}/next-phase-contract", new { nextPhaseId = next.Id }, Ct), "contract.next_phase_not_allowed");
        await AssertConflictAsync(await official.PostAsJsonAsync(url, new { nextPhaseId = phase.PhaseId }, Ct), "contract.not_next_phase");
        var drafted = await official.PostAsJsonAsync(url, new { nextPhaseId = next.Id }, Ct);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var contractId = (await JsonAsync(drafted)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/contracts/{contractId}", drafted.Headers.Location!.OriginalString);
        await AssertConflictAsync(await official.PostAsJsonAsync(url, new { nextPhaseId = next.Id }, Ct), "contract.already_exists");

        var board = await JsonAsync(await official.GetAsync($"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/commission", Ct));
        Assert.Contains(board.GetProperty("evaluations").EnumerateArray(), e => e.GetProperty("nextContractId").GetString() == contractId.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/programme/phase-evaluations/{Guid.CreateVersion7()}/commission", Ct)).StatusCode);
    }
}
