using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Programme;

/// <summary>
/// The phase to evaluate and its contracts. The defaults suit the functional tests' clock (2027-01-15): a phase from
/// 2023-07-01 to 2027-06-30, 166 days from its end, so its evaluation may open (180 days by default), with the annual
/// reports of 2023–2025 due. The browser tests, on the real date beside the demo's phase, take <see cref="PastPhase"/>.
/// </summary>
public sealed record PhaseEvaluationShape
{
    public DateOnly PhaseStartsOn { get; init; } = new(2023, 7, 1);
    public int PhaseYears { get; init; } = 4;
    public int PhaseNumber { get; init; } = 1;

    /// <summary>The day the contracts are drafted, signed and activated on; null: the clock's Warsaw day.</summary>
    public DateOnly? ContractsOn { get; init; }

    /// <summary>The clusters, one contract each.</summary>
    public IReadOnlyList<string> Clusters { get; init; } = ["Klaster Oceniany Alfa", "Klaster Oceniany Beta", "Klaster Oceniany Gamma"];

    public IReadOnlyList<string> OptionalKpis { get; init; } = ["KPI-SKL"];

    /// <summary>
    /// For the browser tests, which share one database on the real date: a four-year phase that ended before the demo's
    /// phase 1 (which starts on 1 January of last year), the <paramref name="slot"/>-th counting back (each test class takes its
    /// own, since a phase is evaluated once), numbered 90 + slot, with the contracts made in its last year. It may be
    /// evaluated today, and the demo's phase 1 comes after it.
    /// </summary>
    public static PhaseEvaluationShape PastPhase(DateOnly today, int slot, IReadOnlyList<string> clusters) => new()
    {
        PhaseStartsOn = new DateOnly(today.Year - 5 - (4 * slot), 1, 1),
        PhaseYears = 4,
        PhaseNumber = 90 + slot,
        ContractsOn = new DateOnly(today.Year - 2 - (4 * slot), 6, 1),
        Clusters = clusters,
    };
}

public sealed record ArrangedPhaseEvaluation(Guid PhaseId, DateOnly PhaseEndsOn, IReadOnlyList<ArrangedContract> Contracts);

/// <summary>
/// Phase evaluations built the domain's way, for the tests of the evaluation, the commission's vote and the next phase:
/// contracts from <see cref="ContractArrange"/>, reports accepted, the evaluation opened (<c>PhaseEvaluation.Open</c> with a
/// <c>ContractEvaluation.Start</c> per active contract and <see cref="PhaseQuantitative"/>), scored, decided and approved by
/// a commission of <see cref="CommissionArrange"/> members who all vote for.
/// </summary>
/// <param name="competitionYear">The year of the competitions it makes (the clock's by default; the browser tests pass <c>TestYears.Next()</c>).</param>
public sealed class PhaseEvaluationArrange(IServiceProvider services, TimeProvider clock, int? competitionYear = null)
{
    public ContractArrange Contracts { get; } = new(services, clock, competitionYear);

    public CommissionArrange Commission { get; } = new(services, clock);

    /// <summary>The phase with one active contract per cluster (no report accepted yet).</summary>
    public async Task<ArrangedPhaseEvaluation> PhaseWithContractsAsync(PhaseEvaluationShape? shape = null, CancellationToken cancellationToken = default)
    {
        shape ??= new PhaseEvaluationShape();
        var contracts = await Contracts.CreateManyAsync(
            [.. shape.Clusters.Select(name => new ContractShape
            {
                ClusterName = name,
                PhaseStartsOn = shape.PhaseStartsOn,
                PhaseYears = shape.PhaseYears,
                PhaseNumber = shape.PhaseNumber,
                OptionalKpis = shape.OptionalKpis,
                Today = shape.ContractsOn,
            })],
            cancellationToken);
        return new ArrangedPhaseEvaluation(contracts[0].PhaseId, ProgrammePhase.EndOf(shape.PhaseStartsOn, shape.PhaseYears), contracts);
    }

    /// <summary>Accepts the annual reports of <paramref name="years"/>, each KPI at <paramref name="share"/> of its target.</summary>
    public async Task AcceptReportsAsync(ArrangedContract contract, IEnumerable<int> years, decimal share = 1m, CancellationToken cancellationToken = default)
    {
        foreach (var year in years)
        {
            await Contracts.AcceptReportAsync(contract.ContractId, year, share, cancellationToken);
        }
    }

    /// <summary>A competition with a commission of <paramref name="members"/> members, to approve the decisions.</summary>
    public async Task<(Guid CompetitionId, IReadOnlyList<(FixedUser User, Application.Certification.Commission.CommissionMemberDto Member)> Members)> CommissionAsync(
        int members = 3, int? year = null, CancellationToken cancellationToken = default)
    {
        var competitionId = await Commission.CompetitionAsync(year ?? competitionYear, cancellationToken);
        return (competitionId, await Commission.MembersAsync(competitionId, members, cancellationToken));
    }

