using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Evaluation;

/// <summary>
/// Why an expert cannot take an application (domain guide, section 3): the stable <see cref="Code"/>, the English message
/// and its arguments (the conflicting NIP, the load and its maximum). <see cref="Nip"/> is set for a conflict of interest.
/// </summary>
public sealed class PairObstacle(string code, string message, string? nip, params object[] arguments)
{
    public string Code { get; } = code;
    public string Message { get; } = message;
    public string? Nip { get; } = nip;
    public IReadOnlyList<object> Arguments { get; } = arguments;

    public BusinessRuleViolation ToViolation() => new(Code, Message, [.. Arguments]);
}

/// <summary>
/// The hard rules of one expert–application pair, the same for the solver's run and for an official's hand: never a
/// conflicted expert (a recent affiliation's NIP is the coordinator's or a member's), never one who declared a conflict on
/// the application or has already seen it, never a pair an official forbade, never an expert over his load.
/// </summary>
public static class AssignmentPairRules
{
    public const string ExpertNotAssignable = "assignment.expert_not_assignable";
    public const string AlreadyAssigned = "assignment.already_assigned";
    public const string ConflictOfInterest = "assignment.conflict_of_interest";
    public const string ConflictDeclared = "assignment.conflict_declared";
    public const string SeenBefore = "assignment.seen_before";
    public const string PairForbidden = "assignment.pair_forbidden";
    public const string OverCapacity = "assignment.over_capacity";

    /// <summary>
    /// What excludes the pair whatever an official says: a conflict of interest, a conflict the expert declared on this
    /// application, or having seen it (signed its declaration) in an earlier assignment. <paramref name="pairHistory"/> holds
    /// the expert's assignments on this application; <paramref name="applicationNips"/> the coordinator's and members' NIPs.
    /// </summary>
    public static PairObstacle? Exclusion(Expert expert, IReadOnlySet<string> applicationNips, IEnumerable<ExpertAssignment> pairHistory, DateOnly today) =>
        Exclusion(RecentNips(expert, today), applicationNips, pairHistory);

    /// <summary>
    /// <see cref="Exclusion(Expert, IReadOnlySet{string}, IEnumerable{ExpertAssignment}, DateOnly)"/> with the expert's
    /// <see cref="RecentNips"/> worked out once, for a run that checks one expert against hundreds of applications.
    /// </summary>
    public static PairObstacle? Exclusion(IReadOnlyCollection<string> expertRecentNips, IReadOnlySet<string> applicationNips, IEnumerable<ExpertAssignment> pairHistory)
    {
        if (ConflictingNip(expertRecentNips, applicationNips) is { } nip)
        {
            return new PairObstacle(ConflictOfInterest,
                "The expert has a conflict of interest: a recent affiliation's NIP {0} is the coordinator's or a member's.", nip, nip);
        }

        var history = pairHistory as IReadOnlyCollection<ExpertAssignment> ?? pairHistory.ToList();
        if (history.Any(a => a.Status == AssignmentStatus.ConflictDeclared))
        {
            return new PairObstacle(ConflictDeclared, "The expert declared a conflict of interest on this application.", null);
        }

        if (history.Any(a => a.HasSeenApplication))
        {
            return new PairObstacle(SeenBefore, "The expert has already seen this application in an earlier assignment.", null);
        }

        return null;
    }

