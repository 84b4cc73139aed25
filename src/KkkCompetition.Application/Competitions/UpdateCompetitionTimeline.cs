using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.Competitions;

/// <summary>Replaces the timeline of a draft (officials); instants in any offset, stored in UTC. Returns the new version.</summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateCompetitionTimeline(
    Guid CompetitionId,
    DateTimeOffset AnnouncementAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset FormalReviewDeadline,
    DateTimeOffset EvaluationDeadline,
    DateTimeOffset PanelAt,
    DateTimeOffset DecisionAt,
    int Version) : ICommand<int>, ITimelineFields;

public sealed class UpdateCompetitionTimelineValidator : AbstractValidator<UpdateCompetitionTimeline>
{
    public UpdateCompetitionTimelineValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        Include(new TimelineFieldsValidator());
    }
}

public sealed class UpdateCompetitionTimelineHandler(IAppDbContext db) : ICommandHandler<UpdateCompetitionTimeline, int>
{
    public async ValueTask<int> Handle(UpdateCompetitionTimeline command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.UpdateTimeline(command.ToTimeline());
        return competition.Version + 1;
    }
}
