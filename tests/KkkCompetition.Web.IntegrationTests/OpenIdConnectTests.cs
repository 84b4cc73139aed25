using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Web.IntegrationTests;

public sealed class OpenIdConnectTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_then_client_credentials_token_then_api_call()
    {
        var client = factory.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration", Ct)).RootElement;
        var tokenEndpoint = new Uri(discovery.GetProperty("token_endpoint").GetString()!);
        Assert.Contains("client_credentials", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("registry", discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));

        var tokenResponse = await client.PostAsync(tokenEndpoint.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = KkkWebFactory.RegistryClient,
            ["client_secret"] = KkkWebFactory.RegistrySecret,
            ["scope"] = "registry",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>(BrowserSession.Json, Ct))!;

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me", Ct)).RootElement;
        Assert.Equal("Registry test client", me.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("userId").ValueKind);
        Assert.Equal([Roles.IntegrationClient], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // A system integration reads; it never acts as an official.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit", Ct)).StatusCode);
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_or_an_unpermitted_scope_are_refused()
    {
        var client = factory.CreateClient();
        var wrongSecret = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = KkkWebFactory.RegistryClient,
            ["client_secret"] = "wrong",
            ["scope"] = "registry",
        }), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);

        var wrongScope = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = KkkWebFactory.RegistryClient,
            ["client_secret"] = KkkWebFactory.RegistrySecret,
            ["scope"] = "api",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongScope.StatusCode);
        var error = await wrongScope.Content.ReadAsStringAsync(Ct);
        Assert.Contains("scope", error, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_signs_in_a_user_and_the_token_carries_the_roles()
    {
        var email = await factory.CreateUserAsync(Roles.Official);
        var session = new BrowserSession(factory.CreateBrowser());
        var tokens = await session.AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = JsonDocument.Parse(await api.GetStringAsync("/api/v1/me", Ct)).RootElement;
        Assert.Equal(email, me.GetProperty("name").GetString());
        Assert.Equal([Roles.Official], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/audit?pageSize=5", Ct)).StatusCode);

        var refreshed = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = KkkWebFactory.PublicClient,
            ["refresh_token"] = tokens.RefreshToken!,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var again = (await refreshed.Content.ReadFromJsonAsync<TokenResponse>(BrowserSession.Json, Ct))!;
        Assert.NotEqual(tokens.AccessToken, again.AccessToken);
    }

    [Fact]
    public async Task A_code_cannot_be_redeemed_without_the_pkce_verifier()
    {
        var email = await factory.CreateUserAsync(Roles.Applicant);
        var browser = factory.CreateBrowser();
        var session = new BrowserSession(browser);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, KkkWebFactory.Password)).StatusCode);

        // PKCE is required: an authorization request without a code challenge is refused.
        var response = await browser.GetAsync($"/connect/authorize?client_id={KkkWebFactory.PublicClient}&redirect_uri={Uri.EscapeDataString(KkkWebFactory.RedirectUri)}&response_type=code&scope=openid", Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("error=invalid_request", response.Headers.Location!.Query, StringComparison.Ordinal);
        }
    }
}
