using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.ReferenceData;

/// <summary>The voivodeships (TERYT codes), for forms and the public registry.</summary>
[PublicRequest]
public sealed record ListVoivodeships : IQuery<IReadOnlyList<VoivodeshipDto>>;

public sealed record VoivodeshipDto(string Teryt, string Name);

public sealed class ListVoivodeshipsHandler(IAppDbContext db) : IQueryHandler<ListVoivodeships, IReadOnlyList<VoivodeshipDto>>
{
    public async ValueTask<IReadOnlyList<VoivodeshipDto>> Handle(ListVoivodeships query, CancellationToken cancellationToken) =>
        await db.Voivodeships.AsNoTracking().OrderBy(v => v.Teryt).Select(v => new VoivodeshipDto(v.Teryt, v.Name)).ToListAsync(cancellationToken);
}

/// <summary>The national smart specialisations (KIS), active ones unless all are asked for.</summary>
[PublicRequest]
public sealed record ListKisSpecialisations(bool IncludeRetired = false) : IQuery<IReadOnlyList<KisSpecialisationDto>>;

public sealed record KisSpecialisationDto(string Code, string NamePl, string NameEn, bool IsActive);

public sealed class ListKisSpecialisationsHandler(IAppDbContext db) : IQueryHandler<ListKisSpecialisations, IReadOnlyList<KisSpecialisationDto>>
{
    public async ValueTask<IReadOnlyList<KisSpecialisationDto>> Handle(ListKisSpecialisations query, CancellationToken cancellationToken)
    {
        var rows = await db.KisSpecialisations.AsNoTracking()
            .Where(k => query.IncludeRetired || k.IsActive)
            .Select(k => new KisSpecialisationDto(k.Code, k.NamePl, k.NameEn, k.IsActive))
            .ToListAsync(cancellationToken);
        // KIS10 must follow KIS9: order by the number in the code, not by text.
        return rows.OrderBy(k => k.Code.Length).ThenBy(k => k.Code, StringComparer.Ordinal).ToList();
    }
}
