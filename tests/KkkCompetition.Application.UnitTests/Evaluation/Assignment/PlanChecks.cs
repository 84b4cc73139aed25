using KkkCompetition.Application.Evaluation.Assignment;

namespace KkkCompetition.Application.UnitTests.Evaluation.Assignment;

/// <summary>What must hold for any plan of any problem, checked from the problem alone.</summary>
public static class PlanChecks
{
    public static void HardRulesHold(AssignmentProblem problem, AssignmentPlan plan)
    {
        var slots = problem.Applications.ToDictionary(a => a.ApplicationId);
        var experts = problem.Experts.ToDictionary(e => e.ExpertId);
        Assert.Equal(plan.Pairs.Count, plan.Pairs.Select(p => (p.ApplicationId, p.ExpertId)).Distinct().Count());
        foreach (var pair in plan.Pairs)
        {
            var slot = slots[pair.ApplicationId];
            Assert.DoesNotContain(pair.ExpertId, slot.Forbidden);
            Assert.DoesNotContain(pair.ExpertId, slot.AlreadyAssigned);
            Assert.True(experts.ContainsKey(pair.ExpertId));
        }

        foreach (var slot in problem.Applications)
        {
            var pinned = slot.Pinned.Where(id => !slot.AlreadyAssigned.Contains(id)).ToHashSet();
            var mine = plan.Pairs.Where(p => p.ApplicationId == slot.ApplicationId).ToList();
            Assert.Equal(pinned, mine.Where(p => p.Reasons.Pinned).Select(p => p.ExpertId).ToHashSet());
            Assert.True(mine.Count(p => !p.Reasons.Pinned) <= slot.StillNeeded(), $"{slot.ApplicationId} got more experts than it needs");
        }

        foreach (var expert in problem.Experts)
        {
            var before = expert.CurrentLoad + problem.Applications.Count(a => a.AlreadyAssigned.Contains(expert.ExpertId));
            var added = plan.Pairs.Count(p => p.ExpertId == expert.ExpertId);
            Assert.True(added == 0 || before + added <= expert.MaxLoad, $"{expert.ExpertId} ends with {before + added} over {expert.MaxLoad}");
        }
    }

    public static void PricesAndReasonsAddUp(AssignmentProblem problem, AssignmentPlan plan)
    {
        var slots = problem.Applications.ToDictionary(a => a.ApplicationId);
        var experts = problem.Experts.ToDictionary(e => e.ExpertId);
        Assert.Equal(plan.Pairs.Sum(p => p.Cost), plan.TotalCost);
        foreach (var group in plan.Pairs.GroupBy(p => p.ExpertId))
        {
            var expert = experts[group.Key];
            var before = expert.CurrentLoad + problem.Applications.Count(a => a.AlreadyAssigned.Contains(expert.ExpertId));
            Assert.Equal(Enumerable.Range(before + 1, group.Count()), group.Select(p => p.Reasons.LoadAfter).Order());
            foreach (var pair in group)
            {
                var slot = slots[pair.ApplicationId];
                var kis = slot.KisCodes.Count(expert.KisCodes.Contains);
                var otherRegion = slot.Voivodeship != expert.Voivodeship;
                Assert.Equal((kis, otherRegion, expert.MaxLoad), (pair.Reasons.KisMatches, pair.Reasons.OtherVoivodeship, pair.Reasons.MaxLoad));
                Assert.Equal(problem.Weights.PairCost(kis, otherRegion) + problem.Weights.LoadCost(pair.Reasons.LoadAfter), pair.Cost);
            }
        }
    }

    public static void ShortfallsAreExact(AssignmentProblem problem, AssignmentPlan plan)
    {
        var shortfalls = plan.Shortfalls.ToDictionary(s => s.ApplicationId);
        foreach (var slot in problem.Applications)
        {
            var chosen = plan.Pairs.Count(p => p.ApplicationId == slot.ApplicationId && !p.Reasons.Pinned);
            var missing = slot.StillNeeded() - chosen;
            if (missing == 0)
            {
                Assert.False(shortfalls.ContainsKey(slot.ApplicationId));
                continue;
            }

            var shortfall = shortfalls[slot.ApplicationId];
            Assert.Equal(missing, shortfall.Missing);
            Assert.NotEmpty(shortfall.Why);
            Assert.All(shortfall.Why, w => Assert.InRange(w.Experts, w.Code == ShortfallReasons.CapacityExhausted ? 1 : 0, w.OutOf));
        }

        Assert.Equal(plan.Shortfalls.Count, problem.Applications.Count(s => s.StillNeeded() > plan.Pairs.Count(p => p.ApplicationId == s.ApplicationId && !p.Reasons.Pinned)));
    }
}
