using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The expert pool over HTTP: the invitation link taken from the outbox, the own profile, and the refusals.</summary>
public sealed class ExpertApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role) => await BearerAsync(await factory.CreateUserAsync(role));

    private async Task<HttpClient> BearerAsync(string email)
    {
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static string NewEmail() => $"expert-{Guid.NewGuid():N}@test.kkk.pl";

    private async Task<string> TokenFromOutboxAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var link = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientEmail == email && m.TemplateKey == ExpertMessages.Invitation)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Link!).FirstAsync(Ct);
        return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
    }

    /// <summary>An official invites, the person accepts anonymously over the API and signs in: his client and pool entry.</summary>
    private async Task<(HttpClient Client, JsonElement Entry)> JoinedExpertAsync(HttpClient official)
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/v1/experts", new { email, fullName = "Jan API" }, Ct)).StatusCode);
        var accept = await factory.CreateClient().PostAsJsonAsync("/api/v1/expert-invitations/acceptance",
            new { token = await TokenFromOutboxAsync(email), password = KkkWebFactory.Password, language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.True((await JsonAsync(accept)).GetProperty("accountCreated").GetBoolean());
        var client = await BearerAsync(email);
        return (client, await JsonAsync(await client.GetAsync("/api/v1/me/expert-profile", Ct)));
    }

    private static object Profile(int version, string nip = "5260250274", int maxLoad = 4) => new
    {
        fullName = "Jan API",
        voivodeshipTeryt = "12",
        kisCodes = new[] { "KIS1" },
        maxLoadPerCompetition = maxLoad,
        available = true,
        affiliations = new[] { new { nip, organisationName = "Klaster", from = "2024-01-01", to = (string?)null } },
        version,
    };

    [Fact]
    public async Task The_openapi_document_lists_the_expert_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/experts", "/api/v1/experts/{id}", "/api/v1/experts/{id}/profile", "/api/v1/experts/{id}/invitation",
            "/api/v1/experts/{id}/deactivation", "/api/v1/experts/{id}/reactivation", "/api/v1/me/expert-profile",
            "/api/v1/expert-invitations/{token}", "/api/v1/expert-invitations/acceptance",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Contains("\"operationId\": \"InviteExpert\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_then_its_address_again_is_409_naming_the_entry_and_a_bad_address_400_naming_email()
    {
        var official = await ClientAsync(Roles.Official);
        var email = NewEmail();

        var created = await official.PostAsJsonAsync("/api/v1/experts", new { email, fullName = "Anna API", language = "en" }, Ct);
        var again = await official.PostAsJsonAsync("/api/v1/experts", new { email = email.ToUpperInvariant(), fullName = "Anna API" }, Ct);
        var bad = await official.PostAsJsonAsync("/api/v1/experts", new { email = "nobody", fullName = "X" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/experts/{id}", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var conflict = await JsonAsync(again);
        Assert.Equal(("expert.email_taken", id), (conflict.GetProperty("code").GetString(), conflict.GetProperty("expertId").GetGuid()));
        Assert.Equal("This address is already in the expert pool.", conflict.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_bad_link_is_409_and_a_weak_password_400_naming_password()
    {
        var official = await ClientAsync(Roles.Official);
        var email = NewEmail();
        await official.PostAsJsonAsync("/api/v1/experts", new { email, fullName = "Anna API" }, Ct);
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("pl"));

        var shown = await anonymous.GetAsync($"/api/v1/expert-invitations/{Uri.EscapeDataString(await TokenFromOutboxAsync(email))}", Ct);
        var unknown = await anonymous.GetAsync("/api/v1/expert-invitations/made-up-token", Ct);
        var weak = await anonymous.PostAsJsonAsync("/api/v1/expert-invitations/acceptance", new { token = await TokenFromOutboxAsync(email), password = "weak" }, Ct);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(email, (await JsonAsync(shown)).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        var refused = await JsonAsync(unknown);
        Assert.Equal(("expert.invitation_invalid", "Link z zaproszenia jest nieprawidłowy albo został już użyty."), (refused.GetProperty("code").GetString(), refused.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var errors = (await JsonAsync(weak)).GetProperty("errors");
        Assert.Contains("Hasło musi mieć co najmniej 12 znaków.", errors.GetProperty("password").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_expert_edits_his_own_profile_a_bad_nip_is_400_naming_the_row_and_a_stale_version_409()
    {
        var official = await ClientAsync(Roles.Official);
        var (expert, entry) = await JoinedExpertAsync(official);
        var version = entry.GetProperty("version").GetInt32();

        var badNip = await expert.PutAsJsonAsync("/api/v1/me/expert-profile", Profile(version, "5260250275"), Ct);
        var saved = await expert.PutAsJsonAsync("/api/v1/me/expert-profile", Profile(version), Ct);
        var stale = await expert.PutAsJsonAsync("/api/v1/me/expert-profile", Profile(version, maxLoad: 9), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badNip.StatusCode);
        var fields = (await JsonAsync(badNip)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(fields, f => string.Equals(f, "affiliations[0].nip", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True((await JsonAsync(saved)).GetProperty("isProfileComplete").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var id = entry.GetProperty("id").GetGuid();
        var seen = await JsonAsync(await official.GetAsync($"/api/v1/experts/{id}", Ct));
        Assert.Equal(("Active", "12"), (seen.GetProperty("status").GetString(), seen.GetProperty("voivodeshipTeryt").GetString()));
        var listed = await JsonAsync(await official.GetAsync($"/api/v1/experts?search={Uri.EscapeDataString(entry.GetProperty("email").GetString()!)}&kisCode=KIS1&sortBy=Email&descending=true", Ct));
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_expert_gets_404_for_another_experts_entry_and_403_for_the_pool_and_others_are_refused()
    {
        var official = await ClientAsync(Roles.Official);
        var (anna, annaEntry) = await JoinedExpertAsync(official);
        var (_, janEntry) = await JoinedExpertAsync(official);
        var jan = janEntry.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/api/v1/experts/{annaEntry.GetProperty("id").GetGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/api/v1/experts/{jan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PutAsJsonAsync($"/api/v1/experts/{jan}/profile", Profile(janEntry.GetProperty("version").GetInt32()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/api/v1/experts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync($"/api/v1/experts/{jan}/deactivation", new { version = 0 }, Ct)).StatusCode);

        var applicant = await ClientAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/me/expert-profile", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/experts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/experts/{Guid.CreateVersion7()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Taking_an_expert_out_twice_is_409_with_its_code()
    {
        var official = await ClientAsync(Roles.Official);
        var created = await JsonAsync(await official.PostAsJsonAsync("/api/v1/experts", new { email = NewEmail(), fullName = "Anna API" }, Ct));
        var id = created.GetProperty("id").GetGuid();

        var first = await official.PostAsJsonAsync($"/api/v1/experts/{id}/deactivation", new { version = created.GetProperty("version").GetInt32() }, Ct);
        var second = await official.PostAsJsonAsync($"/api/v1/experts/{id}/deactivation", new { version = (await JsonAsync(first)).GetProperty("version").GetInt32() }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("expert.already_inactive", (await JsonAsync(second)).GetProperty("code").GetString());
    }
}
