using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The expert pool in the browser: an official invites, the person follows the link from the invitation e-mail,
/// creates the account and completes the profile, and the official sees it complete in the pool.
/// </summary>
public sealed class ExpertPoolTests(UiFixture ui)
{
    private const string Password = "Ekspert-Haslo-2026!";

    private static string NewEmail() => $"ekspert-{Guid.NewGuid():N}@test.kkk.pl";

    /// <summary>The link of the latest invitation e-mail to the address, as the outbox holds it for the dispatcher.</summary>
    private async Task<(string Link, string Subject)> InvitationAsync(string email)
    {
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientEmail == email && m.TemplateKey == ExpertMessages.Invitation)
            .OrderByDescending(m => m.CreatedAt).FirstAsync();
        Assert.Contains(message.Link!, message.Text, StringComparison.Ordinal);
        return (message.Link!, message.Subject);
    }

    private static async Task SearchPoolAsync(IPage page, string text)
    {
        await page.FillAsync("#pool-search", text);
        await page.ClickAsync("[data-testid=pool-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=pool-total]")).ToHaveTextAsync("Ekspertów: 1");
    }

    [Fact]
    public async Task An_invited_person_joins_through_the_email_link_completes_the_profile_and_the_official_sees_it()
    {
        var email = NewEmail();
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official);
        await official.ClickAsync("[data-testid=nav-experts]");
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Pula ekspertów");
        await Assertions.Expect(official.Locator("[data-testid=pool-row-name]").First).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "expert pool");

        await official.ClickAsync("[data-testid=expert-invite-open]");
        await official.FillAsync("#invite-name", "dr Zofia Testowa");
        await official.FillAsync("#invite-email", "zle-adres");
        await official.ClickAsync("[data-testid=expert-invite-send]");
        await Assertions.Expect(official.Locator("[data-testid=expert-invite-dialog]")).ToContainTextAsync("Adres e-mail jest nieprawidłowy.");
        await Ui.AssertAccessibleAsync(official, "invite dialog");
        await official.FillAsync("#invite-email", email);
        await official.ClickAsync("[data-testid=expert-invite-send]");
        await Assertions.Expect(official.Locator(".mud-snackbar")).ToContainTextAsync(email);
        await SearchPoolAsync(official, email);
        await Assertions.Expect(official.Locator("[data-testid=pool-row-status]")).ToHaveAttributeAsync("data-status", "Invited");

        var (link, subject) = await InvitationAsync(email);
        Assert.Equal("Zaproszenie do puli ekspertów konkursu KKK", subject);
        var person = await ui.NewPageAsync();
        await person.GotoAsync(link);
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Zaproszenie do puli ekspertów");
        await Assertions.Expect(person.Locator("[data-testid=invitation-for]")).ToContainTextAsync(email);
        await Ui.AssertAccessibleAsync(person, "invitation");
        await person.FillAsync("#invitation-password", "krotkie");
        await person.FillAsync("#invitation-confirm", "krotkie");
        await person.ClickAsync("[data-testid=invitation-create]");
        await Assertions.Expect(person.Locator("[data-testid=invitation-password-error]")).ToContainTextAsync("Hasło musi mieć co najmniej 12 znaków.");
        await person.FillAsync("#invitation-password", Password);
        await person.FillAsync("#invitation-confirm", Password);
        await person.ClickAsync("[data-testid=invitation-create]");
        await person.WaitForURLAsync(url => url.Contains("/expert/profile", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Ui.WaitForInteractiveAsync(person);
        await Assertions.Expect(person.Locator("[data-testid=my-expert-welcome]")).ToBeVisibleAsync();
        await Assertions.Expect(person.Locator("[data-testid=nav-expert-profile]")).ToBeVisibleAsync();
        await Assertions.Expect(person.Locator("[data-testid=expert-profile-state]")).ToHaveAttributeAsync("data-complete", "false");

        await person.SelectOptionAsync("#my-profile-voivodeship", "30");
        await person.Locator("[data-testid=expert-kis] [data-kis=KIS4] input").CheckAsync();
        await person.Locator("[data-testid=expert-kis] [data-kis=KIS7] input").CheckAsync();
        await person.FillAsync("#my-profile-max-load", "6");
        await person.ClickAsync("[data-testid=expert-affiliation-add]");
        await person.FillAsync("#my-profile-aff-0-nip", "526-025-02-75");
        await person.FillAsync("#my-profile-aff-0-name", "Politechnika Testowa");
        await person.FillAsync("#my-profile-aff-0-from", "2022-10-01");
        await person.ClickAsync("[data-testid=expert-profile-save]");
        await Assertions.Expect(person.Locator("[data-testid=expert-affiliation]")).ToContainTextAsync("NIP jest nieprawidłowy");
        await Ui.AssertAccessibleAsync(person, "my expert profile with an error");
        await person.FillAsync("#my-profile-aff-0-nip", "526-025-02-74");
        await person.ClickAsync("[data-testid=expert-profile-save]");
        await Assertions.Expect(person.Locator(".mud-snackbar")).ToContainTextAsync("Zapisano profil.");
        await Assertions.Expect(person.Locator("[data-testid=expert-profile-state]")).ToHaveAttributeAsync("data-complete", "true");
        await Assertions.Expect(person.Locator("#my-profile-aff-0-nip")).ToHaveValueAsync("5260250274");

        await official.ClickAsync("[data-testid=pool-search-submit]");
        await Assertions.Expect(official.Locator("[data-testid=pool-row-status]")).ToHaveAttributeAsync("data-status", "Active");
        await Assertions.Expect(official.Locator("[data-testid=pool-row-complete]")).ToHaveAttributeAsync("data-complete", "true");
        await Assertions.Expect(official.Locator("[data-testid=pool-row-kis]")).ToHaveTextAsync("KIS4, KIS7");
        await official.ClickAsync("[data-testid=pool-row-name]");
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("dr Zofia Testowa");
        await Assertions.Expect(official.Locator("#expert-profile-voivodeship")).ToHaveValueAsync("30");
        await Assertions.Expect(official.Locator("#expert-profile-aff-0-name")).ToHaveValueAsync("Politechnika Testowa");
        await Ui.AssertAccessibleAsync(official, "expert detail");
    }

    [Fact]
    public async Task The_pages_work_in_english_and_an_official_takes_an_invited_expert_out_of_the_pool()
    {
        var email = NewEmail();
        var invited = await ui.Host.Services.SendAsAsync(TestUsers.Official, new InviteExpert(email, "Jane Tester", "en"), TestContext.Current.CancellationToken);
        var (link, subject) = await InvitationAsync(email);
        Assert.Equal("Invitation to the KKK competition expert pool", subject);

        var person = await ui.NewPageAsync("en-GB");
        await person.GotoAsync(link);
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Invitation to the expert pool");
        await Ui.AssertAccessibleAsync(person, "invitation (en)");
        await person.FillAsync("#invitation-password", Password);
        await person.FillAsync("#invitation-confirm", Password + "x");
        await person.ClickAsync("[data-testid=invitation-create]");
        await Assertions.Expect(person.Locator("[data-testid=invitation-password-error]")).ToHaveTextAsync("The passwords do not match.");
        await person.FillAsync("#invitation-password", Password);
        await person.FillAsync("#invitation-confirm", Password);
        await person.ClickAsync("[data-testid=invitation-create]");
        await person.WaitForURLAsync(url => url.Contains("/expert/profile", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Ui.WaitForInteractiveAsync(person);
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("My expert profile");
        await Ui.AssertAccessibleAsync(person, "my expert profile (en)");

        // The link works once: opened again it says so.
        var again = await ui.NewPageAsync("en-GB");
        await again.GotoAsync(link);
        await Assertions.Expect(again.Locator("[data-testid=invitation-refused]")).ToHaveTextAsync("The invitation link is not valid or has already been used.");

        var official = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(official, Roles.Official, $"/experts/{invited.Id}");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Jane Tester");
        await Assertions.Expect(official.Locator("[data-testid=expert-status]")).ToHaveTextAsync("active");
        await Ui.AssertAccessibleAsync(official, "expert detail (en)");
        await official.ClickAsync("[data-testid=expert-deactivate]");
        await official.ClickAsync("[data-testid=expert-deactivate-confirm]");
        await Assertions.Expect(official.Locator("[data-testid=expert-status]")).ToHaveTextAsync("out of the pool");
        await Assertions.Expect(official.Locator("[data-testid=expert-reactivate]")).ToBeVisibleAsync();

        await official.GotoAsync("/experts");
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Expert pool");
        await official.SelectOptionAsync("#pool-status", "Inactive");
        await official.FillAsync("#pool-search", email);
        await official.ClickAsync("[data-testid=pool-search-submit]");
        await Assertions.Expect(official.Locator("[data-testid=pool-total]")).ToHaveTextAsync("Experts: 1");
        await Ui.AssertAccessibleAsync(official, "expert pool (en)");
    }

    [Fact]
    public async Task The_demo_expert_sees_his_complete_profile_and_others_have_no_pool_link()
    {
        var expert = await ui.NewPageAsync();
        await Ui.SignInAsync(expert, Roles.Expert);
        await expert.ClickAsync("[data-testid=nav-expert-profile]");
        await Ui.WaitForInteractiveAsync(expert);
        await Assertions.Expect(expert.Locator("[data-testid=expert-profile-state]")).ToHaveAttributeAsync("data-complete", "true");
        await Assertions.Expect(expert.Locator("#my-profile-name")).ToHaveValueAsync("Edward Ekspert");
        Assert.Equal(0, await expert.Locator("[data-testid=nav-experts]").CountAsync());
        await Ui.AssertAccessibleAsync(expert, "demo expert profile");

        await expert.GotoAsync("/experts");
        await Assertions.Expect(expert.Locator("h1")).Not.ToHaveTextAsync("Pula ekspertów");
    }
}
