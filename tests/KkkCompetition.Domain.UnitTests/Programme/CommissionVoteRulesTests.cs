using KkkCompetition.Domain.Certification;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

/// <summary>The commission's rules shared by its vote on certification and on a phase evaluation's decisions.</summary>
public sealed class CommissionVoteRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void The_quorum_is_more_than_half_of_the_members(int members, int quorum) =>
        Assert.Equal(quorum, CommissionVoteRules.QuorumOf(members));

    [Fact]
    public void Without_a_quorum_the_refusal_names_the_items_and_votes_missing_the_quorum_and_the_members()
    {
        // Four members, a quorum of three: one item lacks two votes, another all three.
        var refused = Refusal(() => CommissionVoteRules.EnsureQuorum([new VoteCount(1, 0, 0), new VoteCount(0, 0, 0), new VoteCount(1, 1, 1)], 4));

        Assert.Equal("commission.no_quorum", refused.Code);
        Assert.Equal([2, 5, 3, 4], refused.Arguments);
    }

    [Fact]
    public void With_a_quorum_on_every_item_abstentions_included_the_check_passes()
    {
        CommissionVoteRules.EnsureQuorum([new VoteCount(0, 0, 3), new VoteCount(2, 1, 0)], 4);
        CommissionVoteRules.EnsureQuorum([], 4);
    }

    [Fact]
    public void A_second_vote_on_the_same_item_is_refused_naming_what_it_is() =>
        Assert.Equal(["decision"], Refusal(() => CommissionVoteRules.EnsureNotVotedYet(true, "decision")).Arguments);
}
