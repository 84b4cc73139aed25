using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Contracts;

public sealed class ProgrammeContractTests
{
    private static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    [Fact]
    public void A_certified_cluster_gets_a_draft_with_the_mandatory_kpis_and_the_region_as_a_party()
    {
        var contract = Draft();

        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal("Zarząd Województwa Mazowieckiego", contract.RegionParty);
        Assert.Equal(["KPI-RD", "KPI-EMP", "KPI-INN", "KPI-FDI", "KPI-MEM", "KPI-SME"], contract.CurrentVersion.Kpis.Select(k => k.Code));
        Assert.All(contract.CurrentVersion.Kpis, k => Assert.True(k.IsMandatory));
        Assert.Equal([2025, 2026, 2027, 2028], contract.Years);
        Assert.Equal(1, contract.CurrentVersion.Number);
        Assert.Equal(PhaseStart, contract.CurrentVersion.EffectiveFrom);
        Assert.Equal("Klaster Testowy", contract.ClusterName);
        Assert.Equal(ReportingTerms.Default, contract.Terms);
    }

    [Theory]
    [InlineData("warmińsko-mazurskie", "Zarząd Województwa Warmińsko-Mazurskiego")]
    [InlineData("łódzkie", "Zarząd Województwa Łódzkiego")]
    [InlineData("śląskie", "Zarząd Województwa Śląskiego")]
    public void The_region_is_the_board_of_the_voivodeship_in_the_genitive(string voivodeship, string party) =>
        Assert.Equal(party, ContractParties.RegionPl(voivodeship));

    [Fact]
    public void A_cluster_without_a_status_in_force_or_with_a_contract_in_the_phase_is_refused()
    {
        var expired = Status(PhaseStart);
        expired.ExpireIfDue(Phase.EndsOn.AddDays(1), Now);
        Assert.Equal("contract.status_not_current", Code(() => ProgrammeContract.Draft(
            "KP/1/0001", Phase, expired, "Zarząd", PhaseStart, Phase.EndsOn, ReportingTerms.Default, Mandatory(), false, Official, Today, Now)));
        Assert.Equal("contract.status_not_current", Code(() => ProgrammeContract.Draft(
            "KP/1/0001", Phase, Status(new DateOnly(2025, 6, 1)), "Zarząd", PhaseStart, Phase.EndsOn, ReportingTerms.Default, Mandatory(), false, Official, Today, Now)));
        Assert.Equal("contract.already_exists", Code(() => ProgrammeContract.Draft(
            "KP/1/0001", Phase, Status(), "Zarząd", PhaseStart, Phase.EndsOn, ReportingTerms.Default, Mandatory(), true, Official, Today, Now)));
    }

    [Fact]
    public void The_dates_lie_within_the_phase_and_in_order()
    {
        Assert.Equal("contract.dates_outside_phase", Code(() => Draft(PhaseStart.AddDays(-1))));
        Assert.Equal("contract.dates_outside_phase", Code(() => Draft(endsOn: Phase.EndsOn.AddDays(1))));
        Assert.Equal("contract.dates_invalid", Code(() => Draft(new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31))));

