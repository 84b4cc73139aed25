using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Contracts;

public sealed class KpiAchievementTests
{
    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, 10, 8, 80)]
    [InlineData(KpiDirection.HigherIsBetter, 10, 12, 120)]
    [InlineData(KpiDirection.HigherIsBetter, 0, 0, 100)]
    [InlineData(KpiDirection.LowerIsBetter, 500, 625, 80)]
    [InlineData(KpiDirection.LowerIsBetter, 500, 400, 125)]
    [InlineData(KpiDirection.LowerIsBetter, 500, 0, 100)]
    public void Achievement_is_actual_over_target_inverted_when_lower_is_better(KpiDirection direction, double target, double actual, double percent) =>
        Assert.Equal((decimal)percent, KpiAchievement.Percent(direction, (decimal)target, (decimal)actual));

    [Fact]
    public void Without_a_target_or_an_actual_there_is_no_achievement()
    {
        Assert.Null(KpiAchievement.Percent(KpiDirection.HigherIsBetter, null, 5));
        Assert.Null(KpiAchievement.Percent(KpiDirection.HigherIsBetter, 5, null));
    }

    [Fact]
    public void Years_aggregate_as_their_sum_or_the_latest_value()
    {
        (int, decimal?)[] values = [(2026, 7), (2025, 5), (2027, null)];
        Assert.Equal(12, KpiAchievement.Aggregate(KpiAggregation.Sum, values));
        Assert.Equal(7, KpiAchievement.Aggregate(KpiAggregation.Latest, values));
        Assert.Null(KpiAchievement.Aggregate(KpiAggregation.Sum, []));
    }

    [Fact]
    public void The_weighted_mean_counts_each_kpi_at_most_100_percent_and_skips_those_without_a_figure()
    {
        Assert.Equal(70m, KpiAchievement.WeightedMean([(1, 150), (2, 55), (1, null)]));
        Assert.Null(KpiAchievement.WeightedMean([(1, null)]));
    }

    [Theory]
    [InlineData(90, AchievementColour.Green)]
    [InlineData(89.99, AchievementColour.Amber)]
    [InlineData(70, AchievementColour.Amber)]
    [InlineData(69.99, AchievementColour.Red)]
    public void Colours_by_the_default_bands(double percent, AchievementColour colour) =>
        Assert.Equal(colour, AchievementBands.Default.ColourOf((decimal)percent));

    private static ReportedYear Year(int year, ProgrammeContract contract, decimal share, IReadOnlyDictionary<string, decimal>? overrides = null) =>
        new(year, contract.CurrentVersion.Kpis.ToDictionary(
            k => k.Code,
            k => (decimal?)(overrides is not null && overrides.TryGetValue(k.Code, out var value) ? value : Target(k.Code) * share)));

    [Fact]
    public void A_contract_is_measured_per_year_and_cumulatively_over_the_reported_years()
    {
        var contract = Active();
        var result = ContractAchievementCalculator.Compute(
            contract,
            [Year(2025, contract, 1m, new Dictionary<string, decimal> { ["KPI-RD"] = 6, ["KPI-EMP"] = 1200 }), Year(2026, contract, 1m, new Dictionary<string, decimal> { ["KPI-RD"] = 10, ["KPI-EMP"] = 800 })],
            AchievementBands.Default);

        var rd = result.Kpis.Single(k => k.Kpi.Code == "KPI-RD");
        Assert.Equal([2025, 2026, 2027, 2028], rd.Years.Select(y => y.Year));
        Assert.Equal(60m, rd.Years[0].Percent);
        Assert.Null(rd.Years[2].Actual);
        Assert.Equal(10, rd.Years[2].Target);

        // Sum: 16 of 20.
        Assert.Equal(20, rd.CumulativeTarget);
        Assert.Equal(16, rd.CumulativeActual);
        Assert.Equal(80m, rd.CumulativePercent);

        // Latest: 800 of 1000, whatever the year before.
        var employment = result.Kpis.Single(k => k.Kpi.Code == "KPI-EMP");
        Assert.Equal(80m, employment.CumulativePercent);

        // (80 + 80 + 100 × 4) / 6.
        Assert.Equal(93.333m, decimal.Round(result.Percent!.Value, 3));
        Assert.Equal(AchievementColour.Green, result.Colour);
        Assert.Equal(2, result.Reports);
    }

    [Fact]
    public void Without_accepted_reports_a_contract_has_no_achievement_yet()
    {
        var result = ContractAchievementCalculator.Compute(Active(), [], AchievementBands.Default);
        Assert.Null(result.Percent);
        Assert.Null(result.Colour);
        Assert.Equal(0, result.Reports);
    }

    [Fact]
    public void Each_year_is_measured_against_the_version_in_force_on_its_last_day()
    {
        var contract = Active();
        var amendment = ContractAmendment.Propose(
            contract, 1, false, "Nowe cele po przyjęciu nowych członków.", [new KpiTarget("KPI-RD", 2026, 20)], [], Coordinator, new DateOnly(2026, 3, 1), Now);
        amendment.Approve(contract, Official, new DateOnly(2026, 3, 1), Now);

        var result = ContractAchievementCalculator.Compute(contract, [Year(2025, contract, 1m), Year(2026, contract, 1m)], AchievementBands.Default);
        var rd = result.Kpis.Single(k => k.Kpi.Code == "KPI-RD");

        // 2025 ended under version 1 (target 10), 2026 under version 2 (target 20); both reported 10.
        Assert.Equal(10, rd.Years[0].Target);
        Assert.Equal(100m, rd.Years[0].Percent);
        Assert.Equal(20, rd.Years[1].Target);
        Assert.Equal(50m, rd.Years[1].Percent);
        Assert.Equal(30, rd.CumulativeTarget);
    }

    [Fact]
    public void A_lower_is_better_kpi_is_inverted_in_the_cumulative_figure()
    {
        var contract = CompleteDraft();
        contract.AddKpi(Kpi("KPI-CO2", 700), Now);
        contract.SetKpi("KPI-CO2", 700, 1, [.. contract.Years.Select(y => new KpiTarget("KPI-CO2", y, 500))], Now);
        contract.SignAsCoordinator(Coordinator, Now);
        contract.Sign(Official, Today, Today, Now);

        var result = ContractAchievementCalculator.Compute(
            contract, [Year(2025, contract, 1m, new Dictionary<string, decimal> { ["KPI-CO2"] = 625 })], AchievementBands.Default);

        Assert.Equal(80m, result.Kpis.Single(k => k.Kpi.Code == "KPI-CO2").CumulativePercent);
    }
}
