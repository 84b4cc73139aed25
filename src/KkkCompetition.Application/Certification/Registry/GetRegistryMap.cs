using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>The number of KKKs in force today in each of the sixteen voivodeships (public): the map and its table.</summary>
[PublicRequest]
public sealed record GetRegistryMap : IQuery<RegistryMap>;

public sealed record VoivodeshipCount(string Teryt, string Name, int Count);

/// <summary>Every voivodeship, also those without a KKK (count 0), in TERYT order.</summary>
public sealed record RegistryMap(IReadOnlyList<VoivodeshipCount> Voivodeships, int Total, DateOnly AsOf);

public sealed class GetRegistryMapHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetRegistryMap, RegistryMap>
{
    public async ValueTask<RegistryMap> Handle(GetRegistryMap query, CancellationToken cancellationToken)
    {
        var today = RegistryData.Today(clock);
        var counts = await db.KkkStatuses.AsNoTracking().Current(today)
            .GroupBy(s => s.VoivodeshipTeryt)
            .Select(g => new { Teryt = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Teryt, x => x.Count, StringComparer.Ordinal, cancellationToken);
        var voivodeships = await db.Voivodeships.AsNoTracking().OrderBy(v => v.Teryt).Select(v => new { v.Teryt, v.Name }).ToListAsync(cancellationToken);
        var rows = voivodeships.Select(v => new VoivodeshipCount(v.Teryt, v.Name, counts.GetValueOrDefault(v.Teryt))).ToList();
        return new RegistryMap(rows, counts.Values.Sum(), today);
    }
}