        var shorter = Draft(new DateOnly(2025, 7, 1), new DateOnly(2027, 6, 30));
        Assert.Equal([2025, 2026, 2027], shorter.Years);
        Assert.Equal(new DateOnly(2027, 6, 30), shorter.PeriodEndOf(2027));
        Assert.Equal(new DateOnly(2025, 12, 31), shorter.PeriodEndOf(2025));
    }

    [Fact]
    public void Moving_the_dates_drops_the_targets_and_budget_of_years_no_longer_covered()
    {
        var contract = CompleteDraft();
        contract.ChangeDates(Phase, PhaseStart, new DateOnly(2026, 12, 31), Now);

        Assert.Equal([2025, 2026], contract.CurrentVersion.Budget.Select(b => b.Year).Order());
        Assert.DoesNotContain(contract.CurrentVersion.Targets, t => t.Year > 2026);
        Assert.Empty(contract.Gaps());
    }

    [Fact]
    public void A_mandatory_kpi_is_never_removed_an_optional_one_is_with_its_targets()
    {
        var contract = Draft();
        Assert.Equal("contract.kpi_mandatory", Code(() => contract.RemoveKpi("KPI-SME", Now)));
        Assert.Equal(6, contract.CurrentVersion.Kpis.Count);

        contract.AddKpi(Kpi("KPI-CO2", 900), Now);
        contract.SetKpi("KPI-CO2", 900, 2, [new KpiTarget("KPI-CO2", 2025, 850)], Now);
        Assert.Equal("contract.kpi_duplicate", Code(() => contract.AddKpi(Kpi("KPI-CO2"), Now)));
        contract.RemoveKpi("KPI-CO2", Now);

        Assert.Null(contract.CurrentVersion.Kpi("KPI-CO2"));
        Assert.DoesNotContain(contract.CurrentVersion.Targets, t => t.KpiCode == "KPI-CO2");
        Assert.Equal("contract.kpi_unknown", Code(() => contract.RemoveKpi("KPI-XYZ", Now)));
    }

    [Fact]
    public void Targets_and_baselines_are_never_negative_shares_at_most_100_and_the_sme_kpi_at_least_its_minimum()
    {
        var contract = Draft();
        contract.SetKpi("KPI-RD", 0, 1, [new KpiTarget("KPI-RD", 2025, 0), new KpiTarget("KPI-RD", 2026, 12.5m)], Now);
        Assert.Equal(12.5m, contract.CurrentVersion.TargetOf("KPI-RD", 2026));

        Assert.Equal("kpi.value_negative", Code(() => contract.SetKpi("KPI-RD", null, 1, [new KpiTarget("KPI-RD", 2025, -1)], Now)));
        Assert.Equal("kpi.value_negative", Code(() => contract.SetKpi("KPI-RD", -5, 1, [], Now)));
        Assert.Equal("kpi.percent_out_of_range", Code(() => contract.SetKpi("KPI-SME", null, 1, [new KpiTarget("KPI-SME", 2025, 100.5m)], Now)));
        Assert.Equal("kpi.target_below_minimum", Code(() => contract.SetKpi("KPI-SME", null, 1, [new KpiTarget("KPI-SME", 2025, 69.9m)], Now)));
        contract.SetKpi("KPI-SME", null, 1, [new KpiTarget("KPI-SME", 2025, 70)], Now);
        Assert.Equal("contract.year_outside_contract", Code(() => contract.SetKpi("KPI-RD", null, 1, [new KpiTarget("KPI-RD", 2029, 3)], Now)));
        Assert.Equal("contract.year_repeated", Code(() => contract.SetKpi("KPI-RD", null, 1, [new KpiTarget("KPI-RD", 2025, 3), new KpiTarget("KPI-RD", 2025, 4)], Now)));
        Assert.Equal("kpi.weight_out_of_range", Code(() => contract.SetKpi("KPI-RD", null, 0, [], Now)));
        Assert.Equal("kpi.weight_out_of_range", Code(() => contract.SetKpi("KPI-RD", null, 100.5m, [], Now)));

        // The refused changes left the last accepted one in place.
        Assert.Equal(0, contract.CurrentVersion.TargetOf("KPI-RD", 2025));
        Assert.Equal(70, contract.CurrentVersion.TargetOf("KPI-SME", 2025));
    }

    [Fact]
    public void A_plan_gives_at_least_70_percent_of_cascade_funding_to_smes()
    {
        var contract = Draft();
        contract.SetBudget([Budget(2025, 1000, 700)], Now);
        Assert.Equal(70m, contract.CurrentVersion.BudgetOf(2025)!.SmeSharePercent);

        var refused = Assert.Throws<BusinessRuleViolation>(() => contract.SetBudget([Budget(2026, 1000, 699)], Now));
        Assert.Equal("budget.sme_share_below_minimum", refused.Code);
        Assert.Equal(69.9m, refused.Arguments[1]);
        Assert.Null(contract.CurrentVersion.BudgetOf(2026));

        // No pool, no share to check.
        contract.SetBudget([Budget(2026, 0, 0)], Now);
        Assert.Null(contract.CurrentVersion.BudgetOf(2026)!.SmeSharePercent);
        Assert.Equal(640_000, contract.CurrentVersion.BudgetOf(2026)!.Total);
    }

    [Fact]
    public void Budget_amounts_are_zloty_with_two_decimals_never_negative_and_the_sme_part_within_the_pool()
    {
        var contract = Draft();
        Assert.Equal("budget.amount_invalid", Code(() => contract.SetBudget([Budget(2025) with { Staff = -1 }], Now)));
        Assert.Equal("budget.amount_invalid", Code(() => contract.SetBudget([Budget(2025) with { Office = 10.005m }], Now)));
        Assert.Equal("budget.sme_above_pool", Code(() => contract.SetBudget([Budget(2025, 100, 101)], Now)));
        Assert.Equal("contract.year_outside_contract", Code(() => contract.SetBudget([Budget(2024)], Now)));
        Assert.Equal("contract.year_repeated", Code(() => contract.SetBudget([Budget(2025), Budget(2025)], Now)));
    }

    [Fact]
    public void The_draft_is_signed_once_complete_first_by_the_coordinator_then_for_the_state_and_the_region()
    {
        var contract = Draft();
        Assert.Contains(new PlanGap("budget", 2025, null), contract.Gaps());
        Assert.Contains(new PlanGap("target", 2028, "KPI-SME"), contract.Gaps());
        Assert.Equal("contract.plan_incomplete", Code(() => contract.SignAsCoordinator(Coordinator, Now)));

        contract = CompleteDraft();
        Assert.Empty(contract.Gaps());
        Assert.Equal("contract.coordinator_not_signed", Code(() => contract.Sign(Official, Today, Today, Now)));
        contract.SignAsCoordinator(Coordinator, Now);
        Assert.Equal("contract.signed_in_future", Code(() => contract.Sign(Official, Today.AddDays(1), Today, Now)));
        contract.Sign(Official, Today, Today, Now);

        Assert.Equal(ContractStatus.Signed, contract.Status);
        Assert.Equal(Today, contract.SignedOn);
        Assert.Equal("contract.not_draft", Code(() => contract.SetBudget([Budget(2025)], Now)));
        Assert.Equal("contract.not_draft", Code(() => contract.AddKpi(Kpi("KPI-INT"), Now)));
        Assert.Equal("contract.not_draft", Code(() => contract.ChangeTerms(ReportingTerms.Default, Now)));
    }

    [Fact]
    public void Changing_the_draft_after_the_coordinator_signed_asks_for_a_new_signature()
    {
        var contract = CompleteDraft();
        contract.SignAsCoordinator(Coordinator, Now);
        contract.SetBudget([Budget(2025, 2_000_000, 1_500_000)], Now);

        Assert.Null(contract.CoordinatorSignedAt);
        Assert.Equal("contract.coordinator_not_signed", Code(() => contract.Sign(Official, Today, Today, Now)));
    }

    public static TheoryData<ContractStatus, ContractStatus> AllPairs()
    {
        var data = new TheoryData<ContractStatus, ContractStatus>();
        foreach (var from in Enum.GetValues<ContractStatus>())
        {
            foreach (var to in Enum.GetValues<ContractStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Only_the_lifecycle_of_the_domain_guide_is_allowed(ContractStatus from, ContractStatus to)
    {
        ContractStatus[] allowed = (from, to) switch
        {
            (ContractStatus.Draft, ContractStatus.Signed) => [to],
            (ContractStatus.Signed, ContractStatus.Active) => [to],
            (ContractStatus.Active, ContractStatus.Suspended or ContractStatus.Completed or ContractStatus.Terminated) => [to],
            (ContractStatus.Suspended, ContractStatus.Active or ContractStatus.Terminated) => [to],
            _ => [],
        };
        Assert.Equal(allowed.Length == 1, ProgrammeContract.CanMove(from, to));
    }

    [Fact]
    public void An_active_contract_is_suspended_with_a_reason_resumed_and_terminated_with_a_reason()
    {
        var contract = Signed();
        Assert.Equal("contract.not_started", Code(() => contract.Activate(PhaseStart.AddDays(-1), Now)));
        Assert.Equal("contract.transition_not_allowed", Code(() => contract.Suspend("Nieprawidłowości w rozliczeniach.", Now)));
        contract.Activate(Today, Now);

        Assert.Equal("contract.suspension_reason_required", Code(() => contract.Suspend("krótko", Now)));
        contract.Suspend("Nieprawidłowości w rozliczeniach.", Now);
        Assert.Equal(ContractStatus.Suspended, contract.Status);
        Assert.Equal("Nieprawidłowości w rozliczeniach.", contract.StatusReason);
        Assert.Equal("contract.transition_not_allowed", Code(() => contract.Complete(true, new DateOnly(2029, 1, 1), Now)));
        contract.Resume(Now);
        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.Equal("contract.transition_not_allowed", Code(() => contract.Resume(Now)));

        Assert.Equal("contract.termination_reason_required", Code(() => contract.Terminate(" ", Today, Now)));
        contract.Terminate("Klaster utracił status KKK.", Today, Now);
        Assert.Equal(ContractStatus.Terminated, contract.Status);
        Assert.Equal(Today, contract.TerminatedOn);
        Assert.Equal("contract.transition_not_allowed", Code(() => contract.Activate(Today, Now)));
    }

    [Fact]
    public void A_contract_is_completed_only_after_its_last_day_with_the_final_report_accepted()
    {
        var contract = Active();
        Assert.Equal("contract.not_ended", Code(() => contract.Complete(true, Phase.EndsOn, Now)));
        Assert.Equal("contract.final_report_pending", Code(() => contract.Complete(false, Phase.EndsOn.AddDays(1), Now)));
        contract.Complete(true, Phase.EndsOn.AddDays(1), Now);
        Assert.Equal(ContractStatus.Completed, contract.Status);
    }

    [Fact]
    public void Settings_refuse_a_day_not_in_the_month_and_bands_out_of_order()
    {
        var settings = ProgrammeSettings.Defaults();
        Assert.Equal("settings.due_day_invalid", Code(() => settings.Change(new ReportingTerms(2, 29, 90, 80), AchievementBands.Default, Now)));
        Assert.Equal("settings.due_day_invalid", Code(() => settings.Change(new ReportingTerms(4, 31, 90, 80), AchievementBands.Default, Now)));
        Assert.Equal("settings.final_due_days_out_of_range", Code(() => settings.Change(new ReportingTerms(3, 31, 0, 80), AchievementBands.Default, Now)));
        Assert.Equal("settings.percent_out_of_range", Code(() => settings.Change(new ReportingTerms(3, 31, 90, 0), AchievementBands.Default, Now)));
        Assert.Equal("settings.bands_out_of_order", Code(() => settings.Change(ReportingTerms.Default, new AchievementBands(70, 70), Now)));
        Assert.Equal(ProgrammeSettings.DefaultGreenFromPercent, settings.GreenFromPercent);

        settings.Change(new ReportingTerms(4, 30, 60, 75), new AchievementBands(95, 60), Now);
        Assert.Equal(new ReportingTerms(4, 30, 60, 75), settings.Terms);
        Assert.Equal(new AchievementBands(95, 60), settings.Bands);
    }
}
