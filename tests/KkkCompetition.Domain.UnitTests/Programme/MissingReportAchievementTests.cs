using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Programme;

/// <summary>The phase evaluation's quantitative part: an annual report due and not accepted counts as zero achievement.</summary>
public sealed class MissingReportAchievementTests
{
    private const decimal LowTarget = 500;

    private static ReportedYear AtTarget(ProgrammeContract contract, int year, IReadOnlyDictionary<string, decimal>? overrides = null) =>
        new(year, contract.CurrentVersion.Kpis.ToDictionary(
            k => k.Code,
            k => (decimal?)(overrides is not null && overrides.TryGetValue(k.Code, out var value) ? value : TargetOf(k.Code))));

    private static decimal TargetOf(string code) => code == "KPI-LOW" ? LowTarget : Target(code);

    private static KpiAchievementRow Row(ContractAchievement achievement, string code) => achievement.Kpis.Single(k => k.Kpi.Code == code);

    /// <summary>A signed contract with one more "lower is better" KPI of <paramref name="aggregation"/>, its target 500 a year.</summary>
    private static ProgrammeContract WithLowerIsBetter(KpiAggregation aggregation)
    {
        var contract = CompleteDraft();
        contract.AddKpi(new ContractKpi("KPI-LOW", "Emisje", "Emissions", "tCO2e", KpiDirection.LowerIsBetter, aggregation, false, null, 700, 1), Now);
        contract.SetKpi("KPI-LOW", 700, 1, [.. contract.Years.Select(y => new KpiTarget("KPI-LOW", y, LowTarget))], Now);
        contract.SignAsCoordinator(Coordinator, Now);
        contract.Sign(Official, Today, Today, Now);
        return contract;
    }

    [Fact]
    public void A_missing_year_counts_as_an_actual_of_zero_for_a_sum_kpi()
    {
        var contract = Active();

        var result = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2025)], AchievementBands.Default, [2026]);

        var rd = Row(result, "KPI-RD");
        Assert.Equal(new KpiYearAchievement(2026, 10, 0, 0), rd.Years[1]);
        Assert.Equal((20m, 10m, 50m), (rd.CumulativeTarget, rd.CumulativeActual, rd.CumulativePercent));

        // The three sum KPIs at 50%, the three latest ones at 0% (their latest year is the missing one).
        Assert.Equal(25m, result.Percent);
        Assert.Equal(AchievementColour.Red, result.Colour);
    }

    [Fact]
    public void A_latest_kpi_whose_latest_year_is_missing_scores_zero_but_an_earlier_missing_year_does_not_count()
    {
        var contract = Active();

        var latestMissing = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2025)], AchievementBands.Default, [2026]);
        var earlierMissing = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2026)], AchievementBands.Default, [2025]);

        Assert.Equal((0m, 0m), (Row(latestMissing, "KPI-EMP").CumulativeActual, Row(latestMissing, "KPI-EMP").CumulativePercent));
        Assert.Equal((1000m, 100m), (Row(earlierMissing, "KPI-EMP").CumulativeActual, Row(earlierMissing, "KPI-EMP").CumulativePercent));
        Assert.Equal(0m, Row(earlierMissing, "KPI-EMP").Years[0].Percent);
    }

    [Fact]
    public void A_lower_is_better_latest_kpi_whose_latest_year_is_missing_scores_zero_not_a_perfect_score()
    {
        var contract = WithLowerIsBetter(KpiAggregation.Latest);

        var latestMissing = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2025)], AchievementBands.Default, [2026]);
        var earlierMissing = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2026, new Dictionary<string, decimal> { ["KPI-LOW"] = 625 })], AchievementBands.Default, [2025]);

        // An actual of 0 would meet a "lower is better" target outright: a missing report must not.
        Assert.Equal(0m, Row(latestMissing, "KPI-LOW").Years[1].Percent);
        Assert.Equal(0m, Row(latestMissing, "KPI-LOW").CumulativePercent);
        Assert.Equal(80m, Row(earlierMissing, "KPI-LOW").CumulativePercent);
    }

    [Fact]
    public void A_lower_is_better_sum_kpi_covering_a_missing_year_scores_zero()
    {
        var contract = WithLowerIsBetter(KpiAggregation.Sum);

        var covering = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2026)], AchievementBands.Default, [2025]);
        var complete = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2025), AtTarget(contract, 2026)], AchievementBands.Default, []);

        Assert.Equal((1000m, 500m, 0m), (Row(covering, "KPI-LOW").CumulativeTarget, Row(covering, "KPI-LOW").CumulativeActual, Row(covering, "KPI-LOW").CumulativePercent));
        Assert.Equal(100m, Row(complete, "KPI-LOW").CumulativePercent);
    }

    [Fact]
    public void A_missing_year_already_accepted_is_ignored()
    {
        var contract = Active();
        ReportedYear[] accepted = [AtTarget(contract, 2025)];

        var withMissing = ContractAchievementCalculator.Compute(contract, accepted, AchievementBands.Default, [2025]);
        var without = ContractAchievementCalculator.Compute(contract, accepted, AchievementBands.Default);

        Assert.Equal((100m, 1), (withMissing.Percent, withMissing.Reports));
        Assert.Equal(without.Percent, withMissing.Percent);
        Assert.Equal(100m, Row(withMissing, "KPI-RD").Years[0].Percent);
    }

    [Fact]
    public void The_reports_counted_are_only_the_accepted_ones()
    {
        var contract = Active();

        var result = ContractAchievementCalculator.Compute(contract, [AtTarget(contract, 2025)], AchievementBands.Default, [2026, 2027]);

        Assert.Equal(1, result.Reports);
        Assert.Equal((30m, 10m), (Row(result, "KPI-RD").CumulativeTarget, Row(result, "KPI-RD").CumulativeActual));
    }

    [Fact]
    public void A_contract_whose_only_report_is_missing_scores_zero_from_no_accepted_report()
    {
        var contract = Active();

        var result = ContractAchievementCalculator.Compute(contract, [], AchievementBands.Default, [2025]);

        Assert.Equal((0m, 0), (result.Percent, result.Reports));
    }
}
