using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>
/// An official revokes an active KKK status with a reason (409 <c>kkk_status.revocation_reason_required</c> without one,
/// <c>kkk_status.not_active</c> when it has already ended). The registry shows the reason and the day publicly; the
/// coordinator is notified. <see cref="Version"/> is the status's version last read.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RevokeKkkStatus(Guid StatusId, string? Reason, int Version) : ICommand<int>;

public sealed class RevokeKkkStatusValidator : AbstractValidator<RevokeKkkStatus>
{
    public RevokeKkkStatusValidator()
    {
        RuleFor(x => x.StatusId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RevokeKkkStatusHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<RevokeKkkStatus, int>
{
    public async ValueTask<int> Handle(RevokeKkkStatus command, CancellationToken cancellationToken)
    {
        var status = await db.KkkStatuses.SingleOrDefaultAsync(s => s.Id == command.StatusId, cancellationToken)
            ?? throw new NotFoundException("KkkStatus", command.StatusId);
        db.ExpectVersion(status, command.Version);
        var now = clock.GetUtcNow();
        status.Revoke(command.Reason ?? "", user.UserId ?? throw new UnauthenticatedException(), RegistryData.Today(clock), now);
        var coordinators = await RegistryNotices.CoordinatorsAsync(db, [status.ClusterId], cancellationToken);
        await outbox.EnqueueAsync(RegistryNotices.Revoked(status, coordinators.TryGetValue(status.ClusterId, out var id) ? id : null), cancellationToken);
        return status.Version + 1;
    }
}
