using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.ReferenceData;

/// <summary>
/// Brings the reference data (voivodeships, KIS, KPI catalogue, criteria template) up to the given lists:
/// adds what is new, updates what changed, retires KIS codes that are gone (old applications still name them).
/// Idempotent: a second run with the same lists changes nothing and audits nothing.
/// </summary>
[AllowedRoles(Roles.System, Roles.Administrator)]
public sealed record ImportReferenceData(
    IReadOnlyList<Voivodeship> Voivodeships,
    IReadOnlyList<KisSpecialisation> Kis,
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<CriterionTemplate> Criteria) : ICommand<int>;

public sealed class ImportReferenceDataHandler(IAppDbContext db) : ICommandHandler<ImportReferenceData, int>
{
    public async ValueTask<int> Handle(ImportReferenceData command, CancellationToken cancellationToken)
    {
        var changes = 0;
        changes += Upsert(db.Voivodeships, await db.Voivodeships.ToListAsync(cancellationToken), command.Voivodeships, v => v.Teryt, (to, from) => Assign(to.Name, from.Name, v => to.Name = v));

        var kis = await db.KisSpecialisations.ToListAsync(cancellationToken);
        changes += Upsert(db.KisSpecialisations, kis, command.Kis, k => k.Code, (to, from) =>
            Assign(to.NamePl, from.NamePl, v => to.NamePl = v) + Assign(to.NameEn, from.NameEn, v => to.NameEn = v) + Assign(to.IsActive, true, v => to.IsActive = v));
        foreach (var retired in kis.Where(k => k.IsActive && command.Kis.All(n => n.Code != k.Code)))
        {
            retired.IsActive = false;
            changes++;
        }

        changes += Upsert(db.KpiDefinitions, await db.KpiDefinitions.ToListAsync(cancellationToken), command.Kpis, k => k.Code, (to, from) =>
            Assign(to.NamePl, from.NamePl, v => to.NamePl = v) + Assign(to.NameEn, from.NameEn, v => to.NameEn = v)
            + Assign(to.Unit, from.Unit, v => to.Unit = v) + Assign(to.Direction, from.Direction, v => to.Direction = v)
            + Assign(to.Aggregation, from.Aggregation, v => to.Aggregation = v) + Assign(to.IsMandatory, from.IsMandatory, v => to.IsMandatory = v)
            + Assign(to.Minimum, from.Minimum, v => to.Minimum = v));

        changes += Upsert(db.CriterionTemplates, await db.CriterionTemplates.ToListAsync(cancellationToken), command.Criteria, c => c.Code, (to, from) =>
            Assign(to.AreaCode, from.AreaCode, v => to.AreaCode = v) + Assign(to.AreaNamePl, from.AreaNamePl, v => to.AreaNamePl = v)
            + Assign(to.AreaNameEn, from.AreaNameEn, v => to.AreaNameEn = v) + Assign(to.NamePl, from.NamePl, v => to.NamePl = v)
            + Assign(to.NameEn, from.NameEn, v => to.NameEn = v) + Assign(to.MaxPoints, from.MaxPoints, v => to.MaxPoints = v)
            + Assign(to.HalfPointsAllowed, from.HalfPointsAllowed, v => to.HalfPointsAllowed = v) + Assign(to.Order, from.Order, v => to.Order = v)
            + Assign(to.TieBreakRank, from.TieBreakRank, v => to.TieBreakRank = v));
        return changes;
    }

    private static int Upsert<T>(DbSet<T> set, List<T> existing, IEnumerable<T> incoming, Func<T, string> key, Func<T, T, int> update)
        where T : class
    {
        var byKey = existing.ToDictionary(key);
        var changes = 0;
        foreach (var item in incoming)
        {
            if (byKey.TryGetValue(key(item), out var current))
            {
                changes += update(current, item);
            }
            else
            {
                set.Add(item);
                changes++;
            }
        }

        return changes;
    }

    private static int Assign<TValue>(TValue current, TValue wanted, Action<TValue> set)
    {
        if (EqualityComparer<TValue>.Default.Equals(current, wanted))
        {
            return 0;
        }

        set(wanted);
        return 1;
    }
}
