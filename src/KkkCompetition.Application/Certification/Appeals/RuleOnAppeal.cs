using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Appeals;

/// <summary>What an uphold did: the new version, and the re-evaluation's experts assigned and missing (to assign by hand).</summary>
public sealed record AppealUpheld(int Version, IReadOnlyList<Guid> AssignmentIds, int ExpertsMissing);

/// <summary>
/// Dismisses the appeal with reasons (the official, or a commission member where the competition says so): the negative
/// decision is final; the applicant is told with the reasons.
/// </summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember)]
public sealed record DismissAppeal(Guid AppealId, string Reasons, int Version) : ICommand<int>, IAppealRequest;

/// <summary>
/// Upholds the appeal with reasons: the application's current result becomes history and it goes back to merit evaluation
/// in a new round, staffed at once through the assignment solver with the competition's re-evaluation experts, none of
/// whom has seen the application before. The applicant is told with the reasons.
/// </summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember)]
public sealed record UpholdAppeal(Guid AppealId, string Reasons, int Version) : ICommand<AppealUpheld>, IAppealRequest;

public sealed class DismissAppealValidator : AbstractValidator<DismissAppeal>
{
    public DismissAppealValidator()
    {
        RuleFor(x => x.AppealId).NotEmpty();
        RuleFor(x => x.Reasons).NotEmpty().MinimumLength(Appeal.MinRulingReasonsLength).MaximumLength(Appeal.MaxRulingReasonsLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class UpholdAppealValidator : AbstractValidator<UpholdAppeal>
{
    public UpholdAppealValidator()
    {
        RuleFor(x => x.AppealId).NotEmpty();
        RuleFor(x => x.Reasons).NotEmpty().MinimumLength(Appeal.MinRulingReasonsLength).MaximumLength(Appeal.MaxRulingReasonsLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class DismissAppealAuthorizer(IAppDbContext db) : AppealAuthorizer<DismissAppeal>(db);

public sealed class UpholdAppealAuthorizer(IAppDbContext db) : AppealAuthorizer<UpholdAppeal>(db);

public sealed class DismissAppealHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<DismissAppeal, int>
{
    public async ValueTask<int> Handle(DismissAppeal command, CancellationToken cancellationToken)
    {
        var (appeal, application, competition) = await AppealRulingData.LoadAsync(db, user, command.AppealId, command.Version, cancellationToken);
        appeal.Dismiss(application, competition.AppealRuledBy, user.UserId!.Value, command.Reasons, clock.GetUtcNow());
        var clusterName = await AppealData.ClusterNameAsync(db, application, cancellationToken);
        await outbox.EnqueueAsync(AppealData.Ruling(AppealMessages.Dismissed, appeal, application, clusterName, competition), cancellationToken);
        return appeal.Version + 1;
    }
}

public sealed class UpholdAppealHandler(IAppDbContext db, IExpertStaffing staffing, IOutbox outbox, TimeProvider clock, ICurrentUser user)
    : ICommandHandler<UpholdAppeal, AppealUpheld>
{
    public async ValueTask<AppealUpheld> Handle(UpholdAppeal command, CancellationToken cancellationToken)
    {
        var (appeal, application, competition) = await AppealRulingData.LoadAsync(db, user, command.AppealId, command.Version, cancellationToken);
        var now = clock.GetUtcNow();
        appeal.Uphold(application, competition.AppealRuledBy, user.UserId!.Value, command.Reasons, now);

        // Kept as history of the earlier round: every reader of "the" result now waits for the re-evaluation's.
        var current = await db.EvaluationResults.Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        foreach (var result in current)
        {
            result.Supersede(now);
        }

        var staffed = await staffing.FillAsync(competition.Id, [application.Id], AssignmentOrigin.Appeal, cancellationToken);
        var clusterName = await AppealData.ClusterNameAsync(db, application, cancellationToken);
        await outbox.EnqueueAsync(AppealData.Ruling(AppealMessages.Upheld, appeal, application, clusterName, competition), cancellationToken);
        return new AppealUpheld(appeal.Version + 1, staffed.Created.Select(a => a.Id).ToList(), staffed.Shortfalls.Sum(s => s.Missing));
    }
}

internal static class AppealRulingData
{
    public static async Task<(Appeal Appeal, Domain.Applications.KkkApplication Application, Domain.Competitions.Competition Competition)> LoadAsync(
        IAppDbContext db, ICurrentUser user, Guid appealId, int version, CancellationToken cancellationToken)
    {
        var applicationId = await db.Appeals.Where(a => a.Id == appealId).Select(a => (Guid?)a.ApplicationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Appeal", appealId);
        await AppealData.LockApplicationAsync(db, applicationId, cancellationToken);
        var appeal = await AppealData.LoadAppealAsync(db, appealId, cancellationToken);
        db.ExpectVersion(appeal, version);
        var competition = await AppealData.LoadCompetitionAsync(db, appeal.CompetitionId, cancellationToken);
        await AppealRulers.EnsureMayRuleAsync(db, competition, user, cancellationToken);
        var application = await ApplicationAccess.LoadAsync(db, applicationId, cancellationToken);
        return (appeal, application, competition);
    }
}
