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
    /// <param name="missingYears">
    /// Years whose annual report was due and is not accepted, counted as zero achievement (the phase evaluation): a
    /// "higher is better" KPI's actual is 0 for them, and a "lower is better" KPI whose cumulative figure covers one scores 0%.
    /// </param>
    public static ContractAchievement Compute(ProgrammeContract contract, IReadOnlyList<ReportedYear> accepted, AchievementBands bands, IReadOnlyCollection<int>? missingYears = null)
    {
        var missing = missingYears?.Where(y => accepted.All(a => a.Year != y)).ToHashSet() ?? [];
        var reported = accepted.Concat(missing.Select(y => new ReportedYear(y, ZeroActuals(contract)))).ToDictionary(r => r.Year);
        var targetVersions = contract.Years.ToDictionary(y => y, y => contract.VersionInForceOn(contract.PeriodEndOf(y)));
        var rows = new List<KpiAchievementRow>();
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            var years = new List<KpiYearAchievement>(targetVersions.Count);
            foreach (var (year, version) in targetVersions)
            {
                var target = version.TargetOf(kpi.Code, year);
                var actual = reported.TryGetValue(year, out var report) ? report.Actuals.GetValueOrDefault(kpi.Code) : null;
                var yearPercent = missing.Contains(year) && target is not null ? 0m : KpiAchievement.Percent(kpi.Direction, target, actual);
                years.Add(new KpiYearAchievement(year, target, actual, yearPercent));
            }

            var counted = years.Where(y => reported.ContainsKey(y.Year) && y.Actual is not null).ToList();
            var cumulativeTarget = KpiAchievement.Aggregate(kpi.Aggregation, counted.Select(y => (y.Year, y.Target)));
            var cumulativeActual = KpiAchievement.Aggregate(kpi.Aggregation, counted.Select(y => (y.Year, y.Actual)));
            var cumulativePercent = KpiAchievement.Percent(kpi.Direction, cumulativeTarget, cumulativeActual);
            var coversMissing = kpi.Aggregation == KpiAggregation.Sum ? counted.Any(y => missing.Contains(y.Year)) : counted.Count > 0 && missing.Contains(counted[^1].Year);
            if (kpi.Direction == KpiDirection.LowerIsBetter && coversMissing && cumulativePercent is not null)
            {
                cumulativePercent = 0m;
            }

            rows.Add(new KpiAchievementRow(kpi, years, cumulativeTarget, cumulativeActual, cumulativePercent));
        }

        var percent = KpiAchievement.WeightedMean(rows.Select(r => (r.Kpi.Weight, r.CumulativePercent)));
        return new ContractAchievement(rows, percent, percent is { } p ? bands.ColourOf(p) : null, reported.Count - missing.Count);
    }

    private static Dictionary<string, decimal?> ZeroActuals(ProgrammeContract contract) =>
        contract.CurrentVersion.Kpis.ToDictionary(k => k.Code, _ => (decimal?)0m, StringComparer.Ordinal);
}
