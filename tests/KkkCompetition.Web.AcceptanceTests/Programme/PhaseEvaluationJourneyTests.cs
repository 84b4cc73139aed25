using System.Globalization;
using System.Text.RegularExpressions;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Programme;
using KkkCompetition.Web.AcceptanceTests.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests.Programme;

/// <summary>
/// The phase evaluation of issue 8 from end to end, every step in the browser after the arrangement (a past phase with
/// three contracts — one that met its targets, one at 75% of them, one that filed no report — and a commission of three
/// members): the official opens the phase's evaluation, scores the three contracts as their evaluator and decides Continue,
/// Conditional (with a remediation plan) and Terminate; closing the phase before the commission's approval is refused; the
/// decisions go to the commission, a member votes on the three cards, the official closes the voting; the registry's card
/// of the terminated cluster shows the end with the reason; the official drafts the next phase's contracts of the two
/// continuing clusters, pre-filled with the KPIs and the last actuals as baselines, and closes the phase. axe on every
/// page and state visited.
/// </summary>
public sealed class PhaseEvaluationJourneyTests(UiFixture ui)
{
    private const string RemediationFirst = "Uzupełnić brakujące wskaźniki zatrudnienia.";
    private const string RemediationSecond = "Przedstawić plan usług dla członków na kolejny rok.";

    private const string NextDrafted = "Projekt kontraktu na kolejną fazę jest gotowy.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => ui.Host.Services;

    [Fact]
    public async Task Three_contracts_are_evaluated_with_the_three_decisions_approved_by_the_commission_the_termination_shows_in_the_registry_and_the_next_contracts_are_pre_filled()
    {
        // ---- Arrangement (not the journey): a past phase, its contracts and reports, the commission, the phase holding today.
        var today = WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string[] names = [$"Klaster Fazy Dalej {suffix}", $"Klaster Fazy Warunek {suffix}", $"Klaster Fazy Koniec {suffix}"];
        var arrange = new PhaseEvaluationArrange(Services, TimeProvider.System, TestYears.Next());
        var shape = PhaseEvaluationShape.PastPhase(today, slot: 6, names);
        var phase = await arrange.PhaseWithContractsAsync(shape, Ct);
        var (keep, conditional, end) = (phase.Contracts[0], phase.Contracts[1], phase.Contracts[2]);
        // The contracts run the whole phase: an annual report for each of its four years.
        var years = Enumerable.Range(shape.PhaseStartsOn.Year, shape.PhaseYears).ToList();
        await arrange.AcceptReportsAsync(keep, years, 1m, Ct);
        await arrange.AcceptReportsAsync(conditional, years, 0.75m, Ct);
        var (competitionId, members) = await arrange.CommissionAsync(3, TestYears.Next(), Ct);
        var memberEmail = await TestLogins.GiveAsync(Services, members[0].User.UserId!.Value, Roles.CommissionMember, DemoData.Password);
        var nextPhase = await arrange.Contracts.PhaseAsync(new DateOnly(today.Year - 1, 1, 1), ProgrammePhase.DefaultYears, 1, Ct);
        var coordinatorEmail = await TestLogins.GiveAsync(Services, end.CoordinatorUserId, Roles.Applicant, DemoData.Password);
        Guid officialId;
        await using (var scope = Services.CreateAsyncScope())
        {
            officialId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(KkkHost.EmailOf(Roles.Official)))!.Id;
        }

