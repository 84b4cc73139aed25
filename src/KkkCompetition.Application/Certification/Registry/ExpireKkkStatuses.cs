using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>
/// Run nightly by a recurring job (System): every active status past its last day expires (ended the day after
/// <see cref="KkkStatus.ValidTo"/>) and its coordinator is notified. Audited like any command.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record ExpireKkkStatuses : ICommand<KkkStatusesExpired>;

public sealed record KkkStatusesExpired(IReadOnlyList<Guid> StatusIds)
{
    public int Count => StatusIds.Count;
}

public sealed class ExpireKkkStatusesHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<ExpireKkkStatuses, KkkStatusesExpired>
{
    /// <summary>How many statuses one run expires at most; the next run takes the rest.</summary>
    public const int BatchSize = 500;

    public async ValueTask<KkkStatusesExpired> Handle(ExpireKkkStatuses command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = RegistryData.Today(clock);

        // Found by the (State, ValidTo) index.
        var due = await db.KkkStatuses
            .Where(s => s.State == KkkStatusState.Active && s.ValidTo < today)
            .OrderBy(s => s.ValidTo).ThenBy(s => s.CertificateNumber)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var expired = due.Where(s => s.ExpireIfDue(today, now)).ToList();
        if (expired.Count == 0)
        {
            return new KkkStatusesExpired([]);
        }

        var coordinators = await RegistryNotices.CoordinatorsAsync(db, expired.Select(s => s.ClusterId).Distinct().ToList(), cancellationToken);
        await outbox.EnqueueAsync(
            expired.Select(s => RegistryNotices.Expired(s, coordinators.TryGetValue(s.ClusterId, out var id) ? id : null)).Where(e => e.RecipientUserIds.Count > 0).ToList(),
            cancellationToken);
        return new KkkStatusesExpired(expired.Select(s => s.Id).ToList());
    }
}
