using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Infrastructure.Evaluation;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 5 budget: assigning 300 applications × 3 experts from a pool of 200 experts with 5% conflicts takes under 2 s.
/// The solver alone (no database): building the graph, the OR-Tools min-cost flow, the explanation of every pair. The
/// problem is random from a fixed seed — 16 voivodeships, 20 KIS codes — with maximum loads of 5 to 7, enough for a complete plan.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class AssignmentSolverBenchmark
{
    public const int Applications = 300;
    public const int ExpertsPerApplication = 3;
    public const int Pool = 200;
    public const double ConflictRate = 0.05;

    private readonly MinCostFlowAssignmentSolver _solver = new();
    private AssignmentProblem _problem = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _problem = Generate(new Random(20270115));
        var plan = _solver.Solve(_problem);
        if (!plan.IsComplete || plan.Pairs.Count != Applications * ExpertsPerApplication)
        {
            throw new InvalidOperationException($"The benchmark problem should be feasible: {plan.Shortfalls.Count} applications short.");
        }
    }

    [Benchmark]
    public AssignmentPlan Solve() => _solver.Solve(_problem);

    private static AssignmentProblem Generate(Random random)
    {
        var regions = Enumerable.Range(1, 16).Select(i => (i * 2).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var kis = Enumerable.Range(1, 20).Select(i => $"KIS{i}").ToArray();
        var experts = Enumerable.Range(0, Pool)
            .Select(_ => new ExpertCandidate(NextGuid(random), regions[random.Next(regions.Length)], Codes(random, kis, 1, 4), random.Next(5, 8), 0))
            .ToList();
        var applications = Enumerable.Range(0, Applications)
            .Select(_ => new ApplicationSlot(NextGuid(random), ExpertsPerApplication, regions[random.Next(regions.Length)], Codes(random, kis, 1, 3),
                new HashSet<Guid>(), experts.Where(_ => random.NextDouble() < ConflictRate).Select(e => e.ExpertId).ToHashSet(), new HashSet<Guid>()))
            .ToList();
        return new AssignmentProblem(applications, experts, AssignmentWeights.Default);
    }

    private static HashSet<string> Codes(Random random, string[] kis, int min, int max) =>
        [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => kis[random.Next(kis.Length)])];

    private static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
