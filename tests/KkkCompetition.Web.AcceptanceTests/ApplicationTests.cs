using System.Globalization;
using System.Text.RegularExpressions;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing.Applications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static KkkCompetition.Web.AcceptanceTests.ApplicantSteps;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>The applicant's journey: start an application, fill every section (autosaved), attach the files, submit, get the receipt.</summary>
public sealed partial class ApplicationTests(UiFixture ui)
{
    private static int _seed = 500;

    /// <summary>An applicant of his own (the demo applicant's application is left to the other tests) with a cluster of 60 members.</summary>
    private async Task<string> ApplicantWithClusterAsync()
    {
        var email = $"applicant-ui-{Guid.NewGuid():N}@test.kkk.gov.pl";
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await UserAccounts.CreateAsync(users, email, "Ula Wnioskodawczyni", DemoData.Password, Roles.Applicant);
        var user = await users.FindByEmailAsync(email);
        await ApplicationArrange.CreateClusterAsync(ui.Host.Services, user!.Id, Interlocked.Increment(ref _seed));
        return email;
    }

    private async Task<Guid> OpenCompetitionAsync()
    {
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        var competitions = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Competitions.AsNoTracking().ToListAsync();
        return competitions.First(c => c.AcceptsSubmissionsAt(now)).Id;
    }

    [Fact]
    public async Task An_applicant_fills_and_submits_an_application_and_downloads_the_same_receipt()
    {
        var email = await ApplicantWithClusterAsync();
        var competitionId = await OpenCompetitionAsync();
        var page = await ui.NewPageAsync();
        await SignInAsync(page, email, "/applications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Moje wnioski");
        await Assertions.Expect(page.Locator("[data-testid=nav-applications]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "my applications");

        await StartApplicationAsync(page, competitionId);
        var submit = page.Locator("[data-testid=submit]");
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=submit-missing]")).ToContainTextAsync("Statut lub regulamin klastra");
        await Assertions.Expect(page.Locator("[data-testid=sections-progress]")).ToHaveTextAsync("Kompletne sekcje obowiązkowe: 0 z 9");
        await Ui.AssertAccessibleAsync(page, "application editor");

        var years = page.Locator("[data-testid=indicators-year]");
        await Assertions.Expect(years).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            await FillIndicatorsAsync(page, int.Parse((await years.Nth(i).GetAttributeAsync("data-year"))!, CultureInfo.InvariantCulture));
        }

        await Assertions.Expect(page.Locator("[data-testid=section-status][data-section=indicators]")).ToHaveAttributeAsync("data-complete", "true");
        foreach (var area in new[] { "A", "B", "C", "D", "E" })
        {
            await page.Locator($"#narrative-{area}").FillAsync($"Obszar {area}: zasoby, wyniki i plany klastra na kolejne lata.");
        }

        await Assertions.Expect(page.Locator("[data-testid=autosave-status]")).ToHaveAttributeAsync("data-state", "Saved");
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]")).ToContainTextAsync("Zapisano");
        await Assertions.Expect(page.Locator("[data-testid=section-status][data-section='narrative:E']")).ToHaveAttributeAsync("data-complete", "true");

        foreach (var kind in new[] { "Statute", "DevelopmentStrategy", "CoordinatorDeclaration" })
        {
            await page.Locator($"#section-attachments-{kind} input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = $"{kind}.pdf",
                MimeType = "application/pdf",
                Buffer = SampleFiles.Pdf($"{kind} {email}"),
            });
            await Assertions.Expect(page.Locator($"#section-attachments-{kind} [data-testid=attachment][data-name='{kind}.pdf']")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=sections-progress]")).ToHaveTextAsync("Kompletne sekcje obowiązkowe: 9 z 9");
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();

