using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.FunctionalTests.Contracts;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Programme;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Programme;

/// <summary>
/// The phase evaluation through the use cases, up to the official's decision: opening (too early, twice, which contracts, the
/// quantitative part with missing reports as zero, the coordinators told), the board, scoring by the assigned evaluator only,
/// deciding, stale versions, and what a coordinator may read of his or her own evaluation and of nobody else's.
/// </summary>
public abstract class PhaseEvaluationTests(DatabaseFixture database) : ContractTest(database)
{
    private PhaseEvaluationArrange? _phases;

    private PhaseEvaluationArrange Phases => _phases ??= new(Services, Database.Clock);

    [Fact]
    public async Task Opening_is_refused_too_early_and_twice_and_evaluates_every_contract_in_force_with_missing_reports_as_zero()
    {
        var phase = await Phases.PhaseWithContractsAsync(cancellationToken: Ct);
        var (alfa, beta, gamma) = (phase.Contracts[0], phase.Contracts[1], phase.Contracts[2]);
        await Phases.AcceptReportsAsync(alfa, [2023, 2024, 2025], cancellationToken: Ct);
        await Phases.AcceptReportsAsync(beta, [2023], cancellationToken: Ct);
        await Send(TestUsers.Official, new SuspendContract(beta.ContractId, "Opóźnienia w sprawozdawczości klastra.", await VersionAsync(beta.ContractId)));
        await Send(TestUsers.Official, new TerminateContract(gamma.ContractId, "Klaster zrezygnował z udziału w programie.", await VersionAsync(gamma.ContractId)));
        var (competitionId, _) = await Phases.CommissionAsync(1, cancellationToken: Ct);

        // 166 days before the phase's end: too early with 100 days of lead, allowed with 180.
        var settings = await Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 90, 70, 0, EvaluationLeadDays: 100));
        Assert.Equal(100, settings.EvaluationLeadDays);
        await RefusedAsync("settings.evaluation_lead_days_out_of_range", () => Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 90, 70, settings.Version, EvaluationLeadDays: 0)));
        await RefusedAsync("phase_evaluation.too_early", () => Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId)));
        Assert.Equal(0, await Read(db => db.PhaseEvaluations.CountAsync(Ct)));
        settings = await Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 90, 70, settings.Version, EvaluationLeadDays: 180));
        Assert.Equal(180, (await Send(TestUsers.Official, new GetProgrammeSettings())).EvaluationLeadDays);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, Guid.NewGuid())));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new OpenPhaseEvaluation(Guid.NewGuid(), competitionId)));
        await RefusedAsync("phase_evaluation.weight_out_of_range", () => Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId, QuantitativeWeightPercent: 101)));
        await InvalidAsync("Criteria[0].NameEn", () => Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId, [new QualitativeCriterion("GOV", "Zarządzanie", "", 10, 1)])));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new OpenPhaseEvaluation(phase.PhaseId, competitionId)));

        var opened = await Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId, QuantitativeWeightPercent: 60));

        // The active and the suspended contract, not the terminated one.
        Assert.Equal(2, opened.Contracts);
        var evaluations = await Read(db => db.ContractEvaluations.AsNoTracking().OrderBy(e => e.ContractNumber).ToListAsync(Ct));
        Assert.Equal([alfa.ContractId, beta.ContractId], evaluations.Select(e => e.ContractId));
        var (full, behind) = (evaluations[0], evaluations[1]);
        Assert.Equal((100m, 3), (full.QuantitativePercent!.Value, full.AcceptedReports));
        Assert.Empty(full.MissingReports);
        Assert.Equal([2024, 2025], behind.MissingReports.Select(m => m.Year));
        Assert.True(behind.QuantitativePercent < 40m, $"{behind.QuantitativePercent}");
        Assert.All(evaluations, e => Assert.Equal(ContractEvaluationStatus.AwaitingScores, e.Status));

        var notices = await MessagesAsync(PhaseEvaluationMessages.Started);
        Assert.Equal(new[] { alfa.CoordinatorUserId, beta.CoordinatorUserId }.Order(), notices.Select(m => m.RecipientUserId).Order());
        var betaNotice = notices.Single(m => m.RecipientUserId == beta.CoordinatorUserId);
        Assert.Equal(PhaseEvaluationData.EvaluationLink(behind.Id), betaNotice.Link);
        Assert.Contains(beta.Number, betaNotice.Subject, StringComparison.Ordinal);

        await RefusedAsync("phase_evaluation.already_open", () => Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId)));
        Assert.Equal(1, await Read(db => db.PhaseEvaluations.CountAsync(Ct)));

        var row = Assert.Single(await Send(TestUsers.Official, new ListPhaseEvaluations()));
        Assert.Equal((opened.PhaseEvaluationId, 1, phase.PhaseEndsOn, 2, 0, 0), (row.Id, row.PhaseNumber, row.PhaseEndsOn, row.Contracts, row.Scored, row.Approved));

        var board = await Send(TestUsers.Official, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId));
        Assert.Equal((60m, 4, 2, 2), (board.Header.QuantitativeWeightPercent, board.Header.Criteria.Count, board.Header.Progress.Total, board.Header.Progress.WithoutEvaluator));
        Assert.Equal(2, board.Header.Progress.ByStatus[ContractEvaluationStatus.AwaitingScores]);
        Assert.False(board.Header.Progress.CanClose);
        Assert.Equal([0, 2], board.Contracts.Items.Select(r => r.MissingReports));
        var sorted = await Send(TestUsers.Official, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId, SortBy: ContractEvaluationSort.QuantitativePercent, PageSize: 1));
        Assert.Equal((2, beta.Number), (sorted.Contracts.TotalCount, sorted.Contracts.Items.Single().ContractNumber));
        Assert.Equal([alfa.Number], (await Send(TestUsers.Official, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId, Search: "ALFA"))).Contracts.Items.Select(r => r.ContractNumber));
        Assert.Empty((await Send(TestUsers.Official, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId, Status: ContractEvaluationStatus.Scored))).Contracts.Items);
        await InvalidAsync("PageSize", () => Send(TestUsers.Official, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId, PageSize: 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetPhaseEvaluationBoard(Guid.NewGuid())));
    }

    [Fact]
    public async Task Only_the_assigned_evaluator_scores_within_range_and_submits_with_every_justification()
    {
        var (evaluationId, _, contract) = await OpenedAsync();
        var expert = await AccountAsync("ekspert.oceny@example.pl", Roles.Expert);
        var other = await AccountAsync("inny.ekspert@example.pl", Roles.Expert);
        var version = await EvaluationVersionAsync(evaluationId);

        await RefusedAsync("phase_evaluation.evaluator_not_eligible", () => Send(TestUsers.Official, new AssignPhaseEvaluator(evaluationId, contract.CoordinatorUserId, version)));
        version = await Send(TestUsers.Official, new AssignPhaseEvaluator(evaluationId, expert.UserId!.Value, version));
        var notice = Assert.Single(await MessagesAsync(PhaseEvaluationMessages.EvaluatorAssigned));
        Assert.Equal((expert.UserId!.Value, PhaseEvaluationData.EvaluationLink(evaluationId)), (notice.RecipientUserId, notice.Link!));
        await RefusedAsync("concurrency.stale_version", () => Send(TestUsers.Official, new AssignPhaseEvaluator(evaluationId, expert.UserId!.Value, version - 1)));

        // Someone not assigned — another expert, an official — does not find it.
        await Assert.ThrowsAsync<NotFoundException>(() => Send(other, new SaveQualitativeScores(evaluationId, [new("GOV", 5, "")], false, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new SaveQualitativeScores(evaluationId, [new("GOV", 5, "")], false, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(other, new GetContractEvaluation(evaluationId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(CoordinatorOf(contract), new SaveQualitativeScores(evaluationId, [new("GOV", 5, "")], false, version)));

        await RefusedAsync("phase_evaluation.score_out_of_range", () => Send(expert, new SaveQualitativeScores(evaluationId, [new("GOV", 11, "Za wysoko.")], false, version)));
        await RefusedAsync("phase_evaluation.unknown_criterion", () => Send(expert, new SaveQualitativeScores(evaluationId, [new("XYZ", 1, "")], false, version)));
        await InvalidAsync("Scores[0].CriterionCode", () => Send(expert, new SaveQualitativeScores(evaluationId, [new("", 1, "")], false, version)));
        version = await Send(expert, new SaveQualitativeScores(evaluationId, [new("GOV", 8, "Sprawne zarządzanie."), new("STR", 6, "")], false, version));
        var draft = await Send(expert, new GetContractEvaluation(evaluationId));
        Assert.Equal((ContractEvaluationStatus.AwaitingScores, 2, true), (draft.Status, draft.Scores.Count, draft.CanScore));
        Assert.Equal(70m, draft.QualitativePercent);
        Assert.Null(draft.OverallPercent);

        var all = Scores(7);
        await RefusedAsync("phase_evaluation.score_justification_required", () => Send(expert, new SaveQualitativeScores(evaluationId, [.. all.Take(3), all[3] with { Justification = " " }], true, version)));
        await RefusedAsync("phase_evaluation.scores_incomplete", () => Send(expert, new SaveQualitativeScores(evaluationId, [.. all.Take(3)], true, version)));
        await RefusedAsync("concurrency.stale_version", () => Send(expert, new SaveQualitativeScores(evaluationId, all, true, version - 1)));
        Assert.Equal(ContractEvaluationStatus.AwaitingScores, (await StoredEvaluationAsync(evaluationId)).Status);

        version = await Send(expert, new SaveQualitativeScores(evaluationId, all, true, version));
        var scored = await StoredEvaluationAsync(evaluationId);
        Assert.Equal((ContractEvaluationStatus.Scored, 70m), (scored.Status, scored.QualitativePercent!.Value));
        Assert.Equal(Math.Round((0.5m * scored.QuantitativePercent!.Value) + (0.5m * 70m), 2), scored.OverallPercent);
        await RefusedAsync("phase_evaluation.already_scored", () => Send(TestUsers.Official, new AssignPhaseEvaluator(evaluationId, other.UserId!.Value, version)));

        var mine = await Send(expert, new ListMyPhaseEvaluations());
        Assert.Equal((1, evaluationId, ContractEvaluationStatus.Scored), (mine.TotalCount, mine.Items.Single().Id, mine.Items.Single().Status));
        Assert.Empty((await Send(other, new ListMyPhaseEvaluations())).Items);
        Assert.Contains(await Send(TestUsers.Official, new ListEvaluatorCandidates()), c => c.UserId == expert.UserId && !c.IsOfficial);
    }

    [Fact]
    public async Task The_official_decides_only_after_scoring_with_a_justification_and_a_conditional_plan()
    {
        var (evaluationId, _, _) = await OpenedAsync();
        var version = await EvaluationVersionAsync(evaluationId);
        const string Justification = "Klaster zrealizował większość celów kontraktu.";

        await RefusedAsync("phase_evaluation.not_scored", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Continue, Justification, null, null, version)));
        await Phases.ScoreAsync(evaluationId, 6, cancellationToken: Ct);
        version = await EvaluationVersionAsync(evaluationId);

        await RefusedAsync("phase_evaluation.decision_justification_required", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Terminate, "  ", null, null, version)));
        await RefusedAsync("phase_evaluation.remediation_plan_required", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Conditional, Justification, [" "], Today.AddMonths(6), version)));
        await RefusedAsync("phase_evaluation.review_date_invalid", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Conditional, Justification, ["Uzupełnić sprawozdania."], Today, version)));
        await InvalidAsync("Decision", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, (PhaseDecision)9, Justification, null, null, version)));
        await RefusedAsync("concurrency.stale_version", () => Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Continue, Justification, null, null, version - 1)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Continue, Justification, null, null, version)));
        Assert.Null((await StoredEvaluationAsync(evaluationId)).Decision);

        version = await Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Conditional, Justification, ["Uzupełnić sprawozdania.", ""], Today.AddMonths(6), version));
        var decided = await StoredEvaluationAsync(evaluationId);
        Assert.Equal((ContractEvaluationStatus.Decided, PhaseDecision.Conditional, Today.AddMonths(6)), (decided.Status, decided.Decision!.Value, decided.ReviewOn!.Value));
        Assert.Equal(["Uzupełnić sprawozdania."], decided.RemediationItems);

        // Decided: the quantitative part no longer moves; the decision may still change until it goes to the commission.
        await RefusedAsync("phase_evaluation.decision_made", () => Send(TestUsers.Official, new RefreshPhaseQuantitative(evaluationId)));
        version = await Send(TestUsers.Official, new DecidePhaseEvaluation(evaluationId, PhaseDecision.Continue, Justification, null, null, version));
        Assert.Equal(PhaseDecision.Continue, (await StoredEvaluationAsync(evaluationId)).Decision);
        Assert.Empty((await StoredEvaluationAsync(evaluationId)).RemediationItems);
    }

    [Fact]
    public async Task A_report_accepted_after_opening_raises_the_quantitative_part_on_refresh()
    {
        var (evaluationId, _, contract) = await OpenedAsync(accepted: [2023]);
        var before = await StoredEvaluationAsync(evaluationId);
        Assert.Equal([2024, 2025], before.MissingReports.Select(m => m.Year));

        await Phases.AcceptReportsAsync(contract, [2024], cancellationToken: Ct);
        await Send(TestUsers.Official, new RefreshPhaseQuantitative(evaluationId));

        var after = await StoredEvaluationAsync(evaluationId);
        Assert.Equal([2025], after.MissingReports.Select(m => m.Year));
        Assert.Equal(2, after.AcceptedReports);
        Assert.True(after.QuantitativePercent > before.QuantitativePercent, $"{before.QuantitativePercent} → {after.QuantitativePercent}");
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new RefreshPhaseQuantitative(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_coordinator_reads_his_own_evaluation_the_decision_only_once_approved_and_never_another_clusters()
    {
        var phase = await Phases.PhaseWithContractsAsync(new PhaseEvaluationShape { Clusters = ["Klaster Własny", "Klaster Cudzy"] }, Ct);
        var (own, foreign) = (phase.Contracts[0], phase.Contracts[1]);
        await Phases.AcceptReportsAsync(own, [2023, 2024], cancellationToken: Ct);
        var (competitionId, members) = await Phases.CommissionAsync(3, cancellationToken: Ct);
        var opened = await Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId));
        var ownEvaluation = await Phases.EvaluationOfAsync(own.ContractId, Ct);
        var foreignEvaluation = await Phases.EvaluationOfAsync(foreign.ContractId, Ct);
        await Phases.ScoreAsync(ownEvaluation, 9, cancellationToken: Ct);
        await Phases.DecideAsync(ownEvaluation, PhaseDecision.Conditional, Ct);
        var coordinator = CoordinatorOf(own);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(coordinator, new GetContractEvaluation(foreignEvaluation)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(coordinator, new GetPhaseEvaluationBoard(opened.PhaseEvaluationId)));

        var before = await Send(coordinator, new GetContractEvaluation(ownEvaluation));
        Assert.True(before.QualitativeHidden);
        Assert.Equal(ContractEvaluationStatus.Decided, before.Status);
        Assert.Equal([2025], before.MissingReports.Select(m => m.Year));
        Assert.NotNull(before.QuantitativePercent);
        Assert.NotEmpty(before.Kpis);
        Assert.Equal((null, null, null, null), (before.Decision, before.OverallPercent, before.QualitativePercent, before.EvaluatorName));
        Assert.Empty(before.Scores);
        Assert.False(before.CanScore || before.CanDecide || before.CanAssign || before.CanRefresh);
        var listed = Assert.Single((await Send(coordinator, new ListMyContractEvaluations())).Items);
        Assert.Equal((ownEvaluation, null, null), (listed.Id, listed.Decision, listed.OverallPercent));

        await Phases.VoteAsync(opened.PhaseEvaluationId, members, cancellationToken: Ct);

        var after = await Send(coordinator, new GetContractEvaluation(ownEvaluation));
        Assert.False(after.QualitativeHidden);
        Assert.Equal((ContractEvaluationStatus.Approved, PhaseDecision.Conditional, 4), (after.Status, after.Decision!.Value, after.Scores.Count));
        Assert.Equal(2, after.RemediationItems.Count);
        Assert.NotNull(after.OverallPercent);
        var approved = Assert.Single((await Send(coordinator, new ListMyContractEvaluations())).Items);
        Assert.Equal((PhaseDecision.Conditional, after.ReviewOn), (approved.Decision!.Value, approved.ReviewOn));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(coordinator, new GetContractEvaluation(foreignEvaluation)));
        Assert.Empty((await Send(CoordinatorOf(Guid.NewGuid()), new ListMyContractEvaluations())).Items);
    }

    private static IReadOnlyList<QualitativeScore> Scores(int score) =>
        [.. PhaseEvaluation.DefaultCriteria.Select(c => new QualitativeScore(c.Code, score, $"Uzasadnienie {c.Code}."))];

    /// <summary>A phase of one contract with <paramref name="accepted"/> reports, its evaluation opened through the use case.</summary>
    private async Task<(Guid EvaluationId, Guid PhaseEvaluationId, ArrangedContract Contract)> OpenedAsync(int[]? accepted = null)
    {
        var phase = await Phases.PhaseWithContractsAsync(new PhaseEvaluationShape { Clusters = ["Klaster Oceniany"] }, Ct);
        var contract = phase.Contracts[0];
        await Phases.AcceptReportsAsync(contract, accepted ?? [2023, 2024, 2025], cancellationToken: Ct);
        var (competitionId, _) = await Phases.CommissionAsync(1, cancellationToken: Ct);
        var opened = await Send(TestUsers.Official, new OpenPhaseEvaluation(phase.PhaseId, competitionId));
        return (await Phases.EvaluationOfAsync(contract.ContractId, Ct), opened.PhaseEvaluationId, contract);
    }

    private async Task<FixedUser> AccountAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Ewa Ekspertka", "Expert-Password-2026!", role);
        return new FixedUser(user.Id, email, [role], "192.0.2.50", "test-evaluator");
    }

    private Task<ContractEvaluation> StoredEvaluationAsync(Guid evaluationId) =>
        Read(db => db.ContractEvaluations.AsNoTracking().SingleAsync(e => e.Id == evaluationId, Ct));

    private async Task<int> EvaluationVersionAsync(Guid evaluationId) => (await StoredEvaluationAsync(evaluationId)).Version;
}

public sealed class PhaseEvaluationTestsOnSqlite(SqliteDatabaseFixture database) : PhaseEvaluationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PhaseEvaluationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : PhaseEvaluationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
