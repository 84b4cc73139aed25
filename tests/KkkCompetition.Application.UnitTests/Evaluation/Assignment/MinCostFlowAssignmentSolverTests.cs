using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure;
using KkkCompetition.Infrastructure.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.UnitTests.Evaluation.Assignment;

/// <summary>The OR-Tools solver (native library included): optimal against brute force, never breaking a hard rule, explainable.</summary>
public sealed class MinCostFlowAssignmentSolverTests
{
    private static readonly MinCostFlowAssignmentSolver Solver = new();

    public static TheoryData<int> BruteForceSeeds => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(BruteForceSeeds))]
    public void Finds_as_many_experts_and_the_same_lowest_price_as_trying_every_plan(int seed)
    {
        var problem = RandomAssignmentProblems.Create(seed, SmallShape(seed));

        var plan = Solver.Solve(problem);
        var best = BruteForceAssignment.Solve(problem);

        Assert.Equal(best.Assigned, plan.Pairs.Count(p => !p.Reasons.Pinned));
        Assert.Equal(best.Cost, plan.TotalCost);
    }

    [Fact]
    public void The_brute_force_instances_cover_kept_pairs_pins_and_shortfalls()
    {
        // A comparison over trivial instances would prove little: make sure the seeds reach every feature.
        var problems = BruteForceSeeds.Select(s => RandomAssignmentProblems.Create(s.Data, SmallShape(s.Data))).ToList();
        var plans = problems.Select(Solver.Solve).ToList();

        var withKept = problems.Count(p => p.Applications.Any(a => a.AlreadyAssigned.Count > 0));
        var withPins = problems.Count(p => p.Applications.Any(a => a.Pinned.Count > 0));
        var withShortfall = plans.Count(p => !p.IsComplete);
        var withBothReasons = plans.Count(p => p.Shortfalls.Any(s => s.Why.Count == 2));
        var loadedTwice = plans.Count(p => p.Pairs.Any(x => x.Reasons.LoadAfter >= 2));
        Assert.True(withKept >= 100 && withPins >= 60 && withShortfall >= 80 && withBothReasons >= 3 && loadedTwice >= 150,
            $"kept {withKept}, pins {withPins}, shortfalls {withShortfall}, both reasons {withBothReasons}, load 2+ {loadedTwice}");
    }

    private static RandomAssignmentProblems.Shape SmallShape(int seed) =>
        RandomAssignmentProblems.Small with { Applications = 3 + seed % 2, Experts = 4 + seed / 2 % 2 };

    public static TheoryData<int> PropertySeeds => [.. Enumerable.Range(1000, 60)];

    [Theory]
    [MemberData(nameof(PropertySeeds))]
    public void Never_breaks_a_hard_rule_and_explains_every_pair_and_every_gap(int seed)
    {
        var shape = new RandomAssignmentProblems.Shape(Applications: 10 + seed % 25, Experts: 5 + seed % 30, ExpertsNeeded: 1 + seed % 3,
            MaxLoad: 1 + seed % 6, Conflicts: 0.15, Kept: 0.05, Pins: 0.03, RandomWeights: seed % 2 == 0);
        var problem = RandomAssignmentProblems.Create(seed, shape);

        var plan = Solver.Solve(problem);

        PlanChecks.HardRulesHold(problem, plan);
        PlanChecks.PricesAndReasonsAddUp(problem, plan);
        PlanChecks.ShortfallsAreExact(problem, plan);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void The_same_problem_in_any_order_gives_the_same_plan(int seed)
    {
        var shape = new RandomAssignmentProblems.Shape(40, 25, 2, 4, 0.1, 0.05, 0.02, RandomWeights: false);
        var problem = RandomAssignmentProblems.Create(seed, shape);
        var random = new Random(seed);
        var shuffled = problem with
        {
            Applications = [.. problem.Applications.OrderBy(_ => random.Next()).Select(a => a with { Forbidden = a.Forbidden.OrderBy(_ => random.Next()).ToHashSet() })],
            Experts = [.. problem.Experts.OrderBy(_ => random.Next())],
        };

        var first = Solver.Solve(problem);
        var again = Solver.Solve(problem);
        var reordered = Solver.Solve(shuffled);

        Assert.Equal(first.Pairs, again.Pairs);
        Assert.Equal(first.Pairs, reordered.Pairs);
        Assert.Equal(first.TotalCost, reordered.TotalCost);
        Assert.Equal(Describe(first.Shortfalls), Describe(reordered.Shortfalls));
    }

    [Fact]
    public void Assigns_as_many_experts_as_possible_before_looking_at_the_price()
    {
        // The cheap choice for A (the only matching expert) would leave B, who can only take that expert, empty.
        var both = Expert(1, "14", ["KIS1"], maxLoad: 1);
        var other = Expert(2, "14", ["KIS9"], maxLoad: 1);
        var a = Slot(1, need: 1, "02", ["KIS1"]);
        var b = Slot(2, need: 1, "02", ["KIS1"], forbidden: [other.ExpertId]);

        var plan = Solver.Solve(Problem([a, b], [both, other]));

        Assert.True(plan.IsComplete);
        Assert.Equal([(a.ApplicationId, other.ExpertId), (b.ApplicationId, both.ExpertId)], Pairs(plan));
    }

    [Fact]
    public void Prefers_a_matching_specialisation_and_another_region()
    {
        var sameRegionNoMatch = Expert(1, "14", ["KIS2"]);
        var sameRegionMatch = Expert(2, "14", ["KIS1"]);
        var otherRegionNoMatch = Expert(3, "02", ["KIS2"]);
        var otherRegionMatch = Expert(4, "02", ["KIS1", "KIS3"]);
        var application = Slot(1, need: 2, "14", ["KIS1", "KIS3"]);

        var plan = Solver.Solve(Problem([application], [sameRegionNoMatch, sameRegionMatch, otherRegionNoMatch, otherRegionMatch]));

        Assert.Equal(new[] { sameRegionMatch.ExpertId, otherRegionMatch.ExpertId }, plan.Pairs.Select(p => p.ExpertId).Order());
        var best = plan.Pairs.Single(p => p.ExpertId == otherRegionMatch.ExpertId);
        Assert.Equal(new PairReasons(KisMatches: 2, OtherVoivodeship: true, LoadAfter: 1, MaxLoad: 5, Pinned: false), best.Reasons);
        Assert.Equal(0, best.Cost);
        var second = plan.Pairs.Single(p => p.ExpertId == sameRegionMatch.ExpertId);
        Assert.Equal(new PairReasons(1, false, 1, 5, false), second.Reasons);
        Assert.Equal(AssignmentWeights.Default.SameVoivodeship, second.Cost);
    }

    [Fact]
    public void Spreads_the_work_evenly_between_equally_good_experts()
    {
        // Without the rising load price, giving all eight to one expert would be as cheap as any other split.
        var experts = Enumerable.Range(1, 4).Select(i => Expert(i, "02", ["KIS1"], maxLoad: 8)).ToList();
        var applications = Enumerable.Range(1, 8).Select(i => Slot(i, need: 1, "14", ["KIS1"])).ToList();

        var plan = Solver.Solve(Problem(applications, experts));

        Assert.All(experts, e => Assert.Equal(2, plan.Pairs.Count(p => p.ExpertId == e.ExpertId)));
        Assert.Equal(4 * AssignmentWeights.Default.LoadCost(2), plan.TotalCost);
    }

    [Fact]
    public void Kept_pairs_count_toward_the_need_and_the_load()
    {
        var busy = Expert(1, "02", ["KIS1"], maxLoad: 2);
        var free = Expert(2, "02", ["KIS2"], maxLoad: 2);
        var keeps = Slot(1, need: 2, "14", ["KIS1"], kept: [busy.ExpertId]);
        var keepsToo = Slot(2, need: 1, "14", ["KIS1"], kept: [busy.ExpertId]);
        var fresh = Slot(3, need: 1, "14", ["KIS1"]);

        var plan = Solver.Solve(Problem([keeps, keepsToo, fresh], [busy, free]));

        // busy is full with the two kept pairs, so both new places go to free, whose load rises from 0.
        Assert.Equal([(keeps.ApplicationId, free.ExpertId), (fresh.ApplicationId, free.ExpertId)], Pairs(plan));
        Assert.Equal([1, 2], plan.Pairs.Select(p => p.Reasons.LoadAfter));
        Assert.True(plan.IsComplete);
    }

    [Fact]
    public void Load_held_outside_the_run_counts_toward_the_maximum()
    {
        var full = Expert(1, "02", ["KIS1"], maxLoad: 3, currentLoad: 3);
        var application = Slot(1, need: 1, "14", ["KIS1"]);

        var plan = Solver.Solve(Problem([application], [full]));

        Assert.Empty(plan.Pairs);
        Assert.Equal([new ShortfallReason(ShortfallReasons.CapacityExhausted, 1, 1)], Assert.Single(plan.Shortfalls).Why);
    }

    [Fact]
    public void A_pinned_pair_is_kept_whatever_it_costs_and_counts_toward_the_need()
    {
        var ideal = Expert(1, "02", ["KIS1"]);
        var poor = Expert(2, "14", ["KIS9"]);
        var application = Slot(1, need: 1, "14", ["KIS1"], pinned: [poor.ExpertId]);

        var plan = Solver.Solve(Problem([application], [ideal, poor]));

        var pair = Assert.Single(plan.Pairs);
        Assert.Equal(poor.ExpertId, pair.ExpertId);
        Assert.Equal(new PairReasons(0, false, 1, 5, Pinned: true), pair.Reasons);
        Assert.Equal(AssignmentWeights.Default.KisMismatch + AssignmentWeights.Default.SameVoivodeship, plan.TotalCost);
    }

    [Fact]
    public void A_pinned_pair_takes_a_place_of_the_experts_load()
    {
        var expert = Expert(1, "02", ["KIS1"], maxLoad: 1);
        var pinnedTo = Slot(1, need: 1, "14", ["KIS1"], pinned: [expert.ExpertId]);
        var other = Slot(2, need: 1, "14", ["KIS1"]);

        var plan = Solver.Solve(Problem([pinnedTo, other], [expert]));

        Assert.Equal([(pinnedTo.ApplicationId, expert.ExpertId)], Pairs(plan));
        Assert.Equal(other.ApplicationId, Assert.Single(plan.Shortfalls).ApplicationId);
    }

    [Fact]
    public void An_application_short_of_unconflicted_experts_says_how_many_are_excluded()
    {
        var experts = Enumerable.Range(1, 4).Select(i => Expert(i, "02", ["KIS1"])).ToList();
        var application = Slot(1, need: 2, "14", ["KIS1"], forbidden: [.. experts.Take(3).Select(e => e.ExpertId)]);

        var plan = Solver.Solve(Problem([application], experts));

        Assert.Equal([(application.ApplicationId, experts[3].ExpertId)], Pairs(plan));
        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal(1, shortfall.Missing);
        Assert.Equal([new ShortfallReason(ShortfallReasons.NoCandidatesLeft, Experts: 3, OutOf: 4)], shortfall.Why);
    }

    [Fact]
    public void An_application_short_because_the_others_took_the_capacity_says_how_many_are_full()
    {
        var experts = Enumerable.Range(1, 3).Select(i => Expert(i, "02", ["KIS1"], maxLoad: 1)).ToList();
        var applications = Enumerable.Range(1, 2).Select(i => Slot(i, need: 2, "14", ["KIS1"])).ToList();

        var plan = Solver.Solve(Problem(applications, experts));

        Assert.Equal(3, plan.Pairs.Count);
        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal(1, shortfall.Missing);
        Assert.Equal([new ShortfallReason(ShortfallReasons.CapacityExhausted, Experts: 2, OutOf: 3)], shortfall.Why);
    }

    [Fact]
    public void Both_causes_are_given_when_both_apply()
    {
        var conflicted = Expert(1, "02", ["KIS1"]);
        var full = Expert(2, "02", ["KIS1"], maxLoad: 2, currentLoad: 2);
        var free = Expert(3, "02", ["KIS1"]);
        var application = Slot(1, need: 3, "14", ["KIS1"], forbidden: [conflicted.ExpertId]);

        var plan = Solver.Solve(Problem([application], [conflicted, full, free]));

        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal(2, shortfall.Missing);
        Assert.Equal(
            [new ShortfallReason(ShortfallReasons.NoCandidatesLeft, 1, 3), new ShortfallReason(ShortfallReasons.CapacityExhausted, 1, 2)],
            shortfall.Why);
    }

    [Fact]
    public void A_pinned_pair_that_is_also_forbidden_is_refused()
    {
        var expert = Expert(1, "02", ["KIS1"]);
        var application = Slot(1, need: 1, "14", ["KIS1"], forbidden: [expert.ExpertId], pinned: [expert.ExpertId]);

        var refusal = Assert.Throws<BusinessRuleViolation>(() => Solver.Solve(Problem([application], [expert])));

        Assert.Equal(AssignmentRuleCodes.PinnedPairForbidden, refusal.Code);
        Assert.Equal(new object[] { application.ApplicationId, expert.ExpertId }, refusal.Arguments);
    }

    [Fact]
    public void Pins_over_the_experts_maximum_load_are_refused()
    {
        var expert = Expert(1, "02", ["KIS1"], maxLoad: 2, currentLoad: 1);
        var applications = Enumerable.Range(1, 2).Select(i => Slot(i, need: 1, "14", ["KIS1"], pinned: [expert.ExpertId])).ToList();

        var refusal = Assert.Throws<BusinessRuleViolation>(() => Solver.Solve(Problem(applications, [expert])));

        Assert.Equal(AssignmentRuleCodes.PinnedOverCapacity, refusal.Code);
        Assert.Equal(new object[] { expert.ExpertId, 3, 2 }, refusal.Arguments);
    }

    [Fact]
    public void Pins_within_the_maximum_load_are_accepted()
    {
        var expert = Expert(1, "02", ["KIS1"], maxLoad: 3, currentLoad: 1);
        var applications = Enumerable.Range(1, 2).Select(i => Slot(i, need: 1, "14", ["KIS1"], pinned: [expert.ExpertId])).ToList();

        var plan = Solver.Solve(Problem(applications, [expert]));

        Assert.Equal([2, 3], plan.Pairs.Select(p => p.Reasons.LoadAfter).Order());
    }

    [Fact]
    public void A_pin_of_an_expert_outside_the_pool_is_refused()
    {
        var application = Slot(1, need: 1, "14", ["KIS1"], pinned: [Id(99)]);

        var refusal = Assert.Throws<BusinessRuleViolation>(() => Solver.Solve(Problem([application], [Expert(1, "02", ["KIS1"])])));

        Assert.Equal(AssignmentRuleCodes.PinnedExpertUnknown, refusal.Code);
    }

    [Fact]
    public void A_kept_pair_that_is_now_forbidden_is_refused()
    {
        var expert = Expert(1, "02", ["KIS1"]);
        var application = Slot(1, need: 1, "14", ["KIS1"], kept: [expert.ExpertId], forbidden: [expert.ExpertId]);

        var refusal = Assert.Throws<BusinessRuleViolation>(() => Solver.Solve(Problem([application], [expert])));

        Assert.Equal(AssignmentRuleCodes.KeptPairForbidden, refusal.Code);
    }

    [Fact]
    public void The_same_application_twice_is_a_mistake_of_the_caller()
    {
        var application = Slot(1, need: 1, "14", ["KIS1"]);

        Assert.Throws<ArgumentException>(() => Solver.Solve(Problem([application, application], [Expert(1, "02", ["KIS1"])])));
    }

    [Fact]
    public void A_falling_load_price_is_a_mistake_of_the_caller()
    {
        var problem = Problem([Slot(1, need: 1, "14", ["KIS1"])], [Expert(1, "02", ["KIS1"])]) with { Weights = AssignmentWeights.Default with { LoadStep = -1 } };

        Assert.Throws<ArgumentOutOfRangeException>(() => Solver.Solve(problem));
    }

    [Fact]
    public void Nothing_to_do_gives_an_empty_complete_plan()
    {
        var expert = Expert(1, "02", ["KIS1"]);
        var plan = Solver.Solve(Problem([Slot(1, need: 1, "14", ["KIS1"], kept: [expert.ExpertId])], [expert]));

        Assert.Empty(plan.Pairs);
        Assert.True(plan.IsComplete);
        Assert.Equal(0, plan.TotalCost);
    }

    [Fact]
    public void The_infrastructure_registers_the_solver()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration, Path.GetTempPath()).BuildServiceProvider();

        Assert.IsType<MinCostFlowAssignmentSolver>(services.GetRequiredService<IAssignmentSolver>());
    }

    private static AssignmentProblem Problem(IReadOnlyList<ApplicationSlot> applications, IReadOnlyList<ExpertCandidate> experts) =>
        new(applications, experts, AssignmentWeights.Default);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static ExpertCandidate Expert(int n, string region, string[] kis, int maxLoad = 5, int currentLoad = 0) =>
        new(Id(n), region, kis.ToHashSet(), maxLoad, currentLoad);

    private static ApplicationSlot Slot(int n, int need, string region, string[] kis, Guid[]? kept = null, Guid[]? forbidden = null, Guid[]? pinned = null) =>
        new(Id(1000 + n), need, region, kis.ToHashSet(), (kept ?? []).ToHashSet(), (forbidden ?? []).ToHashSet(), (pinned ?? []).ToHashSet());

    private static List<(Guid, Guid)> Pairs(AssignmentPlan plan) => [.. plan.Pairs.Select(p => (p.ApplicationId, p.ExpertId))];

    private static List<string> Describe(IEnumerable<Shortfall> shortfalls) =>
        [.. shortfalls.Select(s => $"{s.ApplicationId} -{s.Missing}: {string.Join(", ", s.Why)}")];
}
