using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Contracts;

public sealed class ContractAmendmentTests
{
    private const string Reason = "Rozszerzenie klastra o nowych członków z regionu.";
    private static readonly DateOnly Later = new(2026, 5, 20);
    private static readonly DateTimeOffset LaterNow = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    private static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    private static ContractAmendment Propose(ProgrammeContract contract, IReadOnlyList<KpiTarget>? targets = null, IReadOnlyList<BudgetYear>? budget = null, DateOnly? today = null) =>
        ContractAmendment.Propose(contract, 1, false, Reason, targets ?? [new KpiTarget("KPI-MEM", 2027, 15)], budget ?? [], Coordinator, today ?? Later, LaterNow);

    [Fact]
    public void An_approved_amendment_becomes_the_next_version_in_force_from_that_day_and_the_first_stays_readable()
    {
        var contract = Active();
        var amendment = Propose(contract, [new KpiTarget("KPI-MEM", 2027, 15), new KpiTarget("KPI-RD", 2026, 10)], [Budget(2027, 2_000_000, 1_600_000)]);

        // A target equal to the current one is not a change.
        Assert.Equal([new KpiTarget("KPI-MEM", 2027, 15)], amendment.Targets);
        Assert.Equal(1, amendment.BasedOnVersion);

        var version = amendment.Approve(contract, Official, Later, LaterNow);

        Assert.Equal(AmendmentState.Approved, amendment.State);
        Assert.Equal(2, version.Number);
        Assert.Equal(2, amendment.ResultingVersion);
        Assert.Equal(Later, version.EffectiveFrom);
        Assert.Equal(15, contract.CurrentVersion.TargetOf("KPI-MEM", 2027));
        Assert.Equal(2_000_000, contract.CurrentVersion.BudgetOf(2027)!.CascadePool);
        Assert.Equal(10, contract.Versions.Single(v => v.Number == 1).TargetOf("KPI-MEM", 2027));
        Assert.Equal(1, contract.VersionInForceOn(new DateOnly(2025, 12, 31)).Number);
        Assert.Equal(2, contract.VersionInForceOn(new DateOnly(2026, 12, 31)).Number);
    }

    [Fact]
    public void An_amendment_of_a_past_period_is_refused_at_proposal_and_at_approval()
    {
        var contract = Active();
        var refused = Assert.Throws<BusinessRuleViolation>(() => Propose(contract, [new KpiTarget("KPI-RD", 2025, 3)]));
        Assert.Equal("amendment.past_period", refused.Code);
        Assert.Equal(2025, refused.Arguments[0]);
        Assert.Equal("amendment.past_period", Code(() => Propose(contract, [], [Budget(2025, 0, 0)])));

        // Proposed while 2026 ran, approved after it ended.
        var amendment = Propose(contract, [new KpiTarget("KPI-RD", 2026, 20)]);
        Assert.Equal("amendment.past_period", Code(() => amendment.Approve(contract, Official, new DateOnly(2027, 1, 2), LaterNow)));
        Assert.Equal(AmendmentState.Proposed, amendment.State);
        Assert.Single(contract.Versions);
    }

    [Fact]
    public void An_amendment_keeps_the_plan_rules()
    {
        var contract = Active();
        Assert.Equal("budget.sme_share_below_minimum", Code(() => Propose(contract, [], [Budget(2027, 1000, 699)])));
        Assert.Equal("kpi.value_negative", Code(() => Propose(contract, [new KpiTarget("KPI-RD", 2027, -1)])));
        Assert.Equal("kpi.target_below_minimum", Code(() => Propose(contract, [new KpiTarget("KPI-SME", 2027, 60)])));
        Assert.Equal("contract.kpi_unknown", Code(() => Propose(contract, [new KpiTarget("KPI-XYZ", 2027, 1)])));
        Assert.Equal("contract.year_outside_contract", Code(() => Propose(contract, [new KpiTarget("KPI-RD", 2030, 1)])));
        Assert.Equal("amendment.no_changes", Code(() => Propose(contract, [new KpiTarget("KPI-RD", 2027, 10)])));
        Assert.Equal("amendment.reason_required", Code(() =>
            ContractAmendment.Propose(contract, 1, false, "za krótko", [new KpiTarget("KPI-RD", 2027, 11)], [], Coordinator, Later, LaterNow)));
    }

    [Fact]
    public void One_amendment_at_a_time_on_a_contract_in_force_based_on_the_current_version()
    {
        Assert.Equal("amendment.contract_not_in_force", Code(() => Propose(CompleteDraft())));
        var contract = Active();
        Assert.Equal("amendment.already_pending", Code(() =>
            ContractAmendment.Propose(contract, 2, true, Reason, [new KpiTarget("KPI-RD", 2027, 11)], [], Coordinator, Later, LaterNow)));

        var first = Propose(contract, [new KpiTarget("KPI-RD", 2027, 11)]);
        var second = Propose(contract, [new KpiTarget("KPI-RD", 2028, 12)]);
        first.Approve(contract, Official, Later, LaterNow);
        Assert.Equal("amendment.outdated", Code(() => second.Approve(contract, Official, Later, LaterNow)));
        Assert.Equal("amendment.already_decided", Code(() => first.Approve(contract, Official, Later, LaterNow)));
    }

    [Fact]
    public void A_rejection_needs_reasons_and_leaves_the_contract_as_it_was()
    {
        var contract = Active();
        var amendment = Propose(contract);
        Assert.Equal("amendment.rejection_reason_required", Code(() => amendment.Reject(Official, "nie", LaterNow)));

        amendment.Reject(Official, "Zmiana nie ma uzasadnienia w planie działań klastra.", LaterNow);
        Assert.Equal(AmendmentState.Rejected, amendment.State);
        Assert.Single(contract.Versions);
        Assert.Equal("amendment.already_decided", Code(() => amendment.Approve(contract, Official, Later, LaterNow)));
    }
}
