using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class AssignmentPairRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 6, 1);
    private const string CoordinatorNip = "5260250274";
    private const string MemberNip = "7740001454";
    private const string UnrelatedNip = "1132853869";
    private static readonly HashSet<string> ApplicationNips = [CoordinatorNip, MemberNip];
    private static readonly Guid ApplicationId = Guid.NewGuid();

    private static Expert Expert(int maxLoad = 3, bool available = true, params ExpertAffiliation[] affiliations)
    {
        var expert = Domain.Evaluation.Expert.Invite("ekspert@example.pl", "Jan Ekspert", "t", Guid.NewGuid(), Now, Now.AddDays(14));
        expert.AcceptInvitation("t", Guid.NewGuid(), Now);
        expert.UpdateProfile(new ExpertProfile("Jan Ekspert", "02", ["KIS1"], maxLoad, available, affiliations), Now);
        return expert;
    }

    private static ExpertAffiliation Works(string nip, DateOnly? until = null) => new(nip, "Firma", new DateOnly(2020, 1, 1), until);

    private static ExpertAssignment Assignment(Expert expert) =>
        ExpertAssignment.Create(Guid.NewGuid(), ApplicationId, expert.Id, AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), Now, Now.AddDays(14));

    [Fact]
    public void A_clean_expert_with_a_free_place_may_take_the_application()
    {
        var expert = Expert(affiliations: [Works(UnrelatedNip)]);

        Assert.Null(AssignmentPairRules.Check(expert, ApplicationNips, [], false, 2, Today));
        Assert.Null(AssignmentPairRules.Exclusion(expert, ApplicationNips, [], Today));
    }

    [Theory]
    [InlineData(CoordinatorNip)]
    [InlineData(MemberNip)]
    public void An_affiliation_with_the_coordinator_or_a_member_is_a_conflict_naming_the_nip(string nip)
    {
        var expert = Expert(affiliations: [Works(UnrelatedNip), Works(nip)]);

        var obstacle = AssignmentPairRules.Check(expert, ApplicationNips, [], false, 0, Today);

        Assert.Equal(AssignmentPairRules.ConflictOfInterest, obstacle!.Code);
        Assert.Equal(nip, obstacle.Nip);
        Assert.Equal([nip], obstacle.Arguments);
        Assert.Equal(obstacle.Code, obstacle.ToViolation().Code);
    }

    [Fact]
    public void An_affiliation_ended_more_than_three_years_ago_no_longer_conflicts()
    {
        var old = Expert(affiliations: [Works(CoordinatorNip, Today.AddYears(-3).AddDays(-1))]);
        var recent = Expert(affiliations: [Works(CoordinatorNip, Today.AddYears(-3))]);

        Assert.Null(AssignmentPairRules.Exclusion(old, ApplicationNips, [], Today));
        Assert.Equal(AssignmentPairRules.ConflictOfInterest, AssignmentPairRules.Exclusion(recent, ApplicationNips, [], Today)!.Code);
    }

    [Fact]
    public void A_declared_conflict_excludes_the_expert_from_that_application_for_good()
    {
        var expert = Expert();
        var earlier = Assignment(expert);
        earlier.DeclareConflict("Pracowałem dla członka klastra.", Now);

        Assert.Equal(AssignmentPairRules.ConflictDeclared, AssignmentPairRules.Exclusion(expert, ApplicationNips, [earlier], Today)!.Code);
    }

    [Fact]
    public void An_expert_who_has_seen_the_application_is_never_assigned_to_it_again()
    {
        var expert = Expert();
        var seen = Assignment(expert);
        seen.SignDeclaration(Now);
        seen.Release("Termin minął.", Now.AddDays(15));
        var unseen = Assignment(expert);
        unseen.Release("Choroba.", Now);

        Assert.Equal(AssignmentPairRules.SeenBefore, AssignmentPairRules.Exclusion(expert, ApplicationNips, [seen], Today)!.Code);
        // Released before signing: he has seen nothing, so by hand he may be assigned again.
        Assert.Null(AssignmentPairRules.Check(expert, ApplicationNips, [unseen], false, 0, Today));
    }

    [Fact]
    public void An_expert_already_on_the_application_cannot_be_added_twice()
    {
        var expert = Expert();

        Assert.Equal(AssignmentPairRules.AlreadyAssigned, AssignmentPairRules.Check(expert, ApplicationNips, [Assignment(expert)], false, 1, Today)!.Code);
    }

    [Fact]
    public void A_pair_an_official_forbade_is_refused()
    {
        Assert.Equal(AssignmentPairRules.PairForbidden, AssignmentPairRules.Check(Expert(), ApplicationNips, [], true, 0, Today)!.Code);
    }

    [Fact]
    public void An_expert_at_his_maximum_load_is_refused_with_the_numbers()
    {
        var expert = Expert(maxLoad: 3);

        Assert.Null(AssignmentPairRules.Check(expert, ApplicationNips, [], false, 2, Today));
        var obstacle = AssignmentPairRules.Check(expert, ApplicationNips, [], false, 3, Today);
        Assert.Equal(AssignmentPairRules.OverCapacity, obstacle!.Code);
        Assert.Equal([3, 3], obstacle.Arguments);
    }

    [Fact]
    public void An_unavailable_expert_is_refused()
    {
        Assert.Equal(AssignmentPairRules.ExpertNotAssignable, AssignmentPairRules.Check(Expert(available: false), ApplicationNips, [], false, 0, Today)!.Code);
    }

    [Fact]
    public void The_whole_competitions_conflicts_are_the_pairs_the_per_pair_rule_excludes_with_the_same_nip()
    {
        // Few NIPs for many parties, so that pairs share one, several or none; a third of the affiliations ended before the window.
        var random = new Random(20270601);
        var nips = Enumerable.Range(0, 120).Select(i => KkkCompetition.Domain.Identifiers.PolishIdentifiers.CompleteNip((100_000_000 + (i * 7919)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture))).Distinct().ToList();
        var experts = Enumerable.Range(0, 40).Select(_ => Expert(affiliations: [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
            Works(nips[random.Next(nips.Count)], random.Next(3) == 0 ? Today.AddYears(-3).AddDays(-random.Next(1, 400)) : null))])).ToList();
        var applications = Enumerable.Range(0, 50).Select(_ => new ApplicationNipSet(Guid.NewGuid(), Enumerable.Range(0, 12).Select(_ => nips[random.Next(nips.Count)]).ToHashSet(StringComparer.Ordinal))).ToList();

        var setWise = AssignmentPairRules.ConflictsOfInterest(experts.Select(e => new ExpertNips(e.Id, AssignmentPairRules.RecentNips(e, Today))), applications);

        var perPair = (from e in experts
                       from a in applications
                       let obstacle = AssignmentPairRules.Exclusion(e, a.Nips, [], Today)
                       where obstacle is not null
                       select new ConflictOfInterestPair(e.Id, a.ApplicationId, obstacle.Nip!)).ToList();
        Assert.InRange(perPair.Count, 50, experts.Count * applications.Count / 2);
        Assert.Equal(perPair.OrderBy(p => p.ExpertId).ThenBy(p => p.ApplicationId), setWise.OrderBy(p => p.ExpertId).ThenBy(p => p.ApplicationId));
    }

    [Fact]
    public void Of_several_shared_nips_the_lowest_is_named_and_an_old_affiliation_is_no_conflict()
    {
        var expert = Expert(affiliations: [Works(MemberNip), Works(CoordinatorNip), Works(UnrelatedNip, Today.AddYears(-3).AddDays(-1))]);
        var clean = new ApplicationNipSet(Guid.NewGuid(), new HashSet<string>([UnrelatedNip], StringComparer.Ordinal));
        var both = new ApplicationNipSet(ApplicationId, ApplicationNips);

        var pairs = AssignmentPairRules.ConflictsOfInterest([new ExpertNips(expert.Id, AssignmentPairRules.RecentNips(expert, Today))], [clean, both]);

        Assert.Equal([new ConflictOfInterestPair(expert.Id, ApplicationId, CoordinatorNip)], pairs);
        Assert.Equal(CoordinatorNip, AssignmentPairRules.ConflictingNip(AssignmentPairRules.RecentNips(expert, Today), ApplicationNips));
    }

    [Theory]
    [InlineData("2027-01-15T09:30:00Z", 14, "2027-01-29T22:59:59Z")] // Friday + 14 days: a Friday, 23:59:59 CET
    [InlineData("2027-01-15T09:30:00Z", 1, "2027-01-18T22:59:59Z")] // ends on a Saturday: moves to Monday
    [InlineData("2027-06-01T09:00:00Z", 14, "2027-06-15T21:59:59Z")] // summer time: 23:59:59 CEST
    [InlineData("2027-01-15T23:30:00Z", 1, "2027-01-18T22:59:59Z")] // already Saturday in Warsaw: counted from Saturday → Sunday → Monday
    public void The_scoring_deadline_is_the_last_second_of_the_windows_last_working_day_in_Warsaw(string assignedAt, int days, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ScoringDeadline.For(DateTimeOffset.Parse(assignedAt, System.Globalization.CultureInfo.InvariantCulture), days));
    }
}
