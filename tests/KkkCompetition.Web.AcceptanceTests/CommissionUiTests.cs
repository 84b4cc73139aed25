using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The commission in the browser: a member votes on the recommendation list from the summary cards, the official follows the
/// progress, closes the voting with a quorum and reads the resolution; axe on each page.
/// </summary>
public sealed class CommissionUiTests(UiFixture ui)
{
    private const string Password = "Test-Password-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CommissionArrange Arrange => new(ui.Host.Services, TimeProvider.System);

    /// <summary>A member with an account that signs in with <see cref="Password"/>, appointed by the official.</summary>
    private async Task<(FixedUser User, string Email)> MemberAsync(Guid competitionId, string name)
    {
        var email = $"komisja-{Guid.NewGuid():N}@komisja.example.pl";
        Guid userId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            userId = (await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, name, Password, Roles.CommissionMember)).Id;
        }

        await ui.Host.Services.SendAsAsync(TestUsers.Official, new AddCommissionMember(competitionId, email, name, CommissionSide.Ministry, null, []), Ct);
        return (new FixedUser(userId, email, [Roles.CommissionMember]), email);
    }

    private static async Task SignInAsync(IPage page, string email, string returnUrl)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Ui.WaitForInteractiveAsync(page);
    }

    [Fact]
    public async Task A_member_votes_from_the_summary_cards_and_the_official_closes_the_voting_with_quorum()
    {
        var competitionId = await Arrange.CompetitionAsync(year: TestYears.Next(), cancellationToken: Ct);
        var apps = await Arrange.EvaluatedAsync(competitionId, [new("Klaster Komisyjny Alfa"), new("Klaster Komisyjny Beta", Passes: false)], cancellationToken: Ct);
        var (_, email) = await MemberAsync(competitionId, "Anna Głosująca");
        var (second, _) = await MemberAsync(competitionId, "Jan Drugi");
        await MemberAsync(competitionId, "Ewa Trzecia");
        var voting = await ui.Host.Services.SendAsAsync(TestUsers.Official, new SubmitRecommendationList(competitionId), Ct);

        var page = await ui.NewPageAsync();
        await SignInAsync(page, email, "/my-votes");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Głosowania komisji");
        await Assertions.Expect(page.Locator("[data-testid=nav-my-votes]")).ToBeVisibleAsync();
        var alfa = page.Locator($"[data-testid=mv-card][data-application='{apps[0].Id}']");
        var beta = page.Locator($"[data-testid=mv-card][data-application='{apps[1].Id}']");
        await Assertions.Expect(alfa.Locator("h2")).ToContainTextAsync("1. Klaster Komisyjny Alfa");
        await Assertions.Expect(alfa.Locator("[data-testid=mv-card-link]")).ToHaveAttributeAsync("href", CommissionLinks.EvaluationCard(voting.Id, apps[0].Id));
        await Ui.AssertAccessibleAsync(page, "my votes");

        await alfa.Locator("textarea").FillAsync("Wyraźna strategia i aktywni członkowie.");
        await alfa.Locator("[data-testid=mv-vote-For]").ClickAsync();
        await Assertions.Expect(alfa.Locator("[data-testid=mv-my-vote]")).ToHaveAttributeAsync("data-choice", "For");
        await Assertions.Expect(alfa).ToContainTextAsync("Wyraźna strategia i aktywni członkowie.");
        await beta.Locator("[data-testid=mv-vote-Against]").ClickAsync();
        await Assertions.Expect(beta.Locator("[data-testid=mv-my-vote]")).ToHaveAttributeAsync("data-choice", "Against");
        await Assertions.Expect(page.Locator("[data-testid=mv-counts]")).ToHaveCountAsync(0);

        await ui.Host.Services.SendAsAsync(second, new CastVote(voting.Id, apps[0].Id, VoteChoice.For), Ct);
        await ui.Host.Services.SendAsAsync(second, new CastVote(voting.Id, apps[1].Id, VoteChoice.Abstain), Ct);

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, CommissionLinks.Voting(voting.Id));
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Przebieg głosowania komisji");
        await Assertions.Expect(official.Locator("[data-testid=vp-row]")).ToHaveCountAsync(2);
        await Assertions.Expect(official.Locator("[data-testid=vp-row][data-quorum=yes]")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(official, "vote progress");

        await official.ClickAsync("[data-testid=vp-close]");
        var resolution = official.Locator("[data-testid=vp-resolution]");
        await Assertions.Expect(resolution.Locator("h2")).ToContainTextAsync("/KKK");
        await Assertions.Expect(resolution.Locator("[data-testid=vp-outcome]")).ToHaveCountAsync(2);
        await Assertions.Expect(resolution.Locator("[data-testid=vp-outcome]").Nth(0)).ToHaveAttributeAsync("data-outcome", "Positive");
        await Assertions.Expect(resolution.Locator("[data-testid=vp-outcome]").Nth(1)).ToHaveAttributeAsync("data-outcome", "Negative");
        await Assertions.Expect(official.Locator("[data-testid=vp-close]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(official, "vote progress closed");

        await page.CheckAsync("#mv-include-closed");
        await Assertions.Expect(alfa.Locator("[data-testid=mv-counts]")).ToContainTextAsync("za 2, przeciw 0, wstrzymało się 0");
    }

    [Fact]
    public async Task The_official_appoints_a_member_on_the_commission_page_in_english()
    {
        var competitionId = await Arrange.CompetitionAsync(year: TestYears.Next(), cancellationToken: Ct);
        var email = $"komisja-{Guid.NewGuid():N}@komisja.example.pl";
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Piotr Regionalny", Password, Roles.Applicant);
        }

        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Official, CommissionLinks.Members(competitionId));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Competition commission");
        await page.FillAsync("#cm-email", email);
        await page.FillAsync("#cm-name", "Piotr Regionalny");
        await page.SelectOptionAsync("#cm-side", "Regional");
        await page.FillAsync("#cm-voivodeship", "22");
        await page.ClickAsync("[data-testid=cm-add]");
        await Assertions.Expect(page.Locator("[data-testid=cm-member]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=cm-member]")).ToContainTextAsync("Regional government");
        await Ui.AssertAccessibleAsync(page, "commission members (en)");

        await page.ClickAsync("[data-testid=cm-submit-list]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("No application of the competition is evaluated");
    }
}
