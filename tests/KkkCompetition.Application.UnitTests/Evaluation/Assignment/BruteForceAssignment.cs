using KkkCompetition.Application.Evaluation.Assignment;

namespace KkkCompetition.Application.UnitTests.Evaluation.Assignment;

/// <summary>
/// The reference answer for small problems: tries every feasible plan (for each application every set of allowed experts up
/// to what it still needs, never over a load) and keeps the one with the most experts assigned, then the lowest price.
/// The price is written out here from the rules, not taken from the product, so a wrong price in the solver shows too.
/// </summary>
public static class BruteForceAssignment
{
    public sealed record Optimum(int Assigned, long Cost);

    public static Optimum Solve(AssignmentProblem problem)
    {
        var experts = problem.Experts;
        var baseLoad = experts.Select(e => e.CurrentLoad + problem.Applications.Count(a => a.AlreadyAssigned.Contains(e.ExpertId))).ToArray();
        var added = new int[experts.Count];
        long pairCosts = 0;
        foreach (var slot in problem.Applications)
        {
            foreach (var pin in slot.Pinned.Where(id => !slot.AlreadyAssigned.Contains(id)))
            {
                var e = IndexOf(experts, pin);
                added[e]++;
                pairCosts += PairCost(problem.Weights, slot, experts[e]);
            }
        }

        var search = new Search(problem, baseLoad, added);
        search.Run(0, 0, pairCosts);
        return search.Best;
    }

    private static long PairCost(AssignmentWeights w, ApplicationSlot slot, ExpertCandidate expert)
    {
        var sharesKis = slot.KisCodes.Any(expert.KisCodes.Contains);
        var sameRegion = slot.Voivodeship == expert.Voivodeship;
        return (sharesKis ? 0 : w.KisMismatch) + (sameRegion ? w.SameVoivodeship : 0);
    }

    private static int IndexOf(IReadOnlyList<ExpertCandidate> experts, Guid id) =>
        experts.Select((e, i) => (e, i)).Single(x => x.e.ExpertId == id).i;

    private sealed class Search(AssignmentProblem problem, int[] baseLoad, int[] added)
    {
        public Optimum Best { get; private set; } = new(-1, long.MaxValue);

        public void Run(int application, int assigned, long pairCosts)
        {
            if (application == problem.Applications.Count)
            {
                Offer(new Optimum(assigned, pairCosts + LoadCosts()));
                return;
            }

            var slot = problem.Applications[application];
            var need = Math.Max(0, slot.ExpertsNeeded - slot.AlreadyAssigned.Count - slot.Pinned.Count(id => !slot.AlreadyAssigned.Contains(id)));
            var allowed = Enumerable.Range(0, problem.Experts.Count)
                .Where(e => !slot.Forbidden.Contains(problem.Experts[e].ExpertId) && !slot.AlreadyAssigned.Contains(problem.Experts[e].ExpertId) && !slot.Pinned.Contains(problem.Experts[e].ExpertId))
                .ToList();
            Choose(application, allowed, 0, need, assigned, pairCosts);
        }

        /// <summary>Every subset of <paramref name="allowed"/> from position <paramref name="from"/> with at most <paramref name="room"/> members.</summary>
        private void Choose(int application, List<int> allowed, int from, int room, int assigned, long pairCosts)
        {
            Run(application + 1, assigned, pairCosts);
            if (room == 0)
            {
                return;
            }

            for (var i = from; i < allowed.Count; i++)
            {
                var e = allowed[i];
                var expert = problem.Experts[e];
                if (baseLoad[e] + added[e] >= expert.MaxLoad)
                {
                    continue;
                }

                added[e]++;
                Choose(application, allowed, i + 1, room - 1, assigned + 1, pairCosts + PairCost(problem.Weights, problem.Applications[application], expert));
                added[e]--;
            }
        }

        /// <summary>The k-th assignment of an expert (counting his earlier load) costs LoadStep × (k − 1).</summary>
        private long LoadCosts()
        {
            long cost = 0;
            for (var e = 0; e < added.Length; e++)
            {
                for (var k = baseLoad[e] + 1; k <= baseLoad[e] + added[e]; k++)
                {
                    cost += (long)problem.Weights.LoadStep * (k - 1);
                }
            }

            return cost;
        }

        private void Offer(Optimum candidate)
        {
            if (candidate.Assigned > Best.Assigned || (candidate.Assigned == Best.Assigned && candidate.Cost < Best.Cost))
            {
                Best = candidate;
            }
        }
    }
}
