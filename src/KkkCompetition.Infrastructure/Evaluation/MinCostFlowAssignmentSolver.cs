using Google.OrTools.Graph;
using KkkCompetition.Application.Evaluation.Assignment;

namespace KkkCompetition.Infrastructure.Evaluation;

/// <summary>
/// The assignment as a min-cost flow (OR-Tools): source → application (capacity: experts still needed) → expert
/// (one arc per allowed pair, capacity 1, the pair's price) → sink (one arc per free unit of the expert's load, each dearer
/// than the last). A flow of one unit through application → expert is one assignment. The hard constraints are the shape of
/// the graph — a forbidden pair has no arc, an expert's load has no more sink arcs than free places, a pair arc carries at most
/// one unit — so any flow is a valid plan; SolveMaxFlowWithMinCost gives the largest one, and among those the cheapest.
/// (OR-Tools' C# name for its SimpleMinCostFlow is <see cref="MinCostFlow"/>.)
/// </summary>
public sealed class MinCostFlowAssignmentSolver : IAssignmentSolver
{
    public AssignmentPlan Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        var run = new Run(problem);
        var chosen = SolveFlow(run);
        var pairs = Explain(run, chosen);
        return new AssignmentPlan(pairs, Shortfalls(run, chosen), pairs.Sum(p => p.Cost));
    }

    /// <summary>The (application, expert) indices the flow chose, besides the pins.</summary>
    private static List<(int Application, int Expert)> SolveFlow(Run run)
    {
        var totalNeed = run.StillNeeded.Sum();
        if (totalNeed == 0)
        {
            return [];
        }

        using var flow = new MinCostFlow();
        var pairArcs = AddPairArcs(run, flow);
        AddLoadArcs(run, flow);
        flow.SetNodeSupply(run.Source, totalNeed);
        flow.SetNodeSupply(run.Sink, -totalNeed);

        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The assignment flow could not be solved: {status}.");
        }

        return [.. pairArcs.Where(p => flow.Flow(p.Arc) > 0).Select(p => (p.Application, p.Expert))];
    }

    /// <summary>
    /// Nodes and arcs are added in the order of the sorted ids, so the same problem builds the same graph, and the
    /// solver (deterministic for one graph) breaks ties between equally cheap plans the same way every time.
    /// </summary>
    private static List<(int Application, int Expert, int Arc)> AddPairArcs(Run run, MinCostFlow flow)
    {
        var arcs = new List<(int, int, int)>();
        for (var a = 0; a < run.Slots.Count; a++)
        {
            if (run.StillNeeded[a] == 0)
            {
                continue;
            }

            flow.AddArcWithCapacityAndUnitCost(run.Source, run.ApplicationNode(a), run.StillNeeded[a], 0);
            for (var e = 0; e < run.Experts.Count; e++)
            {
                if (run.IsCandidate(a, e) && run.FreeLoad(e) > 0)
                {
                    var (kis, otherRegion) = AssignmentWeights.Compare(run.Slots[a], run.Experts[e]);
                    var arc = flow.AddArcWithCapacityAndUnitCost(run.ApplicationNode(a), run.ExpertNode(e), 1, run.Weights.PairCost(kis, otherRegion));
                    arcs.Add((a, e, arc));
                }
            }
        }

        return arcs;
    }

    /// <summary>
    /// The load cost is convex: one arc per free place, the k-th dearer than the (k−1)-th. A single arc with one unit price
    /// would make every assignment of an expert equally cheap, and the cheapest plan could pile the work on whoever matches
    /// best; with rising prices the flow fills the cheap (low) places of every expert first, which balances the load, and
    /// because the prices rise the arcs used are always the first ones, so the price paid is exactly that of the load reached.
    /// </summary>
    private static void AddLoadArcs(Run run, MinCostFlow flow)
    {
        for (var e = 0; e < run.Experts.Count; e++)
        {
            for (var place = 1; place <= run.FreeLoad(e); place++)
            {
                flow.AddArcWithCapacityAndUnitCost(run.ExpertNode(e), run.Sink, 1, run.Weights.LoadCost(run.LoadBefore[e] + place));
            }
        }
    }

    /// <summary>
    /// The pins and the chosen pairs with their reasons. Each expert's load is counted up in a fixed order (pins first, then
    /// applications by id), so the price of each pair adds up to the price the flow minimised.
    /// </summary>
    private static List<PlannedPair> Explain(Run run, List<(int Application, int Expert)> chosen)
    {
        var load = run.Experts.Select(e => e.CurrentLoad + run.Kept.GetValueOrDefault(e.ExpertId)).ToArray();
        var pairs = new List<PlannedPair>();
        foreach (var (a, e, pinned) in run.Pins.Select(p => (p.Application, p.Expert, true)).Concat(chosen.Select(c => (c.Application, c.Expert, false))))
        {
            load[e]++;
            var slot = run.Slots[a];
            var expert = run.Experts[e];
            var (kis, otherRegion) = AssignmentWeights.Compare(slot, expert);
            var reasons = new PairReasons(kis, otherRegion, load[e], expert.MaxLoad, pinned);
            pairs.Add(new PlannedPair(slot.ApplicationId, expert.ExpertId, reasons, run.Weights.PairCost(kis, otherRegion) + run.Weights.LoadCost(load[e])));
        }

        return [.. pairs.OrderBy(p => p.ApplicationId).ThenBy(p => p.ExpertId)];
    }

    /// <summary>
    /// Why an application stayed short. The flow is maximal, so every candidate it did not get is at the maximum load
    /// (otherwise one more unit could flow through that expert); the rest of the gap is experts excluded from it.
    /// </summary>
    private static List<Shortfall> Shortfalls(Run run, List<(int Application, int Expert)> chosen)
    {
        var shortfalls = new List<Shortfall>();
        for (var a = 0; a < run.Slots.Count; a++)
        {
            var got = chosen.Where(c => c.Application == a).Select(c => c.Expert).ToHashSet();
            var missing = run.StillNeeded[a] - got.Count;
            if (missing == 0)
            {
                continue;
            }

            var slot = run.Slots[a];
            var candidates = Enumerable.Range(0, run.Experts.Count).Where(e => run.IsCandidate(a, e)).ToList();
            var why = new List<ShortfallReason>();
            if (candidates.Count < run.StillNeeded[a])
            {
                var excluded = run.Experts.Count(e => slot.Forbidden.Contains(e.ExpertId));
                why.Add(new ShortfallReason(ShortfallReasons.NoCandidatesLeft, excluded, run.Experts.Count));
            }

            var full = candidates.Count(e => !got.Contains(e));
            if (full > 0)
            {
                why.Add(new ShortfallReason(ShortfallReasons.CapacityExhausted, full, candidates.Count));
            }

            shortfalls.Add(new Shortfall(slot.ApplicationId, missing, why));
        }

        return shortfalls;
    }

    /// <summary>The problem in a fixed order (by id), with the pins already placed and the node numbering of the graph.</summary>
    private sealed class Run
    {
        public Run(AssignmentProblem problem)
        {
            Weights = problem.Weights;
            Slots = [.. problem.Applications.OrderBy(a => a.ApplicationId)];
            Experts = [.. problem.Experts.OrderBy(e => e.ExpertId)];
            var index = Experts.Select((e, i) => (e.ExpertId, i)).ToDictionary(x => x.ExpertId, x => x.i);
            Kept = problem.KeptLoads();
            Pins = [.. Slots.SelectMany((s, a) => s.NewPins().Select(id => (a, index[id])))];
            LoadBefore = [.. Experts.Select(e => e.CurrentLoad + Kept.GetValueOrDefault(e.ExpertId))];
            foreach (var (_, e) in Pins)
            {
                LoadBefore[e]++;
            }

            StillNeeded = [.. Slots.Select(s => s.StillNeeded())];
        }

        public AssignmentWeights Weights { get; }
        public List<ApplicationSlot> Slots { get; }
        public List<ExpertCandidate> Experts { get; }
        public IReadOnlyDictionary<Guid, int> Kept { get; }
        public List<(int Application, int Expert)> Pins { get; }

        /// <summary>Each expert's load once the kept and pinned pairs are counted: the solver fills from here.</summary>
        public int[] LoadBefore { get; }

        public int[] StillNeeded { get; }

        public int Source => 0;
        public int Sink => 1 + Slots.Count + Experts.Count;
        public int ApplicationNode(int a) => 1 + a;
        public int ExpertNode(int e) => 1 + Slots.Count + e;

        /// <summary>Kept assignments may already exceed a lowered maximum; such an expert just gets nothing more.</summary>
        public int FreeLoad(int e) => Math.Max(0, Experts[e].MaxLoad - LoadBefore[e]);

        /// <summary>Allowed on the application and not on it yet.</summary>
        public bool IsCandidate(int a, int e)
        {
            var id = Experts[e].ExpertId;
            return !Slots[a].Forbidden.Contains(id) && !Slots[a].Holds(id);
        }
    }
}
