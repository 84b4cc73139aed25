using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The assignment journey in the browser: the official runs it and reads the board, one expert signs the declaration and
/// reads the application, another declares a conflict and a replacement appears on the board; axe in Polish and English.
/// </summary>
public sealed class AssignmentUiTests(UiFixture ui)
{
    private const string Password = "Test-Password-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AssignmentArrange Arrange => new(ui.Host.Services, TimeProvider.System);

    /// <summary>An expert who signs in with a password, in the pool.</summary>
    private async Task<(PoolExpert Expert, string Email)> ExpertAsync(string name)
    {
        var email = $"ekspert-{Guid.NewGuid():N}@eksperci.example.pl";
        Guid userId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            userId = (await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, name, Password, Roles.Expert)).Id;
        }

        return (await Arrange.ExpertAsync(name, new ExpertShape { UserId = userId }, Ct), email);
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
    public async Task The_official_runs_the_assignment_an_expert_signs_and_reads_another_declines_and_is_replaced()
    {
        var year = TestYears.Next();
        var competitionId = await Arrange.CompetitionAsync(year: year, cancellationToken: Ct);
        var application = await Arrange.AcceptedAsync(competitionId, "Klaster Podróży UI", new ApplicationShape { StoreAttachmentFiles = true }, Ct);
        var (reader, readerEmail) = await ExpertAsync("Anna Czytelniczka");
        var (decliner, declinerEmail) = await ExpertAsync("Bogdan Konfliktowy");
        await ExpertAsync("Cezary Zastępca");

        // The host's pool is shared by every test of the run: pins make these two the application's experts.
        foreach (var expert in new[] { reader, decliner })
        {
            await ui.Host.Services.SendAsAsync(TestUsers.Official, new PinPair(competitionId, application.Id, expert.Id, "Scenariusz testu."), Ct);
        }

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, $"/assignments/{competitionId}");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Przydział ekspertów");
        await Assertions.Expect(official.Locator("[data-testid=nav-assignments]")).ToBeVisibleAsync();
        await Assertions.Expect(official.Locator("[data-testid=as-row-staffing]")).ToHaveTextAsync("0 / 2");
        await Ui.AssertAccessibleAsync(official, "assignment board before the run");

        await official.ClickAsync("[data-testid=as-run]");
        await Assertions.Expect(official.Locator("[data-testid=as-run-result]")).ToContainTextAsync("Przydzielono 2 ekspertów do 1 z 1 wniosków");
        await Assertions.Expect(official.Locator("[data-testid=as-run-pair]")).ToHaveCountAsync(2);
        await Assertions.Expect(official.Locator("[data-testid=as-run-pair]").First).ToContainTextAsync("przypięty przez urzędnika");
        await Assertions.Expect(official.Locator("[data-testid=as-no-shortfalls]")).ToBeVisibleAsync();
        await Assertions.Expect(official.Locator("[data-testid=as-row-staffing]")).ToHaveTextAsync("2 / 2");
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-status=Assigned]")).ToHaveCountAsync(2);
        await Assertions.Expect(official.Locator("[data-testid=as-assignment]").First).ToContainTextAsync("inne województwo niż klaster");
        await Ui.AssertAccessibleAsync(official, "assignment board after the run");

        // The reader: the summary and the declaration first, the content only after signing.
        var readerPage = await ui.NewPageAsync();
        await SignInAsync(readerPage, readerEmail, "/my-assignments");
        await Assertions.Expect(readerPage.Locator("h1")).ToHaveTextAsync("Moje przydziały do oceny");
        await Assertions.Expect(readerPage.Locator("[data-testid=ma-row-status]")).ToHaveAttributeAsync("data-status", "Assigned");
        await Ui.AssertAccessibleAsync(readerPage, "my assignments");
        await readerPage.ClickAsync($"text={application.Number}");
        await Assertions.Expect(readerPage.Locator("h1")).ToHaveTextAsync($"Przydział: wniosek {application.Number}");
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-declaration-text]")).ToContainTextAsync("Klaster Podróży UI");
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-content]")).ToHaveCountAsync(0);
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-attachment-download]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(readerPage, "assignment before the declaration");
        await readerPage.ClickAsync("[data-testid=aa-sign]");
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-status]")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-content]")).ToBeVisibleAsync();
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-members] tbody tr")).ToHaveCountAsync(60);
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-narrative]").First).ToContainTextAsync("Opis obszaru");

        // Each file of the application is a link named by the file, and downloads the submitted bytes.
        await Assertions.Expect(readerPage.Locator("[data-testid=aa-attachment-download]")).ToHaveCountAsync(ApplicationAttachment.MandatoryKinds.Count);
        var statute = readerPage.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Statute.pdf", Exact = true });
        await Assertions.Expect(statute).ToBeVisibleAsync();
        var download = await readerPage.RunAndWaitForDownloadAsync(() => statute.ClickAsync());
        Assert.Equal("Statute.pdf", download.SuggestedFilename);
        Assert.Equal(SubmittedApplications.AttachmentContent("Klaster Podróży UI", AttachmentKind.Statute), await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
        await Ui.CloseSnackbarsAsync(readerPage);
        await Ui.AssertAccessibleAsync(readerPage, "assignment with the application");

        // The decliner: a conflict without a reason is refused; with one, the assignment closes.
        var declinerPage = await ui.NewPageAsync();
        await SignInAsync(declinerPage, declinerEmail, "/my-assignments");
        await declinerPage.ClickAsync($"text={application.Number}");
        await Assertions.Expect(declinerPage.Locator("[data-testid=aa-status]")).ToHaveAttributeAsync("data-status", "Assigned");
        await declinerPage.ClickAsync("[data-testid=aa-declare-conflict]");
        await Assertions.Expect(declinerPage.Locator(".mud-snackbar")).ToContainTextAsync("Reason");
        await Assertions.Expect(declinerPage.Locator("[data-testid=aa-status]")).ToHaveAttributeAsync("data-status", "Assigned");
        await Ui.CloseSnackbarsAsync(declinerPage);
        await declinerPage.FillAsync("#aa-conflict-reason", "Doradzałem koordynatorowi w 2025 r.");
        await declinerPage.ClickAsync("[data-testid=aa-declare-conflict]");
        await Assertions.Expect(declinerPage.Locator("[data-testid=aa-status]")).ToHaveAttributeAsync("data-status", "ConflictDeclared");
        await Assertions.Expect(declinerPage.Locator("[data-testid=aa-closed]")).ToBeVisibleAsync();
        await Assertions.Expect(declinerPage.Locator("[data-testid=aa-content]")).ToHaveCountAsync(0);

        // Back on the board: the declined assignment with its reason, and a replacement in its place.
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-status=ConflictDeclared]")).ToContainTextAsync("Doradzałem koordynatorowi w 2025 r.");
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-origin=Replacement]")).ToHaveCountAsync(1);
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-origin=Replacement]")).ToContainTextAsync("zastępstwo");
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-status=Accepted]")).ToContainTextAsync("Anna Czytelniczka");
        await Assertions.Expect(official.Locator("[data-testid=as-row-staffing]")).ToHaveTextAsync("2 / 2");
    }

    [Fact]
    public async Task The_board_the_candidates_and_the_experts_pages_in_english_are_accessible()
    {
        var year = TestYears.Next();
        var competitionId = await Arrange.CompetitionAsync(year: year, cancellationToken: Ct);
        var application = await Arrange.AcceptedAsync(competitionId, "Klaster English UI", cancellationToken: Ct);
        var nips = await Arrange.NipsAsync(application.Id, Ct);
        var (expert, email) = await ExpertAsync("Edward Expert");
        await Arrange.ExpertAsync("Zenon Conflicted", new ExpertShape { AffiliationNips = [nips.Coordinator] }, Ct);

        var official = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(official, Roles.Official, $"/assignments/{competitionId}");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Expert assignment");
        await official.ClickAsync("[data-testid=as-manage]");
        var candidates = official.Locator("[data-testid=as-candidates]");
        await Assertions.Expect(candidates.Locator("h2")).ToHaveTextAsync($"Experts for application {application.Number}");
        // The host's pool is shared with the other tests and the demo: find the expert by name, as an official would.
        await official.FillAsync("#as-candidate-search", "Zenon Conflicted");
        await official.ClickAsync("[data-testid=as-candidate-search-submit]");
        await Assertions.Expect(candidates.Locator("[data-testid=as-candidate-name]")).ToHaveTextAsync(["Zenon Conflicted"]);
        var conflicted = candidates.Locator("tr", new LocatorLocatorOptions { HasText = "Zenon Conflicted" });
        await Assertions.Expect(conflicted.Locator("[data-testid=as-candidate-obstacle]")).ToHaveTextAsync($"conflict of interest (NIP {nips.Coordinator})");
        await Assertions.Expect(conflicted.Locator("[data-testid=as-assign]")).ToBeDisabledAsync();
        await Ui.AssertAccessibleAsync(official, "assignment board with candidates (en)");

        // Assigning by hand from the candidates: the expert appears on the board at once.
        await official.FillAsync("#as-candidate-search", "Edward Expert");
        await official.ClickAsync("[data-testid=as-candidate-search-submit]");
        await Assertions.Expect(candidates.Locator("[data-testid=as-candidate-name]")).ToContainTextAsync(["Edward Expert"]);
        await candidates.Locator("tr", new LocatorLocatorOptions { HasText = "Edward Expert" }).First.Locator("[data-testid=as-assign]").ClickAsync();
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-origin=Manual]")).ToContainTextAsync("Edward Expert");
        await Assertions.Expect(official.Locator("[data-testid=as-assignment][data-origin=Manual]")).ToContainTextAsync("assigned by hand");
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "assignment board after a manual assignment (en)");

        var expertPage = await ui.NewPageAsync("en-GB");
        await SignInAsync(expertPage, email, "/my-assignments");
        await Assertions.Expect(expertPage.Locator("h1")).ToHaveTextAsync("My evaluation assignments");
        await Ui.AssertAccessibleAsync(expertPage, "my assignments (en)");
        await expertPage.ClickAsync($"text={application.Number}");
        await Assertions.Expect(expertPage.Locator("[data-testid=aa-sign]")).ToHaveTextAsync("Sign the declaration of impartiality");
        await Ui.AssertAccessibleAsync(expertPage, "assignment before the declaration (en)");
        await expertPage.ClickAsync("[data-testid=aa-sign]");
        await Assertions.Expect(expertPage.Locator("[data-testid=aa-content]")).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(expertPage);
        await Ui.AssertAccessibleAsync(expertPage, "assignment with the application (en)");
        Assert.NotEqual(Guid.Empty, expert.Id);
    }
}
