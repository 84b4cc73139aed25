using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The ranking and the evaluation's files over HTTP: formats, 400/404/409, role refusals, cookie downloads.</summary>
public sealed class RankingApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each test gets a competition of its own year: a year has at most two rounds.
    private static int _year = 2040;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Ranked(Guid CompetitionId, SubmittedApplication Alfa, SubmittedApplication Beta, ArrangedResult Scored);

    /// <summary>Two applications: Alfa scored by two experts (the first signs in as <paramref name="expertUserId"/>), Beta without a result.</summary>
    private async Task<Ranked> RankedAsync(Guid? expertUserId = null)
    {
        var applications = new SubmittedApplications(factory.Services, TimeProvider.System);
        var arrange = new RankingArrange(factory.Services, TimeProvider.System);
        var competitionId = await applications.CompetitionAsync(year: Interlocked.Increment(ref _year), cancellationToken: Ct);
        var apps = await applications.SubmitManyAsync(competitionId, ["Klaster Alfa", "Klaster Beta"], new ApplicationShape { Members = 2 }, Ct);
        var scored = await arrange.ScoreAsync(apps[0].Id, [
            new ArrangedSheet("Anna Nowak", RankingArrange.Points(7), UserId: expertUserId),
            new ArrangedSheet("Jan Kowalski", RankingArrange.Points(8)),
        ], cancellationToken: Ct);
        return new Ranked(competitionId, apps[0], apps[1], scored);
    }

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

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task The_openapi_document_names_the_ranking_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        var ranking = paths.GetProperty("/api/v1/competitions/{competitionId}/ranking").GetProperty("get");
        Assert.Equal("GetRanking", ranking.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(ranking.GetProperty("summary").GetString()));
        Assert.Equal("GetScoreSheetPdf", paths.GetProperty("/api/v1/assignments/{assignmentId}/sheet.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetEvaluationCardPdf", paths.GetProperty("/api/v1/applications/{applicationId}/evaluation-card.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_official_reads_the_ranking_as_json_xlsx_or_csv()
    {
        var ranked = await RankedAsync();
        var (official, _) = await ClientAsync(Roles.Official, "pl");

        var json = await official.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?pageSize=10&sortBy=Cluster&passedOnly=false", Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var view = await JsonAsync(json);
        Assert.Equal(1, view.GetProperty("rankedCount").GetInt32());
        var row = Assert.Single(view.GetProperty("rows").GetProperty("items").EnumerateArray());
        Assert.Equal((1, ranked.Alfa.Number, 97.5m), (row.GetProperty("position").GetInt32(), row.GetProperty("number").GetString(), row.GetProperty("total").GetDecimal()));
        var reason = Assert.Single(row.GetProperty("failReasons").EnumerateArray());
        Assert.Equal((JsonValueKind.Null, 97.5m, 100m), (reason.GetProperty("criterionCode").ValueKind, reason.GetProperty("value").GetDecimal(), reason.GetProperty("required").GetDecimal()));
        Assert.Equal("First", row.GetProperty("decidedBy").GetString());
        Assert.Equal(["Anna Nowak", "Jan Kowalski"], row.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("expertName").GetString()));

        var csv = await official.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("\uFEFFPozycja;Numer;Klaster;", text, StringComparison.Ordinal);
        Assert.Contains(";negatywny;suma 97,5 pkt poniżej progu 100 pkt;", text, StringComparison.Ordinal);

        var xlsx = await official.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?format=XLSX", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);
        Assert.Matches(@"^ranking-\d{4}-1\.xlsx$", (xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName)!.Trim('"'));
    }

    [Fact]
    public async Task Bad_requests_are_400_naming_the_field_and_an_unknown_competition_404()
    {
        var ranked = await RankedAsync();
        var (official, _) = await ClientAsync(Roles.Official);

        var format = await official.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.True((await JsonAsync(format)).GetProperty("errors").TryGetProperty("format", out _));

        var pageSize = await official.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pageSize.StatusCode);
        Assert.Contains((await JsonAsync(pageSize)).GetProperty("errors").EnumerateObject(), e => e.Name.Equals("pageSize", StringComparison.OrdinalIgnoreCase));

        var unknown = await official.GetAsync($"/api/v1/competitions/{Guid.CreateVersion7()}/ranking", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/assignments/{Guid.CreateVersion7()}/sheet.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/applications/{Guid.CreateVersion7()}/evaluation-card.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_pdfs_are_files_and_a_card_without_a_result_is_409()
    {
        var ranked = await RankedAsync();
        var (official, _) = await ClientAsync(Roles.Official, "pl");

        var sheet = await official.GetAsync($"/api/v1/assignments/{ranked.Scored.AssignmentIds[0]}/sheet.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Anna Nowak", Testing.Documents.PdfText.Extract(await sheet.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);

        var card = await official.GetAsync($"/api/v1/applications/{ranked.Alfa.Id}/evaluation-card.pdf?anonymised=true", Ct);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        var cardText = Testing.Documents.PdfText.Extract(await card.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Ekspert 2", cardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nowak", cardText, StringComparison.Ordinal);
        Assert.EndsWith("-anonimizowana.pdf", (card.Content.Headers.ContentDisposition!.FileNameStar ?? card.Content.Headers.ContentDisposition.FileName)!.Trim('"'), StringComparison.Ordinal);

        var pending = await official.GetAsync($"/api/v1/applications/{ranked.Beta.Id}/evaluation-card.pdf", Ct);
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal("evaluation.result_pending", (await JsonAsync(pending)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_officials_read_the_ranking_and_cards_and_an_expert_only_his_own_sheet()
    {
        var (expert, expertId) = await ClientAsync(Roles.Expert);
        var ranked = await RankedAsync(expertId);
        var (applicant, _) = await ClientAsync(Roles.Applicant);

        var refused = await applicant.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking?format=csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/applications/{ranked.Alfa.Id}/evaluation-card.pdf?anonymised=true", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/assignments/{ranked.Scored.AssignmentIds[0]}/sheet.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/applications/{ranked.Alfa.Id}/evaluation-card.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/competitions/{ranked.CompetitionId}/ranking", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/assignments/{ranked.Scored.AssignmentIds[0]}/sheet.pdf", Ct)).StatusCode);
        var other = await expert.GetAsync($"/api/v1/assignments/{ranked.Scored.AssignmentIds[1]}/sheet.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_browser_downloads_the_files_with_its_sign_in_cookie()
    {
        var ranked = await RankedAsync();
        var email = await factory.CreateUserAsync(Roles.Official);
        string[] paths =
        [
            $"/files/competitions/{ranked.CompetitionId}/ranking.xlsx",
            $"/files/competitions/{ranked.CompetitionId}/ranking.csv?passedOnly=true",
            $"/files/assignments/{ranked.Scored.AssignmentIds[1]}/sheet.pdf",
            $"/files/applications/{ranked.Alfa.Id}/evaluation-card.pdf",
            $"/files/applications/{ranked.Alfa.Id}/evaluation-card.pdf?anonymised=true",
        ];

        var anonymous = await factory.CreateBrowser().GetAsync(paths[0], Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var browser = new BrowserSession(factory.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, KkkWebFactory.Password)).StatusCode);
        var contentTypes = new List<string?>();
        foreach (var path in paths)
        {
            var response = await browser.Client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            contentTypes.Add(response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/pdf", "application/pdf", "application/pdf"], contentTypes);
        var passedOnly = await (await browser.Client.GetAsync(paths[1], Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Single(passedOnly.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
