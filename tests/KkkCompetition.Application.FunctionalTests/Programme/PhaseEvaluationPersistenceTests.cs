using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Programme;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Programme;

/// <summary>
/// A phase evaluation, its contracts' evaluations, the commission's voting and its votes keep everything they hold (JSON
/// columns included) through a save and a fresh read; the quantitative part counts a due report not accepted as zero.
/// </summary>
public abstract class PhaseEvaluationPersistenceTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task An_evaluation_decided_and_approved_by_the_commission_round_trips_and_schedules_the_termination()
    {
        var arrange = new PhaseEvaluationArrange(Services, Database.Clock);
        var phase = await arrange.PhaseWithContractsAsync(new PhaseEvaluationShape { Clusters = ["Klaster Pełny", "Klaster Zaległy"] }, Ct);
        var (full, lagging) = (phase.Contracts[0], phase.Contracts[1]);
        await arrange.AcceptReportsAsync(full, [2023, 2024, 2025], cancellationToken: Ct);
        await arrange.AcceptReportsAsync(lagging, [2023], cancellationToken: Ct);
        var (competitionId, members) = await arrange.CommissionAsync(3, cancellationToken: Ct);

        var phaseEvaluationId = await arrange.OpenAsync(phase.PhaseId, competitionId, cancellationToken: Ct);
        var fullEvaluation = await arrange.EvaluationOfAsync(full.ContractId, Ct);
        var laggingEvaluation = await arrange.EvaluationOfAsync(lagging.ContractId, Ct);
        await arrange.ScoreAsync(fullEvaluation, score: 10, cancellationToken: Ct);
        await arrange.ScoreAsync(laggingEvaluation, score: 4, cancellationToken: Ct);
        await arrange.DecideAsync(fullEvaluation, PhaseDecision.Conditional, Ct);
        await arrange.DecideAsync(laggingEvaluation, PhaseDecision.Terminate, Ct);
        var votingId = await arrange.VoteAsync(phaseEvaluationId, members, cancellationToken: Ct);

        var header = await Read(db => db.PhaseEvaluations.AsNoTracking().SingleAsync(e => e.Id == phaseEvaluationId, Ct));
        Assert.Equal(PhaseEvaluationStatus.Open, header.Status);
        Assert.Equal(phase.PhaseEndsOn, header.PhaseEndsOn);
        Assert.Equal(PhaseEvaluation.DefaultCriteria, header.Criteria);
        Assert.Equal(competitionId, header.CommissionCompetitionId);

        var read = await Read(db => db.ContractEvaluations.AsNoTracking().SingleAsync(e => e.Id == fullEvaluation, Ct));
        Assert.Equal(ContractEvaluationStatus.Approved, read.Status);
        Assert.Equal(100m, read.QuantitativePercent);
        Assert.Empty(read.MissingReports);
        Assert.Equal(3, read.AcceptedReports);
        Assert.Equal(100m, read.QualitativePercent);
        Assert.Equal(100m, read.OverallPercent);
        Assert.Equal(PhaseDecision.Conditional, read.Decision);
        Assert.Equal(["Uzupełnić brakujące sprawozdania.", "Przedstawić plan usług dla członków."], read.RemediationItems);
        Assert.NotNull(read.ReviewOn);
        Assert.Equal(4, read.Scores.Count);
        Assert.Equal("Uzasadnienie oceny kryterium GOV.", read.Scores[0].Justification);

        // 2024 and 2025 were due and not accepted: zero achievement each, so a third of the targets' sums and the latest at 0%.
        var behind = await Read(db => db.ContractEvaluations.AsNoTracking().SingleAsync(e => e.Id == laggingEvaluation, Ct));
        Assert.Equal([2024, 2025], behind.MissingReports.Select(m => m.Year));
        Assert.All(behind.MissingReports, m => Assert.Equal(KpiReportStatus.NotStarted, m.Status));
        Assert.Equal(1, behind.AcceptedReports);
        Assert.True(behind.QuantitativePercent < 40m, $"{behind.QuantitativePercent}");
        Assert.Equal(40m, behind.QualitativePercent);

        var status = await Read(db => db.KkkStatuses.AsNoTracking().SingleAsync(s => s.Id == lagging.KkkStatusId, Ct));
        Assert.True(status.IsTerminationScheduled);
        Assert.Equal(phase.PhaseEndsOn, status.ValidTo);
        Assert.Equal(PhaseEvaluationArrange.JustificationOf(PhaseDecision.Terminate), status.EndReason);
        Assert.Equal(KkkStatusState.Terminated, status.StateOn(phase.PhaseEndsOn.AddDays(1)));

        var voting = await Read(db => db.PhaseDecisionVotings.AsNoTracking().SingleAsync(v => v.Id == votingId, Ct));
        Assert.Equal(VotingStatus.Closed, voting.Status);
        Assert.Equal(3, voting.MemberCount);
        Assert.Equal(2, voting.EvaluationIds.Count);
        Assert.Equal(6, await Read(db => db.PhaseDecisionVotes.CountAsync(v => v.VotingId == votingId, Ct)));
    }
}

public sealed class PhaseEvaluationPersistenceTestsOnSqlite(SqliteDatabaseFixture database) : PhaseEvaluationPersistenceTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PhaseEvaluationPersistenceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : PhaseEvaluationPersistenceTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
