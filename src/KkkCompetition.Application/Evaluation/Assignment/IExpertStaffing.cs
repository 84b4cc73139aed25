using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// Fills the free expert places of applications with the assignment solver: the official's run over a whole
/// competition, the replacement after a declared conflict or a release, and the extra expert after divergence all go
/// through here, so the same hard constraints hold everywhere (no conflicts, no one over his load, never an expert who
/// has seen the application before, the official's pinned and forbidden pairs).
/// </summary>
/// <remarks>
/// An application's need is <c>KkkApplication.ExpertsNeeded</c> (the competition's N, plus one after divergence) minus its
/// active assignments. Runs inside the caller's command: it adds the new assignments (with their outbox notices) to the
/// context and never saves.
/// </remarks>
public interface IExpertStaffing
{
    Task<StaffingOutcome> FillAsync(Guid competitionId, IReadOnlyCollection<Guid>? applicationIds, AssignmentOrigin origin, CancellationToken cancellationToken);
}

/// <summary>What a fill made and what it could not: each shortfall names the application, how many experts it lacks and why.</summary>
public sealed record StaffingOutcome(IReadOnlyList<ExpertAssignment> Created, IReadOnlyList<StaffingShortfall> Shortfalls);

/// <param name="ReasonCodes">Stable codes, e.g. <c>no_candidates_left</c> (all excluded by conflicts or forbidden pairs), <c>capacity_exhausted</c>.</param>
public sealed record StaffingShortfall(Guid ApplicationId, int Missing, IReadOnlyList<string> ReasonCodes);
