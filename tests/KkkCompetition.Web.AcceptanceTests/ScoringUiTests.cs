using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The merit evaluation in the browser: experts fill their sheets (autosave, live counter, gaps, submission), divergence calls
/// a third expert, the official reads the result from the two closest sheets and the panel changes a criterion; pl and en.
/// </summary>
public sealed class ScoringUiTests(UiFixture ui)
{
    private const string Password = "Test-Password-2026!";
    private const string PanelJustification = "Prezentacja klastra pokazała wspólne projekty B+R, których nie opisano we wniosku.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScoringArrange Arrange => new(ui.Host.Services, TimeProvider.System);

    /// <summary>An expert with an account that signs in with <see cref="Password"/>, in the pool.</summary>
    private async Task<(ArrangedExpert Expert, string Email)> ExpertAsync(string name)
    {
        var email = $"ekspert-{Guid.NewGuid():N}@eksperci.example.pl";
        Guid userId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            userId = (await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, name, Password, Roles.Expert)).Id;
        }

        return (await Arrange.ExpertForUserAsync(userId, email, name, cancellationToken: Ct), email);
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

    private static string Slug(string code) => code.Replace('.', '-');

    /// <summary>Types the whole sheet as an expert would and waits for the autosave to have saved it.</summary>
    private static async Task FillSheetAsync(IPage page, IReadOnlyList<CompetitionCriterion> criteria, int points, string opinion)
    {
        foreach (var criterion in criteria)
        {
            await page.FillAsync($"#points-{Slug(criterion.Code)}", Math.Min(points, (int)criterion.MaxPoints).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync($"#justification-{Slug(criterion.Code)}", $"{ScoringArrange.Justification} ({criterion.Code})");
        }

        await page.FillAsync("#sheet-opinion", opinion);
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]")).ToHaveAttributeAsync("data-state", "Saved");
        await Assertions.Expect(page.Locator("[data-testid=sheet-gaps]")).ToHaveAttributeAsync("data-count", "0");
    }

    private static async Task SubmitSheetAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=sheet-submit]");
        await page.ClickAsync("[data-testid=sheet-submit-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=sheet-locked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sheet-status]")).ToHaveAttributeAsync("data-status", "Submitted");
    }

    [Fact]
    public async Task Two_experts_diverge_a_third_scores_and_the_official_sees_the_two_closest_and_the_panels_change()
    {
        var year = TestYears.Next();
        var competitionId = await Arrange.CompetitionAsync(year: year, cancellationToken: Ct);
        var application = await Arrange.AcceptedApplicationAsync(competitionId, "Klaster Omega UI", Ct);
        var criteria = await Arrange.CriteriaAsync(competitionId, Ct);
        var (first, firstEmail) = await ExpertAsync("Ewa Pierwsza");
        var (second, secondEmail) = await ExpertAsync("Piotr Drugi");
        // Someone for the staffing to call once the sheets diverge.
        await ExpertAsync("Maria Trzecia");
        var firstAssignment = await Arrange.AssignAsync(application.Id, first, cancellationToken: Ct);
        var secondAssignment = await Arrange.AssignAsync(application.Id, second, cancellationToken: Ct);

        // The first expert, in Polish: guidance, the live counter against the minimum, the gaps, autosave, submission.
        var page = await ui.NewPageAsync();
        await SignInAsync(page, firstEmail, $"/expert/assignments/{firstAssignment}/sheet");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Karta oceny wniosku {application.Number}");
        await Assertions.Expect(page.Locator("[data-testid=sheet-criterion]")).ToHaveCountAsync(13);
        await Assertions.Expect(page.Locator("[data-testid=sheet-criterion][data-code='A.1'] [data-testid=sheet-guidance]")).ToContainTextAsync("Wskazówki dla eksperta");
        await Assertions.Expect(page.Locator("[data-testid=sheet-submit]")).ToBeDisabledAsync();
        await page.FillAsync("#justification-A-1", "Za krótkie.");
        var counter = page.Locator("[data-testid=sheet-criterion][data-code='A.1'] [data-testid=sheet-counter]");
        await Assertions.Expect(counter).ToHaveTextAsync("11 znaków (wymagane co najmniej 100, najwyżej 4000)");
        await Assertions.Expect(counter).ToHaveAttributeAsync("data-short", "true");
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]")).ToHaveAttributeAsync("data-state", "Saved");
        await Assertions.Expect(page.Locator("[data-testid=sheet-gap][data-code='A.1'][data-kind=JustificationTooShort]")).ToContainTextAsync("Kryterium A.1: uzasadnienie krótsze niż 100 znaków.");
        await Ui.AssertAccessibleAsync(page, "score sheet");

        await FillSheetAsync(page, criteria, 9, "Dobry wniosek z mocnym zapleczem badawczym.");
        await Assertions.Expect(counter).ToHaveAttributeAsync("data-short", "false");
        await Assertions.Expect(page.Locator("[data-testid=sheet-total]")).ToHaveTextAsync("117 z 150 pkt");
        await SubmitSheetAsync(page);
        await Ui.AssertAccessibleAsync(page, "submitted score sheet");

        // The second expert, in English, scores far lower: the sheets diverge.
        var english = await ui.NewPageAsync("en-GB");
        await SignInAsync(english, secondEmail, $"/expert/assignments/{secondAssignment}/sheet");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync($"Score sheet of application {application.Number}");
        await Assertions.Expect(english.Locator("[data-testid=sheet-total]")).ToHaveTextAsync("0 of 150 points");
        await Ui.AssertAccessibleAsync(english, "score sheet (en)");
        await FillSheetAsync(english, criteria, 4, "Weak on knowledge transfer.");
        await SubmitSheetAsync(english);

        // The staffing called the third expert; his declaration and sheet are seeded through the use cases.
        // (The pool is the host's: the staffing may pick any expert who never saw the application, not only the one made here.)
        Guid thirdAssignment;
        FixedUser thirdUser;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var extra = await (from a in db.ExpertAssignments
                               join e in db.Experts on a.ExpertId equals e.Id
                               where a.ApplicationId == application.Id && a.Origin == AssignmentOrigin.Divergence
                               select new { a.Id, ExpertId = e.Id, e.UserId, e.Email }).SingleAsync(Ct);
            Assert.DoesNotContain(extra.ExpertId, new[] { first.ExpertId, second.ExpertId });
            (thirdAssignment, thirdUser) = (extra.Id, new FixedUser(extra.UserId, extra.Email, [Roles.Expert]));
        }

        await Arrange.SignDeclarationAsync(thirdAssignment, Ct);
        var read = await ui.Host.Services.SendAsAsync(thirdUser, new GetScoreSheet(thirdAssignment), Ct);
        var saved = await ui.Host.Services.SendAsAsync(thirdUser, new SaveScoreSheetDraft(thirdAssignment, ScoringArrange.Sheet(criteria, 8m), ScoringArrange.Opinion, read.Version), Ct);
        await ui.Host.Services.SendAsAsync(thirdUser, new SubmitScoreSheet(thirdAssignment, saved.Version), Ct);

        // The official: progress, then the result from the two closest sheets (117 and 104), then the panel.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, $"/evaluation/{competitionId}");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Ocena merytoryczna — postęp");
        await Assertions.Expect(official.Locator("[data-testid=nav-evaluation]")).ToBeVisibleAsync();
        await Assertions.Expect(official.Locator("[data-testid=ev-row-sheets]")).ToHaveAttributeAsync("data-submitted", "3");
        await Assertions.Expect(official.Locator("[data-testid=ev-row-divergence]")).ToHaveTextAsync("tak — dodatkowy ekspert");
        await Assertions.Expect(official.Locator("[data-testid=ev-row-result]")).ToHaveTextAsync("110,50");
        await Ui.AssertAccessibleAsync(official, "evaluation progress");

        await official.ClickAsync($"text={application.Number}");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync($"Ocena merytoryczna wniosku {application.Number}");
        await Assertions.Expect(official.Locator("[data-testid=result-method]")).ToHaveAttributeAsync("data-method", "TwoClosest");
        await Assertions.Expect(official.Locator("[data-testid=result-total]")).ToHaveTextAsync("110,5");
        await Assertions.Expect(official.Locator("[data-testid=result-sheet][data-used=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(official.Locator("[data-testid=result-sheet][data-used=false]")).ToHaveAttributeAsync("data-expert", "Piotr Drugi");
        await Assertions.Expect(official.Locator("[data-testid=result-divergence]")).ToHaveAttributeAsync("data-divergent", "true");
        await Ui.AssertAccessibleAsync(official, "evaluation result");

        await official.SelectOptionAsync("#panel-criterion", "C.1");
        await official.FillAsync("#panel-points", "14");
        await official.FillAsync("#panel-justification", PanelJustification);
        await Assertions.Expect(official.Locator("[data-testid=panel-counter]")).ToContainTextAsync($"{PanelJustification.Length} znaków");
        await official.ClickAsync("[data-testid=panel-change-save]");
        var changed = official.Locator("[data-testid=result-criterion][data-code='C.1']");
        await Assertions.Expect(changed.Locator("[data-testid=result-expert-points]")).ToHaveTextAsync("8,5");
        await Assertions.Expect(changed.Locator("[data-testid=result-panel-justification]")).ToHaveTextAsync(PanelJustification);
        await Assertions.Expect(changed.Locator("[data-testid=result-final-points]")).ToHaveTextAsync("14");
        await Assertions.Expect(official.Locator("[data-testid=result-total]")).ToHaveTextAsync("116");
        await Assertions.Expect(official.Locator("[data-testid=result-expert-total]")).ToHaveTextAsync("110,5");

        await official.FillAsync("#panel-at", "2099-03-10T10:30");
        await official.FillAsync("#panel-place", "Ministerstwo, sala 101");
        await official.ClickAsync("[data-testid=panel-schedule-save]");
        await Assertions.Expect(official.Locator("[data-testid=panel-schedule]")).ToContainTextAsync("2099-03-10 10:30:00");
        await Assertions.Expect(official.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(official, "evaluation result after the panel");

        var officialEnglish = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(officialEnglish, Roles.Official, $"/evaluation/applications/{application.Id}");
        await Assertions.Expect(officialEnglish.Locator("h1")).ToHaveTextAsync($"Merit evaluation of application {application.Number}");
        await Assertions.Expect(officialEnglish.Locator("[data-testid=result-method]")).ToHaveTextAsync("Mean of the two closest sheets (after divergence)");
        await Ui.AssertAccessibleAsync(officialEnglish, "evaluation result (en)");
        await officialEnglish.GotoAsync($"/evaluation/{competitionId}");
        await Ui.WaitForInteractiveAsync(officialEnglish);
        await Assertions.Expect(officialEnglish.Locator("[data-testid=ev-row-result]")).ToHaveTextAsync("116.00 (changed by the panel)");
        await Ui.AssertAccessibleAsync(officialEnglish, "evaluation progress (en)");
    }

    [Fact]
    public async Task A_sheet_changed_elsewhere_shows_the_conflict_and_reloads()
    {
        var competitionId = await Arrange.CompetitionAsync(year: TestYears.Next(), cancellationToken: Ct);
        var application = await Arrange.AcceptedApplicationAsync(competitionId, "Klaster Sigma UI", Ct);
        var (expert, email) = await ExpertAsync("Jan Konfliktowy");
        var assignmentId = await Arrange.AssignAsync(application.Id, expert, cancellationToken: Ct);

        var page = await ui.NewPageAsync();
        await SignInAsync(page, email, $"/expert/assignments/{assignmentId}/sheet");
        await Assertions.Expect(page.Locator("[data-testid=sheet-criterion]")).ToHaveCountAsync(13);

        // Another tab saves first.
        var read = await ui.Host.Services.SendAsAsync(expert.User, new GetScoreSheet(assignmentId), Ct);
        await ui.Host.Services.SendAsAsync(expert.User, new SaveScoreSheetDraft(assignmentId, [new CriterionScoreInput("B.1", 7m, null)], null, read.Version), Ct);

        await page.FillAsync("#points-A-2", "5");
        await Assertions.Expect(page.Locator("[data-testid=autosave-conflict]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "score sheet with a conflict");
        await page.ClickAsync("[data-testid=reload]");
        await Assertions.Expect(page.Locator("#points-B-1")).ToHaveValueAsync("7");
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]")).ToHaveAttributeAsync("data-state", "Idle");
    }
}
