using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Application.Programme.Benchmark;

/// <summary>One cluster of the group as the report needs it: totals of its members and its indicators (null: not available).</summary>
public sealed record BenchmarkClusterData(
    Guid ClusterId,
    string Name,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    int Members,
    int Employment,
    decimal? SalesGrowthPercent,
    int? ProductInnovations,
    int? ProcessInnovations,
    int? JointProjects,
    int? Internships);

/// <summary>
/// The group's members counted by type and enterprises by size (the last place of <see cref="BySize"/>: size not given).
/// </summary>
public sealed class MemberMix
{
    public int[] ByType { get; } = new int[Enum.GetValues<MemberType>().Length];

    public int[] BySize { get; } = new int[Enum.GetValues<EnterpriseSize>().Length + 1];

    public void Add(MemberType type, EnterpriseSize? size, int count)
    {
        ByType[(int)type] += count;
        if (type == MemberType.Enterprise)
        {
            BySize[size is { } s ? (int)s : BySize.Length - 1] += count;
        }
    }
}

/// <summary>
/// The report's arithmetic, in memory over arrays: means, medians, shares, ranks and percentiles. Every figure is computed from
/// the unrounded values and rounded once, at the end, to one decimal with <see cref="MidpointRounding.AwayFromZero"/> (so 12.25
/// is 12.3, as a reader rounding by hand expects, not banker's 12.2).
/// </summary>
public static class BenchmarkCalculator
{
    public const int LargestCount = 10;

    public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static BenchmarkReport Compute(BenchmarkScopeView scope, DateTimeOffset generatedAt, IReadOnlyList<BenchmarkClusterData> clusters, MemberMix mix)
    {
        var members = clusters.Sum(c => c.Members);
        var enterprises = mix.ByType[(int)MemberType.Enterprise];
        var memberCounts = clusters.Select(c => (decimal)c.Members).ToArray();
        var employment = clusters.Select(c => (decimal)c.Employment).ToArray();
        var growth = clusters.Where(c => c.SalesGrowthPercent is not null).Select(c => c.SalesGrowthPercent!.Value).ToArray();

        var sizes = Enum.GetValues<EnterpriseSize>().Select(s => (EnterpriseSize?)s).Append(null).ToArray();
        var largest = clusters
            .OrderByDescending(c => c.Members).ThenBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("pl-PL"), false)).ThenBy(c => c.ClusterId)
            .Take(LargestCount)
            .Select((c, i) => new LargestCluster(i + 1, c.ClusterId, c.Name, c.Members, c.Employment, c.VoivodeshipTeryt, c.VoivodeshipName))
            .ToList();

        return new BenchmarkReport(
            scope,
            generatedAt,
            clusters.Count,
            members,
            RoundOrNull(Mean(memberCounts)),
            RoundOrNull(Median(memberCounts)),
            [.. Enum.GetValues<MemberType>().Select(t => new MemberTypeFigure(t, mix.ByType[(int)t], Share(mix.ByType[(int)t], members)))],
            enterprises,
            [.. sizes.Select((s, i) => new EnterpriseSizeFigure(s, mix.BySize[i], Share(mix.BySize[i], enterprises)))],
            RoundOrNull(Mean(employment)),
            RoundOrNull(Median(employment)),
            new SalesGrowthFigure(RoundOrNull(Mean(growth)), growth.Length, clusters.Count - growth.Length),
            [
                Indicator(BenchmarkIndicator.ProductInnovations, clusters.Select(c => c.ProductInnovations)),
                Indicator(BenchmarkIndicator.ProcessInnovations, clusters.Select(c => c.ProcessInnovations)),
                Indicator(BenchmarkIndicator.JointProjects, clusters.Select(c => c.JointProjects)),
                Indicator(BenchmarkIndicator.InternshipsAndApprenticeships, clusters.Select(c => c.Internships)),
            ],
            largest,
            Positions(clusters));
    }

    /// <summary>The measures of every cluster: each measure's values sorted once, a cluster's rank and percentile by binary search.</summary>
    private static List<ClusterPositions> Positions(IReadOnlyList<BenchmarkClusterData> clusters)
    {
        var measures = Enum.GetValues<BenchmarkMeasure>();
        var values = measures.Select(m => clusters.Select(c => ValueOf(c, m)).ToArray()).ToArray();
        var groups = values.Select(v =>
        {
            var sorted = v.Where(x => x is not null).Select(x => x!.Value).Order().ToArray();
            return (Sorted: sorted, Mean: RoundOrNull(Mean(sorted)), Median: RoundOrNull(MedianOfSorted(sorted)));
        }).ToArray();

        var result = new List<ClusterPositions>(clusters.Count);
        for (var c = 0; c < clusters.Count; c++)
        {
            var rows = new BenchmarkPosition[measures.Length];
            for (var m = 0; m < measures.Length; m++)
            {
                var (sorted, mean, median) = groups[m];
                var value = values[m][c];
                int? rank = null;
                decimal? percentile = null;
                if (value is { } v)
                {
                    var notAbove = UpperBound(sorted, v);
                    rank = sorted.Length - notAbove + 1;
                    percentile = Round(100m * notAbove / sorted.Length);
                }

                rows[m] = new BenchmarkPosition(measures[m], value is { } shown ? Round(shown) : null, mean, median, rank, sorted.Length, percentile);
            }

            result.Add(new ClusterPositions(clusters[c].ClusterId, clusters[c].Name, rows));
        }

        return result;
    }

    private static decimal? ValueOf(BenchmarkClusterData cluster, BenchmarkMeasure measure) => measure switch
    {
        BenchmarkMeasure.Members => cluster.Members,
        BenchmarkMeasure.Employment => cluster.Employment,
        BenchmarkMeasure.SalesGrowth => cluster.SalesGrowthPercent,
        BenchmarkMeasure.Innovations => cluster.ProductInnovations is null && cluster.ProcessInnovations is null
            ? null
            : (cluster.ProductInnovations ?? 0) + (cluster.ProcessInnovations ?? 0),
        BenchmarkMeasure.JointProjects => cluster.JointProjects,
        BenchmarkMeasure.Internships => cluster.Internships,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static IndicatorFigure Indicator(BenchmarkIndicator indicator, IEnumerable<int?> values)
    {
        var all = values.ToList();
        var known = all.Where(v => v is not null).Select(v => (decimal)v!.Value).ToArray();
        return new IndicatorFigure(indicator, (int)known.Sum(), RoundOrNull(Mean(known)), known.Length, all.Count - known.Length);
    }

    /// <summary>The number of values not above <paramref name="value"/> in ascending <paramref name="sorted"/>.</summary>
    private static int UpperBound(decimal[] sorted, decimal value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static decimal Share(int count, int of) => of == 0 ? 0 : Round(100m * count / of);

    public static decimal? Mean(IReadOnlyCollection<decimal> values) => values.Count == 0 ? null : values.Sum() / values.Count;

    public static decimal? Median(IEnumerable<decimal> values) => MedianOfSorted([.. values.Order()]);

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    private static decimal? MedianOfSorted(decimal[] sorted) => sorted.Length switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    private static decimal? RoundOrNull(decimal? value) => value is { } v ? Round(v) : null;
}
