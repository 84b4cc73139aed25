using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// Starts the draft of the applicant's own cluster in a competition (announced or open, before its close). One per
/// competition and cluster: a second one is refused with 409 <c>application.already_started</c>, naming the existing one
/// (<c>applicationId</c>).
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record StartApplicationDraft(Guid CompetitionId) : ICommand<DraftStarted>;

public sealed record DraftStarted(Guid ApplicationId, int Version);

public sealed class StartApplicationDraftValidator : AbstractValidator<StartApplicationDraft>
{
    public StartApplicationDraftValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class StartApplicationDraftHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartApplicationDraft, DraftStarted>
{
    public async ValueTask<DraftStarted> Handle(StartApplicationDraft command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new NotFoundException("Cluster", user.UserName);
        var clusterId = await (
                from cluster in db.Clusters
                join organisation in db.Organisations on cluster.OrganisationId equals organisation.Id
                where organisation.OwnerUserId == userId
                select (Guid?)cluster.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new BusinessRuleViolation("application.no_cluster", "Register your organisation and its cluster before you apply.");

        // A competition still in preparation is not public: the same answer as for one that does not exist.
        var competition = await db.Competitions.SingleOrDefaultAsync(c => c.Id == command.CompetitionId && c.Status != CompetitionStatus.Draft, cancellationToken)
            ?? throw new NotFoundException("Competition", command.CompetitionId);

        var existing = await db.Applications.AsNoTracking()
            .Where(a => a.CompetitionId == competition.Id && a.ClusterId == clusterId)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            throw new DetailedRuleViolation(
                "application.already_started",
                "Your cluster already has an application in this competition.",
                new Dictionary<string, object?> { ["applicationId"] = existingId });
        }

        // The unique index on (competition, cluster) refuses a second draft started at the same moment: 409 concurrency.duplicate.
        var application = KkkApplication.StartDraft(competition, clusterId, userId, clock.GetUtcNow());
        db.Applications.Add(application);
        return new DraftStarted(application.Id, application.Version);
    }
}
