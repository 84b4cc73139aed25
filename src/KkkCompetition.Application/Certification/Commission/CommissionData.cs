using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

/// <summary>Where the commission's pages and files are (deep links of the notices, links of the views).</summary>
public static class CommissionLinks
{
    public static string Members(Guid competitionId) => $"/competitions/{competitionId}/commission";

    public static string Voting(Guid votingId) => $"/votings/{votingId}";

    public const string MyVotes = "/my-votes";

    /// <summary>The applicant's page of a decision (made by the decisions slice).</summary>
    public static string Decision(Guid decisionId) => $"/decisions/{decisionId}";

    /// <summary>The anonymised summary card of an application on a voting, for the commission's members (cookie).</summary>
    public static string EvaluationCard(Guid votingId, Guid applicationId) =>
        $"{RankingLinks.FilesPrefix}/votings/{votingId}/applications/{applicationId}/evaluation-card.pdf";
}

/// <summary>What an application's submission says of its cluster: the public facts and every NIP the conflict rule reads.</summary>
internal sealed record ApplicationParties(
    Guid ApplicationId,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    string? Website,
    IReadOnlySet<string> Nips)
{
    public CertifiedCluster ToCertified() => new(ClusterName, CoordinatorName, CoordinatorNip, VoivodeshipTeryt, KisCodes, Website);
}

internal static class CommissionData
{
    /// <summary>
    /// The parties of each application from its snapshots: the public facts from the latest (what the evaluators read),
    /// the NIPs from all of them — a member a correction removed was still part of what the cluster submitted, as the
    /// assignment's conflict rule has it.
    /// </summary>
    public static async Task<Dictionary<Guid, ApplicationParties>> PartiesAsync(IAppDbContext db, IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var ids = applicationIds.Distinct().ToList();
        var snapshots = await db.ApplicationSnapshots.AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, ApplicationParties>();
        foreach (var group in snapshots.GroupBy(s => s.ApplicationId))
        {
            var contents = group.OrderBy(s => s.TakenAt).ThenBy(s => s.Id).Select(ApplicationSnapshots.Read).ToList();
            var latest = contents[^1];
            var nips = contents
                .SelectMany(c => c.Members.Select(m => m.Nip).Append(c.Organisation.Nip))
                .Select(PolishIdentifiers.Normalize)
                .ToHashSet(StringComparer.Ordinal);
            result[group.Key] = new ApplicationParties(
                group.Key,
                latest.Cluster.Name,
                latest.Organisation.Name,
                PolishIdentifiers.Normalize(latest.Organisation.Nip),
                latest.Cluster.VoivodeshipTeryt,
                latest.Cluster.KisCodes,
                latest.Cluster.Website,
                nips);
        }

        return result;
    }

    /// <summary>
    /// Takes the voting's row lock (an update that changes nothing) before its votes are read: a vote and the close of the
    /// same voting then run one after the other, so no vote lands on a voting that has just been closed without it.
    /// </summary>
    public static async Task<CommissionVoting> LockVotingAsync(IAppDbContext db, Guid votingId, CancellationToken cancellationToken)
    {
        await db.CommissionVotings.Where(v => v.Id == votingId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version), cancellationToken);
        return await db.CommissionVotings.SingleOrDefaultAsync(v => v.Id == votingId, cancellationToken)
            ?? throw new NotFoundException("Voting", votingId);
    }

    public static Task<bool> AnyOpenVotingAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        db.CommissionVotings.AnyAsync(v => v.CompetitionId == competitionId && v.Status == VotingStatus.Open, cancellationToken);

    /// <summary>
    /// Whether the commission's membership is fixed: a voting of the competition is open, on its recommendation list or on
    /// the decisions of a phase evaluation it is the commission of.
    /// </summary>
    public static async Task<bool> MembershipFixedAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        await AnyOpenVotingAsync(db, competitionId, cancellationToken)
        || await db.PhaseDecisionVotings.AnyAsync(v => v.CommissionCompetitionId == competitionId && v.Status == VotingStatus.Open, cancellationToken);

    /// <summary>The member record of the signed-in user on the competition's commission, if any.</summary>
    public static Task<CommissionMember?> MemberAsync(IAppDbContext db, Guid competitionId, Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? db.CommissionMembers.AsNoTracking().SingleOrDefaultAsync(m => m.CompetitionId == competitionId && m.UserId == id, cancellationToken)
            : Task.FromResult<CommissionMember?>(null);
}
