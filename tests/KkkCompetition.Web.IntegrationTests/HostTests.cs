using System.Net;
using System.Text.Json;

namespace KkkCompetition.Web.IntegrationTests;

public sealed class HostTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    [Fact]
    public async Task Health_live_and_ready_answer_200()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_v1_endpoints_and_scalar_serves_the_reference()
    {
        var client = factory.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/audit", paths);
        Assert.Contains("/api/v1/competitions", paths);
        Assert.Contains("/api/v1/competitions/{id}/announce", paths);
        Assert.Contains("/api/v1/reference/voivodeships", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));

        var scalar = await client.GetAsync("/scalar/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("text/html", scalar.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Public_endpoints_answer_without_a_token_and_the_login_page_is_polish_by_default()
    {
        var client = factory.CreateClient();
        var voivodeships = await client.GetStringAsync("/api/v1/reference/voivodeships", TestContext.Current.CancellationToken);
        Assert.Equal(16, JsonDocument.Parse(voivodeships).RootElement.GetArrayLength());
        var login = await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"pl\"", login, StringComparison.Ordinal);
        Assert.Contains("Logowanie", login, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/account/login?culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_dashboard_is_refused_to_anonymous_users()
    {
        var response = await factory.CreateClient().GetAsync("/jobs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
