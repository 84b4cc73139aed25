using System.ComponentModel;
using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Application.Programme.Benchmark;

/// <summary>Which clusters a benchmark report is over.</summary>
public enum BenchmarkScopeKind
{
    /// <summary>The clusters with a programme contract (signed or later) in the phase.</summary>
    Phase,

    /// <summary>The clusters whose applications were submitted to the competition (not withdrawn).</summary>
    Competition,

    /// <summary>The clusters with a KKK status in force on the day; only members who joined by then.</summary>
    Date,
}

/// <summary>The figures of the applications (and, for internships, of the KPI reports) that the report sums per cluster.</summary>
public enum BenchmarkIndicator
{
    ProductInnovations,
    ProcessInnovations,
    JointProjects,
    InternshipsAndApprenticeships,
}

/// <summary>What a cluster is compared with the group on.</summary>
public enum BenchmarkMeasure
{
    Members,
    Employment,
    SalesGrowth,

    /// <summary>Product and process innovations together.</summary>
    Innovations,
    JointProjects,
    Internships,
}

[Description("The scope of the report: one of a phase, a competition or a day, with what names it.")]
public sealed record BenchmarkScopeView(
    [property: Description("Phase, Competition or Date.")] BenchmarkScopeKind Kind,
    Guid? PhaseId,
    int? PhaseNumber,
    DateOnly? PhaseStartsOn,
    DateOnly? PhaseEndsOn,
    Guid? CompetitionId,
    string? CompetitionName,
    [property: Description("The day of a Date scope.")] DateOnly? Date);

[Description("Members of one type: their number and their share of all members in %, to one decimal.")]
public sealed record MemberTypeFigure(MemberType Type, int Count, decimal SharePercent);

[Description("Enterprises of one size (null: size not given): their number and their share of all enterprises in %, to one decimal.")]
public sealed record EnterpriseSizeFigure(EnterpriseSize? Size, int Count, decimal SharePercent);

[Description(
    "Mean sales growth in % over the clusters with both revenues of their application's two indicator years, the earlier one above zero: " +
    "(later − earlier) / earlier × 100 per cluster; the others are counted as not available.")]
public sealed record SalesGrowthFigure(decimal? MeanPercent, int Clusters, int NotAvailable);

[Description(
    "An indicator summed over the clusters with a value, and its mean per such cluster. Source: the later indicator year of the cluster's latest " +
    "submitted application (in a competition scope, its application to that competition); for internships and apprenticeships the KPI-SKL actual " +
    "of the cluster's latest accepted annual KPI report whose period ends after that year, when there is one.")]
public sealed record IndicatorFigure(BenchmarkIndicator Indicator, int Total, decimal? MeanPerCluster, int Clusters, int NotAvailable);

[Description("One of the ten largest clusters by members (ties by name), with the sum of its members' employment.")]
public sealed record LargestCluster(int Rank, Guid ClusterId, string ClusterName, int Members, int Employment, string VoivodeshipTeryt, string VoivodeshipName);

[Description(
    "A cluster against the group on one measure: its value, the group's mean and median over the clusters with a value, its rank (1 = highest, " +
    "ties share a rank) of Of clusters with a value, and its percentile (the share of those clusters whose value is not above its own). " +
    "Null value: not available for this cluster.")]
public sealed record BenchmarkPosition(BenchmarkMeasure Measure, decimal? Value, decimal? GroupMean, decimal? GroupMedian, int? Rank, int Of, decimal? Percentile);

[Description("One cluster's positions against the group.")]
public sealed record ClusterPositions(Guid ClusterId, string ClusterName, IReadOnlyList<BenchmarkPosition> Positions);

/// <summary>
/// The national benchmark report over a group of clusters (domain guide, section 7): every figure computed from the product's data
/// (members as they are recorded; indicators from applications and KPI reports) and rounded to one decimal, halves away from zero.
/// In the coordinator's individual report <see cref="LargestClusters"/> is empty and <see cref="Positions"/> holds only his cluster.
/// </summary>
[Description("The benchmark report: the group's figures, the largest clusters and each cluster's position against the group. Every figure is rounded to one decimal (halves away from zero).")]
public sealed record BenchmarkReport(
    BenchmarkScopeView Scope,
    DateTimeOffset GeneratedAt,
    int Clusters,
    int Members,
    decimal? MeanMembers,
    decimal? MedianMembers,
    IReadOnlyList<MemberTypeFigure> MemberTypes,
    int Enterprises,
    IReadOnlyList<EnterpriseSizeFigure> EnterpriseSizes,
    [property: Description("Mean over the clusters of the sum of their members' employment.")] decimal? MeanEmployment,
    decimal? MedianEmployment,
    SalesGrowthFigure SalesGrowth,
    IReadOnlyList<IndicatorFigure> Indicators,
    IReadOnlyList<LargestCluster> LargestClusters,
    IReadOnlyList<ClusterPositions> Positions);

[Description("A programme phase a benchmark report can be asked for.")]
public sealed record BenchmarkPhaseOption(Guid Id, int Number, DateOnly StartsOn, DateOnly EndsOn);

[Description("A competition a benchmark report can be asked for.")]
public sealed record BenchmarkCompetitionOption(Guid Id, string Name, int Year, int Round);

[Description("The phases and competitions the caller can ask a benchmark report for (for an applicant: those of his cluster).")]
public sealed record BenchmarkScopes(IReadOnlyList<BenchmarkPhaseOption> Phases, IReadOnlyList<BenchmarkCompetitionOption> Competitions);

/// <summary>The report's file formats.</summary>
public enum BenchmarkFileFormat
{
    Xlsx,
    Pdf,
}

/// <summary>Writes the benchmark report as a spreadsheet and as a PDF with charts, in "pl" or "en".</summary>
public interface IBenchmarkReportWriter
{
    byte[] Xlsx(BenchmarkReport report, string language);

    byte[] Pdf(BenchmarkReport report, string language);
}
