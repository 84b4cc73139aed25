using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class DraftForNextPhaseTests
{
    private static readonly ProgrammePhase Next = ProgrammePhase.Define(2, new DateOnly(2029, 1, 1), new DateOnly(2032, 12, 31), [Phase], Now);
    private static readonly DateOnly DraftDay = new(2028, 10, 1);
    private static readonly DateTimeOffset DraftNow = new(2028, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportingTerms OwnTerms = new(4, 30, 60, 75m);

    /// <summary>A mandatory KPI the catalogue gained since the previous contract was signed.</summary>
    private static readonly ContractKpi NewMandatory = new("KPI-NEW", "Nowy", "New", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum, true, null, 4m, 1m);

    private sealed record Previous(KkkStatus Status, ProgrammeContract Contract, PhaseEvaluation PhaseEvaluation);

    /// <summary>
    /// The previous contract with its own terms, a heavier KPI-RD (baseline 5), KPI-INN with baseline 7 and the optional
    /// KPI-INT (baseline 3, weight 1.5); its cluster's status ends with the phase.
    /// </summary>
    private static Previous PreviousContract()
    {
        var status = Status();
        List<KpiTarget> Targets(ProgrammeContract c, string code) => [.. c.Years.Select(y => new KpiTarget(code, y, 10))];
        var contract = ActiveContract(status, c =>
        {
            c.ChangeTerms(OwnTerms, Now);
            c.SetKpi("KPI-RD", 5, 2m, Targets(c, "KPI-RD"), Now);
            c.SetKpi("KPI-INN", 7, 1m, Targets(c, "KPI-INN"), Now);
            c.AddKpi(Kpi("KPI-INT", 3), Now);
            c.SetKpi("KPI-INT", 3, 1.5m, Targets(c, "KPI-INT"), Now);
        });
        return new(status, contract, Open());
    }

    private static ProgrammeContract DraftNext(Previous previous, ContractEvaluation evaluation, ProgrammePhase? phase = null, bool contractInPhase = false) =>
        ProgrammeContract.DraftForNextPhase(
            "KP/2/0001", phase ?? Next, Phase, previous.Status, ContractParties.RegionPl("mazowieckie"), previous.Contract, evaluation,
            [.. Mandatory(), NewMandatory], new Dictionary<string, decimal?> { ["KPI-RD"] = 42, ["KPI-EMP"] = 900, ["KPI-INT"] = null },
            contractInPhase, Official, DraftDay, DraftNow);

    [Theory]
    [InlineData(PhaseDecision.Continue)]
    [InlineData(PhaseDecision.Conditional)]
    public void An_approved_continue_or_conditional_decision_gets_a_draft_for_the_next_phase_pre_filled_from_the_previous_contract(PhaseDecision decision)
    {
        var previous = PreviousContract();
        var evaluation = Approved(previous.PhaseEvaluation, decision, previous.Contract);

        var draft = DraftNext(previous, evaluation);

        Assert.Equal((ContractStatus.Draft, Next.Id, Next.StartsOn, Next.EndsOn), (draft.Status, draft.PhaseId, draft.StartsOn, draft.EndsOn));
        Assert.Equal((previous.Status.Id, previous.Contract.ClusterId, "KP/2/0001"), (draft.KkkStatusId, draft.ClusterId, draft.Number));
        Assert.Equal(OwnTerms, draft.Terms);

        // Mandatory in the catalogue's order, then the optional ones; weights kept, baselines from the last actuals or as they were.
        var kpis = draft.CurrentVersion.Kpis;
        Assert.Equal(["KPI-RD", "KPI-EMP", "KPI-INN", "KPI-FDI", "KPI-MEM", "KPI-SME", "KPI-NEW", "KPI-INT"], kpis.Select(k => k.Code));
        Assert.Equal((42m, 2m), (kpis[0].Baseline, kpis[0].Weight));
        Assert.Equal((900m, 1m), (kpis[1].Baseline, kpis[1].Weight));
        Assert.Equal(7m, kpis[2].Baseline);
        Assert.Null(kpis[3].Baseline);
        Assert.Equal(NewMandatory, kpis[6]);
        Assert.Equal((3m, 1.5m, false), (kpis[7].Baseline, kpis[7].Weight, kpis[7].IsMandatory));

        // Targets and budget are planned anew.
        Assert.Empty(draft.CurrentVersion.Targets);
        Assert.Empty(draft.CurrentVersion.Budget);

        // The status now reaches the next phase's end.
        Assert.Equal(Next.EndsOn, previous.Status.ValidTo);
    }

    [Fact]
    public void A_decision_not_yet_approved_gets_no_next_contract_and_leaves_the_status_alone()
    {
        var previous = PreviousContract();
        var evaluation = Decided(previous.PhaseEvaluation, PhaseDecision.Continue, previous.Contract);

        Assert.Equal("contract.next_phase_not_allowed", Code(() => DraftNext(previous, evaluation)));
        Assert.Equal(Phase.EndsOn, previous.Status.ValidTo);
    }

    [Fact]
    public void An_approved_terminate_decision_gets_no_next_contract()
    {
        var previous = PreviousContract();
        var evaluation = Approved(previous.PhaseEvaluation, PhaseDecision.Terminate, previous.Contract);

        Assert.Equal("contract.next_phase_not_allowed", Code(() => DraftNext(previous, evaluation)));
        Assert.Equal(Phase.EndsOn, previous.Status.ValidTo);
    }

    [Fact]
    public void A_phase_not_after_the_evaluated_one_is_refused_and_leaves_the_status_alone()
    {
        var previous = PreviousContract();
        var evaluation = Approved(previous.PhaseEvaluation, PhaseDecision.Continue, previous.Contract);
        var startingOnTheLastDay = ProgrammePhase.Define(2, Phase.EndsOn, ProgrammePhase.EndOf(Phase.EndsOn, 4), [], Now);

        Assert.Equal("contract.not_next_phase", Code(() => DraftNext(previous, evaluation, startingOnTheLastDay)));
        Assert.Equal("contract.not_next_phase", Code(() => DraftNext(previous, evaluation, Phase)));
        Assert.Equal(Phase.EndsOn, previous.Status.ValidTo);
    }

    [Fact]
    public void A_cluster_with_a_contract_in_the_next_phase_already_is_refused_and_leaves_the_status_alone()
    {
        var previous = PreviousContract();
        var evaluation = Approved(previous.PhaseEvaluation, PhaseDecision.Continue, previous.Contract);

        Assert.Equal("contract.already_exists", Code(() => DraftNext(previous, evaluation, contractInPhase: true)));
        Assert.Equal(Phase.EndsOn, previous.Status.ValidTo);
    }

    [Fact]
    public void An_evaluation_of_another_contract_is_refused()
    {
        var previous = PreviousContract();
        var other = Approved(previous.PhaseEvaluation);

        Assert.Throws<ArgumentException>(() => DraftNext(previous, other));
    }
}