        var number = page.Locator("[data-testid=receipt-number]");
        await Assertions.Expect(number).ToHaveTextAsync(new Regex(@"^KKK/\d{4}/\d/\d{4}$"));
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.Locator("[data-testid=receipt-hash]")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Assertions.Expect(page.Locator("[data-testid=receipt-time]")).ToContainTextAsync("Europe/Warsaw");
        await Assertions.Expect(page.Locator("#narrative-A")).ToHaveAttributeAsync("readonly", "");
        await Ui.AssertAccessibleAsync(page, "submitted application");

        var first = await DownloadAsync(page, "[data-testid=receipt-download]");
        var second = await DownloadAsync(page, "[data-testid=receipt-download]");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(first, 0, 5));
        Assert.Equal(first, second);

        var english = await ui.NewPageAsync("en-GB");
        await SignInAsync(english, email, page.Url.Replace(ui.Host.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        await Assertions.Expect(english.Locator("#submission-heading")).ToHaveTextAsync("Submission");
        await Assertions.Expect(english.Locator("[data-testid=application-status]")).ToHaveTextAsync("Submitted");
        await Ui.AssertAccessibleAsync(english, "submitted application (en)");
        await english.GotoAsync("/applications");
        await Ui.WaitForInteractiveAsync(english);
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("My applications");
        await Assertions.Expect(english.Locator("[data-testid=application-row-status]").First).ToHaveTextAsync("Submitted");
        await Ui.AssertAccessibleAsync(english, "my applications (en)");
    }

    [Fact]
    public async Task A_second_tab_is_told_the_application_changed_and_reloads_it()
    {
        var email = await ApplicantWithClusterAsync();
        var competitionId = await OpenCompetitionAsync();
        var first = await ui.NewPageAsync("en-GB");
        await SignInAsync(first, email, "/applications");
        await StartApplicationAsync(first, competitionId);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(first.Url);
        await Ui.WaitForInteractiveAsync(second);

        await first.Locator("#narrative-A").FillAsync("Written in the first tab.");
        await Assertions.Expect(first.Locator("[data-testid=autosave-status]")).ToHaveAttributeAsync("data-state", "Saved");
        await second.Locator("#narrative-B").FillAsync("Written in the second tab.");

        await Assertions.Expect(second.Locator("[data-testid=autosave-conflict]")).ToContainTextAsync("changed in another tab");
        await Ui.AssertAccessibleAsync(second, "autosave conflict (en)");
        await second.Locator("[data-testid=reload]").ClickAsync();
        await Assertions.Expect(second.Locator("#narrative-A")).ToHaveValueAsync("Written in the first tab.");
        await Assertions.Expect(second.Locator("#narrative-B")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_submitted_application_is_withdrawn_with_a_reason()
    {
        var email = await ApplicantWithClusterAsync();
        var competitionId = await OpenCompetitionAsync();
        Guid applicationId;
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
            var owner = new Application.Common.Security.FixedUser(userId, email, [Roles.Applicant]);
            var ct = TestContext.Current.CancellationToken;
            applicationId = (await ApplicationArrange.StartAsync(ui.Host.Services, owner, competitionId, ct)).ApplicationId;
            await ApplicationArrange.FillAsync(ui.Host.Services, owner, applicationId, ct);
            await Testing.TestUsers.SendAsAsync(ui.Host.Services, owner, new Application.Applications.SubmitApplication(applicationId), ct);
        }

        var page = await ui.NewPageAsync();
        await SignInAsync(page, email, $"/applications/{applicationId}");
        await page.Locator("[data-testid=withdraw]").ClickAsync();
        var confirm = page.Locator("[data-testid=withdraw-confirm]");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await Ui.AssertAccessibleAsync(page, "withdrawal dialog");
        await page.Locator("#withdraw-reason").FillAsync("Klaster złoży wniosek w kolejnym naborze.");
        await confirm.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveAttributeAsync("data-status", "Withdrawn");
        await Assertions.Expect(page.Locator("[data-testid=withdrawn]")).ToContainTextAsync("Klaster złoży wniosek w kolejnym naborze.");
    }
}
