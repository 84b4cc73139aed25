using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Programme;

/// <summary>
/// The evaluation of the 2025–2028 phase of the contract tests' data: opened on the first allowed day (the default
/// 180 days before its end), active contracts with their own KKK status, contract evaluations in each stage and the
/// commission that approves the decisions.
/// </summary>
internal static class PhaseEvaluationBuilders
{
    public const int LeadDays = ProgrammeSettings.DefaultEvaluationLeadDays;
    public const string Justification = "Klaster zrealizował plan etapu.";

    /// <summary>4 July 2028: 180 days before the phase's last day, 31 December 2028.</summary>
    public static readonly DateOnly EvaluationDay = new(2028, 7, 4);

    public static readonly DateTimeOffset EvaluationNow = new(2028, 7, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid CommissionCompetition = Guid.CreateVersion7();
    public static readonly string CoordinatorNip = "5260250274";
    public static readonly string MemberNip = PolishIdentifiers.CompleteNip("526000101");
    public static readonly string OtherNip = PolishIdentifiers.CompleteNip("526000202");

    /// <summary>Two criteria of different scales and weights, so the weighting shows in the qualitative percent.</summary>
    public static IReadOnlyList<QualitativeCriterion> UnevenCriteria { get; } =
    [
        new("A", "Kryterium A", "Criterion A", 10, 1m),
        new("B", "Kryterium B", "Criterion B", 20, 3m),
    ];

    public static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    public static BusinessRuleViolation Refusal(Action action) => Assert.Throws<BusinessRuleViolation>(action);

    public static QualitativeCriterion Criterion(string code, int maxScore = 10, decimal weight = 1m, string namePl = "Nazwa", string nameEn = "Name") =>
        new(code, namePl, nameEn, maxScore, weight);

    public static PhaseEvaluation Open(IReadOnlyList<QualitativeCriterion>? criteria = null, decimal quantitativeWeight = PhaseEvaluation.DefaultQuantitativeWeightPercent) =>
        PhaseEvaluation.Open(Phase, CommissionCompetition, criteria ?? PhaseEvaluation.DefaultCriteria, quantitativeWeight, LeadDays, false, Official, EvaluationDay, EvaluationNow);

    /// <summary>A status valid for five years from the phase's start, i.e. beyond the phase's end, so a termination visibly cuts it.</summary>
    public static KkkStatus LongStatus()
    {
        var decision = CertificationDecision.Record(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "1/2025/KKK", DecisionOutcome.Positive, "Uzasadnienie.", (3, 0, 0), 14, Now);
        return KkkStatus.Grant(
            decision, "KKK/C/2025/0001", new CertifiedCluster("Klaster Testowy", "Stowarzyszenie", CoordinatorNip, "14", ["KIS1"], null), PhaseStart, 5, null, Now);
    }

    /// <summary>
    /// An active contract of the phase for <paramref name="status"/>, its plan complete at the standard targets;
    /// <paramref name="shape"/> changes the draft before it is signed.
    /// </summary>
    public static ProgrammeContract ActiveContract(KkkStatus status, Action<ProgrammeContract>? shape = null)
    {
        var contract = ProgrammeContract.Draft(
            "KP/1/0001", Phase, status, ContractParties.RegionPl("mazowieckie"), Phase.StartsOn, Phase.EndsOn, ReportingTerms.Default, Mandatory(), false, Official, Today, Now);
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            contract.SetKpi(kpi.Code, kpi.Baseline, kpi.Weight, [.. contract.Years.Select(y => new KpiTarget(kpi.Code, y, Target(kpi.Code)))], Now);
        }

        contract.SetBudget([.. contract.Years.Select(y => Budget(y))], Now);
        shape?.Invoke(contract);
        contract.SignAsCoordinator(Coordinator, Now);
        contract.Sign(Official, Today, Today, Now);
        contract.Activate(Today, Now);
        return contract;
    }

    public static ContractAchievement Achievement(decimal? percent, int reports = 3) => new([], percent, null, reports);

    public static ContractEvaluation Start(PhaseEvaluation phaseEvaluation, decimal? quantitative = 80m, ProgrammeContract? contract = null) =>
        ContractEvaluation.Start(phaseEvaluation, contract ?? ActiveContract(LongStatus()), Achievement(quantitative), [], EvaluationNow);

    /// <summary>Every criterion of the evaluation scored <paramref name="score"/> with a justification.</summary>
    public static List<QualitativeScore> AllScored(PhaseEvaluation phaseEvaluation, int score = 8) =>
        [.. phaseEvaluation.Criteria.Select(c => new QualitativeScore(c.Code, Math.Min(score, c.MaxScore), "Uzasadnienie oceny."))];

    public static ContractEvaluation Scored(PhaseEvaluation phaseEvaluation, ProgrammeContract? contract = null)
    {
        var evaluation = Start(phaseEvaluation, contract: contract);
        evaluation.SaveScores(phaseEvaluation, AllScored(phaseEvaluation), true, EvaluationNow);
        return evaluation;
    }

    public static void Decide(ContractEvaluation evaluation, PhaseDecision decision)
    {
        var conditional = decision == PhaseDecision.Conditional;
        evaluation.Decide(decision, Justification, conditional ? ["Plan naprawczy."] : [], conditional ? EvaluationDay.AddMonths(6) : null, Official, EvaluationDay, EvaluationNow);
    }

    public static ContractEvaluation Decided(PhaseEvaluation phaseEvaluation, PhaseDecision decision = PhaseDecision.Continue, ProgrammeContract? contract = null)
    {
        var evaluation = Scored(phaseEvaluation, contract);
        Decide(evaluation, decision);
        return evaluation;
    }

    public static CommissionMember Member(params string[] nips) =>
        CommissionMember.Appoint(CommissionCompetition, Guid.CreateVersion7(), "czlonek@gov.pl", "Anna Nowak", CommissionSide.Ministry, null, nips, false, Official, EvaluationNow);

    public static IReadOnlySet<string> ClusterNips(params string[] nips) => nips.Append(CoordinatorNip).ToHashSet(StringComparer.Ordinal);

    public static PhaseDecisionVoting OpenVoting(PhaseEvaluation phaseEvaluation, int members, params ContractEvaluation[] decided) =>
        PhaseDecisionVoting.Open(phaseEvaluation, decided, members, false, Official, EvaluationNow);

    /// <summary>The evaluations, decided, approved by a one-member commission voting for each.</summary>
    public static void Approve(PhaseEvaluation phaseEvaluation, params ContractEvaluation[] decided)
    {
        var voting = OpenVoting(phaseEvaluation, 1, decided);
        var member = Member();
        var votes = decided.Select(e => voting.Cast(member, e.Id, VoteChoice.For, null, [], ClusterNips(), EvaluationNow)).ToList();
        voting.Close(votes, decided, Official, EvaluationNow);
    }

    public static ContractEvaluation Approved(PhaseEvaluation phaseEvaluation, PhaseDecision decision = PhaseDecision.Continue, ProgrammeContract? contract = null)
    {
        var evaluation = Decided(phaseEvaluation, decision, contract);
        Approve(phaseEvaluation, evaluation);
        return evaluation;
    }
}
