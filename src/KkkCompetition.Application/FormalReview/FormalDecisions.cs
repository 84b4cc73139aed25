using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.FormalReview;

/// <summary>Formal acceptance (officials): every eligibility rule must have passed; reasons are optional. The applicant is notified.</summary>
[AllowedRoles(Roles.Official)]
public sealed record AcceptFormally(Guid ApplicationId, string? Reasons, int Version) : ICommand<int>;

/// <summary>Formal rejection (officials), with reasons, when a rule has failed or is still not met. The applicant is notified.</summary>
[AllowedRoles(Roles.Official)]
public sealed record RejectFormally(Guid ApplicationId, string Reasons, int Version) : ICommand<int>;

public sealed class AcceptFormallyValidator : AbstractValidator<AcceptFormally>
{
    public AcceptFormallyValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Reasons).MaximumLength(KkkApplication.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RejectFormallyValidator : AbstractValidator<RejectFormally>
{
    public RejectFormallyValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Reasons).NotEmpty().MaximumLength(KkkApplication.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class AcceptFormallyHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<AcceptFormally, int>
{
    public async ValueTask<int> Handle(AcceptFormally command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        application.AcceptFormally(FormalReviewRules.EligibilityRulesOf(competition).Select(r => r.Code), command.Reasons, clock.GetUtcNow());
        var clusterName = await FormalReviewData.ClusterNameAsync(db, application.ClusterId, cancellationToken);
        await outbox.EnqueueAsync(FormalReviewData.OutcomeNotice(application, clusterName, competition), cancellationToken);
        return application.Version + 1;
    }
}

public sealed class RejectFormallyHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<RejectFormally, int>
{
    public async ValueTask<int> Handle(RejectFormally command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        application.RejectFormally(command.Reasons, clock.GetUtcNow());
        var clusterName = await FormalReviewData.ClusterNameAsync(db, application.ClusterId, cancellationToken);
        await outbox.EnqueueAsync(FormalReviewData.OutcomeNotice(application, clusterName, competition), cancellationToken);
        return application.Version + 1;
    }
}
