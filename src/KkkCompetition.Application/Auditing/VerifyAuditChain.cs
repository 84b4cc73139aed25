using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Auditing;

/// <summary>Re-reads the whole chain, names the first broken entry, and records the result (the nightly job sends this).</summary>
[AllowedRoles(Roles.Administrator, Roles.System)]
public sealed record VerifyAuditChain : ICommand<AuditVerificationDto>;

public sealed record AuditVerificationDto(DateTimeOffset VerifiedAt, bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

public sealed class VerifyAuditChainHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<VerifyAuditChain, AuditVerificationDto>
{
    public async ValueTask<AuditVerificationDto> Handle(VerifyAuditChain command, CancellationToken cancellationToken)
    {
        var verifier = new AuditChainVerifier();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        verifier.Complete(await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken));
        var verification = AuditVerification.Record(clock.GetUtcNow(), verifier);
        db.AuditVerifications.Add(verification);
        return verification.ToDto();
    }
}

/// <summary>The latest recorded verification, if any ran.</summary>
[AllowedRoles(Roles.Administrator, Roles.Official)]
public sealed record GetLatestAuditVerification : IQuery<AuditVerificationDto?>;

public sealed class GetLatestAuditVerificationHandler(IAppDbContext db) : IQueryHandler<GetLatestAuditVerification, AuditVerificationDto?>
{
    public async ValueTask<AuditVerificationDto?> Handle(GetLatestAuditVerification query, CancellationToken cancellationToken) =>
        await db.AuditVerifications.AsNoTracking()
            .OrderByDescending(v => v.VerifiedAt)
            .Select(v => new AuditVerificationDto(v.VerifiedAt, v.IsIntact, v.EntriesChecked, v.FirstBrokenSequence, v.Problem))
            .FirstOrDefaultAsync(cancellationToken);
}

internal static class AuditVerificationMapping
{
    public static AuditVerificationDto ToDto(this AuditVerification v) => new(v.VerifiedAt, v.IsIntact, v.EntriesChecked, v.FirstBrokenSequence, v.Problem);
}
