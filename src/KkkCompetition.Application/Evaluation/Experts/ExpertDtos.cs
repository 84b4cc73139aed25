using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>One member of the pool with the whole profile (officials, or the expert himself).</summary>
public sealed record ExpertDto(
    Guid Id,
    string Email,
    string FullName,
    ExpertStatus Status,
    bool HasAccount,
    string? VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation> Affiliations,
    bool IsProfileComplete,
    bool IsAssignable,
    DateTimeOffset InvitedAt,
    DateTimeOffset? InvitationExpiresAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? ProfileUpdatedAt,
    int Version)
{
    /// <summary>The DTO of a tracked expert; <paramref name="version"/> is the one the caller will read after the save.</summary>
    internal static ExpertDto From(Expert e, int version) => new(
        e.Id,
        e.Email,
        e.FullName,
        e.Status,
        e.UserId is not null,
        e.VoivodeshipTeryt,
        [.. e.KisCodes],
        e.MaxLoadPerCompetition,
        e.Available,
        [.. e.Affiliations],
        e.IsProfileComplete,
        e.IsAssignable,
        e.InvitedAt,
        e.InvitationExpiresAt,
        e.JoinedAt,
        e.ProfileUpdatedAt,
        version);
}

/// <summary>
/// A request about one pool entry that an expert may also send for his own: officials reach any entry, an expert only
/// the one linked to his account (anyone else's is 404, so the pool cannot be enumerated).
/// </summary>
public interface IExpertRequest
{
    Guid ExpertId { get; }
}

public abstract class ExpertAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IExpertRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Official))
        {
            return true;
        }

        return user.UserId is { } userId && await db.Experts.AnyAsync(e => e.Id == request.ExpertId && e.UserId == userId, cancellationToken);
    }
}

public sealed class GetExpertAuthorizer(IAppDbContext db) : ExpertAuthorizer<GetExpert>(db);

public sealed class UpdateExpertProfileAuthorizer(IAppDbContext db) : ExpertAuthorizer<UpdateExpertProfile>(db);
