using System.Globalization;
using System.Text.RegularExpressions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using KkkCompetition.Testing.Clusters;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static KkkCompetition.Web.AcceptanceTests.ApplicantSteps;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The whole of issue 4 in the browser, in Polish and in English: a new applicant registers the organisation and the
/// cluster, imports 60 members from an XLSX file, fills and submits the application and gets the receipt; an official
/// asks for a correction; the applicant follows the request to the reopened section, fixes it and answers; the official
/// accepts, and the applicant sees the outcome. axe checks every page on the way.
/// </summary>
public sealed class ApplicationJourneyTests(UiFixture ui)
{
    private const string CorrectedSection = "attachments:DevelopmentStrategy";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>axe measures a snackbar still fading in as low contrast: check once the confirmations are gone.</summary>
    private static Task SnackbarsGoneAsync(IPage page) => Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);

    /// <summary>An announced competition open from yesterday for 30 days, made through the use cases.</summary>
    private async Task<Guid> OpenCompetitionAsync(int year) =>
        await new SubmittedApplications(ui.Host.Services, TimeProvider.System).CompetitionAsync($"Nabór ścieżki {year}", year, cancellationToken: Ct);

    /// <summary>
    /// The product has no self-registration (accounts of coordinators are set up for them), so the applicant's account is
    /// made as the other acceptance tests make theirs; everything after it is done in the browser.
    /// </summary>
    private async Task<string> NewApplicantAccountAsync()
    {
        var email = $"journey-{Guid.NewGuid():N}@klaster.example.pl";
        await using var scope = ui.Host.Services.CreateAsyncScope();
        await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Julia Ścieżka", DemoData.Password, Roles.Applicant);
        return email;
    }

    [Theory]
    [InlineData("pl-PL")]
    [InlineData("en-GB")]
    public async Task An_application_goes_from_registration_through_a_correction_to_formal_acceptance(string locale)
    {
        var english = locale.StartsWith("en", StringComparison.Ordinal);
        string L(string polish, string inEnglish) => english ? inEnglish : polish;
        var year = TestYears.Next();
        var competitionId = await OpenCompetitionAsync(year);
        var email = await NewApplicantAccountAsync();

        // The applicant: organisation, cluster, 60 members from an XLSX file.
        var applicant = await ui.NewPageAsync(locale);
        await SignInAsync(applicant, email, "/organisation");
        await Expect(applicant.Locator("h1")).ToHaveTextAsync(L("Organizacja koordynująca", "Coordinating organisation"));
        await Ui.AssertAccessibleAsync(applicant, "organisation form");
        await RegisterOrganisationAsync(applicant, name: $"Fundacja Klastra Ścieżki {year}");
        await Expect(applicant.Locator(".mud-snackbar")).ToContainTextAsync(L("Zapisano dane organizacji.", "The organisation was saved."));

        await GoAsync(applicant, "nav-cluster");
        await FoundClusterAsync(applicant, $"Klaster Ścieżki {year}");
        await Expect(applicant.Locator("[data-testid=cluster-summary]")).ToContainTextAsync(L("Członków: 0.", "Members: 0."));
        await SnackbarsGoneAsync(applicant);
        await Ui.AssertAccessibleAsync(applicant, "cluster form");

        await GoAsync(applicant, "nav-cluster-members");
        await applicant.ClickAsync("[data-testid=member-import]");
        var members = MemberFileBuilder.Valid(60, nipSeed: 680_000_000 + ((year - 2000) * 1_000));
        await ImportMembersAsync(applicant, members.ToXlsx(), L("czlonkowie.xlsx", "members.xlsx"));
        await Expect(applicant.Locator("[data-testid=import-success]")).ToContainTextAsync(L("Zaimportowano członków: 60", "Members imported: 60"));
        await Ui.AssertAccessibleAsync(applicant, "import dialog");
        await applicant.ClickAsync("[data-testid=import-close]");
        await Expect(applicant.Locator("[data-testid=members-total]")).ToHaveTextAsync(L("Członków: 60", "Members: 60"));
        await Ui.AssertAccessibleAsync(applicant, "members table");

        // The application: every section filled in the editor, submitted, the receipt downloaded.
        await GoAsync(applicant, "nav-applications");
        await Expect(applicant.Locator("h1")).ToHaveTextAsync(L("Moje wnioski", "My applications"));
        await Ui.AssertAccessibleAsync(applicant, "my applications");
        await StartApplicationAsync(applicant, competitionId);
        await Expect(applicant.Locator("[data-testid=formal-outcome]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(applicant, "application editor (draft)");
        var applicationPath = new Uri(applicant.Url).AbsolutePath;
        var applicationId = Guid.Parse(applicationPath[(applicationPath.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        var years = applicant.Locator("[data-testid=indicators-year]");
        await Expect(years).ToHaveCountAsync(2);
        foreach (var indicatorYear in new[] { year - 2, year - 1 })
        {
            await FillIndicatorsAsync(applicant, indicatorYear);
        }

        foreach (var area in new[] { "A", "B", "C", "D", "E" })
        {
            await applicant.Locator($"#narrative-{area}").FillAsync(L($"Obszar {area}: zasoby, wyniki i plany klastra.", $"Area {area}: the cluster's resources, results and plans."));
        }

        foreach (var kind in new[] { "Statute", "DevelopmentStrategy", "CoordinatorDeclaration" })
        {
            await AttachAsync(applicant, kind, $"{kind}.pdf", SampleFiles.Pdf($"{kind} {email}"));
        }

        await Expect(applicant.Locator("[data-testid=sections-progress]")).ToHaveTextAsync(L("Kompletne sekcje obowiązkowe: 9 z 9", "Mandatory sections complete: 9 of 9"));
        var submit = applicant.Locator("[data-testid=submit]");
        await Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();

        var receiptNumber = applicant.Locator("[data-testid=receipt-number]");
        await Expect(receiptNumber).ToHaveTextAsync(new Regex($@"^KKK/{year}/1/\d{{4}}$"));
        var number = await receiptNumber.InnerTextAsync();
        var receipt = await DownloadAsync(applicant, "[data-testid=receipt-download]");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(receipt, 0, 5));
        var outcome = applicant.Locator("[data-testid=formal-outcome]");
        await Expect(outcome).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(applicant.Locator("[data-testid=formal-outcome-text]")).ToHaveTextAsync(L("Wniosek złożony — czeka na ocenę formalną.", "Submitted — waiting for the formal review."));
        await Ui.AssertAccessibleAsync(applicant, "submitted application");

        // The official: the queue of the competition, the review, a correction request for the development strategy.
        var official = await ui.NewPageAsync(locale);
        await Ui.SignInAsync(official, Roles.Official, "/formal-review");
        await official.SelectOptionAsync("#fr-competition", competitionId.ToString());
        await Expect(official.Locator("[data-testid=fr-row-number]")).ToHaveTextAsync([number]);
        await Expect(official.Locator("[data-testid=fr-row-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Ui.AssertAccessibleAsync(official, "formal review queue");

        await official.Locator("[data-testid=fr-row-number]").ClickAsync();
        await Expect(official.Locator("h1")).ToHaveTextAsync(L($"Ocena formalna wniosku {number}", $"Formal review of application {number}"));
        await Expect(official.Locator("[data-testid=fr-member-count]")).ToHaveTextAsync("60");
        await Expect(official.Locator("[data-testid=fr-rule][data-rule=member_count] [data-testid=fr-precheck]")).ToHaveAttributeAsync("data-precheck", "Met");
        await Ui.AssertAccessibleAsync(official, "formal review of the application");

        var rules = await official.Locator("[data-testid=fr-rule]").EvaluateAllAsync<string[]>("rules => rules.map(r => r.dataset.rule)");
        Assert.Contains(EligibilityPreCheck.MandatoryAttachments, rules);
        foreach (var rule in rules.Where(r => r != EligibilityPreCheck.MandatoryAttachments))
        {
            await RecordAsync(official, rule, "Pass");
        }

        await RecordAsync(official, EligibilityPreCheck.MandatoryAttachments, "Fixable", L("Strategia nie zawiera planu działań.", "The strategy has no action plan."));
        await official.ClickAsync("[data-testid=fr-open-correction]");
        var strategy = official.Locator($"[data-testid=fr-section][data-section='{CorrectedSection}']");
        await strategy.Locator("[data-testid=fr-section-check]").CheckAsync();
        await official.FillAsync("#fr-section-attachments-DevelopmentStrategy-description", L("Dołącz strategię z planem działań.", "Attach the strategy with its action plan."));
        await SnackbarsGoneAsync(official);
        await Ui.AssertAccessibleAsync(official, "correction request form");
        await official.ClickAsync("[data-testid=fr-send-correction]");
        await Expect(official.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "CorrectionRequested");

        // The applicant: "My applications" points at the request; the application page shows it with its deadline.
        await GoAsync(applicant, "nav-applications");
        var row = applicant.Locator("tr", new PageLocatorOptions { Has = applicant.Locator($"a[href='/applications/{applicationId}']") });
        await Expect(row.Locator("[data-testid=application-row-status]")).ToHaveTextAsync(L("Wezwanie do uzupełnienia", "Correction requested"));
        await Expect(row.Locator("[data-testid=application-correction-link]")).ToHaveAttributeAsync("href", $"/applications/{applicationId}/correction");
        await Ui.AssertAccessibleAsync(applicant, "my applications with a correction request");

        await row.Locator("[data-testid=application-link]").ClickAsync();
        await Ui.WaitForInteractiveAsync(applicant);
        await Expect(outcome).ToHaveAttributeAsync("data-status", "CorrectionRequested");
        await Expect(applicant.Locator("[data-testid=formal-outcome-correction]")).ToContainTextAsync(L("Wniosek wymaga uzupełnienia do ", "The application must be corrected by "));
        await Expect(applicant.Locator("[data-testid=section-reopened]")).ToHaveCountAsync(1);
        await Expect(applicant.Locator($"[data-testid=section-status][data-section='{CorrectedSection}'] [data-testid=section-reopened]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(applicant, "application with a correction request");

        // The request, opened (its delivery), links to the reopened section; the editor brings that section into focus.
        await applicant.ClickAsync("[data-testid=formal-outcome-correction-link]");
        await Expect(applicant.Locator("h1")).ToHaveTextAsync(L($"Wezwanie do uzupełnienia wniosku {number}", $"Request to correct application {number}"));
        await Expect(applicant.Locator("[data-testid=correction-item]")).ToContainTextAsync(L("Dołącz strategię z planem działań.", "Attach the strategy with its action plan."));
        var lastDay = await applicant.Locator("[data-testid=correction-deadline]").GetAttributeAsync("data-last-day");
        await Expect(applicant.Locator("[data-testid=formal-outcome-correction]")).ToContainTextAsync(lastDay!);
        await Ui.AssertAccessibleAsync(applicant, "correction request");

        await applicant.ClickAsync("[data-testid=correction-edit-link]");
        await applicant.WaitForURLAsync(url => url.EndsWith($"/applications/{applicationId}?section=attachments%3ADevelopmentStrategy", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(applicant);
        var section = applicant.Locator("#section-attachments-DevelopmentStrategy");
        await Expect(section).ToBeFocusedAsync();
        await Expect(section).ToBeInViewportAsync();
        await Expect(applicant.Locator("#narrative-A")).ToHaveAttributeAsync("readonly", "");
        await Expect(applicant.Locator("#section-attachments-Statute [data-testid=attachment-remove]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(applicant, "reopened section of the application");

        await AttachAsync(applicant, "DevelopmentStrategy", "Strategia-z-planem.pdf", SampleFiles.Pdf($"strategy with plan {email}"));
        await section.Locator("[data-testid=attachment][data-name='DevelopmentStrategy.pdf'] [data-testid=attachment-remove]").ClickAsync();
        await Expect(section.Locator("[data-testid=attachment]")).ToHaveCountAsync(1);

        await applicant.ClickAsync("[data-testid=formal-outcome-correction-link]");
        await Expect(applicant.Locator("[data-testid=correction-title]")).ToBeVisibleAsync();
        await applicant.FillAsync("#correction-answer", L("Dołączono strategię z planem działań.", "The strategy with its action plan is attached."));
        await applicant.ClickAsync("[data-testid=correction-send]");
        await Expect(applicant.Locator("[data-testid=correction-answered]")).ToContainTextAsync(L("Odpowiedź wysłana", "Answer sent"));
        await Expect(outcome).ToHaveAttributeAsync("data-status", "Corrected");
        await SnackbarsGoneAsync(applicant);
        await Ui.AssertAccessibleAsync(applicant, "answered correction request");

        // The official sees the answer and the corrected snapshot, finds the attachments complete and accepts.
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "Corrected");
        await Expect(official.Locator("[data-testid=fr-answer]")).ToHaveTextAsync(L("Dołączono strategię z planem działań.", "The strategy with its action plan is attached."));
        await Expect(official.Locator("[data-testid=fr-attachments]")).ToContainTextAsync("Strategia-z-planem.pdf");
        await Ui.AssertAccessibleAsync(official, "corrected application");
        await RecordAsync(official, EligibilityPreCheck.MandatoryAttachments, "Pass");
        await official.ClickAsync("[data-testid=fr-accept]");
        await Expect(official.Locator("[data-testid=fr-status]")).ToHaveAttributeAsync("data-status", "FormallyAccepted");
        await SnackbarsGoneAsync(official);
        await Ui.AssertAccessibleAsync(official, "accepted application");

        // The applicant sees the outcome and the finding on each rule.
        await applicant.GotoAsync(applicationPath);
        await Ui.WaitForInteractiveAsync(applicant);
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "Accepted");
        await Expect(applicant.Locator("[data-testid=formal-outcome-text]")).ToContainTextAsync(L("Wniosek przyjęty formalnie", "Formally accepted"));
        await Expect(applicant.Locator("[data-testid=formal-outcome-rules] li[data-outcome=Pass]")).ToHaveCountAsync(rules.Length);
        await Expect(applicant.Locator("[data-testid=application-status]")).ToHaveAttributeAsync("data-status", "FormallyAccepted");
        await Ui.AssertAccessibleAsync(applicant, "formally accepted application");
    }

    [Fact]
    public async Task A_link_to_a_section_focuses_it_and_an_unknown_section_is_ignored()
    {
        var year = TestYears.Next();
        var competitionId = await OpenCompetitionAsync(year);
        var email = await NewApplicantAccountAsync();
        Guid applicationId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
            await ApplicationArrange.CreateClusterAsync(ui.Host.Services, userId, seed: 900 + year, cancellationToken: Ct);
            var owner = new Application.Common.Security.FixedUser(userId, email, [Roles.Applicant]);
            applicationId = (await ApplicationArrange.StartAsync(ui.Host.Services, owner, competitionId, Ct)).ApplicationId;
        }

        var page = await ui.NewPageAsync("en-GB");
        await SignInAsync(page, email, $"/applications/{applicationId}?section=narrative%3AD");
        var narrative = page.Locator("#section-narrative-D");
        await Expect(narrative).ToBeFocusedAsync();
        await Expect(narrative).ToBeInViewportAsync();
        await Expect(page.Locator("[data-testid=sections] h2")).Not.ToBeInViewportAsync();

        // Another section of the same page through the query alone (as the correction page's links do).
        await page.EvaluateAsync("() => Blazor.navigateTo(location.pathname + '?section=indicators')");
        await Expect(page.Locator("#section-indicators")).ToBeFocusedAsync();

        await page.GotoAsync($"/applications/{applicationId}?section=narrative%3AZ");
        await Ui.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=application-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Expect(page.Locator(".kkk-section:focus")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1")).ToBeInViewportAsync();
        await Ui.AssertAccessibleAsync(page, "application editor after an unknown section (en)");
    }

    /// <summary>Records the official's finding on one rule and waits until the page shows it.</summary>
    private static async Task RecordAsync(IPage official, string rule, string outcome, string? comment = null)
    {
        var article = official.Locator($"[data-testid=fr-rule][data-rule={rule}]");
        await article.Locator($"[data-testid=fr-outcome-{outcome}]").CheckAsync();
        if (comment is not null)
        {
            await official.FillAsync($"#fr-comment-{rule}", comment);
        }

        await article.Locator("[data-testid=fr-save-check]").ClickAsync();
        await Expect(article).ToHaveAttributeAsync("data-outcome", outcome);
    }
}
