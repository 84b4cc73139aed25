using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>
/// A browser-like client of the real host: fills the sign-in forms (with their antiforgery tokens) and walks
/// the OpenID Connect authorization code + PKCE flow by following redirects by hand.
/// </summary>
public sealed partial class BrowserSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formName, IDictionary<string, string> fields)
    {
        var page = await Client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await Client.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in with the password form; returns the response (a redirect on success, the page with an error otherwise).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "/") =>
        SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Runs authorization code + PKCE for the public client; the session must already be signed in, or gets signed in on the way.</summary>
    public async Task<TokenResponse> AuthorizationCodeFlowAsync(string email, string password, string scope = "openid profile email roles offline_access api")
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = KkkWebFactory.PublicClient,
            ["redirect_uri"] = KkkWebFactory.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

        var response = await Client.GetAsync(authorize);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))
        {
            var login = response.Headers.Location!;
            var returnUrl = QueryHelpers.ParseQuery(login.Query)["ReturnUrl"].ToString();
            var signedIn = await SignInAsync(email, password, returnUrl);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            response = await Client.GetAsync(signedIn.Headers.Location!);
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var callback = response.Headers.Location!;
        Assert.StartsWith(KkkWebFactory.RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(state, query["state"].ToString());

        var token = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = KkkWebFactory.PublicClient,
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = KkkWebFactory.RedirectUri,
            ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (await token.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed record TokenResponse(string AccessToken, string? RefreshToken, string? IdToken, string TokenType, int ExpiresIn);
