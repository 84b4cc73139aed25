using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// The assignment run of a whole competition (officials): every formally accepted application and every application under
/// evaluation gets the experts it still lacks, by the min-cost flow, honouring the pinned and forbidden pairs. Existing
/// assignments are kept as they are, so a rerun after scoring began changes nothing already scored: it fills free places only.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RunAssignment(Guid CompetitionId) : ICommand<AssignmentRunSummary>;

/// <summary>
/// What a run did: the new pairs with why each was chosen, the applications left short with how many experts they lack and
/// why, and the pins it could not honour (the expert left the pool or became excluded).
/// </summary>
public sealed record AssignmentRunSummary(
    int ApplicationsConsidered,
    int ExpertsInPool,
    IReadOnlyList<RunPair> Pairs,
    IReadOnlyList<RunShortfall> Shortfalls,
    IReadOnlyList<WaitingPin> PinsNotHonoured)
{
    public bool IsComplete => Shortfalls.Count == 0;
}

public sealed record RunPair(
    Guid AssignmentId,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    Guid ExpertId,
    string ExpertName,
    PairReasons Reasons,
    DateTimeOffset Deadline);

/// <param name="Why">Each cause with its counts (<see cref="ShortfallReasons"/>): so many of so many experts.</param>
public sealed record RunShortfall(Guid ApplicationId, string ApplicationNumber, string ClusterName, int Missing, IReadOnlyList<ShortfallReason> Why);

public sealed record WaitingPin(Guid OverrideId, Guid ApplicationId, string ApplicationNumber, Guid ExpertId, string ExpertName);

public sealed class RunAssignmentValidator : AbstractValidator<RunAssignment>
{
    public RunAssignmentValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class RunAssignmentHandler(IAppDbContext db, ExpertStaffing staffing) : ICommandHandler<RunAssignment, AssignmentRunSummary>
{
    public async ValueTask<AssignmentRunSummary> Handle(RunAssignment command, CancellationToken cancellationToken)
    {
        var run = await staffing.RunAsync(command.CompetitionId, null, AssignmentOrigin.Solver, cancellationToken);

        // The staffing read the competition's assignments and overrides into the context; after the run they are its whole state.
        var active = db.ExpertAssignments.Local.Where(a => a.CompetitionId == command.CompetitionId && a.IsActive).Select(a => (a.ApplicationId, a.ExpertId)).ToHashSet();
        var waiting = db.AssignmentOverrides.Local
            .Where(o => o.CompetitionId == command.CompetitionId && o.Kind == OverrideKind.Pin && !active.Contains((o.ApplicationId, o.ExpertId)))
            .ToList();

        var applicationIds = run.Plan.Pairs.Select(p => p.ApplicationId).Concat(run.Plan.Shortfalls.Select(s => s.ApplicationId)).Concat(waiting.Select(w => w.ApplicationId)).Distinct().ToList();
        var expertIds = run.Plan.Pairs.Select(p => p.ExpertId).Concat(waiting.Select(w => w.ExpertId)).Distinct().ToList();
        var names = await AssignmentReads.ApplicationNamesAsync(db, applicationIds, cancellationToken);
        var experts = await AssignmentReads.ExpertNamesAsync(db, expertIds, cancellationToken);

        var created = run.Outcome.Created.ToDictionary(a => (a.ApplicationId, a.ExpertId));
        var pairs = run.Plan.Pairs
            .Select(p =>
            {
                var assignment = created[(p.ApplicationId, p.ExpertId)];
                var (number, cluster) = names[p.ApplicationId];
                return new RunPair(assignment.Id, p.ApplicationId, number, cluster, p.ExpertId, experts[p.ExpertId], p.Reasons, assignment.Deadline);
            })
            .OrderBy(p => p.ApplicationNumber, StringComparer.Ordinal).ThenBy(p => p.ExpertName, StringComparer.CurrentCulture)
            .ToList();
        var shortfalls = run.Plan.Shortfalls
            .Select(s => new RunShortfall(s.ApplicationId, names[s.ApplicationId].Number, names[s.ApplicationId].Cluster, s.Missing, s.Why))
            .OrderBy(s => s.ApplicationNumber, StringComparer.Ordinal)
            .ToList();
        var pins = waiting
            .Select(w => new WaitingPin(w.Id, w.ApplicationId, names[w.ApplicationId].Number, w.ExpertId, experts[w.ExpertId]))
            .OrderBy(w => w.ApplicationNumber, StringComparer.Ordinal)
            .ToList();
        return new AssignmentRunSummary(run.ApplicationsConsidered, run.ExpertsInPool, pairs, shortfalls, pins);
    }
}

/// <summary>Small reads shared by the assignment's use cases.</summary>
internal static class AssignmentReads
{
    public static async Task<Dictionary<Guid, (string Number, string Cluster)>> ApplicationNamesAsync(IAppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, (string, string)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await (from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                              where chunk.Contains(a.Id)
                              join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                              select new { a.Id, a.Number, c.Name }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.Id] = (row.Number ?? "", row.Name);
            }
        }

        return result;
    }

    public static async Task<Dictionary<Guid, string>> ExpertNamesAsync(IAppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await db.Experts.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.FullName }).ToListAsync(cancellationToken))
            {
                result[row.Id] = row.FullName;
            }
        }

        return result;
    }
}
