using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>The official's formal review queue and review screen, and the applicant's correction page, in both languages.</summary>
public sealed class FormalReviewUiTests(UiFixture ui)
{
    private const string Password = "Test-Password-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid CompetitionId, int Year, IReadOnlyList<SubmittedApplication> Apps)> SeedAsync(ApplicationShape? shape, params string[] clusters)
    {
        var year = TestYears.Next();
        var applications = new SubmittedApplications(ui.Host.Services, TimeProvider.System);
        var competitionId = await applications.CompetitionAsync($"Nabór testowy {year}", year, cancellationToken: Ct);
        return (competitionId, year, await applications.SubmitManyAsync(competitionId, clusters, shape, Ct));
    }

    private Task<T> SendAsync<T>(Mediator.ICommand<T> command) => ui.Host.Services.SendAsAsync(TestUsers.Official, command, Ct);

    /// <summary>axe measures a snackbar still fading in as low contrast: check once the confirmations are gone.</summary>
    private static Task SnackbarsGoneAsync(IPage page) => Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);

    [Fact]
    public async Task The_queue_lists_searches_and_exports_the_competitions_applications()
    {
        var page = await ui.NewPageAsync();
        var (competitionId, year, apps) = await SeedAsync(null, "Klaster Alfa UI", "Bałtycki Klaster UI", "Klaster Gamma UI");

        await Ui.SignInAsync(page, Roles.Official, $"/formal-review/{competitionId}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ocena formalna wniosków");
        await Assertions.Expect(page.Locator("[data-testid=nav-formal-review]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=fr-row-number]")).ToHaveTextAsync(apps.Select(a => a.Number).ToArray());
        await Assertions.Expect(page.Locator("[data-testid=fr-total]")).ToHaveTextAsync("Wniosków: 3");
        await Assertions.Expect(page.Locator("[data-testid=fr-row-status]").First).ToHaveTextAsync("Złożony");
        await Ui.AssertAccessibleAsync(page, "formal review queue");

        await page.FillAsync("#fr-search", "bałtycki");
        await page.ClickAsync("[data-testid=fr-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=fr-row-cluster]")).ToHaveTextAsync(["Bałtycki Klaster UI"]);

        await page.SelectOptionAsync("#fr-status", "FormallyAccepted");
        await Assertions.Expect(page.Locator("[data-testid=fr-empty]")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=fr-export-xlsx]"));
        Assert.Equal($"wnioski-{year}-1.xlsx", download.SuggestedFilename);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=fr-export-csv]"));
        Assert.Equal($"wnioski-{year}-1.csv", csv.SuggestedFilename);
    }

    [Fact]
    public async Task The_official_records_findings_beside_the_pre_check_and_sends_a_correction_request()
    {
        var page = await ui.NewPageAsync();
        var (competitionId, _, apps) = await SeedAsync(new ApplicationShape { Members = 45 }, "Klaster Delta UI");
        var application = apps[0];

        await Ui.SignInAsync(page, Roles.Official, $"/formal-review/{competitionId}");
        await page.ClickAsync($"text={application.Number}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Ocena formalna wniosku {application.Number}");
        var members = page.Locator("[data-testid=fr-rule][data-rule=member_count]");
        await Assertions.Expect(members.Locator("[data-testid=fr-precheck]")).ToHaveAttributeAsync("data-precheck", "NotMet");
        await Assertions.Expect(members.Locator("[data-testid=fr-precheck]")).ToContainTextAsync("Członków: 45 (wymagane co najmniej 51).");
        await Assertions.Expect(page.Locator("[data-testid=fr-rule][data-rule=cluster_age] [data-testid=fr-precheck]")).ToHaveAttributeAsync("data-precheck", "Met");
        await Ui.AssertAccessibleAsync(page, "formal review of an application");

        foreach (var rule in new[] { "cluster_age", "coordinator_identifiers" })
        {
            var article = page.Locator($"[data-testid=fr-rule][data-rule={rule}]");
            await article.Locator("[data-testid=fr-outcome-Pass]").CheckAsync();
            await article.Locator("[data-testid=fr-save-check]").ClickAsync();
            await Assertions.Expect(article).ToHaveAttributeAsync("data-outcome", "Pass");
        }

        await members.Locator("[data-testid=fr-outcome-Fixable]").CheckAsync();
        await page.FillAsync("#fr-comment-member_count", "Lista członków do uzupełnienia.");
        await members.Locator("[data-testid=fr-save-check]").ClickAsync();
        await Assertions.Expect(members).ToHaveAttributeAsync("data-outcome", "Fixable");
        await Assertions.Expect(page.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "FormalReview");

        // Accepting now is refused with the rule named, and nothing changes.
        await page.ClickAsync("[data-testid=fr-accept]");
        var refusal = page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "member_count" });
        await Assertions.Expect(refusal).ToContainTextAsync("Przed przyjęciem wszystkie kryteria formalne muszą być spełnione");
        await refusal.Locator("button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "FormalReview");

        await page.ClickAsync("[data-testid=fr-open-correction]");
        var indicators = page.Locator("[data-testid=fr-section][data-section=indicators]");
        await indicators.Locator("[data-testid=fr-section-check]").CheckAsync();
        await page.FillAsync("#fr-section-indicators-description", "Podaj zatrudnienie członków za 2 lata.");
        await SnackbarsGoneAsync(page);
        await Ui.AssertAccessibleAsync(page, "correction request form");
        await page.ClickAsync("[data-testid=fr-send-correction]");

        await Assertions.Expect(page.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "CorrectionRequested");
        await Assertions.Expect(page.Locator("[data-testid=fr-correction-items]")).ToContainTextAsync("Wskaźniki: Podaj zatrudnienie członków za 2 lata.");
        await Assertions.Expect(page.Locator("[data-testid=fr-delivered]")).ToContainTextAsync("jeszcze nie otwarte");
        await Assertions.Expect(page.Locator("[data-testid=fr-decision]")).ToContainTextAsync("Czeka na odpowiedź wnioskodawcy.");
    }

    [Fact]
    public async Task The_queue_and_the_review_screen_in_english_are_accessible()
    {
        var page = await ui.NewPageAsync("en-GB");
        var (competitionId, _, apps) = await SeedAsync(null, "Klaster Epsilon UI");
        await SendAsync(new RecordFormalCheck(apps[0].Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, "Too few members.", 1));

        await Ui.SignInAsync(page, Roles.Official, $"/formal-review/{competitionId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Formal review of applications");
        await Assertions.Expect(page.Locator("[data-testid=fr-row-status]")).ToHaveTextAsync(["In formal review"]);
        await Ui.AssertAccessibleAsync(page, "formal review queue (en)");

        await page.ClickAsync($"text={apps[0].Number}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Formal review of application {apps[0].Number}");
        await Assertions.Expect(page.Locator("[data-testid=fr-rule][data-rule=member_count] [data-testid=fr-precheck]")).ToContainTextAsync("System: met");
        await page.FillAsync("#fr-reasons", "The cluster has too few members.");
        await page.ClickAsync("[data-testid=fr-reject]");
        await Assertions.Expect(page.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "FormallyRejected");
        await Assertions.Expect(page.Locator("[data-testid=fr-reasons]")).ToHaveTextAsync("The cluster has too few members.");
        await SnackbarsGoneAsync(page);
        await Ui.AssertAccessibleAsync(page, "formal review of an application (en)");
    }

    [Fact]
    public async Task The_applicant_opens_the_correction_sees_its_items_and_deadline_and_answers_once()
    {
        var page = await ui.NewPageAsync();
        var email = $"koordynator-{Guid.NewGuid():N}@klaster.example.pl";
        Guid ownerId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            ownerId = (await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Koordynator Testowy", Password, Roles.Applicant)).Id;
        }

        var (_, _, apps) = await SeedAsync(new ApplicationShape { OwnerUserId = ownerId }, "Klaster Zeta UI");
        var application = apps[0];
        var version = 1;
        foreach (var rule in new[] { EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers })
        {
            version = await SendAsync(new RecordFormalCheck(application.Id, rule, FormalCheckOutcome.Pass, null, version));
            await Task.Delay(2, Ct);
        }

        version = await SendAsync(new RecordFormalCheck(application.Id, EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable, "Statut bez podpisów.", version));
        var requested = await SendAsync(new RequestCorrection(application.Id, [new("attachments:Statute", "Dołącz statut podpisany przez zarząd.")], version));

        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString($"/applications/{application.Id}/correction")}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await Ui.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Wezwanie do uzupełnienia wniosku {application.Number}");
        await Assertions.Expect(page.Locator("[data-testid=correction-item]")).ToContainTextAsync("Dołącz statut podpisany przez zarząd.");
        await Assertions.Expect(page.Locator("[data-testid=correction-edit-link]")).ToHaveAttributeAsync("href", $"/applications/{application.Id}?section=attachments%3AStatute");

        // Opening the page delivered the request: the deadline now runs 7 days from today, earlier than the deemed one.
        var lastDay = await page.Locator("[data-testid=correction-deadline]").GetAttributeAsync("data-last-day");
        Assert.True(DateOnly.Parse(lastDay!, System.Globalization.CultureInfo.InvariantCulture) < requested.LastDay, $"{lastDay} should be before {requested.LastDay}");
        await Assertions.Expect(page.Locator("[data-testid=formal-outcome-correction]")).ToContainTextAsync(lastDay!);
        await Ui.AssertAccessibleAsync(page, "correction request");

        await page.FillAsync("#correction-answer", "Dołączono podpisany statut.");
        await page.ClickAsync("[data-testid=correction-send]");
        await Assertions.Expect(page.Locator("[data-testid=correction-answered]")).ToContainTextAsync("Odpowiedź wysłana");
        await Assertions.Expect(page.Locator("[data-testid=correction-answer-text]")).ToHaveTextAsync("Dołączono podpisany statut.");
        await Assertions.Expect(page.Locator("[data-testid=correction-send]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=formal-outcome]")).ToHaveAttributeAsync("data-status", "Corrected");
        await SnackbarsGoneAsync(page);
        await Ui.AssertAccessibleAsync(page, "answered correction request");
    }
}
