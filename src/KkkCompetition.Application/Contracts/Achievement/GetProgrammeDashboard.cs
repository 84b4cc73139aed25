using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Achievement;

/// <summary>One contract on the programme dashboard, with its stored achievement and its colour under the current bands.</summary>
public sealed record DashboardContract(
    Guid ContractId,
    string Number,
    string ClusterName,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    IReadOnlyList<string> KisCodes,
    Guid PhaseId,
    int PhaseNumber,
    ContractStatus Status,
    decimal? AchievementPercent,
    DashboardColour Colour,
    int AcceptedReports);

public sealed record ColourCount(DashboardColour Colour, int Count);

/// <summary>A voivodeship's contracts in the filtered set and the mean of the achievement of those with a figure.</summary>
public sealed record VoivodeshipAchievement(string Teryt, string Name, int Contracts, int WithAchievement, decimal? MeanPercent);

/// <summary>
/// The figures of the charts over the whole filtered set (not only the page): contracts per colour (green, amber, red, no data),
/// the mean achievement of the contracts with a figure, and per voivodeship — all sixteen, in TERYT order.
/// </summary>
public sealed record DashboardSummary(int Contracts, IReadOnlyList<ColourCount> Colours, decimal? MeanPercent, IReadOnlyList<VoivodeshipAchievement> Voivodeships);

public sealed record ProgrammeDashboard(
    PagedResult<DashboardContract> Contracts,
    DashboardSummary Summary,
    IReadOnlyList<ContractStatus> Statuses,
    decimal GreenFromPercent,
    decimal AmberFromPercent);

/// <summary>
/// The programme dashboard (officials): every contract (active, suspended and completed unless other statuses are asked for)
/// with its stored achievement and colour, filtered, sorted and paged on the server, with the charts' figures over the
/// filtered set. It reads the achievement each contract stores when a report is accepted or an amendment approved; it never
/// recomputes one.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetProgrammeDashboard(
    Guid? PhaseId = null,
    string? Voivodeship = null,
    string? Kis = null,
    IReadOnlyList<ContractStatus>? Statuses = null,
    DashboardColour? Colour = null,
    string? Search = null,
    ProgrammeDashboardSort SortBy = ProgrammeDashboardSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<ProgrammeDashboard>, IProgrammeDashboardFilters;

public sealed class ProgrammeDashboardFiltersValidator : AbstractValidator<IProgrammeDashboardFilters>
{
    public ProgrammeDashboardFiltersValidator()
    {
        RuleFor(x => x.Voivodeship).Matches("^[0-9]{2}$").When(x => !string.IsNullOrEmpty(x.Voivodeship));
        RuleFor(x => x.Kis).MaximumLength(10);
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.Colour).IsInEnum();
        RuleForEach(x => x.Statuses).IsInEnum();
    }
}

public sealed class GetProgrammeDashboardValidator : AbstractValidator<GetProgrammeDashboard>
{
    public GetProgrammeDashboardValidator()
    {
        Include(new ProgrammeDashboardFiltersValidator());
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetProgrammeDashboardHandler(IAppDbContext db) : IQueryHandler<GetProgrammeDashboard, ProgrammeDashboard>
{
    public async ValueTask<ProgrammeDashboard> Handle(GetProgrammeDashboard query, CancellationToken cancellationToken)
    {
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var contracts = ProgrammeDashboardData.Filter(db.ProgrammeContracts.AsNoTracking(), query, bands);
        var rows = await ProgrammeDashboardData.Sort(contracts, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(c => new { c.Id, c.Number, c.ClusterName, c.VoivodeshipTeryt, c.KisCodes, c.PhaseId, c.Status, c.AchievementPercent, c.AchievementReports })
            .ToListAsync(cancellationToken);

        // Both charts from two grouped queries: per band of the stored percentage, and per voivodeship with the sum of the
        // percentages over those that have one.
        var green = bands.GreenFromPercent;
        var amber = bands.AmberFromPercent;
        var colours = await contracts
            .GroupBy(c => c.AchievementPercent == null ? DashboardColour.NoData
                : c.AchievementPercent >= green ? DashboardColour.Green
                : c.AchievementPercent >= amber ? DashboardColour.Amber
                : DashboardColour.Red)
            .Select(g => new { Colour = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Colour, g => g.Count, cancellationToken);
        var byVoivodeship = await contracts
            .GroupBy(c => c.VoivodeshipTeryt)
            .Select(g => new { Teryt = g.Key, Count = g.Count(), WithData = g.Count(c => c.AchievementPercent != null), Sum = g.Sum(c => c.AchievementPercent) })
            .ToDictionaryAsync(g => g.Teryt, StringComparer.Ordinal, cancellationToken);

        var voivodeships = await db.Voivodeships.AsNoTracking().OrderBy(v => v.Teryt).Select(v => new { v.Teryt, v.Name }).ToListAsync(cancellationToken);
        var names = voivodeships.ToDictionary(v => v.Teryt, v => v.Name, StringComparer.Ordinal);
        var phases = await ProgrammeDashboardData.PhaseNumbersAsync(db, cancellationToken);
        var items = rows.Select(r => new DashboardContract(
                r.Id,
                r.Number,
                r.ClusterName,
                r.VoivodeshipTeryt,
                RegistryData.Name(names, r.VoivodeshipTeryt),
                r.KisCodes,
                r.PhaseId,
                phases.GetValueOrDefault(r.PhaseId),
                r.Status,
                r.AchievementPercent,
                AchievementColours.Of(r.AchievementPercent, bands),
                r.AchievementReports))
            .ToList();

        var total = colours.Values.Sum();
        var withData = byVoivodeship.Values.Sum(v => v.WithData);
        var summary = new DashboardSummary(
            total,
            [.. Enum.GetValues<DashboardColour>().Select(c => new ColourCount(c, colours.GetValueOrDefault(c)))],
            Mean(byVoivodeship.Values.Sum(v => v.Sum ?? 0), withData),
            [.. voivodeships.Select(v => byVoivodeship.TryGetValue(v.Teryt, out var g)
                ? new VoivodeshipAchievement(v.Teryt, v.Name, g.Count, g.WithData, Mean(g.Sum ?? 0, g.WithData))
                : new VoivodeshipAchievement(v.Teryt, v.Name, 0, 0, null))]);
        return new ProgrammeDashboard(
            new PagedResult<DashboardContract>(items, total, query.Page, query.PageSize),
            summary,
            ProgrammeDashboardData.StatusesOf(query),
            bands.GreenFromPercent,
            bands.AmberFromPercent);
    }

    private static decimal? Mean(decimal sum, int count) => count == 0 ? null : decimal.Round(sum / count, 2);
}
