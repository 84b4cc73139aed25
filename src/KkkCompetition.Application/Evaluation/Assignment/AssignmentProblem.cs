using KkkCompetition.Domain.Common;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// One assignment run: every application that still needs experts, the whole expert pool, and how much each soft
/// preference weighs. The solver reads nothing else (no database), so the same problem always gives the same plan.
/// </summary>
public sealed record AssignmentProblem(
    IReadOnlyList<ApplicationSlot> Applications,
    IReadOnlyList<ExpertCandidate> Experts,
    AssignmentWeights Weights)
{
    /// <summary>
    /// Refuses a problem no plan can honour. Mistakes of the caller (duplicate ids, negative numbers) are
    /// <see cref="ArgumentException"/>s; what an official asked for and cannot have (a pinned pair that is also
    /// forbidden, a pin over the expert's load, a kept pair that is forbidden) is a <see cref="BusinessRuleViolation"/>.
    /// </summary>
    public void Validate()
    {
        RequireWellFormed();
        var experts = Experts.ToDictionary(e => e.ExpertId);
        var pinsPerExpert = new Dictionary<Guid, int>();
        foreach (var slot in Applications)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slot.ExpertsNeeded, nameof(ApplicationSlot.ExpertsNeeded));
            foreach (var expertId in slot.AlreadyAssigned.Where(slot.Forbidden.Contains))
            {
                throw new BusinessRuleViolation(AssignmentRuleCodes.KeptPairForbidden,
                    "Application {0} keeps expert {1}, who is now forbidden for it: release the assignment first.", slot.ApplicationId, expertId);
            }

            foreach (var expertId in slot.NewPins())
            {
                if (slot.Forbidden.Contains(expertId))
                {
                    throw new BusinessRuleViolation(AssignmentRuleCodes.PinnedPairForbidden,
                        "Expert {1} cannot be pinned to application {0}: the pair is forbidden (conflict of interest, declared conflict, seen before or forbidden by an official).",
                        slot.ApplicationId, expertId);
                }

                if (!experts.ContainsKey(expertId))
                {
                    throw new BusinessRuleViolation(AssignmentRuleCodes.PinnedExpertUnknown,
                        "Expert {1} pinned to application {0} is not in the expert pool of this run.", slot.ApplicationId, expertId);
                }

                pinsPerExpert[expertId] = pinsPerExpert.GetValueOrDefault(expertId) + 1;
            }
        }

        RequirePinsWithinLoad(experts, pinsPerExpert);
    }

    /// <summary>How many kept assignments each expert already holds among this run's applications.</summary>
    public IReadOnlyDictionary<Guid, int> KeptLoads() =>
        Applications.SelectMany(a => a.AlreadyAssigned).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    private void RequireWellFormed()
    {
        // A falling load price would let the flow fill an expert's dear places before the cheap ones (see LoadStep).
        ArgumentOutOfRangeException.ThrowIfNegative(Weights.LoadStep, nameof(AssignmentWeights.LoadStep));
        ArgumentOutOfRangeException.ThrowIfNegative(Weights.KisMismatch, nameof(AssignmentWeights.KisMismatch));
        ArgumentOutOfRangeException.ThrowIfNegative(Weights.SameVoivodeship, nameof(AssignmentWeights.SameVoivodeship));

        if (Applications.Select(a => a.ApplicationId).Distinct().Count() != Applications.Count)
        {
            throw new ArgumentException("An application appears twice in the assignment problem.", nameof(Applications));
        }

        if (Experts.Select(e => e.ExpertId).Distinct().Count() != Experts.Count)
        {
            throw new ArgumentException("An expert appears twice in the assignment problem.", nameof(Experts));
        }

        foreach (var expert in Experts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(expert.MaxLoad, nameof(ExpertCandidate.MaxLoad));
            ArgumentOutOfRangeException.ThrowIfNegative(expert.CurrentLoad, nameof(ExpertCandidate.CurrentLoad));
        }
    }

    private void RequirePinsWithinLoad(Dictionary<Guid, ExpertCandidate> experts, Dictionary<Guid, int> pinsPerExpert)
    {
        var kept = KeptLoads();
        foreach (var (expertId, pins) in pinsPerExpert.OrderBy(p => p.Key))
        {
            var expert = experts[expertId];
            var load = expert.CurrentLoad + kept.GetValueOrDefault(expertId) + pins;
            if (load > expert.MaxLoad)
            {
                throw new BusinessRuleViolation(AssignmentRuleCodes.PinnedOverCapacity,
                    "Pinning expert {0} would give a load of {1} over the maximum of {2}.", expertId, load, expert.MaxLoad);
            }
        }
    }
}

/// <summary>
/// One application in a run.
/// <para><see cref="ExpertsNeeded"/>: how many experts the application must have in total (N, or N + 1 after a divergence).</para>
/// <para><see cref="AlreadyAssigned"/>: experts the application keeps (e.g. pairs already scored or not to be changed); they count
/// toward the need and toward the expert's load, and are not part of the plan's pairs.</para>
/// <para><see cref="Forbidden"/>: experts who must never get it — automatic conflicts, declared conflicts, experts who saw the
/// application before, pairs an official forbade.</para>
/// <para><see cref="Pinned"/>: experts an official fixed on it; they are in the plan whatever they cost, and count toward the need.</para>
/// </summary>
public sealed record ApplicationSlot(
    Guid ApplicationId,
    int ExpertsNeeded,
    string Voivodeship,
    IReadOnlySet<string> KisCodes,
    IReadOnlySet<Guid> AlreadyAssigned,
    IReadOnlySet<Guid> Forbidden,
    IReadOnlySet<Guid> Pinned)
{
    /// <summary>Pins that are not already kept assignments (a pin on a kept pair changes nothing).</summary>
    public IEnumerable<Guid> NewPins() => Pinned.Where(id => !AlreadyAssigned.Contains(id)).Order();

    /// <summary>How many more experts the solver must find once the kept and pinned ones are counted.</summary>
    public int StillNeeded() => Math.Max(0, ExpertsNeeded - AlreadyAssigned.Count - NewPins().Count());

    /// <summary>Whether the expert is on the application before the solver runs (kept or pinned).</summary>
    public bool Holds(Guid expertId) => AlreadyAssigned.Contains(expertId) || Pinned.Contains(expertId);
}

/// <summary>
/// One expert of the pool. <see cref="CurrentLoad"/> counts the assignments the expert holds in the competition on
/// applications that are NOT in this run (the run adds the kept pairs of its own applications itself, so a caller who
/// counted them here would count them twice). The expert never ends over <see cref="MaxLoad"/>.
/// </summary>
public sealed record ExpertCandidate(
    Guid ExpertId,
    string Voivodeship,
    IReadOnlySet<string> KisCodes,
    int MaxLoad,
    int CurrentLoad);

/// <summary>Stable codes of the refusals of <see cref="AssignmentProblem.Validate"/> (resource keys <c>error.{code}</c>).</summary>
public static class AssignmentRuleCodes
{
    public const string PinnedPairForbidden = "assignment.pinned_pair_forbidden";
    public const string PinnedOverCapacity = "assignment.pinned_over_capacity";
    public const string PinnedExpertUnknown = "assignment.pinned_expert_unknown";
    public const string KeptPairForbidden = "assignment.kept_pair_forbidden";
}
