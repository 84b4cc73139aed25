using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

/// <summary>Competitions the public may see: announced ones and later, with their timeline and thresholds.</summary>
[PublicRequest]
public sealed record ListPublicCompetitions : IQuery<IReadOnlyList<PublicCompetitionDto>>;

public sealed record PublicCompetitionDto(Guid Id, string Name, int Year, int Round, CompetitionStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal PassThreshold, int CriteriaCount);

public sealed class ListPublicCompetitionsHandler(IAppDbContext db) : IQueryHandler<ListPublicCompetitions, IReadOnlyList<PublicCompetitionDto>>
{
    public async ValueTask<IReadOnlyList<PublicCompetitionDto>> Handle(ListPublicCompetitions query, CancellationToken cancellationToken) =>
        await db.Competitions.AsNoTracking()
            .Where(c => c.Status != CompetitionStatus.Draft)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Round)
            .Select(c => new PublicCompetitionDto(c.Id, c.Name, c.Year, c.Round, c.Status, c.Timeline.OpensAt, c.Timeline.ClosesAt, c.PassThreshold, c.Criteria.Count))
            .ToListAsync(cancellationToken);
}
