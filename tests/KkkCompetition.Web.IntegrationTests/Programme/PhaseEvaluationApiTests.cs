using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using KkkCompetition.Testing.Programme;

namespace KkkCompetition.Web.IntegrationTests.Programme;

/// <summary>
/// The phase evaluation endpoints over HTTP through the real host (clock: today's date) on a phase that ended before the
/// demo's: opening (201, twice 409), the board, assigning, scoring and deciding with their 400/404/409 answers, the roles,
/// and the coordinator's view of his own evaluation only.
/// </summary>
public sealed class PhaseEvaluationApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Bearer(KkkWebFactory factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private async Task<HttpClient> SignInAsync(string email) =>
        Bearer(factory, (await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password)).AccessToken);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    [Fact]
    public async Task The_openapi_document_names_the_phase_evaluation_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        foreach (var fragment in new[]
        {
            "\"ListPhaseEvaluations\"", "\"OpenPhaseEvaluation\"", "\"GetPhaseEvaluationBoard\"", "\"ListEvaluatorCandidates\"", "\"GetContractEvaluation\"",
            "\"RefreshPhaseQuantitative\"", "\"AssignPhaseEvaluator\"", "\"SaveQualitativeScores\"", "\"DecidePhaseEvaluation\"", "\"ListMyPhaseEvaluations\"", "\"ListMyContractEvaluations\"",
            "\"/api/v1/programme/phase-evaluations/{phaseEvaluationId}/contracts\"", "\"/api/v1/programme/contract-evaluations/{evaluationId}/scores\"", "\"/api/v1/me/contract-evaluations\"",
        })
        {
            Assert.Contains(fragment, document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_phase_is_opened_scored_and_decided_over_http_with_each_refusal_and_nobody_reads_anothers_evaluation()
    {
        var arrange = new PhaseEvaluationArrange(factory.Services, TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var phase = await arrange.PhaseWithContractsAsync(PhaseEvaluationShape.PastPhase(today, slot: 2, ["Klaster Http Alfa", "Klaster Http Beta"]), Ct);
        var (competitionId, _) = await arrange.CommissionAsync(1, cancellationToken: Ct);
        var official = await SignInAsync(await factory.CreateUserAsync(Roles.Official));
        var expertEmail = await factory.CreateUserAsync(Roles.Expert);
        var expert = await SignInAsync(expertEmail);
        var otherExpert = await SignInAsync(await factory.CreateUserAsync(Roles.Expert));
        var coordinator = await SignInAsync(await TestLogins.GiveAsync(factory.Services, phase.Contracts[0].CoordinatorUserId, Roles.Applicant, KkkWebFactory.Password));
        var expertId = (await JsonAsync(await expert.GetAsync("/api/v1/me", Ct))).GetProperty("userId").GetGuid();

        // Opening: 400 naming the criterion's field, 403 for an expert, 404 for an unknown competition, 201, then 409 twice.
        const string Phases = "/api/v1/programme/phase-evaluations";
        var badCriterion = await official.PostAsJsonAsync(Phases, new { phaseId = phase.PhaseId, commissionCompetitionId = competitionId, criteria = new[] { new { code = "", namePl = "Zarządzanie", nameEn = "Governance", maxScore = 10, weight = 1 } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCriterion.StatusCode);
        Assert.Contains(await FieldsAsync(badCriterion), f => f.Equals("criteria[0].code", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync(Phases, new { phaseId = phase.PhaseId, commissionCompetitionId = competitionId }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsJsonAsync(Phases, new { phaseId = phase.PhaseId, commissionCompetitionId = Guid.NewGuid() }, Ct)).StatusCode);
        var opened = await official.PostAsJsonAsync(Phases, new { phaseId = phase.PhaseId, commissionCompetitionId = competitionId }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var openedBody = await JsonAsync(opened);
        Assert.Equal(2, openedBody.GetProperty("contracts").GetInt32());
        var phaseEvaluationId = openedBody.GetProperty("phaseEvaluationId").GetGuid();
        var twice = await official.PostAsJsonAsync(Phases, new { phaseId = phase.PhaseId, commissionCompetitionId = competitionId }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.already_open"), (twice.StatusCode, await CodeAsync(twice)));

        // The board, filtered and paged on the server.
        var board = await JsonAsync(await official.GetAsync($"{Phases}/{phaseEvaluationId}/contracts?search=beta&pageSize=10", Ct));
        Assert.Equal(2, board.GetProperty("header").GetProperty("progress").GetProperty("total").GetInt32());
        var rows = board.GetProperty("contracts").GetProperty("items");
        Assert.Equal((1, "Klaster Http Beta"), (rows.GetArrayLength(), rows[0].GetProperty("clusterName").GetString()));
        var badPage = await official.GetAsync($"{Phases}/{phaseEvaluationId}/contracts?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains(await FieldsAsync(badPage), f => f.Equals("pageSize", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"{Phases}/{phaseEvaluationId}/contracts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"{Phases}/{Guid.NewGuid()}/contracts", Ct)).StatusCode);
        Assert.Contains((await JsonAsync(await official.GetAsync(Phases, Ct))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == phaseEvaluationId);

        var own = await arrange.EvaluationOfAsync(phase.Contracts[0].ContractId, Ct);
        var foreign = await arrange.EvaluationOfAsync(phase.Contracts[1].ContractId, Ct);
        var evaluation = $"/api/v1/programme/contract-evaluations/{own}";
        var version = (await JsonAsync(await official.GetAsync(evaluation, Ct))).GetProperty("version").GetInt32();

        // Assigning: a coordinator is not eligible (409); the expert is; a stale version 409.
        var notEligible = await official.PutAsJsonAsync($"{evaluation}/evaluator", new { userId = phase.Contracts[0].CoordinatorUserId, version }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.evaluator_not_eligible"), (notEligible.StatusCode, await CodeAsync(notEligible)));
        version = (await JsonAsync(await official.PutAsJsonAsync($"{evaluation}/evaluator", new { userId = expertId, version }, Ct))).GetProperty("version").GetInt32();
        var stale = await official.PutAsJsonAsync($"{evaluation}/evaluator", new { userId = expertId, version = version - 1 }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "concurrency.stale_version"), (stale.StatusCode, await CodeAsync(stale)));
        Assert.Equal(1, (await JsonAsync(await expert.GetAsync("/api/v1/me/phase-evaluations", Ct))).GetProperty("totalCount").GetInt32());

        // Scoring: only the assigned expert (another 404), within range (409), shaped (400).
        var scores = PhaseEvaluation.DefaultCriteria.Select(c => new { criterionCode = c.Code, score = 7, justification = $"Uzasadnienie {c.Code}." }).ToArray();
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.PutAsJsonAsync($"{evaluation}/scores", new { scores, submit = true, version }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync(evaluation, Ct)).StatusCode);
        var outOfRange = await expert.PutAsJsonAsync($"{evaluation}/scores", new { scores = new[] { new { criterionCode = "GOV", score = 11, justification = "Za wysoko." } }, submit = false, version }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.score_out_of_range"), (outOfRange.StatusCode, await CodeAsync(outOfRange)));
        var noCode = await expert.PutAsJsonAsync($"{evaluation}/scores", new { scores = new[] { new { criterionCode = "", score = 1, justification = "" } }, submit = false, version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains(await FieldsAsync(noCode), f => f.Equals("scores[0].criterionCode", StringComparison.OrdinalIgnoreCase));
        var unjustified = await expert.PutAsJsonAsync($"{evaluation}/scores", new { scores = scores.Select(s => s with { justification = "" }).ToArray(), submit = true, version }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.score_justification_required"), (unjustified.StatusCode, await CodeAsync(unjustified)));
        var submitted = await expert.PutAsJsonAsync($"{evaluation}/scores", new { scores, submit = true, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        version = (await JsonAsync(submitted)).GetProperty("version").GetInt32();

        // Deciding: officials only; a justification and a plan are needed.
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PutAsJsonAsync($"{evaluation}/decision", new { decision = "Continue", justification = "Klaster osiągnął cele.", version }, Ct)).StatusCode);
        var unjustifiedDecision = await official.PutAsJsonAsync($"{evaluation}/decision", new { decision = "Terminate", justification = "", version }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.decision_justification_required"), (unjustifiedDecision.StatusCode, await CodeAsync(unjustifiedDecision)));
        var noPlan = await official.PutAsJsonAsync($"{evaluation}/decision", new { decision = "Conditional", justification = "Klaster osiągnął część celów.", version }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.remediation_plan_required"), (noPlan.StatusCode, await CodeAsync(noPlan)));
        var decided = await official.PutAsJsonAsync($"{evaluation}/decision", new { decision = "Continue", justification = "Klaster osiągnął cele kontraktu.", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var afterDecision = await official.PostAsync($"{evaluation}/quantitative", null, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "phase_evaluation.decision_made"), (afterDecision.StatusCode, await CodeAsync(afterDecision)));

        // The coordinator: his own without the decision before the commission's approval; another cluster's 404.
        var mine = await JsonAsync(await coordinator.GetAsync(evaluation, Ct));
        Assert.True(mine.GetProperty("qualitativeHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("decision").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/programme/contract-evaluations/{foreign}", Ct)).StatusCode);
        var myList = await JsonAsync(await coordinator.GetAsync("/api/v1/me/contract-evaluations", Ct));
        Assert.Equal((1, own), (myList.GetProperty("totalCount").GetInt32(), myList.GetProperty("items")[0].GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(evaluation, Ct)).StatusCode);
    }
}
