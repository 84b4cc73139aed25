using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.Contracts;

/// <summary>
/// Achievement of a KPI in percent (domain guide, section 6): actual / target, inverted for "lower is better". A target of 0
/// (higher is better) or an actual of 0 (lower is better) meets it: 100%.
/// </summary>
public static class KpiAchievement
{
    public static decimal? Percent(KpiDirection direction, decimal? target, decimal? actual)
    {
        if (target is not { } t || actual is not { } a)
        {
            return null;
        }

        return direction == KpiDirection.HigherIsBetter
            ? t == 0 ? 100m : a * 100m / t
            : a == 0 ? 100m : t * 100m / a;
    }

    /// <summary>Values of several years as one: their sum, or the latest year's value, by the KPI's aggregation.</summary>
    public static decimal? Aggregate(KpiAggregation aggregation, IEnumerable<(int Year, decimal? Value)> values)
    {
        var known = values.Where(v => v.Value is not null).OrderBy(v => v.Year).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        return aggregation == KpiAggregation.Sum ? known.Sum(v => v.Value!.Value) : known[^1].Value;
    }

    /// <summary>
    /// The weighted mean of the KPIs' achievements, each counted at most 100% so that exceeding one target does not hide
    /// missing another; KPIs without a figure are left out. Null when none has one.
    /// </summary>
    public static decimal? WeightedMean(IEnumerable<(decimal Weight, decimal? Percent)> kpis)
    {
        decimal weights = 0, sum = 0;
        foreach (var (weight, percent) in kpis)
        {
            if (percent is { } p)
            {
                weights += weight;
                sum += weight * Math.Min(p, 100m);
            }
        }

        return weights == 0 ? null : sum / weights;
    }
}

/// <summary>One year of a KPI: the target of the version in force for that year, the accepted actual and its achievement.</summary>
public sealed record KpiYearAchievement(int Year, decimal? Target, decimal? Actual, decimal? Percent);

/// <summary>A KPI's achievement per year and cumulative over the reported years (sum or latest by its aggregation).</summary>
public sealed record KpiAchievementRow(
    ContractKpi Kpi,
    IReadOnlyList<KpiYearAchievement> Years,
    decimal? CumulativeTarget,
    decimal? CumulativeActual,
    decimal? CumulativePercent);

/// <summary>A contract's achievement: per KPI, and overall as the weighted mean with its colour.</summary>
public sealed record ContractAchievement(IReadOnlyList<KpiAchievementRow> Kpis, decimal? Percent, AchievementColour? Colour, int Reports);

/// <summary>The actual values of one accepted annual report.</summary>
public sealed record ReportedYear(int Year, IReadOnlyDictionary<string, decimal?> Actuals);

/// <summary>
/// Computes a contract's achievement from its accepted annual reports (domain guide, section 6). Each year is measured
/// against the version of the plan in force on that year's last day; the cumulative figure of a KPI covers the reported
/// years: the sum of actuals against the sum of targets, or the latest actual against its year's target.
/// </summary>
public static class ContractAchievementCalculator
{
    public static ContractAchievement Compute(ProgrammeContract contract, IReadOnlyList<ReportedYear> accepted, AchievementBands bands)
    {
        var reported = accepted.ToDictionary(r => r.Year);
        var targetVersions = contract.Years.ToDictionary(y => y, y => contract.VersionInForceOn(contract.PeriodEndOf(y)));
        var rows = new List<KpiAchievementRow>();
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            var years = new List<KpiYearAchievement>(targetVersions.Count);
            foreach (var (year, version) in targetVersions)
            {
                var target = version.TargetOf(kpi.Code, year);
                var actual = reported.TryGetValue(year, out var report) ? report.Actuals.GetValueOrDefault(kpi.Code) : null;
                years.Add(new KpiYearAchievement(year, target, actual, KpiAchievement.Percent(kpi.Direction, target, actual)));
            }

            var counted = years.Where(y => reported.ContainsKey(y.Year) && y.Actual is not null).ToList();
            var cumulativeTarget = KpiAchievement.Aggregate(kpi.Aggregation, counted.Select(y => (y.Year, y.Target)));
            var cumulativeActual = KpiAchievement.Aggregate(kpi.Aggregation, counted.Select(y => (y.Year, y.Actual)));
            rows.Add(new KpiAchievementRow(kpi, years, cumulativeTarget, cumulativeActual, KpiAchievement.Percent(kpi.Direction, cumulativeTarget, cumulativeActual)));
        }

        var percent = KpiAchievement.WeightedMean(rows.Select(r => (r.Kpi.Weight, r.CumulativePercent)));
        return new ContractAchievement(rows, percent, percent is { } p ? bands.ColourOf(p) : null, reported.Count);
    }
}
