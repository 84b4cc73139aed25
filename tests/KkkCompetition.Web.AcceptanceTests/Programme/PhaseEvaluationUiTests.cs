using KkkCompetition.Domain.Common;
using KkkCompetition.Testing.Programme;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Programme;

/// <summary>
/// The phase evaluation pages of officials: the list, the board with its filter and the link to the commission, the
/// evaluation form with the missing reports; axe on each, the list in English too.
/// </summary>
public sealed class PhaseEvaluationUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_official_reads_the_list_the_board_and_a_contracts_evaluation_with_its_missing_reports()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = new PhaseEvaluationArrange(ui.Host.Services, TimeProvider.System);
        var shape = PhaseEvaluationShape.PastPhase(DateOnly.FromDateTime(DateTime.UtcNow), slot: 1, [$"Klaster Ui Alfa {suffix}", $"Klaster Ui Beta {suffix}"]);
        var phase = await arrange.PhaseWithContractsAsync(shape, Ct);
        var (competitionId, _) = await arrange.CommissionAsync(1, TestYears.Next(), Ct);
        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);

        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official);
        await page.ClickAsync("[data-testid=nav-phase-evaluations]");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Oceny faz programu");
        await Assertions.Expect(page.Locator("[data-testid=phase-evals-criterion-code]")).ToHaveCountAsync(4);
        await Ui.AssertAccessibleAsync(page, "phase evaluations");

        await page.GotoAsync($"/programme/evaluations/{phaseEvaluationId}");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=board-total]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=board-commission]")).ToHaveAttributeAsync("href", $"/programme/evaluations/{phaseEvaluationId}/commission");
        await page.FillAsync("#board-search", $"Beta {suffix}");
        await page.ClickAsync("[data-testid=board-search-submit]");
        await Assertions.Expect(page.Locator("[data-testid=board-row-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=board-row-status]")).ToHaveTextAsync("czeka na ocenę jakościową");
        await Ui.AssertAccessibleAsync(page, "phase evaluation board");

        await page.ClickAsync("[data-testid=board-row-link]");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=evaluation-status]")).ToHaveTextAsync("czeka na ocenę jakościową");
        await Assertions.Expect(page.Locator("[data-testid=evaluation-missing-year]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=evaluation-evaluator-select]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "contract evaluation form");

        var english = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(english, Roles.Official, "/programme/evaluations");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Programme phase evaluations");
        await Ui.AssertAccessibleAsync(english, "phase evaluations (en)");
    }
}
