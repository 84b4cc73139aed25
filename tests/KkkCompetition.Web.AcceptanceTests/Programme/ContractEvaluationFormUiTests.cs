using System.Globalization;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Programme;
using KkkCompetition.Web.AcceptanceTests.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests.Programme;

/// <summary>
/// The contract evaluation form at work, with axe on each state: the official assigns the expert, who finds the evaluation on
/// his list and is refused a submission with a score or a justification missing (nothing is kept) before he submits every
/// score; the official is refused a Conditional decision without a plan and a decision without a justification before both
/// are taken, and the board shows them; the coordinator reads his evaluation, its decision only once the commission approved
/// it (in English). Each test evaluates a past phase of its own (slots 4 and 5).
/// </summary>
public sealed class ContractEvaluationFormUiTests(UiFixture ui)
{
    private static readonly string[] Codes = ["GOV", "STR", "SRV", "REG"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow);

    private static string ExpertName => DemoData.Users.Single(u => u.Role == Roles.Expert).Name;

    private PhaseEvaluationArrange Arrange() => new(ui.Host.Services, TimeProvider.System, TestYears.Next());

    /// <summary>The demo account signing in with <paramref name="role"/>.</summary>
    private async Task<Guid> UserIdAsync(string role)
    {
        var email = KkkHost.EmailOf(role);
        await using var scope = ui.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    /// <summary>The row of a list whose link (<paramref name="linkTestId"/>) is the contract's number.</summary>
    private static ILocator RowOf(IPage page, string linkTestId, string contractNumber) =>
        page.Locator("tr", new() { Has = page.Locator($"[data-testid={linkTestId}]", new() { HasText = contractNumber }) });

    private static ILocator Score(IPage page, string code) => page.Locator($"[data-testid=evaluation-score][data-code={code}]");

    private static ILocator Justification(IPage page, string code) => page.Locator($"[data-testid=evaluation-justification][data-code={code}]");

    /// <summary>Types the scores and justifications given (null: left as it is) and lets the page see each change.</summary>
    private static async Task FillScoresAsync(IPage page, IReadOnlyDictionary<string, (int? Score, string? Justification)> entries)
    {
        foreach (var (code, (score, justification)) in entries)
        {
            if (score is { } points)
            {
                await ContractSteps.SetAsync(Score(page, code), points.ToString(CultureInfo.InvariantCulture));
            }

            if (justification is not null)
            {
                await ContractSteps.SetAsync(Justification(page, code), justification);
            }
        }
    }

    /// <summary>The form open again from the server: a refused submission left nothing behind.</summary>
    private static async Task ExpectNothingSavedAsync(IPage page)
    {
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        foreach (var code in Codes)
        {
            await Expect(Score(page, code)).ToHaveValueAsync("");
            await Expect(Justification(page, code)).ToHaveValueAsync("");
        }

        await Expect(page.Locator("[data-testid=evaluation-qualitative]")).ToHaveTextAsync("—");
    }


    [Fact]
    public async Task The_official_assigns_the_expert_who_is_refused_an_incomplete_submission_and_then_submits_every_score()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = Arrange();
        var shape = PhaseEvaluationShape.PastPhase(Today, slot: 4, [$"Klaster Ocena Ekspercka {suffix}"]);
        var phase = await arrange.PhaseWithContractsAsync(shape, Ct);
        var contract = phase.Contracts[0];
        await arrange.AcceptReportsAsync(contract, Enumerable.Range(shape.PhaseStartsOn.Year, shape.PhaseYears), cancellationToken: Ct);
        var (competitionId, _) = await arrange.CommissionAsync(1, TestYears.Next(), Ct);
        await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var evaluationId = await arrange.EvaluationOfAsync(contract.ContractId, Ct);
        var form = PhaseEvaluationData.EvaluationLink(evaluationId);
        var expertId = await UserIdAsync(Roles.Expert);

        // The official assigns the expert the candidate list offers.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, form);
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        await Expect(official.Locator("[data-testid=evaluation-no-missing]")).ToBeVisibleAsync();
        await Expect(official.Locator("[data-testid=evaluation-quantitative] strong")).ToHaveTextAsync("100%");
        await Expect(official.Locator("[data-testid=evaluation-evaluator]")).ToHaveTextAsync("nie przydzielono");
        await Expect(official.Locator("[data-testid=evaluation-assign]")).ToBeDisabledAsync();
        await Expect(official.Locator($"[data-testid=evaluation-evaluator-select] option[value='{expertId}']")).ToHaveTextAsync($"{ExpertName} (ekspert)");
        await official.SelectOptionAsync("[data-testid=evaluation-evaluator-select]", expertId.ToString());
        await official.ClickAsync("[data-testid=evaluation-assign]");
        await Ui.ExpectMessageAsync(official, "Przydzielono oceniającego.");
        await Expect(official.Locator("[data-testid=evaluation-evaluator]")).ToHaveTextAsync(ExpertName);

        // An official not assigned reads the scores but does not enter them.
        await Expect(official.Locator("[data-testid=evaluation-score]")).ToHaveCountAsync(0);
        await Expect(official.Locator("[data-testid=evaluation-submit]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(official, "contract evaluation, evaluator assigned");

        // The expert finds it among those waiting for him.
        var expert = await ui.NewPageAsync();
        await Ui.SignInAsync(expert, Roles.Expert, "/my-phase-evaluations");
        await Expect(expert.Locator("h1")).ToHaveTextAsync("Oceny kontraktów do wykonania");
        var row = RowOf(expert, "my-phase-evals-link", contract.Number);
        await Expect(row.Locator("[data-testid=my-phase-evals-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        await Expect(row).ToContainTextAsync(shape.Clusters[0]);
        await Ui.AssertAccessibleAsync(expert, "my phase evaluations");

        await row.Locator("[data-testid=my-phase-evals-link]").ClickAsync();
        await expert.WaitForURLAsync(url => url.EndsWith(form, StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(expert);
        await Expect(expert.Locator("[data-testid=evaluation-title]")).ToContainTextAsync(contract.Number);
        await Expect(Score(expert, "GOV")).ToBeEditableAsync();

        // A criterion without a score: refused, nothing kept.
        await FillScoresAsync(expert, new Dictionary<string, (int?, string?)>
        {
            ["GOV"] = (8, "Sprawne zarządzanie i przejrzyste procedury."),
            ["STR"] = (6, "Strategia realizowana częściowo."),
            ["SRV"] = (9, "Szeroka oferta usług dla członków."),
        });
        await expert.ClickAsync("[data-testid=evaluation-submit]");
        await Ui.ExpectMessageAsync(expert, "Oceń każde kryterium: REG.");
        await Expect(expert.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        await Ui.AssertAccessibleAsync(expert, "contract evaluation, submission without a score refused");
        await ExpectNothingSavedAsync(expert);

        // Every score, one without its justification: refused, nothing kept.
        await FillScoresAsync(expert, new Dictionary<string, (int?, string?)>
        {
            ["GOV"] = (8, "Sprawne zarządzanie i przejrzyste procedury."),
            ["STR"] = (6, "Strategia realizowana częściowo."),
            ["SRV"] = (9, null),
            ["REG"] = (7, "Dobra współpraca z samorządem województwa."),
        });
        await expert.ClickAsync("[data-testid=evaluation-submit]");
        await Ui.ExpectMessageAsync(expert, "Uzasadnij ocenę kryterium: SRV.");
        await Expect(expert.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        await ExpectNothingSavedAsync(expert);

        // Every score justified: submitted; 30 of 40 points is 75%, and half of it with the quantitative 100% is 87.5%.
        await FillScoresAsync(expert, new Dictionary<string, (int?, string?)>
        {
            ["GOV"] = (8, "Sprawne zarządzanie i przejrzyste procedury."),
            ["STR"] = (6, "Strategia realizowana częściowo."),
            ["SRV"] = (9, "Szeroka oferta usług dla członków."),
            ["REG"] = (7, "Dobra współpraca z samorządem województwa."),
        });
        await expert.ClickAsync("[data-testid=evaluation-submit]");
        await Ui.ExpectMessageAsync(expert, "Złożono ocenę jakościową.");
        await Expect(expert.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Expect(expert.Locator("[data-testid=evaluation-status]")).ToHaveTextAsync("oceniona");
        await Expect(expert.Locator("[data-testid=evaluation-qualitative]")).ToHaveTextAsync("75%");
        await Expect(expert.Locator("[data-testid=evaluation-overall]")).ToHaveTextAsync("87,5%");
        await Ui.AssertAccessibleAsync(expert, "contract evaluation, scores submitted");

        await expert.ReloadAsync();
        await Ui.WaitForInteractiveAsync(expert);
        await Expect(Score(expert, "SRV")).ToHaveValueAsync("9");
        await Expect(Justification(expert, "REG")).ToHaveValueAsync("Dobra współpraca z samorządem województwa.");
        await Expect(expert.Locator("[data-testid=evaluation-overall]")).ToHaveTextAsync("87,5%");

        await expert.GotoAsync("/my-phase-evaluations");
        await Ui.WaitForInteractiveAsync(expert);
        await Expect(RowOf(expert, "my-phase-evals-link", contract.Number).Locator("[data-testid=my-phase-evals-status]")).ToHaveAttributeAsync("data-status", "Scored");

        // The coordinator sees his evaluation scored, but neither the scores nor a decision before the commission's approval.
        var email = await TestLogins.GiveAsync(ui.Host.Services, contract.CoordinatorUserId, Roles.Applicant, DemoData.Password);
        var coordinator = await ui.NewPageAsync();
        await ApplicantSteps.SignInAsync(coordinator, email, "/my-evaluations");
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("Oceny moich kontraktów");
        var own = RowOf(coordinator, "my-evals-link", contract.Number);
        await Expect(own.Locator("[data-testid=my-evals-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Expect(own.Locator("[data-testid=my-evals-decision]")).ToHaveTextAsync("po zatwierdzeniu przez komisję");
        await Expect(coordinator.Locator("[data-testid=my-evals-link]")).ToHaveCountAsync(1);
        await Ui.AssertAccessibleAsync(coordinator, "my evaluations (coordinator)");

        await own.Locator("[data-testid=my-evals-link]").ClickAsync();
        await coordinator.WaitForURLAsync(url => url.EndsWith(form, StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=evaluation-hidden-note]")).ToBeVisibleAsync();
        await Expect(coordinator.Locator("[data-testid=evaluation-quantitative] strong")).ToHaveTextAsync("100%");
        await Expect(coordinator.Locator("[data-testid=evaluation-scores]")).ToHaveCountAsync(0);
        await Expect(coordinator.Locator("[data-testid=evaluation-overall]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(coordinator, "contract evaluation (coordinator, before approval)");
    }

    [Fact]
    public async Task The_official_is_refused_a_conditional_decision_without_a_plan_and_a_decision_without_a_justification_and_the_coordinator_reads_the_approved_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = Arrange();
        var shape = PhaseEvaluationShape.PastPhase(Today, slot: 5, [$"Klaster Decyzja Alfa {suffix}", $"Klaster Decyzja Beta {suffix}"]);
        var phase = await arrange.PhaseWithContractsAsync(shape, Ct);
        var (conditional, terminated) = (phase.Contracts[0], phase.Contracts[1]);
        var (competitionId, members) = await arrange.CommissionAsync(1, TestYears.Next(), Ct);
        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var expertId = await UserIdAsync(Roles.Expert);
        var conditionalId = await arrange.EvaluationOfAsync(conditional.ContractId, Ct);
        var terminatedId = await arrange.EvaluationOfAsync(terminated.ContractId, Ct);
        await arrange.ScoreAsync(conditionalId, score: 6, evaluatorUserId: expertId, cancellationToken: Ct);
        await arrange.ScoreAsync(terminatedId, score: 2, evaluatorUserId: expertId, cancellationToken: Ct);
        var reviewOn = Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A Conditional decision without its plan is refused, then taken with two items and a review date.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, PhaseEvaluationData.EvaluationLink(conditionalId));
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Expect(official.Locator("[data-testid=evaluation-evaluator]")).ToHaveTextAsync(ExpertName);
        await Expect(official.Locator("[data-testid=evaluation-no-decision]")).ToBeVisibleAsync();
        await Expect(official.Locator("[data-testid=evaluation-decide]")).ToBeDisabledAsync();
        await official.CheckAsync("[data-testid=evaluation-decision-option][data-decision=Conditional]");
        await Expect(official.Locator("[data-testid=evaluation-remediation]")).ToBeVisibleAsync();
        await ContractSteps.SetAsync(official.Locator("[data-testid=evaluation-decision-justification]"), PhaseEvaluationArrange.JustificationOf(PhaseDecision.Conditional));
        await ContractSteps.SetAsync(official.Locator("[data-testid=evaluation-review-on]"), reviewOn);
        await official.ClickAsync("[data-testid=evaluation-decide]");
        await Ui.ExpectMessageAsync(official, "Decyzja warunkowa wymaga planu naprawczego z 1–20 działaniami.");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Expect(official.Locator("[data-testid=evaluation-no-decision]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "decision form, conditional without a plan refused");

        await ContractSteps.SetAsync(official.Locator("[data-testid=evaluation-remediation]"), "Uzupełnić brakujące sprawozdania roczne.\nPrzedstawić plan usług dla członków.");
        await official.ClickAsync("[data-testid=evaluation-decide]");
        await Ui.ExpectMessageAsync(official, "Zapisano decyzję; trafi do komisji.");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Decided");
        await Expect(official.Locator("[data-testid=evaluation-decision]")).ToHaveTextAsync("Kontynuacja warunkowa");
        await Expect(official.Locator("[data-testid=evaluation-remediation-item]")).ToHaveTextAsync(["Uzupełnić brakujące sprawozdania roczne.", "Przedstawić plan usług dla członków."]);
        await Expect(official.Locator("[data-testid=evaluation-review]")).ToContainTextAsync(reviewOn);
        await Ui.AssertAccessibleAsync(official, "decision form, conditional decided");

        // On the other contract a decision without a justification is refused, then Terminate is taken with one.
        await official.GotoAsync(PhaseEvaluationData.EvaluationLink(terminatedId));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=evaluation-title]")).ToContainTextAsync(terminated.Number);
        await official.CheckAsync("[data-testid=evaluation-decision-option][data-decision=Terminate]");
        await Expect(official.Locator("[data-testid=evaluation-remediation]")).ToHaveCountAsync(0);
        await official.ClickAsync("[data-testid=evaluation-decide]");
        await Ui.ExpectMessageAsync(official, "Uzasadnij decyzję (co najmniej 10 znaków).");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Ui.AssertAccessibleAsync(official, "decision form, decision without a justification refused");

        await ContractSteps.SetAsync(official.Locator("[data-testid=evaluation-decision-justification]"), PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        await official.ClickAsync("[data-testid=evaluation-decide]");
        await Ui.ExpectMessageAsync(official, "Zapisano decyzję; trafi do komisji.");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Decided");
        await Expect(official.Locator("[data-testid=evaluation-decision]")).ToHaveAttributeAsync("data-decision", "Terminate");
        await Expect(official.Locator("[data-testid=evaluation-decision-text]")).ToHaveTextAsync(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        await Expect(official.Locator("[data-testid=evaluation-remediation-item]")).ToHaveCountAsync(0);

        // The board shows both decisions.
        await official.GotoAsync(PhaseEvaluationData.BoardLink(phaseEvaluationId));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=board-status-count][data-status=Decided]")).ToHaveTextAsync("2");
        await Expect(RowOf(official, "board-row-link", conditional.Number)).ToContainTextAsync("Kontynuacja warunkowa");
        await Expect(RowOf(official, "board-row-link", terminated.Number)).ToContainTextAsync("Zakończenie");
        await Expect(official.Locator("[data-testid=board-row-status][data-status=Decided]")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(official, "phase evaluation board with decisions");

        // The coordinator, in English, waits for the commission; once it approves he reads the decision and its plan.
        var email = await TestLogins.GiveAsync(ui.Host.Services, conditional.CoordinatorUserId, Roles.Applicant, DemoData.Password);
        var coordinator = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(coordinator, email, "/my-evaluations");
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("My contract evaluations");
        var own = RowOf(coordinator, "my-evals-link", conditional.Number);
        await Expect(own.Locator("[data-testid=my-evals-status]")).ToHaveTextAsync("decided");
        await Expect(own.Locator("[data-testid=my-evals-decision]")).ToHaveTextAsync("after the commission's approval");
        await Expect(coordinator.Locator("[data-testid=my-evals-link]")).ToHaveCountAsync(1);
        await Ui.AssertAccessibleAsync(coordinator, "my evaluations (en, decided)");

        await own.Locator("[data-testid=my-evals-link]").ClickAsync();
        await coordinator.WaitForURLAsync(url => url.EndsWith(PhaseEvaluationData.EvaluationLink(conditionalId), StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=evaluation-hidden-note]")).ToBeVisibleAsync();
        await Expect(coordinator.Locator("[data-testid=evaluation-decision]")).ToHaveCountAsync(0);

        await arrange.VoteAsync(phaseEvaluationId, members, cancellationToken: Ct);
        await coordinator.ReloadAsync();
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=evaluation-status]")).ToHaveTextAsync("approved by the commission");
        await Expect(coordinator.Locator("[data-testid=evaluation-hidden-note]")).ToHaveCountAsync(0);
        await Expect(coordinator.Locator("[data-testid=evaluation-decision]")).ToHaveTextAsync("Conditional");
        await Expect(coordinator.Locator("[data-testid=evaluation-remediation-item]")).ToHaveCountAsync(2);
        await Expect(coordinator.Locator("[data-testid=evaluation-review]")).ToContainTextAsync(reviewOn);
        await Expect(coordinator.Locator("[data-testid=evaluation-decide]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(coordinator, "contract evaluation (en, approved)");

        await coordinator.GotoAsync("/my-evaluations");
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(own.Locator("[data-testid=my-evals-decision]")).ToHaveTextAsync("Conditional");
        await Expect(own.Locator("[data-testid=my-evals-review-on]")).ToContainTextAsync(reviewOn);
        await Expect(own.Locator("[data-testid=my-evals-status]")).ToHaveTextAsync("approved by the commission");
        await Ui.AssertAccessibleAsync(coordinator, "my evaluations (en, approved)");
    }
}