    /// <summary>Opens the phase's evaluation as an official would on the clock's day (the programme's settings apply).</summary>
    public async Task<Guid> OpenAsync(Guid phaseId, Guid commissionCompetitionId, decimal quantitativeWeightPercent = PhaseEvaluation.DefaultQuantitativeWeightPercent, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = clock.GetUtcNow();
        var today = WorkingDayCalendar.ToWarsawDate(now);
        var settings = await ProgrammeSettingsData.ReadAsync(db, cancellationToken);
        var phase = await db.ProgrammePhases.SingleAsync(p => p.Id == phaseId, cancellationToken);
        var evaluation = PhaseEvaluation.Open(
            phase, commissionCompetitionId, PhaseEvaluation.DefaultCriteria, quantitativeWeightPercent, settings.EvaluationLeadDays,
            alreadyEvaluated: false, TestUsers.Official.UserId!.Value, today, now);
        db.PhaseEvaluations.Add(evaluation);
        // The contracts in force, as OpenPhaseEvaluation takes them.
        var contracts = await db.ProgrammeContracts
            .Where(c => c.PhaseId == phaseId && (c.Status == Domain.Contracts.ContractStatus.Active || c.Status == Domain.Contracts.ContractStatus.Suspended))
            .ToListAsync(cancellationToken);
        foreach (var contract in contracts)
        {
            var quantitative = await PhaseQuantitative.ComputeAsync(db, contract, settings.Bands, today, cancellationToken);
            db.ContractEvaluations.Add(ContractEvaluation.Start(evaluation, contract, quantitative.Achievement, quantitative.Missing, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return evaluation.Id;
    }

    /// <summary>The evaluation of a contract.</summary>
    public async Task<Guid> EvaluationOfAsync(Guid contractId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        return await db.ContractEvaluations.Where(e => e.ContractId == contractId).Select(e => e.Id).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Assigns <paramref name="evaluatorUserId"/> (the test official by default) and, unless <paramref name="submit"/> is
    /// false, submits every criterion at <paramref name="score"/> points with a justification.
    /// </summary>
    public async Task ScoreAsync(Guid evaluationId, int score = 8, Guid? evaluatorUserId = null, bool submit = true, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(evaluationId, (phaseEvaluation, evaluation, now) =>
        {
            evaluation.AssignEvaluator(evaluatorUserId ?? TestUsers.Official.UserId!.Value, now);
            if (submit)
            {
                evaluation.SaveScores(
                    phaseEvaluation,
                    [.. phaseEvaluation.Criteria.Select(c => new QualitativeScore(c.Code, Math.Min(score, c.MaxScore), $"Uzasadnienie oceny kryterium {c.Code}."))],
                    submit: true,
                    now);
            }
        }, cancellationToken);
    }

    /// <summary>The official's decision (a Conditional one gets a two-item plan and a review date half a year on).</summary>
    public async Task DecideAsync(Guid evaluationId, PhaseDecision decision, CancellationToken cancellationToken = default) =>
        await ChangeAsync(evaluationId, (_, evaluation, now) =>
        {
            var today = WorkingDayCalendar.ToWarsawDate(now);
            evaluation.Decide(
                decision,
                JustificationOf(decision),
                decision == PhaseDecision.Conditional ? ["Uzupełnić brakujące sprawozdania.", "Przedstawić plan usług dla członków."] : [],
                decision == PhaseDecision.Conditional ? today.AddMonths(6) : null,
                TestUsers.Official.UserId!.Value,
                today,
                now);
        }, cancellationToken);

    public static string JustificationOf(PhaseDecision decision) => decision switch
    {
        PhaseDecision.Continue => "Klaster osiągnął cele kontraktu i rozwija usługi dla członków.",
        PhaseDecision.Conditional => "Klaster osiągnął część celów; potrzebny jest plan naprawczy.",
        _ => "Klaster nie osiągnął celów kontraktu i nie złożył wymaganych sprawozdań.",
    };

    /// <summary>
    /// Puts the decided evaluations of the phase evaluation to the commission of <paramref name="members"/> and closes the
    /// voting with everybody voting for (approved) or against; an approved Terminate schedules the status's end, as closing does.
    /// </summary>
    public async Task<Guid> VoteAsync(Guid phaseEvaluationId, IReadOnlyList<(FixedUser User, Application.Certification.Commission.CommissionMemberDto Member)> members, bool approve = true, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = clock.GetUtcNow();
        var phaseEvaluation = await db.PhaseEvaluations.SingleAsync(e => e.Id == phaseEvaluationId, cancellationToken);
        var decided = await db.ContractEvaluations.Where(e => e.PhaseEvaluationId == phaseEvaluationId && e.Status == ContractEvaluationStatus.Decided).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Member.Id).ToList();
        var commission = await db.CommissionMembers.Where(m => memberIds.Contains(m.Id)).ToListAsync(cancellationToken);
        var voting = PhaseDecisionVoting.Open(phaseEvaluation, decided, commission.Count, anotherOpen: false, TestUsers.Official.UserId!.Value, now);
        db.PhaseDecisionVotings.Add(voting);
        var votes = new List<PhaseDecisionVote>();
        foreach (var evaluation in decided)
        {
            foreach (var member in commission)
            {
                votes.Add(voting.Cast(member, evaluation.Id, approve ? VoteChoice.For : VoteChoice.Against, null, votes, new HashSet<string>(), now));
            }
        }

        db.PhaseDecisionVotes.AddRange(votes);
        voting.Close(votes, decided, TestUsers.Official.UserId!.Value, now);
        foreach (var evaluation in decided.Where(e => e.Status == ContractEvaluationStatus.Approved && e.Decision == PhaseDecision.Terminate))
        {
            var status = await db.KkkStatuses.SingleAsync(s => s.Id == evaluation.KkkStatusId, cancellationToken);
            evaluation.TerminateStatus(status, phaseEvaluation, TestUsers.Official.UserId!.Value, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return voting.Id;
    }

    private async Task ChangeAsync(Guid evaluationId, Action<PhaseEvaluation, ContractEvaluation, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var evaluation = await db.ContractEvaluations.SingleAsync(e => e.Id == evaluationId, cancellationToken);
        var phaseEvaluation = await db.PhaseEvaluations.SingleAsync(e => e.Id == evaluation.PhaseEvaluationId, cancellationToken);
        change(phaseEvaluation, evaluation, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
