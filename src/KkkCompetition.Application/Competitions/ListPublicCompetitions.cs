using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

/// <summary>Competitions the public may apply to or prepare for: announced and open ones, newest first, with their rules and criteria.</summary>
[PublicRequest]
public sealed record ListPublicCompetitions : IQuery<IReadOnlyList<PublicCompetitionDto>>;

public sealed class ListPublicCompetitionsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListPublicCompetitions, IReadOnlyList<PublicCompetitionDto>>
{
    public async ValueTask<IReadOnlyList<PublicCompetitionDto>> Handle(ListPublicCompetitions query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Announced or open as the clock has it, whatever the timeline job has stored so far.
        var competitions = await db.Competitions.AsNoTracking().AsSplitQuery()
            .Where(c => (c.Status == CompetitionStatus.Announced || c.Status == CompetitionStatus.Open) && now < c.Timeline.ClosesAt)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Round)
            .ToListAsync(cancellationToken);
        return competitions.Select(c => PublicCompetitionDto.From(c, now)).ToList();
    }
}

/// <summary>One competition's announced terms (public); a draft is "not found", as if it did not exist.</summary>
[PublicRequest]
public sealed record GetPublicCompetition(Guid CompetitionId) : IQuery<PublicCompetitionDto>;

public sealed class GetPublicCompetitionValidator : AbstractValidator<GetPublicCompetition>
{
    public GetPublicCompetitionValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class GetPublicCompetitionHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetPublicCompetition, PublicCompetitionDto>
{
    public async ValueTask<PublicCompetitionDto> Handle(GetPublicCompetition query, CancellationToken cancellationToken)
    {
        var competition = await db.Competitions.AsNoTracking().AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == query.CompetitionId && c.Status != CompetitionStatus.Draft, cancellationToken)
            ?? throw new NotFoundException("Competition", query.CompetitionId);
        return PublicCompetitionDto.From(competition, clock.GetUtcNow());
    }
}
