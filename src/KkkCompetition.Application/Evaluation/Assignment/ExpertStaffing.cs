using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>What one fill did, in full: the outcome of <see cref="IExpertStaffing"/> and the solver's plan with its reasons and counts.</summary>
public sealed record StaffingRun(StaffingOutcome Outcome, AssignmentPlan Plan, int ApplicationsConsidered, int ExpertsInPool);

/// <summary>
/// The one way experts get onto applications by the solver (see <see cref="IExpertStaffing"/>). It reads the competition's
/// state as this command sees it — tracked entities, so a conflict declared or an assignment released earlier in the same
/// command already counts — builds the <see cref="AssignmentProblem"/>, solves it, and adds the new assignments, the start of
/// the evaluation and the notices to the command's unit of work.
/// </summary>
public sealed class ExpertStaffing(IAppDbContext db, IAssignmentSolver solver, IOutbox outbox, TimeProvider clock, ICurrentUser user) : IExpertStaffing
{
    public static readonly ApplicationStatus[] AssignableStatuses = [ApplicationStatus.FormallyAccepted, ApplicationStatus.UnderEvaluation];

    public async Task<StaffingOutcome> FillAsync(Guid competitionId, IReadOnlyCollection<Guid>? applicationIds, AssignmentOrigin origin, CancellationToken cancellationToken) =>
        (await RunAsync(competitionId, applicationIds, origin, cancellationToken)).Outcome;

    public async Task<StaffingRun> RunAsync(Guid competitionId, IReadOnlyCollection<Guid>? applicationIds, AssignmentOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await StaffingState.LockAsync(db, competitionId, cancellationToken);
        var state = await StaffingState.LoadAsync(db, competitionId, applicationIds, now, cancellationToken);
        var problem = state.BuildProblem();
        var plan = solver.Solve(problem);

        var deadline = ScoringDeadline.For(now, state.Competition.ScoringWindowDays);
        var assignedBy = origin == AssignmentOrigin.Manual ? user.UserId : null;
        var created = new List<ExpertAssignment>(plan.Pairs.Count);
        var rounds = state.Applications.ToDictionary(a => a.Id, a => a.EvaluationRound);
        foreach (var pair in plan.Pairs)
        {
            var r = pair.Reasons;
            var assignment = ExpertAssignment.Create(
                state.Competition.Id, pair.ApplicationId, pair.ExpertId, origin, new AssignmentReasons(r.KisMatches, r.OtherVoivodeship, r.LoadAfter, r.Pinned), now, deadline, assignedBy,
                rounds[pair.ApplicationId]);
            db.ExpertAssignments.Add(assignment);
            created.Add(assignment);
        }

        var staffed = created.Select(c => c.ApplicationId).ToHashSet();
        foreach (var application in state.Applications.Where(a => a.Status == ApplicationStatus.FormallyAccepted && staffed.Contains(a.Id)))
        {
            application.StartEvaluation(now);
        }

        await outbox.EnqueueAsync(AssignmentNotices.Assigned(created, state.Competition, state.Facts, state.Expert), cancellationToken);

        var shortfalls = plan.Shortfalls.Select(s => new StaffingShortfall(s.ApplicationId, s.Missing, s.Why.Select(w => w.Code).ToList())).ToList();
        return new StaffingRun(new StaffingOutcome(created, shortfalls), plan, state.Applications.Count, state.Pool.Count);
    }
}

/// <summary>
/// The cluster-side facts of an application the assignment needs, read from its snapshots. <see cref="Nips"/> are the
/// coordinator's and the members' (the conflict rule's side of the application); <see cref="Holders"/> says whose each is.
/// </summary>
public sealed record ApplicationFacts(
    Guid ApplicationId, string Number, string ClusterName, string Voivodeship, IReadOnlySet<string> KisCodes, IReadOnlySet<string> Nips, IReadOnlyDictionary<string, NipHolder> Holders);

public enum NipHolderKind
{
    Coordinator,
    Member,
}

/// <summary>Whose a NIP of an application is: the coordinator (named) or a member (named).</summary>
public sealed record NipHolder(NipHolderKind Kind, string Name);