        // ---- 1. The official opens the phase's evaluation.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, "/programme/evaluations");
        await Expect(official.Locator("h1")).ToHaveTextAsync("Oceny faz programu");
        await official.SelectOptionAsync("[data-testid=phase-evals-phase]", phase.PhaseId.ToString());
        await official.SelectOptionAsync("[data-testid=phase-evals-competition]", competitionId.ToString());
        await Ui.AssertAccessibleAsync(official, "phase evaluations, the opening form filled in");
        await official.ClickAsync("[data-testid=phase-evals-open]");
        await official.WaitForURLAsync(url => url.Contains("/programme/evaluations/", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=board-total]")).ToHaveTextAsync("3");
        var boardUrl = official.Url;
        var phaseEvaluationId = Guid.Parse(new Uri(boardUrl).Segments[^1]);
        await Expect(official.Locator("[data-testid=board-row-status][data-status=AwaitingScores]")).ToHaveCountAsync(3);
        await Ui.AssertAccessibleAsync(official, "phase evaluation board, opened");

        // ---- 2. Each contract is scored by the official as its evaluator and decided.
        await EvaluateAsync(official, boardUrl, keep.Number, officialId, score: 9, async () =>
        {
            await Expect(official.Locator("[data-testid=evaluation-quantitative]")).ToContainTextAsync("100%");
            await official.CheckAsync("[data-testid=evaluation-decision-option][data-decision=Continue]");
            await ContractSteps.SetAsync(official.Locator("#evaluation-decision-justification"), PhaseEvaluationArrange.JustificationOf(PhaseDecision.Continue));
        });

        await EvaluateAsync(official, boardUrl, conditional.Number, officialId, score: 6, async () =>
        {
            await official.CheckAsync("[data-testid=evaluation-decision-option][data-decision=Conditional]");
            await ContractSteps.SetAsync(official.Locator("#evaluation-decision-justification"), PhaseEvaluationArrange.JustificationOf(PhaseDecision.Conditional));
            await ContractSteps.SetAsync(official.Locator("#evaluation-remediation"), $"{RemediationFirst}\n{RemediationSecond}");
            await ContractSteps.SetAsync(official.Locator("#evaluation-review-on"), today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Ui.AssertAccessibleAsync(official, "contract evaluation, a conditional decision filled in");
        });

        await EvaluateAsync(official, boardUrl, end.Number, officialId, score: 2, async () =>
        {
            await Expect(official.Locator("[data-testid=evaluation-missing-year]")).ToHaveCountAsync(years.Count);
            await official.CheckAsync("[data-testid=evaluation-decision-option][data-decision=Terminate]");
            await ContractSteps.SetAsync(official.Locator("#evaluation-decision-justification"), PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        });

        await Expect(official.Locator("[data-testid=board-row-status][data-status=Decided]")).ToHaveCountAsync(3);
        await Ui.AssertAccessibleAsync(official, "phase evaluation board, decided");

        // ---- 3. Closing the phase before the commission's approval is refused; the decisions go to the commission.
        await official.ClickAsync("[data-testid=board-commission]");
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=pc-decided]")).ToHaveTextAsync("3");
        await Ui.AssertAccessibleAsync(official, "phase commission, before the vote");
        await official.ClickAsync("[data-testid=pc-close-phase]");
        await Ui.ExpectMessageAsync(official, "3 kontrakt(y/ów) fazy nie ma jeszcze zatwierdzonej decyzji.");
        await Expect(official.Locator("[data-testid=pc-status]")).ToHaveAttributeAsync("data-status", "Open");
        await official.ClickAsync("[data-testid=pc-put]");
        await Expect(official.Locator("[data-testid=pc-voting][data-status=Open]")).ToHaveCountAsync(1);
        await Expect(official.Locator("[data-testid=pc-vote-row][data-quorum=no]")).ToHaveCountAsync(3);
        await Ui.ExpectMessageAsync(official, "Decyzje przekazano komisji");
        await Ui.AssertAccessibleAsync(official, "phase commission, voting open");

        // ---- 4. A member votes on the three decisions from the cards; the two others vote as well.
        var member = await ui.NewPageAsync();
        await ApplicantSteps.SignInAsync(member, memberEmail, PhaseDecisionData.MyVotesLink);
        await Expect(member.Locator("h1")).ToHaveTextAsync("Głosowanie nad decyzjami oceny fazy");
        await Expect(member.Locator("[data-testid=nav-my-phase-decision-votes]")).ToBeVisibleAsync();
        var cards = member.Locator("[data-testid=pv-card]");
        var conditionalCard = cards.Filter(new() { HasText = conditional.Number });
        await Expect(conditionalCard.Locator("[data-testid=pv-decision]")).ToHaveAttributeAsync("data-decision", "Conditional");
        await Expect(conditionalCard.Locator("[data-testid=pv-remediation] li")).ToHaveTextAsync([RemediationFirst, RemediationSecond]);
        await Ui.AssertAccessibleAsync(member, "my phase decision votes");
        foreach (var number in new[] { keep.Number, conditional.Number, end.Number })
        {
            var card = cards.Filter(new() { HasText = number });
            await card.Locator("textarea").FillAsync("Decyzja zgodna z wynikami oceny.");
            await card.Locator("[data-testid=pv-vote-For]").ClickAsync();
            await Expect(card.Locator("[data-testid=pv-my-vote]")).ToHaveAttributeAsync("data-choice", "For");
        }

        await Ui.AssertAccessibleAsync(member, "my phase decision votes, voted");
        var votingId = (await Services.SendAsAsync(members[1].User, new ListMyPhaseDecisionVotes(), Ct)).Items[0].VotingId;
        foreach (var other in members.Skip(1))
        {
            foreach (var contract in phase.Contracts)
            {
                await Services.SendAsAsync(other.User, new CastPhaseDecisionVote(votingId, await arrange.EvaluationOfAsync(contract.ContractId, Ct), VoteChoice.For), Ct);
            }
        }

        // ---- 5. The official closes the voting: the three decisions are approved.
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=pc-vote-row][data-quorum=yes]")).ToHaveCountAsync(3);
        await official.ClickAsync("[data-testid=pc-close-voting]");
        await Expect(official.Locator("[data-testid=pc-voting][data-status=Closed]")).ToHaveCountAsync(1);
        await Expect(official.Locator("[data-testid=pc-outcome][data-outcome=approved]")).ToHaveCountAsync(3);
        await Expect(official.Locator("[data-testid=pc-contract-row][data-status=Approved]")).ToHaveCountAsync(3);
        await Ui.ExpectMessageAsync(official, "Głosowanie zamknięte.");
        await Ui.AssertAccessibleAsync(official, "phase commission, voting closed");

        await member.CheckAsync("#pv-include-closed");
        await Expect(cards.Filter(new() { HasText = end.Number }).Locator("[data-testid=pv-outcome]")).ToHaveAttributeAsync("data-outcome", "approved");

        // ---- 6. The registry's card shows the terminated cluster's end with the reason.
        var visitor = await ui.NewPageAsync();
        await visitor.GotoAsync($"/registry/clusters/{end.ClusterId}");
        await Ui.WaitForInteractiveAsync(visitor);
        var history = visitor.Locator("[data-testid=card-history-row]");
        await Expect(history.Locator("[data-testid=card-history-state]")).ToHaveTextAsync("zakończony po ocenie etapu");
        await Expect(history.Locator("[data-testid=card-history-reason]")).ToHaveTextAsync(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        await Ui.AssertAccessibleAsync(visitor, "registry card of the terminated cluster");

        // The coordinator of the terminated cluster reads the decision (in English).
        var coordinator = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(coordinator, coordinatorEmail, PhaseDecisionData.MyEvaluationsLink);
        await Expect(coordinator.Locator("[data-testid=my-evals-link]")).ToHaveTextAsync(end.Number);
        await Expect(coordinator.Locator("[data-testid=my-evals-status]")).ToHaveAttributeAsync("data-status", "Approved");
        await Ui.AssertAccessibleAsync(coordinator, "my evaluations (en), terminated");
        await coordinator.ClickAsync("[data-testid=my-evals-link]");
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=evaluation-decision]")).ToHaveAttributeAsync("data-decision", "Terminate");
        await Expect(coordinator.Locator("main")).ToContainTextAsync(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        await Ui.AssertAccessibleAsync(coordinator, "the coordinator's evaluation (en), terminated");

        // ---- 7. The next phase's contracts of the continuing clusters, pre-filled; the terminated one gets none.
        await Expect(official.Locator("[data-testid=pc-next-phase]")).ToHaveValueAsync(nextPhase.Id.ToString());
        var keepRow = official.Locator($"[data-testid=pc-contract-row][data-number='{keep.Number}']");
        var conditionalRow = official.Locator($"[data-testid=pc-contract-row][data-number='{conditional.Number}']");
        await Expect(official.Locator($"[data-testid=pc-contract-row][data-number='{end.Number}'] [data-testid=pc-draft-next]")).ToHaveCountAsync(0);
        await keepRow.Locator("[data-testid=pc-draft-next]").ClickAsync();
        await Expect(keepRow.Locator("[data-testid=pc-next-contract]")).ToBeVisibleAsync();
        await Ui.ExpectMessageAsync(official, NextDrafted);
        await conditionalRow.Locator("[data-testid=pc-draft-next]").ClickAsync();
        await Expect(conditionalRow.Locator("[data-testid=pc-next-contract]")).ToBeVisibleAsync();
        await Ui.ExpectMessageAsync(official, NextDrafted);
        await Ui.AssertAccessibleAsync(official, "phase commission, next contracts drafted");

        // ---- 8. The phase closes now that every contract has an approved decision.
        await official.ClickAsync("[data-testid=pc-close-phase]");
        await Expect(official.Locator("[data-testid=pc-status]")).ToHaveAttributeAsync("data-status", "Closed");
        await Expect(official.Locator("[data-testid=pc-close-phase]")).ToHaveCountAsync(0);
        await Ui.ExpectMessageAsync(official, "Ocena fazy została zamknięta.");
        await Ui.AssertAccessibleAsync(official, "phase commission, phase closed");

        // The conditional cluster's next contract: a draft in the next phase, its KPIs as before, the last actuals as baselines.
        await conditionalRow.Locator("[data-testid=pc-next-contract]").ClickAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=contract-status]")).ToContainTextAsync("projekt");
        // A draft opens in the official's editor: its KPIs as before (the optional one too), the last actuals as baselines.
        var kpis = official.Locator("[data-testid=contract-kpi-editor] [data-testid=kpi-row]");
        await Expect(kpis.And(official.Locator("[data-code='KPI-SKL']"))).ToHaveCountAsync(1);
        await Expect(kpis.And(official.Locator("[data-code='KPI-MEM']")).Locator("[data-testid=kpi-baseline]")).ToHaveValueAsync(new Regex(@"^45(\.0+)?$"));
        await Ui.AssertAccessibleAsync(official, "the next phase's contract, pre-filled");
    }

