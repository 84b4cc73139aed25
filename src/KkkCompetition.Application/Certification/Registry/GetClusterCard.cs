using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>
/// A cluster's public card (no sign-in): its facts as its latest status froze them, its members today, and the
/// history of its statuses. A cluster that never held the status is not public: "not found".
/// </summary>
[PublicRequest]
public sealed record GetClusterCard(Guid ClusterId) : IQuery<ClusterCard>;

/// <summary>
/// One status in a cluster's history. <see cref="State"/> is what holds today: an active status past its last day shows
/// as expired (ended the day after) even before the nightly job has stored it.
/// </summary>
public sealed record KkkStatusHistoryItem(
    Guid StatusId,
    string CertificateNumber,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    KkkStatusState State,
    DateOnly? EndedOn,
    string? EndReason);

public sealed record MemberTypeCount(MemberType Type, int Count);

public sealed record ClusterCard(
    Guid ClusterId,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    IReadOnlyList<RegistryKis> Specialisations,
    string? Website,
    int MembersCount,
    IReadOnlyList<MemberTypeCount> MembersByType,
    KkkStatusHistoryItem? CurrentStatus,
    IReadOnlyList<KkkStatusHistoryItem> History,
    DateOnly AsOf);

public sealed class GetClusterCardValidator : AbstractValidator<GetClusterCard>
{
    public GetClusterCardValidator() => RuleFor(x => x.ClusterId).NotEmpty();
}

public sealed class GetClusterCardHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetClusterCard, ClusterCard>
{
    public async ValueTask<ClusterCard> Handle(GetClusterCard query, CancellationToken cancellationToken)
    {
        var today = RegistryData.Today(clock);
        var statuses = await db.KkkStatuses.AsNoTracking()
            .Where(s => s.ClusterId == query.ClusterId)
            .OrderByDescending(s => s.ValidFrom).ThenByDescending(s => s.CertificateNumber)
            .ToListAsync(cancellationToken);
        if (statuses.Count == 0)
        {
            throw new NotFoundException("Cluster", query.ClusterId);
        }

        var latest = statuses[0];
        var members = await db.ClusterMembers.AsNoTracking()
            .Where(m => m.ClusterId == query.ClusterId)
            .GroupBy(m => m.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var voivodeships = await RegistryData.VoivodeshipNamesAsync(db, cancellationToken);
        var kis = await RegistryData.KisAsync(db, cancellationToken);
        var history = statuses.Select(s => History(s, today)).ToList();
        return new ClusterCard(
            latest.ClusterId,
            latest.ClusterName,
            latest.CoordinatorName,
            latest.VoivodeshipTeryt,
            RegistryData.Name(voivodeships, latest.VoivodeshipTeryt),
            RegistryData.Specialisations(latest.KisCodes, kis),
            latest.Website,
            members.Sum(m => m.Count),
            members.OrderBy(m => m.Type).Select(m => new MemberTypeCount(m.Type, m.Count)).ToList(),
            statuses.Where(s => s.IsCurrentOn(today)).Select(s => History(s, today)).FirstOrDefault(),
            history,
            today);
    }

    internal static KkkStatusHistoryItem History(KkkStatus status, DateOnly today) =>
        status.State == KkkStatusState.Active && today > status.ValidTo
            ? new(status.Id, status.CertificateNumber, status.ValidFrom, status.ValidTo, status.StateOn(today), status.ValidTo.AddDays(1), status.EndReason)
            : new(status.Id, status.CertificateNumber, status.ValidFrom, status.ValidTo, status.State, status.EndedOn, status.EndReason);
}
