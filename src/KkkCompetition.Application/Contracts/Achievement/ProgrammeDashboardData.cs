using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Achievement;

/// <summary>A contract's colour on the dashboard: the band of its achievement, or no data before its first accepted report.</summary>
public enum DashboardColour
{
    Green,
    Amber,
    Red,
    NoData,
}

public enum ProgrammeDashboardSort
{
    Number,
    Achievement,
    Cluster,
    Voivodeship,
}

/// <summary>What the dashboard and its export filter by; the same rules check both.</summary>
public interface IProgrammeDashboardFilters
{
    Guid? PhaseId { get; }

    /// <summary>TERYT code.</summary>
    string? Voivodeship { get; }

    string? Kis { get; }

    /// <summary>Null or empty: <see cref="ProgrammeDashboardData.DefaultStatuses"/>.</summary>
    IReadOnlyList<ContractStatus>? Statuses { get; }

    DashboardColour? Colour { get; }

    /// <summary>Part of the contract's number or the cluster's name.</summary>
    string? Search { get; }
}

public static class AchievementColours
{
    /// <summary>
    /// The colour of a percentage as shown: rounded to two places first, as the contract stores it, so that a contract's page
    /// and the dashboard never give the same figure two colours.
    /// </summary>
    public static DashboardColour Of(decimal? percent, AchievementBands bands) => Round(percent) is { } p
        ? bands.ColourOf(p) switch
        {
            AchievementColour.Green => DashboardColour.Green,
            AchievementColour.Amber => DashboardColour.Amber,
            _ => DashboardColour.Red,
        }
        : DashboardColour.NoData;

    public static decimal? Round(decimal? percent) => percent is { } p ? decimal.Round(p, 2) : null;
}

/// <summary>The dashboard's filters and sorting as SQL over the stored achievement, shared by the page and the export.</summary>
internal static class ProgrammeDashboardData
{
    /// <summary>The contracts a dashboard shows unless asked for other statuses: those in force or completed, never drafts.</summary>
    public static readonly IReadOnlyList<ContractStatus> DefaultStatuses = [ContractStatus.Active, ContractStatus.Suspended, ContractStatus.Completed];

    public static IReadOnlyList<ContractStatus> StatusesOf(IProgrammeDashboardFilters filters) =>
        filters.Statuses is { Count: > 0 } statuses ? [.. statuses.Distinct().Order()] : DefaultStatuses;

    public static IQueryable<ProgrammeContract> Filter(IQueryable<ProgrammeContract> contracts, IProgrammeDashboardFilters filters, AchievementBands bands)
    {
        var statuses = StatusesOf(filters).ToList();
        contracts = contracts.Where(c => statuses.Contains(c.Status));
        if (filters.PhaseId is { } phaseId)
        {
            contracts = contracts.Where(c => c.PhaseId == phaseId);
        }

        if (!string.IsNullOrEmpty(filters.Voivodeship))
        {
            contracts = contracts.Where(c => c.VoivodeshipTeryt == filters.Voivodeship);
        }

        if (!string.IsNullOrWhiteSpace(filters.Kis))
        {
            var code = filters.Kis.Trim().ToUpperInvariant();
            contracts = contracts.Where(c => c.KisCodes.Contains(code));
        }

        if (!string.IsNullOrWhiteSpace(filters.Search))
        {
            // Lower-cased on both sides: the same answer on every provider (PostgreSQL's LIKE is case-sensitive).
            var text = filters.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            contracts = contracts.Where(c => c.Number.ToLower().Contains(text) || c.ClusterName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        // The colours as ranges of the stored percentage under the current bands, so a change of the bands recolours
        // every contract at once and the filter runs in the database.
        var green = bands.GreenFromPercent;
        var amber = bands.AmberFromPercent;
        return filters.Colour switch
        {
            DashboardColour.Green => contracts.Where(c => c.AchievementPercent >= green),
            DashboardColour.Amber => contracts.Where(c => c.AchievementPercent >= amber && c.AchievementPercent < green),
            DashboardColour.Red => contracts.Where(c => c.AchievementPercent < amber),
            DashboardColour.NoData => contracts.Where(c => c.AchievementPercent == null),
            _ => contracts,
        };
    }

    /// <summary>Sorted with a unique tie-breaker. Contracts without a figure come last in either direction of the achievement.</summary>
    public static IQueryable<ProgrammeContract> Sort(IQueryable<ProgrammeContract> contracts, ProgrammeDashboardSort sort, bool descending) => sort switch
    {
        ProgrammeDashboardSort.Achievement => descending
            ? contracts.OrderBy(c => c.AchievementPercent == null).ThenByDescending(c => c.AchievementPercent).ThenByDescending(c => c.Number)
            : contracts.OrderBy(c => c.AchievementPercent == null).ThenBy(c => c.AchievementPercent).ThenBy(c => c.Number),
        ProgrammeDashboardSort.Cluster => contracts.SortBy(c => c.ClusterName, c => c.Number, descending),

        // TERYT codes follow the Polish alphabetical order of the voivodeships' names.
        ProgrammeDashboardSort.Voivodeship => contracts.SortBy(c => c.VoivodeshipTeryt, c => c.Number, descending),
        _ => contracts.SortBy(c => c.Number, c => c.Id, descending),
    };

    public static async Task<IReadOnlyDictionary<Guid, int>> PhaseNumbersAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.ProgrammePhases.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
}
