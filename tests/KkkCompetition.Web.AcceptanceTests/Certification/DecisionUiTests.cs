using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Certification;

/// <summary>The applicant's decision page (positive and negative), his list of decisions, and the official's list with paper delivery.</summary>
public sealed class DecisionUiTests(UiFixture ui)
{
    private const string Password = "Test-Password-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DecisionLinks.Day(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow));

    private static string LastDay => DecisionLinks.Day(WorkingDayCalendar.DeadlineDay(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow), 14));

    private async Task<(string Email, Guid Id)> ApplicantAsync()
    {
        var email = $"koordynator-{Guid.NewGuid():N}@klaster.example.pl";
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Koordynator Decyzji", Password, Roles.Applicant);
        return (email, user.Id);
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
    public async Task The_applicant_opens_a_refusal_with_its_deadline_and_appeal_link_and_a_certificate_with_its_status()
    {
        // One organisation per account: each decision has an applicant of its own.
        var (email, ownerId) = await ApplicantAsync();
        var (certifiedEmail, certifiedOwnerId) = await ApplicantAsync();
        var arrange = new DecisionArrange(ui.Host.Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(TestYears.Next(), Ct);
        var rejected = await arrange.RejectedAsync(competitionId, "Klaster Odmowny UI", new ApplicationShape { Members = 2, OwnerUserId = ownerId }, Ct);
        var certified = await arrange.CertifiedAsync(competitionId, "Klaster Certyfikowany UI", new ApplicationShape { Members = 2, OwnerUserId = certifiedOwnerId }, Ct);
        var page = await ui.NewPageAsync();

        await SignInAsync(page, email, DecisionLinks.Page(rejected.DecisionId));

        await Assertions.Expect(page.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("Odmowa nadania statusu KKK");
        await Assertions.Expect(page.Locator("[data-testid=decision-votes]")).ToHaveTextAsync("za: 1, przeciw: 6, wstrzymujące się: 1");
        await Assertions.Expect(page.Locator("[data-testid=decision-justification]")).ToHaveTextAsync(DecisionArrange.NegativeJustification);
        await Assertions.Expect(page.Locator("[data-testid=decision-delivery]")).ToHaveTextAsync($"otwarta w portalu {Today}");
        await Assertions.Expect(page.Locator("[data-testid=appeal-deadline]")).ToHaveTextAsync($"Odwołanie można złożyć w terminie 14 dni od doręczenia: do {LastDay} włącznie.");
        await Assertions.Expect(page.Locator("[data-testid=appeal-link]")).ToHaveAttributeAsync("href", DecisionLinks.Appeal(rejected.DecisionId));
        await Assertions.Expect(page.Locator("[data-testid=decision-certificate]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "decision (negative)");
        var letter = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=letter-pdf]"));
        Assert.Equal($"decyzja-{rejected.Application.Number.Replace('/', '-')}.pdf", letter.SuggestedFilename);

        await page.GotoAsync(DecisionLinks.MyDecisions);
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=my-decision-link]")).ToHaveTextAsync([$"{rejected.Application.Number} — Klaster Odmowny UI"]);
        await Ui.AssertAccessibleAsync(page, "my decisions");
        await page.GotoAsync($"/applications/{rejected.Application.Id}");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=application-decision-link]")).ToHaveAttributeAsync("href", DecisionLinks.Page(rejected.DecisionId));

        // Someone else's decision is not found, and reading it delivers nothing.
        await page.GotoAsync(DecisionLinks.Page(certified.DecisionId));
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=decision-not-found]")).ToBeVisibleAsync();
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkCompetition.Infrastructure.Persistence.KkkDbContext>();
            Assert.Null(await db.CertificationDecisions.Where(d => d.Id == certified.DecisionId).Select(d => d.DeliveredAt).SingleAsync(Ct));
        }

        page = await ui.NewPageAsync();
        await SignInAsync(page, certifiedEmail, DecisionLinks.Page(certified.DecisionId));
        await Assertions.Expect(page.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("Nadanie statusu KKK");
        await Assertions.Expect(page.Locator("[data-testid=certificate-number]")).ToHaveTextAsync(certified.CertificateNumber!);
        await Assertions.Expect(page.Locator("[data-testid=certificate-state]")).ToHaveTextAsync("aktywny");
        await Assertions.Expect(page.Locator("[data-testid=appeal-link]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "decision (positive)");
        var certificate = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=certificate-pdf]"));
        Assert.Equal($"certyfikat-{certified.CertificateNumber!.Replace('/', '-')}.pdf", certificate.SuggestedFilename);
    }

    [Fact]
    public async Task The_decision_page_speaks_english()
    {
        var (email, ownerId) = await ApplicantAsync();
        var arrange = new DecisionArrange(ui.Host.Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(TestYears.Next(), Ct);
        var rejected = await arrange.RejectedAsync(competitionId, "Klaster Angielski UI", new ApplicationShape { Members = 2, OwnerUserId = ownerId }, Ct);
        var page = await ui.NewPageAsync("en-GB");

        await SignInAsync(page, email, DecisionLinks.Page(rejected.DecisionId));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Commission decision: {rejected.Application.Number}");
        await Assertions.Expect(page.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("KKK status refused");
        await Assertions.Expect(page.Locator("[data-testid=appeal-deadline]")).ToHaveTextAsync($"You may appeal within 14 days of delivery: until {LastDay} inclusive.");
        await Assertions.Expect(page.Locator("[data-testid=appeal-link]")).ToHaveTextAsync("Appeal");
        await Ui.AssertAccessibleAsync(page, "decision (en)");
    }

    [Fact]
    public async Task The_official_enters_paper_delivery_and_sees_the_appeal_deadline()
    {
        var arrange = new DecisionArrange(ui.Host.Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(TestYears.Next(), Ct);
        await arrange.RejectedAsync(competitionId, "Klaster Papierowy UI", cancellationToken: Ct);
        await arrange.CertifiedAsync(competitionId, "Klaster Portalowy UI", cancellationToken: Ct);
        var page = await ui.NewPageAsync();

        await Ui.SignInAsync(page, Roles.Official, DecisionLinks.OfficialList(competitionId));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Decyzje i doręczenia");
        await Assertions.Expect(page.Locator("[data-testid=od-row-cluster]")).ToHaveTextAsync(["Klaster Papierowy UI", "Klaster Portalowy UI"]);
        await Assertions.Expect(page.Locator("[data-testid=od-paper-form]")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(page, "decisions (official)");

        await page.Locator("[data-testid=od-paper-date]").First.FillAsync(Today);
        await page.Locator("[data-testid=od-paper-save]").First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=od-row-delivery]")).ToHaveTextAsync([$"doręczona na papierze {Today}"]);
        await Assertions.Expect(page.Locator("[data-testid=od-row-deadline]")).ToHaveTextAsync([$"do {LastDay} włącznie", "—"]);

        await page.SelectOptionAsync("#od-delivery", "NotDelivered");
        await Assertions.Expect(page.Locator("[data-testid=od-row-cluster]")).ToHaveTextAsync(["Klaster Portalowy UI"]);
    }
}