    /// <summary>
    /// Every check of a pair an official makes by hand (assigning or pinning): the expert is in the pool, not on the
    /// application yet, not excluded (<see cref="Exclusion"/>), not forbidden by an official, and
    /// <paramref name="loadInCompetition"/> (his active assignments in the competition, plus pins he is to get) leaves a place.
    /// </summary>
    public static PairObstacle? Check(
        Expert expert,
        IReadOnlySet<string> applicationNips,
        IEnumerable<ExpertAssignment> pairHistory,
        bool forbiddenByOfficial,
        int loadInCompetition,
        DateOnly today,
        int round = 1)
    {
        if (!expert.IsAssignable)
        {
            return new PairObstacle(ExpertNotAssignable, "The expert is not available for assignments (inactive, unavailable or the profile is incomplete).", null);
        }

        var history = pairHistory.ToList();
        // An earlier round's sheet (before an upheld appeal) holds no place now: it is the "seen before" of the exclusion below.
        if (history.Any(a => a.HoldsPlaceIn(round)))
        {
            return new PairObstacle(AlreadyAssigned, "The expert is already assigned to this application.", null);
        }

        if (Exclusion(expert, applicationNips, history, today) is { } exclusion)
        {
            return exclusion;
        }

        if (forbiddenByOfficial)
        {
            return new PairObstacle(PairForbidden, "An official forbade this pair; remove that decision first.", null);
        }

        if (loadInCompetition + 1 > expert.MaxLoadPerCompetition)
        {
            return new PairObstacle(OverCapacity, "The expert has {0} assignments in this competition, the maximum is {1}.", null, loadInCompetition, expert.MaxLoadPerCompetition);
        }

        return null;
    }

    /// <summary>The NIPs of the expert's affiliations that count for conflicts on <paramref name="today"/>, each once.</summary>
    public static IReadOnlyCollection<string> RecentNips(Expert expert, DateOnly today) =>
        expert.RecentAffiliations(today).Select(a => a.Nip).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The conflict of interest of one pair: the NIP a recent affiliation shares with the coordinator or a member, or null.
    /// When several are shared, the lowest (ordinal) is named, so every caller names the same one.
    /// </summary>
    public static string? ConflictingNip(IReadOnlyCollection<string> expertRecentNips, IReadOnlySet<string> applicationNips) =>
        expertRecentNips.Where(applicationNips.Contains).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>
    /// Every conflicted pair of a whole competition at once (the officials' conflicts view), by the same rule as
    /// <see cref="ConflictingNip"/>. Checking each pair would be experts × applications set look-ups (200 × 300 × the
    /// expert's NIPs); an index of the applications by NIP finds the few pairs that share one, and only those are checked.
    /// </summary>
    public static IReadOnlyList<ConflictOfInterestPair> ConflictsOfInterest(IEnumerable<ExpertNips> experts, IEnumerable<ApplicationNipSet> applications)
    {
        var byNip = new Dictionary<string, List<ApplicationNipSet>>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            foreach (var nip in application.Nips)
            {
                if (!byNip.TryGetValue(nip, out var holders))
                {
                    byNip[nip] = holders = [];
                }

                holders.Add(application);
            }
        }

        var pairs = new List<ConflictOfInterestPair>();
        foreach (var expert in experts)
        {
            var candidates = new Dictionary<Guid, ApplicationNipSet>();
            foreach (var nip in expert.RecentNips)
            {
                foreach (var application in byNip.GetValueOrDefault(nip) ?? [])
                {
                    candidates.TryAdd(application.ApplicationId, application);
                }
            }

            foreach (var application in candidates.Values)
            {
                if (ConflictingNip(expert.RecentNips, application.Nips) is { } nip)
                {
                    pairs.Add(new ConflictOfInterestPair(expert.ExpertId, application.ApplicationId, nip));
                }
            }
        }

        return pairs;
    }
}

/// <summary>An expert's <see cref="AssignmentPairRules.RecentNips"/>, worked out once.</summary>
public sealed record ExpertNips(Guid ExpertId, IReadOnlyCollection<string> RecentNips);

/// <summary>An application's coordinator and member NIPs.</summary>
public sealed record ApplicationNipSet(Guid ApplicationId, IReadOnlySet<string> Nips);

/// <summary>An expert excluded from an application by a conflict of interest, with the NIP <see cref="AssignmentPairRules.ConflictingNip"/> names.</summary>
public sealed record ConflictOfInterestPair(Guid ExpertId, Guid ApplicationId, string Nip);

/// <summary>The scoring deadline of an assignment: the competition's window counted by the working-day calendar, to the last second of that day in Warsaw.</summary>
public static class ScoringDeadline
{
    public static DateTimeOffset For(DateTimeOffset assignedAt, int windowDays) =>
        WorkingDayCalendar.DeadlineEnd(assignedAt, windowDays).AddSeconds(-1);
}
