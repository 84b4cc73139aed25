namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// What a run decided: the new pairs (pinned ones and those the solver chose; kept assignments are not repeated),
/// the applications left short and why, and the total price of the pairs (the sum of their <see cref="PlannedPair.Cost"/>).
/// </summary>
public sealed record AssignmentPlan(IReadOnlyList<PlannedPair> Pairs, IReadOnlyList<Shortfall> Shortfalls, long TotalCost)
{
    public bool IsComplete => Shortfalls.Count == 0;
}

/// <summary>One new expert on one application, with why it was chosen and its price (pair price + load step).</summary>
public sealed record PlannedPair(Guid ApplicationId, Guid ExpertId, PairReasons Reasons, long Cost);

/// <summary>
/// The explanation of a pair: how many KIS codes the expert shares with the application, whether the expert comes from
/// another voivodeship than the cluster, the expert's load once this pair is counted (of the maximum), and whether an
/// official pinned it.
/// </summary>
public sealed record PairReasons(int KisMatches, bool OtherVoivodeship, int LoadAfter, int MaxLoad, bool Pinned);

/// <summary>An application that could not get all its experts: how many are missing and why.</summary>
public sealed record Shortfall(Guid ApplicationId, int Missing, IReadOnlyList<ShortfallReason> Why);

/// <summary>
/// One cause of a shortfall, with its counts: <see cref="Experts"/> of <see cref="OutOf"/>.
/// <list type="bullet">
/// <item><c>no_candidates_left</c>: <see cref="Experts"/> of the <see cref="OutOf"/> experts in the pool are excluded from the
/// application (conflicts, declared conflicts, seen before, forbidden), leaving fewer than it needs.</item>
/// <item><c>capacity_exhausted</c>: <see cref="Experts"/> of the <see cref="OutOf"/> experts who could take the application are
/// at their maximum load.</item>
/// </list>
/// Both may be given for one application.
/// </summary>
public sealed record ShortfallReason(string Code, int Experts, int OutOf);

/// <summary>The codes of <see cref="ShortfallReason"/> (resource keys <c>assignment.shortfall.{code}</c>).</summary>
public static class ShortfallReasons
{
    public const string NoCandidatesLeft = "no_candidates_left";
    public const string CapacityExhausted = "capacity_exhausted";
}
