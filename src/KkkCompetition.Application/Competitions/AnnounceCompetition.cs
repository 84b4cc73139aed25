using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.Competitions;

/// <summary>
/// Announces a draft competition, freezing its criteria, rules and settings as a versioned snapshot with its SHA-256.
/// <see cref="Version"/> is the one the official last saw.
/// </summary>
[AllowedRoles(Roles.Official, Roles.System)]
public sealed record AnnounceCompetition(Guid CompetitionId, int Version) : ICommand<int>;

public sealed class AnnounceCompetitionValidator : AbstractValidator<AnnounceCompetition>
{
    public AnnounceCompetitionValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class AnnounceCompetitionHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AnnounceCompetition, int>
{
    public async ValueTask<int> Handle(AnnounceCompetition command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.Announce(clock.GetUtcNow());
        return competition.Version + 1;
    }
}
