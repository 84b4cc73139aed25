using System.Net;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace KkkCompetition.Web.IntegrationTests;

public sealed class SignInTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    [Fact]
    public async Task Five_failed_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var email = await factory.CreateUserAsync(Roles.Applicant);
        var session = new BrowserSession(factory.CreateBrowser());
        for (var i = 0; i < 5; i++)
        {
            var failed = await session.SignInAsync(email, "Wrong-Password-123!");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var locked = await session.SignInAsync(email, KkkWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("zablokowane", await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_the_right_one_signs_in()
    {
        var email = await factory.CreateUserAsync(Roles.Expert);
        var session = new BrowserSession(factory.CreateBrowser());
        var failed = await session.SignInAsync(email, "Wrong-Password-123!");
        Assert.Contains("data-testid=\"login-error\"", await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var ok = await session.SignInAsync(email, KkkWebFactory.Password, "/competitions");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/competitions", new Uri(new Uri("http://localhost"), ok.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task The_return_address_after_sign_in_never_leaves_the_site()
    {
        var email = await factory.CreateUserAsync(Roles.Expert);
        var ok = await new BrowserSession(factory.CreateBrowser()).SignInAsync(email, KkkWebFactory.Password, "//evil.example.com/");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), new Uri(new Uri("http://localhost"), ok.Headers.Location!));
    }

    [Fact]
    public async Task Passwords_shorter_than_12_characters_are_refused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "short@test.kkk.pl", Email = "short@test.kkk.pl" }, "Sh0rt-Pass!");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }
}

/// <summary>With the production rule on, officials and administrators must enrol in TOTP before anything else.</summary>
public sealed class StaffTwoFactorTests(KkkWebFactoryWithStaffTwoFactor factory) : IClassFixture<KkkWebFactoryWithStaffTwoFactor>
{
    [Fact]
    public async Task An_official_without_two_factor_is_sent_to_enrol_then_signs_in_with_a_totp_code()
    {
        var email = await factory.CreateUserAsync(Roles.Official);
        var browser = factory.CreateBrowser();
        var session = new BrowserSession(browser);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, KkkWebFactory.Password)).StatusCode);

        var home = await browser.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location!.OriginalString);

        var page = await browser.GetStringAsync("/account/two-factor", TestContext.Current.CancellationToken);
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"2fa-key\">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.False(string.IsNullOrEmpty(key));
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await session.SubmitFormAsync("/account/two-factor", "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Contains("data-testid=\"recovery-codes\"", await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        // A new sign-in now asks for the second factor.
        var fresh = factory.CreateBrowser();
        var second = new BrowserSession(fresh);
        var first = await second.SignInAsync(email, KkkWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var twoFactorPage = new Uri(new Uri("http://localhost"), first.Headers.Location!).PathAndQuery;
        Assert.StartsWith("/account/login-2fa", twoFactorPage, StringComparison.Ordinal);
        var verified = await second.SubmitFormAsync(twoFactorPage, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_applicant_is_not_forced_to_enrol()
    {
        var email = await factory.CreateUserAsync(Roles.Applicant);
        var browser = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await new BrowserSession(browser).SignInAsync(email, KkkWebFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }
}
