using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Programme;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests.Programme;

/// <summary>
/// The commission's pages on phase decisions in English, with a decision the commission refuses: the member votes against
/// the termination and for the continuation, closing before the quorum is refused, the refused decision goes back to the
/// official (Scored) and the phase cannot close; axe on each state.
/// </summary>
public sealed class PhaseCommissionUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_votes_in_english_and_the_commission_refuses_a_termination_which_goes_back_to_the_official()
    {
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var arrange = new PhaseEvaluationArrange(ui.Host.Services, TimeProvider.System, TestYears.Next());
        var phase = await arrange.PhaseWithContractsAsync(PhaseEvaluationShape.PastPhase(today, slot: 7, [$"Cluster Keep {suffix}", $"Cluster End {suffix}"]), Ct);
        var (keep, end) = (phase.Contracts[0], phase.Contracts[1]);
        var (competitionId, members) = await arrange.CommissionAsync(2, TestYears.Next(), Ct);
        var email = await TestLogins.GiveAsync(ui.Host.Services, members[0].User.UserId!.Value, Roles.CommissionMember, DemoData.Password);
        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var keepId = await arrange.EvaluationOfAsync(keep.ContractId, Ct);
        var endId = await arrange.EvaluationOfAsync(end.ContractId, Ct);
        foreach (var (id, decision) in new[] { (keepId, PhaseDecision.Continue), (endId, PhaseDecision.Terminate) })
        {
            await arrange.ScoreAsync(id, cancellationToken: Ct);
            await arrange.DecideAsync(id, decision, Ct);
        }

        var official = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(official, Roles.Official, PhaseDecisionData.CommissionLink(phaseEvaluationId));
        await Expect(official.Locator("h1")).ToHaveTextAsync($"Commission — decisions of the phase 97 evaluation");
        await Expect(official.Locator("[data-testid=pc-undecided]")).ToHaveTextAsync("2");
        await Ui.AssertAccessibleAsync(official, "phase commission (en)");
        await official.ClickAsync("[data-testid=pc-put]");
        await Ui.ExpectMessageAsync(official, "The decisions are with the commission");
        await Expect(official.Locator("[data-testid=pc-voting-open]")).ToBeVisibleAsync();
        await Expect(official.Locator("[data-testid=pc-put]")).ToHaveCountAsync(0);

        // Closing without a quorum is refused and nothing changes.
        await official.ClickAsync("[data-testid=pc-close-voting]");
        await Expect(official.Locator(".mud-snackbar")).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(official);
        await Expect(official.Locator("[data-testid=pc-voting][data-status=Open]")).ToHaveCountAsync(1);

        var member = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(member, email, PhaseDecisionData.MyVotesLink);
        await Expect(member.Locator("h1")).ToHaveTextAsync("Voting on phase evaluation decisions");
        var keepCard = member.Locator($"[data-testid=pv-card][data-evaluation='{keepId}']");
        var endCard = member.Locator($"[data-testid=pv-card][data-evaluation='{endId}']");
        await Expect(endCard.Locator("[data-testid=pv-decision]")).ToHaveAttributeAsync("data-decision", "Terminate");
        await Expect(endCard).ToContainTextAsync(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate));
        await Ui.AssertAccessibleAsync(member, "my phase decision votes (en)");
        await keepCard.Locator("[data-testid=pv-vote-For]").ClickAsync();
        await Expect(keepCard.Locator("[data-testid=pv-my-vote]")).ToHaveAttributeAsync("data-choice", "For");
        await endCard.Locator("textarea").FillAsync("The reports were late, but the cluster has a credible recovery plan.");
        await endCard.Locator("[data-testid=pv-vote-Against]").ClickAsync();
        await Expect(endCard.Locator("[data-testid=pv-my-vote]")).ToHaveAttributeAsync("data-choice", "Against");
        await Expect(endCard.Locator("[data-testid=pv-my-comment]")).ToHaveTextAsync("The reports were late, but the cluster has a credible recovery plan.");
        await Expect(member.Locator("[data-testid=pv-counts]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(member, "my phase decision votes (en), voted");

        var votingId = (await ui.Host.Services.SendAsAsync(members[1].User, new ListMyPhaseDecisionVotes(), Ct)).Items[0].VotingId;
        await ui.Host.Services.SendAsAsync(members[1].User, new CastPhaseDecisionVote(votingId, keepId, VoteChoice.For), Ct);
        await ui.Host.Services.SendAsAsync(members[1].User, new CastPhaseDecisionVote(votingId, endId, VoteChoice.Abstain), Ct);

        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await official.ClickAsync("[data-testid=pc-close-voting]");
        await Ui.ExpectMessageAsync(official, "The voting is closed.");
        await Expect(official.Locator("[data-testid=pc-vote-row]").Filter(new() { HasText = keep.Number }).Locator("[data-testid=pc-outcome]")).ToHaveAttributeAsync("data-outcome", "approved");
        await Expect(official.Locator("[data-testid=pc-vote-row]").Filter(new() { HasText = end.Number }).Locator("[data-testid=pc-outcome]")).ToHaveAttributeAsync("data-outcome", "refused");
        await Expect(official.Locator($"[data-testid=pc-contract-row][data-number='{end.Number}']")).ToHaveAttributeAsync("data-status", "Scored");
        await Expect(official.Locator("[data-testid=pc-undecided]")).ToHaveTextAsync("1");
        await Ui.AssertAccessibleAsync(official, "phase commission (en), a decision refused");

        // The phase cannot close while the refused decision waits for a new one.
        await official.ClickAsync("[data-testid=pc-close-phase]");
        await Ui.ExpectMessageAsync(official, "1 contract(s) of the phase have no approved decision yet.");
        await Expect(official.Locator("[data-testid=pc-status]")).ToHaveAttributeAsync("data-status", "Open");

        await member.CheckAsync("#pv-include-closed");
        await Expect(endCard.Locator("[data-testid=pv-outcome]")).ToHaveAttributeAsync("data-outcome", "refused");
        await Expect(endCard.Locator("[data-testid=pv-counts]")).ToContainTextAsync("for 0, against 1, abstained 1");
    }
}
