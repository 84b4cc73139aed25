using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Programme;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Programme;

/// <summary>
/// The commission's vote on a phase evaluation's decisions, its outcome (termination at the phase's end, shown in the
/// registry and ended by the expiry job), closing the phase, the next phase's contract and the phase end's reminder.
/// </summary>
public abstract class PhaseDecisionTests(DatabaseFixture database) : FunctionalTest(database)
{
    private sealed record Arranged(
        ArrangedPhaseEvaluation Phase,
        Guid PhaseEvaluationId,
        Guid CompetitionId,
        IReadOnlyList<(FixedUser User, CommissionMemberDto Member)> Members,
        IReadOnlyList<Guid> Evaluations,
        FixedUser Official,
        PhaseEvaluationArrange Arrange);

    /// <summary>Three contracts scored and decided Continue, Conditional and Terminate; a commission of three; the reports of 2023–2025 accepted.</summary>
    private async Task<Arranged> DecidedAsync(int members = 3)
    {
        var official = await new ScoringArrange(Services, Database.Clock).OfficialAccountAsync(cancellationToken: Ct);
        var arrange = new PhaseEvaluationArrange(Services, Database.Clock);
        var phase = await arrange.PhaseWithContractsAsync(cancellationToken: Ct);
        foreach (var contract in phase.Contracts)
        {
            await arrange.AcceptReportsAsync(contract, [2023, 2024], 1m, Ct);
            await arrange.AcceptReportsAsync(contract, [2025], 0.5m, Ct);
        }

        var (competitionId, commission) = await arrange.CommissionAsync(members, cancellationToken: Ct);
        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var evaluations = new List<Guid>();
        PhaseDecision[] decisions = [PhaseDecision.Continue, PhaseDecision.Conditional, PhaseDecision.Terminate];
        for (var i = 0; i < phase.Contracts.Count; i++)
        {
            var evaluationId = await arrange.EvaluationOfAsync(phase.Contracts[i].ContractId, Ct);
            await arrange.ScoreAsync(evaluationId, cancellationToken: Ct);
            await arrange.DecideAsync(evaluationId, decisions[i], Ct);
            evaluations.Add(evaluationId);
        }

        return new Arranged(phase, phaseEvaluationId, competitionId, commission, evaluations, official, arrange);
    }

    private async Task VoteAllAsync(Arranged a, Guid votingId, Func<int, int, VoteChoice> choice)
    {
        for (var m = 0; m < a.Members.Count; m++)
        {
            for (var e = 0; e < a.Evaluations.Count; e++)
            {
                await Send(a.Members[m].User, new CastPhaseDecisionVote(votingId, a.Evaluations[e], choice(m, e), $"Uwaga {m}/{e}"));
            }
        }
    }

    private Task<List<ContractEvaluation>> EvaluationsAsync(Arranged a) =>
        Read(db => db.ContractEvaluations.AsNoTracking().Where(e => e.PhaseEvaluationId == a.PhaseEvaluationId).OrderBy(e => e.ContractNumber).ToListAsync(Ct));

    private Task<KkkStatus> StatusAsync(Guid statusId) => Read(db => db.KkkStatuses.AsNoTracking().SingleAsync(s => s.Id == statusId, Ct));

