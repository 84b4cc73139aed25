using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Certification;

/// <summary>The applicant's appeal form with its deadline, his appeal's page, and the official's queue and ruling, with axe on each.</summary>
public sealed class AppealUiTests(UiFixture ui)
{
    private const string Reason = "Ekspert pominął wskaźniki za drugi rok podane w załączniku nr 3, co zaniżyło ocenę tego kryterium.";
    private const string Ruling = "Zarzut jest zasadny: ocena pominęła dane z załącznika nr 3.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An applicant of his own (an owner has one organisation) whose application was rejected; he signs in to its appeal form.</summary>
    private async Task<(RejectedApplication Rejected, IPage Page)> RejectedApplicantAsync(string clusterName, string locale = "pl-PL")
    {
        var (ownerId, email) = await TestLogins.CreateAsync(ui.Host.Services, Roles.Applicant, DemoData.Password, "odwolujacy", "Koordynator Odwołujący");

        var rejected = await new AppealArrange(ui.Host.Services, TimeProvider.System).RejectedAsync(ownerId, TestYears.Next(), clusterName, Ct);
        var page = await ui.NewPageAsync(locale);
        await ApplicantSteps.SignInAsync(page, email, $"/decisions/{rejected.DecisionId}/appeal");
        return (rejected, page);
    }

    [Fact]
    public async Task The_applicant_appeals_with_the_deadline_shown_and_the_official_dismisses_it()
    {
        var (rejected, applicant) = await RejectedApplicantAsync("Klaster Odwoławczy UI");
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Odwołanie od decyzji");
        await Assertions.Expect(applicant.Locator("[data-testid=appeal-application]")).ToHaveTextAsync(rejected.Number);
        await Assertions.Expect(applicant.Locator("[data-testid=appeal-deadline]")).ToContainTextAsync("Odwołanie można złożyć do");
        await Ui.AssertAccessibleAsync(applicant, "appeal form");

        var criterion = applicant.Locator($"[data-testid=appeal-criterion][data-code='{rejected.CriterionCode}']");
        await criterion.Locator("[data-testid=appeal-criterion-pick]").CheckAsync();
        await criterion.Locator("textarea").FillAsync(Reason);
        await applicant.Locator("#appeal-statement").FillAsync("Wnoszę o ponowną ocenę wniosku.");
        await Ui.AssertAccessibleAsync(applicant, "appeal form, filled");
        await applicant.ClickAsync("[data-testid=appeal-submit]");

        await applicant.WaitForURLAsync(url => url.Contains("/appeals/", StringComparison.Ordinal));
        await Assertions.Expect(applicant.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Lodged");
        await Assertions.Expect(applicant.Locator("[data-testid=appeal-ground]")).ToContainTextAsync(Reason);
        await Assertions.Expect(applicant.Locator("[data-testid=appeal-dismiss]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(applicant, "appeal (applicant)");
        var appealUrl = new Uri(applicant.Url).AbsolutePath;

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, "/appeals");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Odwołania");
        await Assertions.Expect(official.Locator("[data-testid=appeals-row-link]", new() { HasText = rejected.Number })).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "appeals queue");

        await official.GotoAsync(appealUrl);
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Lodged");
        await Ui.AssertAccessibleAsync(official, "appeal (official)");
        await official.Locator("#appeal-ruling").FillAsync(Ruling);
        await official.ClickAsync("[data-testid=appeal-dismiss]");
        await Assertions.Expect(official.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Dismissed");
        await Assertions.Expect(official.Locator("[data-testid=appeal-ruling-reasons]")).ToHaveTextAsync(Ruling);
        await Assertions.Expect(official.Locator("[data-testid=appeal-dismiss]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_appeal_form_in_english_shows_the_deadline_and_refuses_an_empty_appeal()
    {
        var (rejected, page) = await RejectedApplicantAsync("Klaster Odwoławczy EN", "en-GB");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Appeal against the decision");
        await Assertions.Expect(page.Locator("[data-testid=appeal-deadline]")).ToContainTextAsync("You may appeal until");
        await page.ClickAsync("[data-testid=appeal-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        Assert.Contains($"/decisions/{rejected.DecisionId}/appeal", page.Url, StringComparison.Ordinal);
        await Ui.AssertAccessibleAsync(page, "appeal form (en)");
    }
}
