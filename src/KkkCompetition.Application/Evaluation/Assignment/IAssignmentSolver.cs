namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// Pairs experts with applications: never a forbidden pair, never an expert over the maximum load, never one expert twice
/// on an application; as many experts assigned as possible, then the cheapest such plan by <see cref="AssignmentWeights"/>.
/// The same problem (in any order of its lists) gives the same plan. Refuses an invalid problem as
/// <see cref="AssignmentProblem.Validate"/> does.
/// </summary>
public interface IAssignmentSolver
{
    AssignmentPlan Solve(AssignmentProblem problem);
}
