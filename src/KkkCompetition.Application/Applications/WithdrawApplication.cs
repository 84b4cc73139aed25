using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// Withdraws a submitted application with a reason (the owner), at any time before the final decision; recorded in the
/// audit log and noticed to the owner. <see cref="Version"/> is the one last read. Answers the new version.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record WithdrawApplication(Guid ApplicationId, string Reason, int Version) : ICommand<int>, IApplicationRequest;

public sealed class WithdrawApplicationValidator : AbstractValidator<WithdrawApplication>
{
    public WithdrawApplicationValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(KkkApplication.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class WithdrawApplicationHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<WithdrawApplication, int>
{
    public async ValueTask<int> Handle(WithdrawApplication command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var now = clock.GetUtcNow();
        application.Withdraw(command.Reason, now);

        var competitionName = await db.Competitions.Where(c => c.Id == application.CompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);
        var clusterName = await db.Clusters.Where(c => c.Id == application.ClusterId).Select(c => c.Name).SingleAsync(cancellationToken);
        await outbox.EnqueueAsync(
            new OutboxEnvelope(
                ApplicationMessages.Withdrawn,
                [application.OwnerUserId],
                new Dictionary<string, string>
                {
                    ["number"] = application.Number ?? "",
                    ["competitionName"] = competitionName,
                    ["clusterName"] = clusterName,
                    ["withdrawnAt"] = ApplicationLinks.WarsawTime(now),
                    ["reason"] = application.WithdrawalReason ?? "",
                },
                ApplicationLinks.Page(application.Id)),
            cancellationToken);
        return application.Version + 1;
    }
}
