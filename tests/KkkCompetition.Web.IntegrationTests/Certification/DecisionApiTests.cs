using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests.Certification;

/// <summary>The decisions over HTTP: the applicant's reading delivers, someone else's is 404, paper delivery 400/409, the PDFs.</summary>
public sealed class DecisionApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static int _year = 2060;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid UserId)> ClientAsync(string role, string language = "pl")
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

    /// <summary>A certified and a rejected application, each owned by a user who signs in (the rejected one's client is given).</summary>
    private async Task<(ArrangedDecision Certified, ArrangedDecision Rejected, HttpClient CertifiedOwner, HttpClient RejectedOwner)> DecisionsAsync()
    {
        var arrange = new DecisionArrange(factory.Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(Interlocked.Increment(ref _year), Ct);
        var (certifiedOwner, certifiedOwnerId) = await ClientAsync(Roles.Applicant);
        var (rejectedOwner, rejectedOwnerId) = await ClientAsync(Roles.Applicant);
        var certified = await arrange.CertifiedAsync(competitionId, "Klaster Alfa", new ApplicationShape { Members = 2, OwnerUserId = certifiedOwnerId }, Ct);
        var rejected = await arrange.RejectedAsync(competitionId, "Klaster Beta", new ApplicationShape { Members = 2, OwnerUserId = rejectedOwnerId }, Ct);
        return (certified, rejected, certifiedOwner, rejectedOwner);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private async Task<(DateTimeOffset? DeliveredAt, int Version)> StoredAsync(Guid decisionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().CertificationDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId, Ct);
        return (decision.DeliveredAt, decision.Version);
    }

    [Fact]
    public async Task The_openapi_document_names_the_decision_endpoints()
    {
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");

        var get = paths.GetProperty("/api/v1/decisions/{decisionId}").GetProperty("get");
        Assert.Equal("GetDecision", get.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        Assert.Equal("RecordPaperDelivery", paths.GetProperty("/api/v1/decisions/{decisionId}/paper-delivery").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("GetCertificatePdf", paths.GetProperty("/api/v1/decisions/{decisionId}/certificate.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetDecisionLetterPdf", paths.GetProperty("/api/v1/decisions/{decisionId}/letter.pdf").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("ListCompetitionDecisions", paths.GetProperty("/api/v1/competitions/{competitionId}/decisions").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_applicants_get_delivers_the_decision_and_someone_elses_is_not_found()
    {
        var d = await DecisionsAsync();

        var others = await d.CertifiedOwner.GetAsync($"/api/v1/decisions/{d.Rejected.DecisionId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Null((await StoredAsync(d.Rejected.DecisionId)).DeliveredAt);
        Assert.Equal(HttpStatusCode.NotFound, (await d.CertifiedOwner.GetAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/letter.pdf", Ct)).StatusCode);

        var own = await d.RejectedOwner.GetAsync($"/api/v1/decisions/{d.Rejected.DecisionId}", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var view = await JsonAsync(own);
        Assert.Equal("Negative", view.GetProperty("outcome").GetString());
        Assert.Equal("Portal", view.GetProperty("deliveredBy").GetString());
        var lastDay = WorkingDayCalendar.DeadlineDay(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow), 14);
        Assert.Equal(DecisionLinks.Day(lastDay), view.GetProperty("appealLastDay").GetString());
        Assert.True(view.GetProperty("canAppealNow").GetBoolean());
        Assert.NotNull((await StoredAsync(d.Rejected.DecisionId)).DeliveredAt);
    }

    [Fact]
    public async Task Paper_delivery_needs_a_date_and_is_refused_the_second_time()
    {
        var d = await DecisionsAsync();
        var (official, _) = await ClientAsync(Roles.Official);
        var today = DecisionLinks.Day(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow));
        var version = (await StoredAsync(d.Rejected.DecisionId)).Version;

        var noDate = await official.PostAsJsonAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/paper-delivery", new { version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.True((await JsonAsync(noDate)).GetProperty("errors").TryGetProperty("deliveredOn", out _));

        var byApplicant = await d.RejectedOwner.PostAsJsonAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/paper-delivery", new { deliveredOn = today, version }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byApplicant.StatusCode);

        var first = await official.PostAsJsonAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/paper-delivery", new { deliveredOn = today, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var next = (await JsonAsync(first)).GetProperty("version").GetInt32();

        var second = await official.PostAsJsonAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/paper-delivery", new { deliveredOn = today, version = next }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("decision.already_delivered", (await JsonAsync(second)).GetProperty("code").GetString());

        var list = await JsonAsync(await official.GetAsync($"/api/v1/competitions/{d.Rejected.Application.CompetitionId}/decisions?delivery=Paper", Ct));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(d.Rejected.DecisionId, row.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_certificate_and_the_letter_are_pdfs_with_their_facts()
    {
        var d = await DecisionsAsync();
        var (official, _) = await ClientAsync(Roles.Official, "en");

        var certificate = await d.CertifiedOwner.GetAsync($"/api/v1/decisions/{d.Certified.DecisionId}/certificate.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType?.MediaType);
        var certificateBytes = await certificate.Content.ReadAsByteArrayAsync(Ct);
        Assert.NotEmpty(certificateBytes);
        Assert.Contains(d.Certified.CertificateNumber!, PdfText.Flat(certificateBytes), StringComparison.Ordinal);
        Assert.NotNull((await StoredAsync(d.Certified.DecisionId)).DeliveredAt);

        var letter = await official.GetAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/letter.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var letterText = PdfText.Flat(await letter.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("How to appeal", letterText, StringComparison.Ordinal);
        Assert.Contains(DecisionArrange.NegativeJustification, letterText, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Nowak", letterText, StringComparison.Ordinal);

        // An official's download is no delivery.
        Assert.Null((await StoredAsync(d.Rejected.DecisionId)).DeliveredAt);

        var noCertificate = await official.GetAsync($"/api/v1/decisions/{d.Rejected.DecisionId}/certificate.pdf", Ct);
        Assert.Equal(HttpStatusCode.Conflict, noCertificate.StatusCode);
        Assert.Equal("decision.no_certificate", (await JsonAsync(noCertificate)).GetProperty("code").GetString());
    }
}
