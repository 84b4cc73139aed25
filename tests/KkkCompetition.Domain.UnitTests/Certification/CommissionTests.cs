using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.UnitTests.Certification;

public sealed class CommissionTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompetitionId = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.CreateVersion7();
    private static readonly string NipA = PolishIdentifiers.CompleteNip("526000101");
    private static readonly string NipB = PolishIdentifiers.CompleteNip("526000202");
    private static readonly string NipC = PolishIdentifiers.CompleteNip("526000303");

    private static readonly VotingItem Passed = new(Guid.CreateVersion7(), 1, 120m, true);
    private static readonly VotingItem Failed = new(Guid.CreateVersion7(), 2, 90m, false);

    private static CommissionMember Member(string name = "Anna Nowak", IReadOnlyCollection<string>? nips = null, CommissionSide side = CommissionSide.Ministry, string? voivodeship = null) =>
        CommissionMember.Appoint(CompetitionId, Guid.CreateVersion7(), "anna@gov.pl", name, side, voivodeship, nips ?? [], false, Official, Now);

    private static CommissionVoting OpenVoting(int members = 3, params VotingItem[] items) =>
        CommissionVoting.Open(CompetitionId, items.Length == 0 ? [Passed, Failed] : items, members, false, Official, Now);

    private static IReadOnlySet<string> Nips(params string[] nips) => nips.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_member_is_appointed_with_side_voivodeship_and_normalised_nips()
    {
        var member = Member(nips: [NipA, NipA[..3] + "-" + NipA[3..]], side: CommissionSide.Regional, voivodeship: "22");

        Assert.Equal((CommissionSide.Regional, "22"), (member.Side, member.VoivodeshipTeryt));
        Assert.Equal([NipA], member.AffiliationNips);
    }

    [Theory]
    [InlineData(CommissionSide.Regional, null, "commission.voivodeship_required")]
    [InlineData(CommissionSide.Ministry, "22", "commission.voivodeship_not_allowed")]
    public void The_side_decides_whether_a_voivodeship_is_given(CommissionSide side, string? voivodeship, string code)
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Member(side: side, voivodeship: voivodeship));
        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void An_invalid_nip_or_a_missing_name_is_refused()
    {
        Assert.Equal("commission.affiliation_nip_invalid", Assert.Throws<BusinessRuleViolation>(() => Member(nips: ["1234567890"])).Code);
        Assert.Equal("commission.name_required", Assert.Throws<BusinessRuleViolation>(() => Member(name: " ")).Code);
    }

    [Fact]
    public void The_commission_cannot_change_while_a_voting_is_open()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() =>
            CommissionMember.Appoint(CompetitionId, Guid.CreateVersion7(), "a@gov.pl", "A B", CommissionSide.Ministry, null, [], true, Official, Now));
        Assert.Equal(CommissionRules.VotingOpen, refused.Code);
        Assert.Equal(CommissionRules.VotingOpen, Assert.Throws<BusinessRuleViolation>(() => Member().EnsureRemovable(true)).Code);
        Member().EnsureRemovable(false);
    }

    [Fact]
    public void A_list_needs_evaluated_applications_members_and_no_other_open_voting()
    {
        Assert.Equal("commission.nothing_evaluated", Assert.Throws<BusinessRuleViolation>(() => CommissionVoting.Open(CompetitionId, [], 3, false, Official, Now)).Code);
        Assert.Equal("commission.no_members", Assert.Throws<BusinessRuleViolation>(() => CommissionVoting.Open(CompetitionId, [Passed], 0, false, Official, Now)).Code);
        Assert.Equal("commission.voting_already_open", Assert.Throws<BusinessRuleViolation>(() => CommissionVoting.Open(CompetitionId, [Passed], 3, true, Official, Now)).Code);

        var voting = CommissionVoting.Open(CompetitionId, [Failed, Passed], 3, false, Official, Now);
        Assert.Equal([Passed, Failed], voting.Items);
        Assert.Equal((VotingStatus.Open, 3, 2), (voting.Status, voting.MemberCount, voting.Quorum));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(9, 5)]
    [InlineData(10, 6)]
    public void The_quorum_is_more_than_half_of_the_members(int members, int quorum) =>
        Assert.Equal(quorum, OpenVoting(members).Quorum);

    [Fact]
    public void A_member_votes_once_per_application()
    {
        var voting = OpenVoting();
        var member = Member();
        var vote = voting.Cast(member, Passed.ApplicationId, VoteChoice.For, "  Dobry klaster.  ", [], Nips(NipB), Now);
        Assert.Equal((voting.Id, member.Id, VoteChoice.For, "Dobry klaster."), (vote.VotingId, vote.MemberId, vote.Choice, vote.Comment));

        var twice = Assert.Throws<BusinessRuleViolation>(() => voting.Cast(member, Passed.ApplicationId, VoteChoice.Against, null, [vote], Nips(NipB), Now));
        Assert.Equal("commission.already_voted", twice.Code);

        // The same member on another application, and another member on the same one, may vote.
        voting.Cast(member, Failed.ApplicationId, VoteChoice.Against, null, [vote], Nips(NipB), Now);
        voting.Cast(Member("Jan Kowalski"), Passed.ApplicationId, VoteChoice.Abstain, null, [vote], Nips(NipB), Now);
    }

    [Fact]
    public void A_member_who_belongs_to_the_coordinator_or_a_member_cannot_vote()
    {
        var voting = OpenVoting();
        var member = Member(nips: [NipC, NipA]);

        var refused = Assert.Throws<BusinessRuleViolation>(() => voting.Cast(member, Passed.ApplicationId, VoteChoice.For, null, [], Nips(NipB, NipC, NipA), Now));

        Assert.Equal(CommissionRules.ConflictOfInterest, refused.Code);
        Assert.Equal([new[] { NipA, NipC }.Order(StringComparer.Ordinal).First()], refused.Arguments);
        voting.Cast(member, Passed.ApplicationId, VoteChoice.For, null, [], Nips(NipB), Now);
    }

    [Fact]
    public void No_vote_on_a_closed_voting_nor_on_an_application_off_the_list_nor_with_a_long_comment()
    {
        var members = new[] { Member("A A"), Member("B B") };
        var voting = OpenVoting(2, Passed);
        var votes = members.Select(m => voting.Cast(m, Passed.ApplicationId, VoteChoice.For, null, [], Nips(), Now)).ToList();
        Assert.Equal("commission.application_not_on_list",
            Assert.Throws<BusinessRuleViolation>(() => voting.Cast(Member(), Failed.ApplicationId, VoteChoice.For, null, [], Nips(), Now)).Code);
        Assert.Equal("commission.comment_too_long",
            Assert.Throws<BusinessRuleViolation>(() => voting.Cast(Member(), Passed.ApplicationId, VoteChoice.For, new string('x', CommissionVoting.MaxCommentLength + 1), [], Nips(), Now)).Code);

        voting.Close(votes, Official, Now);

        Assert.Equal("commission.voting_closed",
            Assert.Throws<BusinessRuleViolation>(() => voting.Cast(Member(), Passed.ApplicationId, VoteChoice.For, null, [], Nips(), Now)).Code);
        Assert.Equal("commission.voting_closed", Assert.Throws<BusinessRuleViolation>(() => voting.Close(votes, Official, Now)).Code);
    }

    [Fact]
    public void Closing_without_quorum_on_every_application_is_refused_naming_the_missing_votes_and_changes_nothing()
    {
        var voting = OpenVoting(5);
        var members = Enumerable.Range(0, 5).Select(i => Member($"Członek {i}")).ToList();
        var votes = members.Take(3).Select(m => voting.Cast(m, Passed.ApplicationId, VoteChoice.For, null, [], Nips(), Now))
            .Append(voting.Cast(members[0], Failed.ApplicationId, VoteChoice.Against, null, [], Nips(), Now))
            .ToList();

        var refused = Assert.Throws<BusinessRuleViolation>(() => voting.Close(votes, Official, Now));

        Assert.Equal("commission.no_quorum", refused.Code);
        Assert.Equal([1, 2, 3, 5], refused.Arguments);
        Assert.Equal((VotingStatus.Open, null), (voting.Status, voting.ClosedAt));
    }

    [Fact]
    public void The_outcome_is_a_majority_of_the_votes_for_and_against_abstentions_count_for_the_quorum_only()
    {
        var voting = OpenVoting(5, Passed, Failed with { RankingPosition = 2 }, new VotingItem(Guid.CreateVersion7(), 3, 110m, true), new VotingItem(Guid.CreateVersion7(), 4, 105m, true));
        var members = Enumerable.Range(0, 5).Select(i => Member($"Członek {i}")).ToList();
        var votes = new List<CommissionVote>();
        void Vote(int item, params VoteChoice[] choices)
        {
            for (var i = 0; i < choices.Length; i++)
            {
                votes.Add(voting.Cast(members[i], voting.Items[item].ApplicationId, choices[i], null, votes, Nips(), Now));
            }
        }

        // Passed: 1 for, 0 against, 2 abstain — a quorum of 3, and the majority of the votes for and against is for.
        Vote(0, VoteChoice.For, VoteChoice.Abstain, VoteChoice.Abstain);
        // Not passed: a majority for still gives a negative outcome.
        Vote(1, VoteChoice.For, VoteChoice.For, VoteChoice.For);
        // Passed, a tie: not a majority.
        Vote(2, VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain, VoteChoice.Abstain);
        // Passed, more against.
        Vote(3, VoteChoice.For, VoteChoice.Against, VoteChoice.Against);

        var outcomes = voting.Close(votes, Official, Now);

        Assert.Equal([true, false, false, false], outcomes.Select(o => o.Positive));
        Assert.Equal([true, true, false, false], outcomes.Select(o => o.MajorityFor));
        Assert.Equal(new VoteCount(1, 0, 2), outcomes[0].Votes);
        Assert.Equal(new VoteCount(1, 1, 2), outcomes[2].Votes);
        Assert.Equal((VotingStatus.Closed, Now, (Guid?)Official), (voting.Status, voting.ClosedAt, voting.ClosedBy));
    }

    [Fact]
    public void Resolutions_are_numbered_in_the_year_of_their_warsaw_date()
    {
        var voting = OpenVoting(1, Passed);
        voting.Close([voting.Cast(Member(), Passed.ApplicationId, VoteChoice.For, null, [], Nips(), Now)], Official, Now);

        var first = CommissionResolution.Record(voting, 0, Official, Now);
        Assert.Equal(("1/2027/KKK", new DateOnly(2027, 6, 10)), (first.Number, first.ResolvedOn));
        Assert.Equal("8/2027/KKK", CommissionResolution.Record(voting, 7, Official, Now).Number);

        // 23:30 UTC on New Year's Eve is already the next year in Warsaw.
        var newYear = CommissionResolution.Record(voting, 0, Official, new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(("1/2028/KKK", 2028), (newYear.Number, newYear.Year));
    }

    [Fact]
    public void A_resolution_is_recorded_for_a_closed_voting_only()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => CommissionResolution.Record(OpenVoting(), 0, Official, Now));
        Assert.Equal("commission.voting_not_closed", refused.Code);
    }
}
