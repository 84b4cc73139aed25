using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>The official's editing of a draft's plan: KPIs, targets, budget, dates and terms, with each refusal leaving the plan as it was.</summary>
public abstract class ContractPlanTests(DatabaseFixture database) : ContractTest(database)
{
    private static BudgetYear Budget(int year, decimal pool, decimal sme) => new(year, 400_000, 100_000, 80_000, 60_000, pool, sme);

    [Fact]
    public async Task Targets_weights_and_the_budget_are_set_per_year_and_the_gaps_close()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.EmptyDraft }, Ct);
        var version = await VersionAsync(arranged.ContractId);

        version = await Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-RD", 4, 2.5m, Targets((2025, 5), (2026, 8), (2027, 10), (2028, 12)), version));
        version = await Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2025, 1_000_000, 700_000), Budget(2026, 0, 0)], version));

        var view = await ViewAsync(arranged.ContractId);
        Assert.Equal(version, view.Version);
        var rd = view.Plan.Kpis.Single(k => k.Code == "KPI-RD");
        Assert.Equal((4m, 2.5m), (rd.Baseline, rd.Weight));
        Assert.Equal([(2025, 5m), (2026, 8m), (2027, 10m), (2028, 12m)], rd.Targets.Select(t => (t.Year, t.Value)));
        var budget2025 = view.Plan.Budget.Single(b => b.Year == 2025);
        Assert.Equal((640_000m, 1_000_000m, 70m), (budget2025.Institutional, budget2025.CascadePool, budget2025.SmeSharePercent!.Value));
        Assert.Null(view.Plan.Budget.Single(b => b.Year == 2026).SmeSharePercent);
        Assert.DoesNotContain(view.Gaps, g => g.KpiCode == "KPI-RD");
        Assert.DoesNotContain(view.Gaps, g => g.Kind == "budget" && g.Year is 2025 or 2026);
        Assert.Contains(view.Gaps, g => g.Kind == "budget" && g.Year == 2027);

        // A later year given again replaces only that year's budget.
        await Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2026, 500_000, 400_000)], version));
        var after = await ViewAsync(arranged.ContractId);
        Assert.Equal([2025, 2026], after.Plan.Budget.Select(b => b.Year));
        Assert.Equal(80m, after.Plan.Budget[1].SmeSharePercent);
    }

    [Fact]
    public async Task A_plan_with_69_9_percent_sme_share_a_negative_count_or_a_share_over_100_is_refused_and_nothing_changes()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.EmptyDraft }, Ct);
        var version = await VersionAsync(arranged.ContractId);

        var sme = await RefusedAsync("budget.sme_share_below_minimum", () => Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2025, 1_000_000, 699_000)], version)));
        Assert.Equal(69.9m, sme.Arguments[1]);
        await RefusedAsync("budget.sme_above_pool", () => Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2025, 1_000_000, 1_000_001)], version)));
        await RefusedAsync("contract.year_outside_contract", () => Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2029, 1_000, 1_000)], version)));

        // A negative count: 400 naming the field at the validator...
        await InvalidAsync("Targets[1].value", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-RD", null, 1, Targets((2025, 5), (2026, -1)), version)));
        await InvalidAsync("Years[0].cascadeSme", () => Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2025, 1_000, -1)], version)));
        await InvalidAsync("Baseline", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-RD", -3, 1, [], version)));

        // ...and the aggregate refuses it on its own, whoever calls it.
        var stored = await StoredAsync(arranged.ContractId);
        var domain = Assert.Throws<BusinessRuleViolation>(() => stored.SetKpi("KPI-RD", null, 1, [new KpiTarget("KPI-RD", 2025, -1)], Database.Clock.GetUtcNow()));
        Assert.Equal("kpi.value_negative", domain.Code);

        await RefusedAsync("kpi.percent_out_of_range", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-SME", null, 1, Targets((2025, 101)), version)));
        await RefusedAsync("kpi.target_below_minimum", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-SME", null, 1, Targets((2025, 69)), version)));
        await InvalidAsync("Weight", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-RD", null, 100.5m, [], version)));
        await RefusedAsync("contract.year_outside_contract", () => Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-RD", null, 1, Targets((2024, 3)), version)));

        var view = await ViewAsync(arranged.ContractId);
        Assert.Equal(version, view.Version);
        Assert.Empty(view.Plan.Budget);
        Assert.All(view.Plan.Kpis, k => Assert.Empty(k.Targets));

        // Exactly 70% is the rule's own limit, accepted.
        await Send(TestUsers.Official, new SetContractBudget(arranged.ContractId, [Budget(2025, 1_000_000, 700_000)], version));
    }

    [Fact]
    public async Task Optional_and_own_kpis_are_added_with_prefilled_baselines_and_removed_but_a_mandatory_one_never()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.EmptyDraft }, Ct);
        await SetIndicatorsAsync(await ApplicationOfAsync(arranged.ContractId), 2026, new IndicatorValues(50, 1, 1, 6, 1, 1, 2, 1, 9, 40, 10));
        var version = await VersionAsync(arranged.ContractId);

        await RefusedAsync("contract.kpi_mandatory", () => Send(TestUsers.Official, new RemoveContractKpi(arranged.ContractId, "KPI-RD", version)));

        version = await Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "KPI-PAT", version));
        version = await Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "KPI-INT", version, Weight: 2));
        version = await Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "KPI-CO2", version));
        version = await Send(TestUsers.Official, new AddContractKpi(
            arranged.ContractId, "CYF-1", version, "Usługi cyfrowe dla członków", "Digital services to members", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum, 3));

        var kpis = (await ViewAsync(arranged.ContractId)).Plan.Kpis.ToDictionary(k => k.Code);
        Assert.Equal((6m, false), (kpis["KPI-PAT"].Baseline, kpis["KPI-PAT"].IsMandatory));
        Assert.Equal((9m, 2m), (kpis["KPI-INT"].Baseline, kpis["KPI-INT"].Weight));
        Assert.Equal((null, KpiDirection.LowerIsBetter), (kpis["KPI-CO2"].Baseline, kpis["KPI-CO2"].Direction));
        Assert.Equal(("Digital services to members", "count", 3m, false), (kpis["CYF-1"].NameEn, kpis["CYF-1"].Unit, kpis["CYF-1"].Baseline!.Value, kpis["CYF-1"].IsMandatory));

        await RefusedAsync("contract.kpi_duplicate", () => Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "KPI-PAT", version)));
        await RefusedAsync("contract.kpi_code_reserved", () => Send(TestUsers.Official, new AddContractKpi(
            arranged.ContractId, "KPI-SKL", version, "Moje szkolenia", "My trainings", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum)));
        await RefusedAsync("kpi.not_in_catalogue", () => Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "KPI-XYZ", version)));
        await InvalidAsync("NameEn", () => Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "CYF-2", version, NamePl: "Tylko po polsku")));
        await InvalidAsync("Code", () => Send(TestUsers.Official, new AddContractKpi(arranged.ContractId, "zła kod", version)));

        version = await Send(TestUsers.Official, new SetContractKpi(arranged.ContractId, "KPI-CO2", 800, 1, Targets((2025, 700)), version));
        version = await Send(TestUsers.Official, new RemoveContractKpi(arranged.ContractId, "KPI-CO2", version));
        var view = await ViewAsync(arranged.ContractId);
        Assert.DoesNotContain(view.Plan.Kpis, k => k.Code == "KPI-CO2");
        Assert.Equal(9, view.Plan.Kpis.Count);
        await RefusedAsync("contract.kpi_unknown", () => Send(TestUsers.Official, new RemoveContractKpi(arranged.ContractId, "KPI-CO2", version)));
    }

    [Fact]
    public async Task Dates_and_terms_change_within_the_rules_a_stale_version_is_refused_and_a_signed_plan_is_frozen()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.CompleteDraft }, Ct);
        var version = await VersionAsync(arranged.ContractId);

        await RefusedAsync("contract.dates_outside_phase", () => Send(TestUsers.Official, new ChangeContractDates(arranged.ContractId, new DateOnly(2025, 1, 1), new DateOnly(2029, 1, 1), version)));
        await RefusedAsync("settings.due_day_invalid", () => Send(TestUsers.Official, new ChangeContractTerms(arranged.ContractId, 4, 31, 90, 80, version)));
        var moved = await Send(TestUsers.Official, new ChangeContractDates(arranged.ContractId, new DateOnly(2026, 7, 1), new DateOnly(2027, 12, 31), version));
        await RefusedAsync("concurrency.stale_version", () => Send(TestUsers.Official, new ChangeContractTerms(arranged.ContractId, 4, 30, 60, 75, version)));
        await Send(TestUsers.Official, new ChangeContractTerms(arranged.ContractId, 4, 30, 60, 75, moved));

        var view = await ViewAsync(arranged.ContractId);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2027, 12, 31)), (view.StartsOn, view.EndsOn));
        Assert.Equal([2026, 2027], view.Years);
        Assert.Equal([2026, 2027], view.Plan.Budget.Select(b => b.Year));
        Assert.Equal([2026, 2027], view.Plan.Kpis.Single(k => k.Code == "KPI-RD").Targets.Select(t => t.Year));
        Assert.Equal(new ReportingTerms(4, 30, 60, 75), view.Terms);
        Assert.Equal(new DateOnly(2026, 7, 1), view.Plan.EffectiveFrom);

        var signed = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Podpisany", Stage = ArrangedStage.Signed }, Ct);
        var signedVersion = await VersionAsync(signed.ContractId);
        await RefusedAsync("contract.not_draft", () => Send(TestUsers.Official, new SetContractBudget(signed.ContractId, [Budget(2027, 1, 1)], signedVersion)));
        await RefusedAsync("contract.not_draft", () => Send(TestUsers.Official, new AddContractKpi(signed.ContractId, "KPI-PAT", signedVersion)));
        await RefusedAsync("contract.not_draft", () => Send(TestUsers.Official, new ChangeContractDates(signed.ContractId, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), signedVersion)));
        Assert.Equal(signedVersion, await VersionAsync(signed.ContractId));
    }
}

public sealed class ContractPlanTestsOnSqlite(SqliteDatabaseFixture database) : ContractPlanTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ContractPlanTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ContractPlanTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
