using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>The officials' conflicts view, opened from the assignment board: both kinds of conflict, the filters, axe in Polish and English.</summary>
public sealed class ConflictsUiTests(UiFixture ui)
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AssignmentArrange Arrange => new(ui.Host.Services, TimeProvider.System);

    private async Task<string> MemberNameAsync(string nip)
    {
        await using var scope = ui.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().ClusterMembers.Where(m => m.Nip == nip).Select(m => m.Name).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_official_opens_the_conflicts_from_the_board_and_filters_them_in_polish_and_english()
    {
        var competitionId = await Arrange.CompetitionAsync(year: TestYears.Next(), cancellationToken: Ct);
        var application = await Arrange.AcceptedAsync(competitionId, "Klaster Konfliktów UI", cancellationToken: Ct);
        var nips = await Arrange.NipsAsync(application.Id, Ct);
        await Arrange.ExpertAsync("Halina Powiązana", new ExpertShape { AffiliationNips = [nips.Members[3]] }, Ct);
        var decliner = await Arrange.ExpertAsync("Igor Odmawiający", cancellationToken: Ct);
        var assigned = await ui.Host.Services.SendAsAsync(TestUsers.Official, new AssignManually(competitionId, application.Id, decliner.Id), Ct);
        await ui.Host.Services.SendAsAsync(decliner.Caller, new DeclareConflict(assigned.AssignmentId, "Współpracuję z koordynatorem przy innym projekcie.", 0), Ct);

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, $"/assignments/{competitionId}");
        await official.ClickAsync("[data-testid=as-conflicts-link]");
        await official.WaitForURLAsync($"**/assignments/{competitionId}/conflicts");
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Konflikty interesów");
        var rows = official.Locator("[data-testid=cf-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var automatic = rows.Filter(new LocatorFilterOptions { HasText = "Halina Powiązana" });
        await Assertions.Expect(automatic.Locator("[data-testid=cf-row-kind]")).ToHaveAttributeAsync("data-kind", "Automatic");
        await Assertions.Expect(automatic.Locator("[data-testid=cf-row-details]"))
            .ToHaveTextAsync($"NIP {nips.Members[3]} — członek klastra: {await MemberNameAsync(nips.Members[3])}");
        var declared = rows.Filter(new LocatorFilterOptions { HasText = "Igor Odmawiający" });
        await Assertions.Expect(declared.Locator("[data-testid=cf-row-kind]")).ToHaveTextAsync("Zgłoszony przez eksperta");
        await Assertions.Expect(declared.Locator("[data-testid=cf-row-details]")).ToContainTextAsync("Powód: Współpracuję z koordynatorem przy innym projekcie.");
        await Assertions.Expect(declared.Locator("[data-testid=cf-row-number]")).ToHaveTextAsync(application.Number);
        await Ui.AssertAccessibleAsync(official, "conflicts view");

        await official.SelectOptionAsync("#cf-kind", "Declared");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator("[data-testid=cf-row-expert]")).ToHaveTextAsync("Igor Odmawiający");
        await official.SelectOptionAsync("#cf-kind", "");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await official.FillAsync("#cf-expert", "halina");
        await official.ClickAsync("[data-testid=cf-filter-submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator("[data-testid=cf-row-expert]")).ToHaveTextAsync("Halina Powiązana");
        await official.FillAsync("#cf-expert", "nikt taki");
        await official.ClickAsync("[data-testid=cf-filter-submit]");
        await Assertions.Expect(official.Locator("[data-testid=cf-empty]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "conflicts view, nothing found");

        var english = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(english, Roles.Official, $"/assignments/{competitionId}/conflicts");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Conflicts of interest");
        await Assertions.Expect(english.Locator("[data-testid=cf-table] tbody tr")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(english, "conflicts view (en)");
        var kindHeader = english.Locator("[data-testid=cf-table] thead .mud-table-sort-label", new PageLocatorOptions { HasText = "Kind" });
        await kindHeader.ClickAsync();
        await Assertions.Expect(english.Locator("[data-testid=cf-row-kind]").First).ToHaveTextAsync("Automatic exclusion");
        await Assertions.Expect(english.Locator("[data-testid=cf-row-details]").First).ToContainTextAsync($"NIP {nips.Members[3]} — a cluster member:");
        await kindHeader.ClickAsync();
        await Assertions.Expect(english.Locator("[data-testid=cf-row-kind]").First).ToHaveTextAsync("Declared by the expert");
        await Assertions.Expect(english.Locator("[data-testid=cf-row-replaced]")).ToHaveCountAsync(1);
        // The pointer rests on the clicked header; axe would measure its hover colour.
        await english.Mouse.MoveAsync(0, 0);
        await english.Locator("h1").ClickAsync();
        await Ui.AssertAccessibleAsync(english, "conflicts view sorted by kind (en)");
        await english.ClickAsync("[data-testid=cf-back]");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Expert assignment");
    }
}