/// <summary>
/// The state of a competition's assignment as the current command sees it. Assignments and overrides are read tracked and
/// taken from the context's local view, so changes this command has made but not saved yet (a released assignment, a removed
/// pin, an assignment just added) count as they will once saved.
/// </summary>
internal sealed class StaffingState
{
    private Dictionary<Guid, Expert> _experts = [];

    public Competition Competition { get; private init; } = null!;
    public List<KkkApplication> Applications { get; private init; } = [];
    public Dictionary<Guid, ApplicationFacts> Facts { get; private init; } = [];
    public List<ExpertAssignment> Assignments { get; private init; } = [];
    public List<AssignmentOverride> Overrides { get; private init; } = [];

    /// <summary>The assignable experts (active, available, complete profile), by id.</summary>
    public List<Expert> Pool { get; private set; } = [];

    public DateOnly Today { get; private init; }

    public Expert Expert(Guid id) => _experts[id];

    public Expert? FindExpert(Guid id) => _experts.GetValueOrDefault(id);

    /// <summary>
    /// Takes the competition's row lock (an update that changes nothing) before the state is read: two commands that assign
    /// in one competition at once (two runs, two declared conflicts) then run one after the other, the second reading what the
    /// first committed, so neither can give an expert a place the other has just taken over his load.
    /// </summary>
    public static Task LockAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        db.Competitions.Where(c => c.Id == competitionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), cancellationToken);

    /// <summary>
    /// The state for <paramref name="applicationIds"/> (null: every application of the competition that gets experts);
    /// <paramref name="includeAnyStatus"/> reads the named applications whatever their status (for decisions that do not assign).
    /// </summary>
    public static async Task<StaffingState> LoadAsync(
        IAppDbContext db, Guid competitionId, IReadOnlyCollection<Guid>? applicationIds, DateTimeOffset now, CancellationToken cancellationToken, bool includeAnyStatus = false)
    {
        var competition = await db.Competitions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken)
            ?? throw new NotFoundException("Competition", competitionId);

        // Without the sections: the run changes the status only, and 300 applications with their texts would be read for nothing.
        var scope = db.Applications.IgnoreAutoIncludes().Where(a => a.CompetitionId == competitionId && a.Number != null);
        if (applicationIds is null)
        {
            scope = scope.Where(a => ExpertStaffing.AssignableStatuses.Contains(a.Status));
        }
        else
        {
            var ids = applicationIds.Distinct().ToList();
            scope = scope.Where(a => ids.Contains(a.Id));
        }

        // The named applications are filtered by status as this command sees them (tracked, so identity resolution hands
        // back its changes): an upheld appeal reopens the application for re-evaluation and staffs it in one command.
        var applications = await scope.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (!includeAnyStatus)
        {
            applications = applications.Where(a => ExpertStaffing.AssignableStatuses.Contains(a.Status)).ToList();
        }

        var facts = await ReadFactsAsync(db, scope, applications, cancellationToken);

        await db.ExpertAssignments.Where(a => a.CompetitionId == competitionId).LoadAsync(cancellationToken);
        var assignments = db.ExpertAssignments.Local.Where(a => a.CompetitionId == competitionId).ToList();
        await db.AssignmentOverrides.Where(o => o.CompetitionId == competitionId).LoadAsync(cancellationToken);
        var overrides = db.AssignmentOverrides.Local.Where(o => o.CompetitionId == competitionId).ToList();

        // Experts already holding an assignment in the competition are read too, so their notices and names resolve.
        var experts = await db.Experts.AsNoTracking()
            .Where(e => (e.Status == ExpertStatus.Active && e.Available) || db.ExpertAssignments.Any(a => a.CompetitionId == competitionId && a.ExpertId == e.Id))
            .ToListAsync(cancellationToken);
        var state = new StaffingState
        {
            Competition = competition,
            Applications = applications,
            Facts = facts,
            Assignments = assignments,
            Overrides = overrides,
            Today = WorkingDayCalendar.ToWarsawDate(now),
        };
        state._experts = experts.ToDictionary(e => e.Id);
        state.Pool = experts.Where(e => e.IsAssignable).OrderBy(e => e.Id).ToList();
        await state.AddMissingExpertsAsync(db, cancellationToken);
        return state;
    }

    /// <summary>An assignment added earlier in this command may name an expert the queries above did not read.</summary>
    private async Task AddMissingExpertsAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var missing = Assignments.Select(a => a.ExpertId).Where(id => !_experts.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var expert in await db.Experts.AsNoTracking().Where(e => missing.Contains(e.Id)).ToListAsync(cancellationToken))
        {
            _experts[expert.Id] = expert;
        }
    }

    private static readonly JsonSerializerOptions PartiesJson = new(JsonSerializerDefaults.Web);

    /// <summary>The parts of a snapshot (<see cref="Applications.SnapshotContent"/>) the assignment reads; the texts are skipped, not materialised.</summary>
    private sealed record SnapshotParties(Party Organisation, SnapshotClusterPart Cluster, IReadOnlyList<Party> Members);

    private sealed record Party(string Nip, string Name);

    private sealed record SnapshotClusterPart(string Name, string VoivodeshipTeryt, IReadOnlyList<string> KisCodes);

    /// <summary>The facts of <paramref name="applications"/> (those of <paramref name="scope"/>), from all their snapshots.</summary>
    internal static async Task<Dictionary<Guid, ApplicationFacts>> ReadFactsAsync(
        IAppDbContext db, IQueryable<KkkApplication> scope, List<KkkApplication> applications, CancellationToken cancellationToken)
    {
        var ids = scope.Select(a => a.Id);
        var snapshots = await db.ApplicationSnapshots.AsNoTracking()
            .Where(s => ids.Contains(s.ApplicationId))
            .ToListAsync(cancellationToken);
        var clusterIds = scope.Select(a => a.ClusterId);
        var clusterNames = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var facts = new Dictionary<Guid, ApplicationFacts>();
        foreach (var application in applications)
        {
            var own = snapshots.Where(s => s.ApplicationId == application.Id).OrderBy(s => s.TakenAt).ThenBy(s => s.Id).ToList();
            if (own.Count == 0)
            {
                throw new InvalidOperationException($"Application {application.Id} has no submitted snapshot to assign experts by.");
            }

            // Every snapshot's NIPs count: a member the correction removed was still part of what the cluster submitted.
            var contents = own.Select(s => JsonSerializer.Deserialize<SnapshotParties>(s.Json, PartiesJson)!).ToList();
            var holders = Holders(contents);
            var latest = contents[^1];
            facts[application.Id] = new ApplicationFacts(
                application.Id,
                application.Number ?? "",
                clusterNames.GetValueOrDefault(application.ClusterId, latest.Cluster.Name),
                latest.Cluster.VoivodeshipTeryt,
                latest.Cluster.KisCodes.ToHashSet(StringComparer.Ordinal),
                holders.Keys.ToHashSet(StringComparer.Ordinal),
                holders);
        }

        return facts;
    }

    /// <summary>
    /// Whose each NIP is, the latest snapshot's name winning; a coordinator's NIP is the coordinator's even when the
    /// coordinator is also listed as a member.
    /// </summary>
    private static Dictionary<string, NipHolder> Holders(List<SnapshotParties> contents)
    {
        var holders = new Dictionary<string, NipHolder>(StringComparer.Ordinal);
        foreach (var member in contents.SelectMany(c => c.Members))
        {
            holders[Domain.Identifiers.PolishIdentifiers.Normalize(member.Nip)] = new NipHolder(NipHolderKind.Member, member.Name);
        }

        foreach (var content in contents)
        {
            holders[Domain.Identifiers.PolishIdentifiers.Normalize(content.Organisation.Nip)] = new NipHolder(NipHolderKind.Coordinator, content.Organisation.Name);
        }

        return holders;
    }

    /// <summary>The expert's active assignments in the competition on applications outside <paramref name="inRun"/>.</summary>
    public int LoadOutside(Guid expertId, IReadOnlySet<Guid> inRun) =>
        Assignments.Count(a => a.ExpertId == expertId && a.IsActive && !inRun.Contains(a.ApplicationId));

    /// <summary>The expert's active assignments in the whole competition.</summary>
    public int Load(Guid expertId) => Assignments.Count(a => a.ExpertId == expertId && a.IsActive);

    /// <summary>
    /// The problem of this state. The pairs are many (300 applications × 200 experts), so what does not depend on the pair is
    /// worked out once: each expert's recent affiliation NIPs, the assignments and decisions by application.
    /// </summary>
    public AssignmentProblem BuildProblem()
    {
        var inRun = Applications.Select(a => a.Id).ToHashSet();
        var rounds = Applications.ToDictionary(a => a.Id, a => a.EvaluationRound);

        // A place in the run's applications is the slot's (kept); an earlier round's sheet there still counts to the expert's load.
        var loads = Assignments.Where(a => a.IsActive && !(rounds.TryGetValue(a.ApplicationId, out var round) && a.HoldsPlaceIn(round)))
            .GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var candidates = Pool
            .Select(e => new ExpertCandidate(e.Id, e.VoivodeshipTeryt!, e.KisCodes.ToHashSet(StringComparer.Ordinal), e.MaxLoadPerCompetition, loads.GetValueOrDefault(e.Id)))
            .ToList();
        var recentNips = Pool.Select(e => (e.Id, Nips: AssignmentPairRules.RecentNips(e, Today))).ToList();
        var poolIds = Pool.Select(e => e.Id).ToHashSet();
        var byApplication = Assignments.Where(a => inRun.Contains(a.ApplicationId)).ToLookup(a => a.ApplicationId);
        var decisions = Overrides.Where(o => inRun.Contains(o.ApplicationId)).ToLookup(o => o.ApplicationId);
        var slots = Applications.Select(application => Slot(application, byApplication[application.Id].ToList(), decisions[application.Id].ToList(), recentNips, poolIds)).ToList();
        return new AssignmentProblem(slots, candidates, AssignmentWeights.Default);
    }

    private ApplicationSlot Slot(
        KkkApplication application,
        List<ExpertAssignment> assignments,
        List<AssignmentOverride> decisions,
        List<(Guid Id, IReadOnlyCollection<string> Nips)> recentNips,
        HashSet<Guid> poolIds)
    {
        var facts = Facts[application.Id];
        // In a re-evaluation the earlier rounds' experts hold no place: they are history, excluded as having seen the application.
        var kept = assignments.Where(a => a.HoldsPlaceIn(application.EvaluationRound)).Select(a => a.ExpertId).ToHashSet();
        var history = assignments.Where(a => !a.HoldsPlaceIn(application.EvaluationRound)).ToLookup(a => a.ExpertId);
        var pins = decisions.Where(d => d.Kind == OverrideKind.Pin).Select(d => d.ExpertId).ToHashSet();
        var forbids = decisions.Where(d => d.Kind == OverrideKind.Forbid).Select(d => d.ExpertId).ToHashSet();
        var forbidden = new HashSet<Guid>();
        foreach (var (expertId, nips) in recentNips.Where(e => !kept.Contains(e.Id)))
        {
            IReadOnlyCollection<ExpertAssignment> earlier = history.Contains(expertId) ? history[expertId].ToList() : [];
            if (AssignmentPairRules.Exclusion(nips, facts.Nips, earlier) is not null || forbids.Contains(expertId)
                // Released before without having seen it: the solver would put the same expert straight back; only a pin brings him back.
                || (earlier.Count > 0 && !pins.Contains(expertId)))
            {
                forbidden.Add(expertId);
            }
        }

        // A pin on an expert who has since left the pool or become excluded cannot be honoured; the run goes on without it
        // (the official's board shows the pin still waiting), instead of refusing every other application's experts.
        var pinned = pins.Where(id => poolIds.Contains(id) && !forbidden.Contains(id)).ToHashSet();
        return new ApplicationSlot(application.Id, application.ExpertsNeeded(Competition), facts.Voivodeship, facts.KisCodes, kept, forbidden, pinned);
    }
}