    private Task<List<OutboxMessage>> OutboxAsync(string templateKey) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == templateKey).ToListAsync(Ct));

    private static async Task<string> RefusedCode(Func<Task> action) => (await Assert.ThrowsAsync<BusinessRuleViolation>(action)).Code;

    [Fact]
    public async Task The_decisions_go_to_the_commission_whose_members_are_told_and_its_membership_is_fixed_until_the_close()
    {
        var a = await DecidedAsync();

        var opened = await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId));

        Assert.Equal((3, 3, 2), (opened.Decisions, opened.MemberCount, opened.Quorum));
        Assert.All(await EvaluationsAsync(a), e => Assert.Equal(ContractEvaluationStatus.BeforeCommission, e.Status));
        var notices = await OutboxAsync(PhaseDecisionMessages.VotingOpened);
        Assert.Equal(a.Members.Select(m => m.User.UserId!.Value).Order(), notices.Select(n => n.RecipientUserId).Order());
        Assert.All(notices, n => Assert.Equal(PhaseDecisionData.MyVotesLink, n.Link));
        Assert.Contains("fazy 1", notices[0].Subject, StringComparison.Ordinal);

        // Another put while this one is open, and nothing decided left: refused.
        Assert.Equal("commission.voting_already_open", await RefusedCode(() => Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))));

        // The commission cannot change while its members vote on the decisions.
        var newcomer = await a.Arrange.Commission.PersonAsync("Nowy Członek", cancellationToken: Ct);
        Assert.Equal(CommissionRules.VotingOpen, await RefusedCode(() => Send(a.Official, new AddCommissionMember(a.CompetitionId, newcomer.UserName, "Nowy Członek", CommissionSide.Ministry, null, []))));
        Assert.Equal(CommissionRules.VotingOpen, await RefusedCode(() => Send(a.Official, new RemoveCommissionMember(a.Members[0].Member.Id, a.Members[0].Member.Version))));
        Assert.True((await Send(a.Official, new ListCommissionMembers(a.CompetitionId))).VotingOpen);
        Assert.Equal(3, await Read(db => db.CommissionMembers.CountAsync(m => m.CompetitionId == a.CompetitionId, Ct)));

        await VoteAllAsync(a, opened.VotingId, (_, _) => VoteChoice.For);
        await Send(a.Official, new ClosePhaseDecisionVoting(opened.VotingId));
        var added = await Send(a.Official, new AddCommissionMember(a.CompetitionId, newcomer.UserName, "Nowy Członek", CommissionSide.Ministry, null, []));
        Assert.Equal(a.CompetitionId, added.CompetitionId);
    }

    [Fact]
    public async Task Without_a_quorum_the_close_is_refused_and_nothing_changes()
    {
        var a = await DecidedAsync();
        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;
        foreach (var evaluationId in a.Evaluations)
        {
            await Send(a.Members[0].User, new CastPhaseDecisionVote(votingId, evaluationId, VoteChoice.For));
        }

        Assert.Equal("commission.no_quorum", await RefusedCode(() => Send(a.Official, new ClosePhaseDecisionVoting(votingId))));

        Assert.Equal(VotingStatus.Open, (await Read(db => db.PhaseDecisionVotings.AsNoTracking().SingleAsync(v => v.Id == votingId, Ct))).Status);
        Assert.All(await EvaluationsAsync(a), e => Assert.Equal(ContractEvaluationStatus.BeforeCommission, e.Status));
        Assert.False((await StatusAsync(a.Phase.Contracts[2].KkkStatusId)).IsTerminationScheduled);
        Assert.Empty(await OutboxAsync(PhaseDecisionMessages.Approved));
        var view = await Send(a.Official, new GetPhaseDecisionVoting(votingId));
        Assert.False(view.CanClose);
        Assert.All(view.Rows, r => Assert.Equal(1, r.VotesMissingForQuorum));
    }

    [Fact]
    public async Task The_majority_approves_a_tie_refuses_and_an_approved_termination_ends_the_status_at_the_phase_end_as_the_registry_shows()
    {
        var a = await DecidedAsync(members: 4);
        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;

        // Continue: 3 for, 1 against; Conditional: 2 for, 2 against (a tie); Terminate: 3 for, 1 abstains.
        await VoteAllAsync(a, votingId, (m, e) => (e, m) switch
        {
            (0, 3) => VoteChoice.Against,
            (1, >= 2) => VoteChoice.Against,
            (2, 3) => VoteChoice.Abstain,
            _ => VoteChoice.For,
        });
        var memberView = await Send(a.Members[3].User, new GetPhaseDecisionVoting(votingId));
        Assert.Equal([VoteChoice.Against, VoteChoice.Against, VoteChoice.Abstain], memberView.Rows.Select(r => r.MyVote!.Value));
        Assert.Equal(new VoteCount(2, 2, 0), memberView.Rows[1].Votes);
        Assert.True(memberView.CanClose);

        var closed = await Send(a.Official, new ClosePhaseDecisionVoting(votingId));

        Assert.Equal((2, 1), (closed.Approved, closed.Refused));
        var evaluations = await EvaluationsAsync(a);
        Assert.Equal(
            [ContractEvaluationStatus.Approved, ContractEvaluationStatus.Scored, ContractEvaluationStatus.Approved],
            a.Evaluations.Select(id => evaluations.Single(e => e.Id == id).Status));
        Assert.NotNull(evaluations.Single(e => e.Id == a.Evaluations[1]).CommissionRefusedAt);

        var terminated = await StatusAsync(a.Phase.Contracts[2].KkkStatusId);
        Assert.True(terminated.IsTerminationScheduled);
        Assert.Equal(a.Phase.PhaseEndsOn, terminated.ValidTo);
        Assert.Equal(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate), terminated.EndReason);
        Assert.False((await StatusAsync(a.Phase.Contracts[0].KkkStatusId)).IsTerminationScheduled);

        // The coordinators of the approved decisions hear what they mean; the officials hear of the refused one.
        var approved = await OutboxAsync(PhaseDecisionMessages.Approved);
        Assert.Equal([a.Phase.Contracts[0].CoordinatorUserId, a.Phase.Contracts[2].CoordinatorUserId], approved.Select(m => m.RecipientUserId).Order());
        var termination = approved.Single(m => m.RecipientUserId == a.Phase.Contracts[2].CoordinatorUserId);
        Assert.Contains(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate), termination.Text, StringComparison.Ordinal);
        Assert.Contains(a.Phase.PhaseEndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), termination.Text, StringComparison.Ordinal);
        var refused = Assert.Single(await OutboxAsync(PhaseDecisionMessages.Refused));
        Assert.Equal(a.Official.UserId, refused.RecipientUserId);
        Assert.Contains("za — 2, przeciw — 2", refused.Text, StringComparison.Ordinal);

        // The public card shows the status in force with its announced end and reason...
        var card = await Send(TestUsers.Anonymous, new GetClusterCard(a.Phase.Contracts[2].ClusterId));
        Assert.Equal(KkkStatusState.Active, card.CurrentStatus!.State);
        Assert.Equal(a.Phase.PhaseEndsOn, card.CurrentStatus.ValidTo);
        Assert.Equal(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate), card.CurrentStatus.EndReason);

        // ...and after the last day, once the nightly job has run, as terminated with the reason.
        Database.Clock.Set(WorkingDayCalendar.FromWarsaw(a.Phase.PhaseEndsOn.AddDays(1).ToDateTime(new TimeOnly(3, 0))));
        await Send(TestUsers.System, new ExpireKkkStatuses());
        var ended = await StatusAsync(a.Phase.Contracts[2].KkkStatusId);
        Assert.Equal(KkkStatusState.Terminated, ended.State);
        var after = await Send(TestUsers.Anonymous, new GetClusterCard(a.Phase.Contracts[2].ClusterId));
        Assert.Null(after.CurrentStatus);
        var history = Assert.Single(after.History);
        Assert.Equal((KkkStatusState.Terminated, a.Phase.PhaseEndsOn.AddDays(1)), (history.State, history.EndedOn));
        Assert.Equal(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate), history.EndReason);
    }

    [Fact]
    public async Task A_refused_termination_leaves_the_status_untouched_and_the_domain_refuses_to_terminate_without_approval()
    {
        var a = await DecidedAsync();
        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;
        await VoteAllAsync(a, votingId, (_, _) => VoteChoice.Against);
        await Send(a.Official, new ClosePhaseDecisionVoting(votingId));

        var status = await StatusAsync(a.Phase.Contracts[2].KkkStatusId);
        Assert.False(status.IsTerminationScheduled);
        Assert.Null(status.EndReason);
        var evaluation = (await EvaluationsAsync(a)).Single(e => e.Id == a.Evaluations[2]);
        var phaseEvaluation = await Read(db => db.PhaseEvaluations.AsNoTracking().SingleAsync(e => e.Id == a.PhaseEvaluationId, Ct));
        var refusal = Assert.Throws<BusinessRuleViolation>(() => evaluation.TerminateStatus(status, phaseEvaluation, a.Official.UserId!.Value, Database.Clock.GetUtcNow()));
        Assert.Equal("phase_evaluation.termination_not_approved", refusal.Code);
        Assert.Equal(3, (await OutboxAsync(PhaseDecisionMessages.Refused)).Count);
    }

    [Fact]
    public async Task A_member_votes_once_not_on_his_own_cluster_and_a_member_of_another_commission_finds_nothing()
    {
        var a = await DecidedAsync();
        var coordinatorNip = await Read(db => db.ProgrammeContracts.AsNoTracking().Where(c => c.Id == a.Phase.Contracts[0].ContractId).Select(c => c.CoordinatorNip).SingleAsync(Ct));
        var memberNip = await Read(db => db.ClusterMembers.AsNoTracking().Where(m => m.ClusterId == a.Phase.Contracts[1].ClusterId).Select(m => m.Nip).FirstAsync(Ct));
        var conflicted = await a.Arrange.Commission.MemberAsync(a.CompetitionId, "Członek Powiązany", [coordinatorNip, memberNip], cancellationToken: Ct);
        var otherCompetition = await a.Arrange.Commission.CompetitionAsync(2028, Ct);
        var outsider = await a.Arrange.Commission.MemberAsync(otherCompetition, "Członek Innej Komisji", cancellationToken: Ct);
        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;

        Assert.Equal(CommissionRules.ConflictOfInterest, await RefusedCode(() => Send(conflicted.User, new CastPhaseDecisionVote(votingId, a.Evaluations[0], VoteChoice.For))));
        Assert.Equal(CommissionRules.ConflictOfInterest, await RefusedCode(() => Send(conflicted.User, new CastPhaseDecisionVote(votingId, a.Evaluations[1], VoteChoice.For))));
        await Send(conflicted.User, new CastPhaseDecisionVote(votingId, a.Evaluations[2], VoteChoice.For));
        var mine = await Send(conflicted.User, new ListMyPhaseDecisionVotes());
        Assert.Equal([PolishIdentifiersOf(coordinatorNip), PolishIdentifiersOf(memberNip), null], mine.Items.Select(i => i.Decision.ConflictNip));

        await Send(a.Members[0].User, new CastPhaseDecisionVote(votingId, a.Evaluations[0], VoteChoice.For, "Zgoda."));
        Assert.Equal("commission.already_voted", await RefusedCode(() => Send(a.Members[0].User, new CastPhaseDecisionVote(votingId, a.Evaluations[0], VoteChoice.Against))));
        Assert.Equal(2, await Read(db => db.PhaseDecisionVotes.CountAsync(v => v.VotingId == votingId, Ct)));

        await Assert.ThrowsAsync<NotFoundException>(() => Send(outsider.User, new CastPhaseDecisionVote(votingId, a.Evaluations[0], VoteChoice.For)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(outsider.User, new GetPhaseDecisionVoting(votingId)));
        Assert.Empty((await Send(outsider.User, new ListMyPhaseDecisionVotes(IncludeClosed: true))).Items);

        var list = await Send(a.Members[0].User, new ListMyPhaseDecisionVotes());
        Assert.Equal(3, list.TotalCount);
        var first = list.Items[0];
        Assert.Equal((VoteChoice.For, "Zgoda."), (first.Decision.MyVote, first.Decision.MyComment));
        Assert.Equal(PhaseDecision.Continue, first.Decision.Decision);
        Assert.NotNull(first.Decision.OverallPercent);
        Assert.Equal(["Uzupełnić brakujące sprawozdania.", "Przedstawić plan usług dla członków."], list.Items[1].Decision.RemediationItems);
    }

    private static string PolishIdentifiersOf(string nip) => Domain.Identifiers.PolishIdentifiers.Normalize(nip);

    [Fact]
    public async Task The_phase_closes_only_when_every_contract_has_an_approved_decision()
    {
        var a = await DecidedAsync();
        Assert.Equal("phase_evaluation.undecided_contracts", await RefusedCode(() => Send(a.Official, new ClosePhaseEvaluation(a.PhaseEvaluationId))));
        Assert.Equal(PhaseEvaluationStatus.Open, (await Read(db => db.PhaseEvaluations.AsNoTracking().SingleAsync(e => e.Id == a.PhaseEvaluationId, Ct))).Status);
        var board = await Send(a.Official, new GetPhaseCommission(a.PhaseEvaluationId));
        Assert.Equal((3, 3), (board.Decided, board.Undecided));

        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;
        await VoteAllAsync(a, votingId, (_, _) => VoteChoice.For);
        await Send(a.Official, new ClosePhaseDecisionVoting(votingId));

        var closed = await Send(a.Official, new ClosePhaseEvaluation(a.PhaseEvaluationId));
        Assert.Equal(PhaseEvaluationStatus.Closed, closed.Status);
        Assert.Equal("phase_evaluation.closed", await RefusedCode(() => Send(a.Official, new ClosePhaseEvaluation(a.PhaseEvaluationId))));
    }

    [Fact]
    public async Task The_next_phase_contract_is_pre_filled_from_the_last_actuals_and_prolongs_the_status()
    {
        var a = await DecidedAsync();
        var votingId = (await Send(a.Official, new PutPhaseDecisionsToCommission(a.PhaseEvaluationId))).VotingId;
        await VoteAllAsync(a, votingId, (_, _) => VoteChoice.For);
        await Send(a.Official, new ClosePhaseDecisionVoting(votingId));
        var next = await a.Arrange.Contracts.PhaseAsync(a.Phase.PhaseEndsOn.AddDays(1), 4, 2, Ct);
        var previous = a.Phase.Contracts[1];

        var drafted = await Send(a.Official, new DraftNextPhaseContract(a.Evaluations[1], next.Id));

        Assert.Equal("KP/2/0001", drafted.Number);
        var contract = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == drafted.Id, Ct));
        var old = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == previous.ContractId, Ct));
        Assert.Equal((ContractStatus.Draft, next.Id, next.StartsOn, next.EndsOn), (contract.Status, contract.PhaseId, contract.StartsOn, contract.EndsOn));
        Assert.Equal(
            old.CurrentVersion.Kpis.OrderBy(k => k.Code, StringComparer.Ordinal).Select(k => (k.Code, k.Weight, k.IsMandatory)),
            contract.CurrentVersion.Kpis.OrderBy(k => k.Code, StringComparer.Ordinal).Select(k => (k.Code, k.Weight, k.IsMandatory)));
        Assert.Contains(contract.CurrentVersion.Kpis, k => k.Code == "KPI-SKL" && !k.IsMandatory);

        // The last actuals: the 2025 report's (accepted last, at half the targets), not the earlier years'.
        var latest = await Read(db => db.KpiReports.AsNoTracking().SingleAsync(r => r.ContractId == previous.ContractId && r.Year == 2025 && r.Kind == ReportKind.Annual, Ct));
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            var actual = latest.Lines.Single(l => l.KpiCode == kpi.Code).Actual;
            Assert.Equal(actual, kpi.Baseline);
        }

        Assert.Equal(old.Terms, contract.Terms);
        Assert.Equal(next.EndsOn, (await StatusAsync(previous.KkkStatusId)).ValidTo);
        var notice = Assert.Single(await OutboxAsync(ContractMessages.DraftReady));
        Assert.Equal((previous.CoordinatorUserId, $"/contracts/{drafted.Id}"), (notice.RecipientUserId, notice.Link));
        var board = await Send(a.Official, new GetPhaseCommission(a.PhaseEvaluationId));
        Assert.Equal(drafted.Id, board.Evaluations.Single(e => e.EvaluationId == a.Evaluations[1]).NextContractId);

        // Refused: twice in the phase, a terminated cluster, a phase not after the evaluated one, an unknown phase.
        Assert.Equal("contract.already_exists", await RefusedCode(() => Send(a.Official, new DraftNextPhaseContract(a.Evaluations[1], next.Id))));
        Assert.Equal("contract.next_phase_not_allowed", await RefusedCode(() => Send(a.Official, new DraftNextPhaseContract(a.Evaluations[2], next.Id))));
        Assert.Equal("contract.not_next_phase", await RefusedCode(() => Send(a.Official, new DraftNextPhaseContract(a.Evaluations[0], a.Phase.PhaseId))));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(a.Official, new DraftNextPhaseContract(a.Evaluations[0], Guid.CreateVersion7())));
        Assert.Equal(1, await Read(db => db.ProgrammeContracts.CountAsync(c => c.PhaseId == next.Id, Ct)));
        Assert.Equal(a.Phase.PhaseEndsOn, (await StatusAsync(a.Phase.Contracts[0].KkkStatusId)).ValidTo);
    }

    [Fact]
    public async Task A_decision_not_approved_yet_gets_no_next_phase_contract()
    {
        var a = await DecidedAsync();
        var next = await a.Arrange.Contracts.PhaseAsync(a.Phase.PhaseEndsOn.AddDays(1), 4, 2, Ct);

        Assert.Equal("contract.next_phase_not_allowed", await RefusedCode(() => Send(a.Official, new DraftNextPhaseContract(a.Evaluations[0], next.Id))));
        Assert.Equal(a.Phase.PhaseEndsOn, (await StatusAsync(a.Phase.Contracts[0].KkkStatusId)).ValidTo);
        Assert.Empty(await OutboxAsync(ContractMessages.DraftReady));
    }

    [Fact]
    public async Task The_phase_end_is_reminded_to_the_officials_sixty_days_before_its_last_day()
    {
        var official = await new ScoringArrange(Services, Database.Clock).OfficialAccountAsync(cancellationToken: Ct);
        var arrange = new ContractArrange(Services, Database.Clock);
        var phase = await arrange.PhaseAsync(new DateOnly(2023, 7, 1), 4, 1, Ct);
        var dueAt = PhaseEndReminderSource.DueAt(phase.EndsOn);

        Database.Clock.Set(WorkingDayCalendar.FromWarsaw(phase.EndsOn.AddDays(-61).ToDateTime(new TimeOnly(7, 0))));
        await Send(TestUsers.System, new RunReminderScan());
        Assert.Empty(await OutboxAsync(ReminderCatalogue.PhaseEnd));

        Database.Clock.Set(WorkingDayCalendar.FromWarsaw(phase.EndsOn.AddDays(-60).ToDateTime(new TimeOnly(7, 0))));
        await Send(TestUsers.System, new RunReminderScan());
        await Send(TestUsers.System, new RunReminderScan());

        var message = Assert.Single(await OutboxAsync(ReminderCatalogue.PhaseEnd));
        Assert.Equal((official.UserId!.Value, PhaseEndReminderSource.PhasesLink), (message.RecipientUserId, message.Link));
        Assert.Contains("faza 1 programu", message.Subject, StringComparison.Ordinal);
        var dispatch = await Read(db => db.ReminderDispatches.AsNoTracking().SingleAsync(d => d.RuleKey == ReminderCatalogue.PhaseEnd, Ct));
        Assert.Equal((-60, dueAt, PhaseEndReminderSource.SubjectKey(phase.Id)), (dispatch.OffsetDays, dispatch.DueAt, dispatch.SubjectKey));
    }
}

public sealed class PhaseDecisionTestsOnSqlite(SqliteDatabaseFixture database) : PhaseDecisionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PhaseDecisionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : PhaseDecisionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