    /// <summary>On the contract's evaluation (from the board): assigns the official, submits every criterion at <paramref name="score"/>, decides.</summary>
    private static async Task EvaluateAsync(IPage official, string boardUrl, string contractNumber, Guid officialId, int score, Func<Task> fillDecision)
    {
        await official.Locator($"[data-testid=board-row-link][data-number='{contractNumber}']").ClickAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "AwaitingScores");
        await official.SelectOptionAsync("[data-testid=evaluation-evaluator-select]", officialId.ToString());
        await official.ClickAsync("[data-testid=evaluation-assign]");
        await Expect(official.Locator("[data-testid=evaluation-score]").First).ToBeVisibleAsync();
        await Ui.ExpectMessageAsync(official, "Przydzielono oceniającego.");
        foreach (var input in await official.Locator("[data-testid=evaluation-score]").AllAsync())
        {
            var code = await input.GetAttributeAsync("data-code");
            await ContractSteps.SetAsync(input, score.ToString(CultureInfo.InvariantCulture));
            await ContractSteps.SetAsync(official.Locator($"[data-testid=evaluation-justification][data-code='{code}']"), $"Ocena kryterium {code}: {score} pkt, zgodnie z dokumentacją klastra.");
        }

        await official.ClickAsync("[data-testid=evaluation-submit]");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Scored");
        await Ui.ExpectMessageAsync(official, "Złożono ocenę jakościową.");
        await fillDecision();
        await official.ClickAsync("[data-testid=evaluation-decide]");
        await Expect(official.Locator("[data-testid=evaluation-status]")).ToHaveAttributeAsync("data-status", "Decided");
        await Ui.ExpectMessageAsync(official, "Zapisano decyzję; trafi do komisji.");
        await Ui.AssertAccessibleAsync(official, $"contract evaluation {contractNumber}, decided");
        await official.GotoAsync(boardUrl);
        await Ui.WaitForInteractiveAsync(official);
    }
}
