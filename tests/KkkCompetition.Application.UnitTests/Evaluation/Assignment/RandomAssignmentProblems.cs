using KkkCompetition.Application.Evaluation.Assignment;

namespace KkkCompetition.Application.UnitTests.Evaluation.Assignment;

/// <summary>
/// Random but valid problems from a seed: conflicts, kept pairs, pins, loads (some experts already full or even over a
/// lowered maximum), specialisations and regions. Ids come from the seeded generator too, so a failing seed replays exactly.
/// </summary>
public static class RandomAssignmentProblems
{
    private static readonly string[] Regions = ["02", "12", "14"];
    private static readonly string[] Kis = ["KIS1", "KIS2", "KIS3", "KIS4"];

    public sealed record Shape(int Applications, int Experts, int ExpertsNeeded, int MaxLoad, double Conflicts, double Kept, double Pins, bool RandomWeights);

    public static Shape Small { get; } = new(Applications: 4, Experts: 5, ExpertsNeeded: 2, MaxLoad: 4, Conflicts: 0.2, Kept: 0.1, Pins: 0.1, RandomWeights: true);

    public static AssignmentProblem Create(int seed, Shape shape)
    {
        var random = new Random(seed);
        var experts = Enumerable.Range(0, shape.Experts).Select(_ => Expert(random, shape)).ToList();
        var slots = Enumerable.Range(0, shape.Applications).Select(_ => Slot(random, shape, experts)).ToList();
        slots = Pin(random, shape, slots, experts);
        var weights = shape.RandomWeights
            ? new AssignmentWeights(random.Next(0, 120), random.Next(0, 60), random.Next(0, 50))
            : AssignmentWeights.Default;
        return new AssignmentProblem(slots, experts, weights);
    }

    public static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static ExpertCandidate Expert(Random random, Shape shape)
    {
        var max = random.Next(0, shape.MaxLoad + 1);
        return new ExpertCandidate(NextGuid(random), Pick(random, Regions), Codes(random), max, random.Next(0, max + 2) / 2);
    }

    /// <summary>Conflicts and kept pairs; a kept pair may push an expert over the maximum (a maximum lowered after a run).</summary>
    private static ApplicationSlot Slot(Random random, Shape shape, List<ExpertCandidate> experts)
    {
        var forbidden = new HashSet<Guid>();
        var kept = new HashSet<Guid>();
        foreach (var expert in experts)
        {
            var roll = random.NextDouble();
            if (roll < shape.Conflicts)
            {
                forbidden.Add(expert.ExpertId);
            }
            else if (roll < shape.Conflicts + shape.Kept && kept.Count < shape.ExpertsNeeded)
            {
                kept.Add(expert.ExpertId);
            }
        }

        return new ApplicationSlot(NextGuid(random), shape.ExpertsNeeded, Pick(random, Regions), Codes(random), kept, forbidden, new HashSet<Guid>());
    }

    /// <summary>Pins once all kept pairs are known, only where the expert still has room, as an official could.</summary>
    private static List<ApplicationSlot> Pin(Random random, Shape shape, List<ApplicationSlot> slots, List<ExpertCandidate> experts)
    {
        var load = experts.ToDictionary(e => e.ExpertId, e => e.CurrentLoad + slots.Count(s => s.AlreadyAssigned.Contains(e.ExpertId)));
        var pinned = new List<ApplicationSlot>();
        foreach (var slot in slots)
        {
            var pins = new HashSet<Guid>();
            foreach (var expert in experts.Where(e => !slot.Forbidden.Contains(e.ExpertId) && !slot.AlreadyAssigned.Contains(e.ExpertId)))
            {
                if (random.NextDouble() < shape.Pins && load[expert.ExpertId] < expert.MaxLoad)
                {
                    pins.Add(expert.ExpertId);
                    load[expert.ExpertId]++;
                }
            }

            pinned.Add(slot with { Pinned = pins });
        }

        return pinned;
    }

    private static HashSet<string> Codes(Random random) =>
        [.. Kis.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(Pick(random, Kis))];

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
