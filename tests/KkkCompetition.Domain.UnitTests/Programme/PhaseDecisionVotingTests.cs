using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class PhaseDecisionVotingTests
{
    private static readonly DateTimeOffset Later = EvaluationNow.AddDays(7);

    private static (PhaseDecisionVoting Voting, ContractEvaluation[] Evaluations) OpenWith(int members, int decided = 1)
    {
        var phaseEvaluation = Open();
        var evaluations = Enumerable.Range(0, decided).Select(_ => Decided(phaseEvaluation)).ToArray();
        return (OpenVoting(phaseEvaluation, members, evaluations), evaluations);
    }

    private static List<PhaseDecisionVote> Votes(PhaseDecisionVoting voting, ContractEvaluation evaluation, params VoteChoice[] choices) =>
        [.. choices.Select(choice => voting.Cast(Member(), evaluation.Id, choice, null, [], ClusterNips(), EvaluationNow))];

    // ---- Opening -----------------------------------------------------------------------------------------------------

    [Fact]
    public void The_decided_evaluations_go_before_the_commission()
    {
        var phaseEvaluation = Open();
        var evaluations = new[] { Decided(phaseEvaluation), Decided(phaseEvaluation, PhaseDecision.Terminate) };

        var voting = PhaseDecisionVoting.Open(phaseEvaluation, evaluations, 5, false, Official, EvaluationNow);

        Assert.Equal((phaseEvaluation.Id, CommissionCompetition, VotingStatus.Open, 5, 3), (voting.PhaseEvaluationId, voting.CommissionCompetitionId, voting.Status, voting.MemberCount, voting.Quorum));
        Assert.Equal(evaluations.Select(e => e.Id), voting.EvaluationIds);
        Assert.All(evaluations, e => Assert.Equal(ContractEvaluationStatus.BeforeCommission, e.Status));
        Assert.True(voting.IsOpen);
    }

    [Fact]
    public void Nothing_decided_is_refused() =>
        Assert.Equal("phase_evaluation.nothing_decided", Code(() => PhaseDecisionVoting.Open(Open(), [], 3, false, Official, EvaluationNow)));

    [Fact]
    public void A_commission_without_members_is_refused_and_the_decision_stays_decided()
    {
        var phaseEvaluation = Open();
        var evaluation = Decided(phaseEvaluation);

        Assert.Equal("commission.no_members", Code(() => PhaseDecisionVoting.Open(phaseEvaluation, [evaluation], 0, false, Official, EvaluationNow)));
        Assert.Equal(ContractEvaluationStatus.Decided, evaluation.Status);
    }

    [Fact]
    public void Another_open_voting_of_the_evaluation_is_refused_and_the_decision_stays_decided()
    {
        var phaseEvaluation = Open();
        var evaluation = Decided(phaseEvaluation);

        Assert.Equal("commission.voting_already_open", Code(() => PhaseDecisionVoting.Open(phaseEvaluation, [evaluation], 3, true, Official, EvaluationNow)));
        Assert.Equal(ContractEvaluationStatus.Decided, evaluation.Status);
    }

    [Fact]
    public void An_evaluation_not_decided_refuses_the_whole_list_and_changes_none()
    {
        var phaseEvaluation = Open();
        var decided = Decided(phaseEvaluation);
        var scored = Scored(phaseEvaluation);

        Assert.Equal("phase_evaluation.not_decided", Code(() => PhaseDecisionVoting.Open(phaseEvaluation, [decided, scored], 3, false, Official, EvaluationNow)));
        Assert.Equal((ContractEvaluationStatus.Decided, ContractEvaluationStatus.Scored), (decided.Status, scored.Status));
    }

    [Fact]
    public void An_evaluation_of_another_phase_evaluation_is_refused_and_changes_none()
    {
        var phaseEvaluation = Open();
        var decided = Decided(phaseEvaluation);
        var foreign = Decided(Open());

        Assert.Throws<ArgumentException>(() => PhaseDecisionVoting.Open(phaseEvaluation, [decided, foreign], 3, false, Official, EvaluationNow));
        Assert.Equal((ContractEvaluationStatus.Decided, ContractEvaluationStatus.Decided), (decided.Status, foreign.Status));
    }

    // ---- Casting -----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_member_votes_once_on_each_decision_with_the_comment_trimmed()
    {
        var (voting, evaluations) = OpenWith(3, 2);
        var member = Member();

        var vote = voting.Cast(member, evaluations[0].Id, VoteChoice.Against, "  Za mało danych.  ", [], ClusterNips(), EvaluationNow);

        Assert.Equal((voting.Id, evaluations[0].Id, member.Id, VoteChoice.Against, "Za mało danych.", EvaluationNow), (vote.VotingId, vote.EvaluationId, vote.MemberId, vote.Choice, vote.Comment, vote.CastAt));
        Assert.Equal("commission.already_voted", Code(() => voting.Cast(member, evaluations[0].Id, VoteChoice.For, null, [vote], ClusterNips(), EvaluationNow)));

        // The same member on the other decision, and another member on the same one, may vote.
        Assert.Null(voting.Cast(member, evaluations[1].Id, VoteChoice.For, "   ", [vote], ClusterNips(), EvaluationNow).Comment);
        voting.Cast(Member(), evaluations[0].Id, VoteChoice.For, null, [vote], ClusterNips(), EvaluationNow);
    }

    [Fact]
    public void A_member_belonging_to_the_coordinator_or_a_cluster_member_cannot_vote_on_its_decision()
    {
        var (voting, evaluations) = OpenWith(3);

        var refused = Refusal(() => voting.Cast(Member(OtherNip, MemberNip), evaluations[0].Id, VoteChoice.For, null, [], ClusterNips(MemberNip), EvaluationNow));
        Assert.Equal(CommissionRules.ConflictOfInterest, refused.Code);
        Assert.Equal([MemberNip], refused.Arguments);
        Assert.Equal(CommissionRules.ConflictOfInterest, Code(() => voting.Cast(Member(CoordinatorNip), evaluations[0].Id, VoteChoice.For, null, [], ClusterNips(), EvaluationNow)));

        // Belonging to an organisation outside the cluster is no conflict.
        voting.Cast(Member(OtherNip), evaluations[0].Id, VoteChoice.For, null, [], ClusterNips(MemberNip), EvaluationNow);
    }

    [Fact]
    public void A_decision_not_on_the_list_is_refused()
    {
        var (voting, _) = OpenWith(3);

        Assert.Equal("commission.application_not_on_list", Code(() => voting.Cast(Member(), Guid.CreateVersion7(), VoteChoice.For, null, [], ClusterNips(), EvaluationNow)));
    }

    [Fact]
    public void A_comment_of_2000_characters_is_allowed_and_a_longer_one_refused()
    {
        var (voting, evaluations) = OpenWith(3);

        Assert.Equal("commission.comment_too_long", Code(() => voting.Cast(Member(), evaluations[0].Id, VoteChoice.For, new string('x', CommissionVoteRules.MaxCommentLength + 1), [], ClusterNips(), EvaluationNow)));
        Assert.Equal(CommissionVoteRules.MaxCommentLength, voting.Cast(Member(), evaluations[0].Id, VoteChoice.For, new string('x', CommissionVoteRules.MaxCommentLength), [], ClusterNips(), EvaluationNow).Comment!.Length);
    }

    [Fact]
    public void A_member_of_another_commission_does_not_vote()
    {
        var (voting, evaluations) = OpenWith(3);
        var stranger = CommissionMember.Appoint(Guid.CreateVersion7(), Guid.CreateVersion7(), "obcy@gov.pl", "Jan Obcy", CommissionSide.Ministry, null, [], false, Official, EvaluationNow);

        Assert.Throws<ArgumentException>(() => voting.Cast(stranger, evaluations[0].Id, VoteChoice.For, null, [], ClusterNips(), EvaluationNow));
    }

    [Fact]
    public void A_closed_voting_takes_no_vote_and_does_not_close_again()
    {
        var (voting, evaluations) = OpenWith(1);
        var votes = Votes(voting, evaluations[0], VoteChoice.For);
        voting.Close(votes, evaluations, Official, Later);

        Assert.Equal("commission.voting_closed", Code(() => voting.Cast(Member(), evaluations[0].Id, VoteChoice.For, null, [], ClusterNips(), Later)));
        Assert.Equal("commission.voting_closed", Code(() => voting.Close(votes, evaluations, Official, Later)));
    }

    // ---- Closing -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Closing_without_a_quorum_on_every_decision_is_refused_and_changes_nothing()
    {
        var (voting, evaluations) = OpenWith(3, 2);
        var votes = Votes(voting, evaluations[0], VoteChoice.For, VoteChoice.For).Concat(Votes(voting, evaluations[1], VoteChoice.For)).ToList();

        var refused = Refusal(() => voting.Close(votes, evaluations, Official, Later));

        Assert.Equal("commission.no_quorum", refused.Code);
        Assert.Equal([1, 1, 2, 3], refused.Arguments);
        Assert.True(voting.IsOpen);
        Assert.Null(voting.ClosedAt);
        Assert.All(evaluations, e => Assert.Equal((ContractEvaluationStatus.BeforeCommission, null, null), (e.Status, e.ApprovedAt, e.CommissionRefusedAt)));
    }

    [Fact]
    public void A_majority_for_approves_the_decision()
    {
        var (voting, evaluations) = OpenWith(3);
        var votes = Votes(voting, evaluations[0], VoteChoice.For, VoteChoice.For, VoteChoice.Against);

        var outcomes = voting.Close(votes, evaluations, Official, Later);

        Assert.Equal([new PhaseDecisionOutcome(evaluations[0].Id, new VoteCount(2, 1, 0))], outcomes);
        Assert.True(outcomes[0].Approved);
        Assert.Equal((ContractEvaluationStatus.Approved, Later), (evaluations[0].Status, evaluations[0].ApprovedAt));
        Assert.Equal((VotingStatus.Closed, Later, Official), (voting.Status, voting.ClosedAt, voting.ClosedBy));
    }

    [Theory]
    [InlineData(VoteChoice.For, VoteChoice.Against)]
    [InlineData(VoteChoice.Against, VoteChoice.Against)]
    [InlineData(VoteChoice.Abstain, VoteChoice.Abstain)]
    public void A_tie_or_more_against_sends_the_decision_back_to_the_official_who_decides_again(VoteChoice first, VoteChoice second)
    {
        var (voting, evaluations) = OpenWith(3);
        var evaluation = evaluations[0];

        var outcomes = voting.Close(Votes(voting, evaluation, first, second), evaluations, Official, Later);

        Assert.False(outcomes[0].Approved);
        Assert.Equal((ContractEvaluationStatus.Scored, Later, null), (evaluation.Status, evaluation.CommissionRefusedAt, evaluation.ApprovedAt));
        Assert.False(evaluation.AllowsNextPhase);
        Decide(evaluation, PhaseDecision.Terminate);
        Assert.Equal((ContractEvaluationStatus.Decided, PhaseDecision.Terminate), (evaluation.Status, evaluation.Decision));
    }

    [Fact]
    public void Abstentions_count_for_the_quorum_only()
    {
        // Five members: a quorum is three. One for and two abstentions reach it, and one for beats none against.
        var (voting, evaluations) = OpenWith(5);

        var outcomes = voting.Close(Votes(voting, evaluations[0], VoteChoice.For, VoteChoice.Abstain, VoteChoice.Abstain), evaluations, Official, Later);

        Assert.Equal(new VoteCount(1, 0, 2), outcomes[0].Votes);
        Assert.Equal(ContractEvaluationStatus.Approved, evaluations[0].Status);
    }

    [Fact]
    public void Each_decision_is_tallied_on_its_own_in_the_order_put_to_the_commission()
    {
        var (voting, evaluations) = OpenWith(1, 2);
        var votes = Votes(voting, evaluations[1], VoteChoice.Against).Concat(Votes(voting, evaluations[0], VoteChoice.For)).ToList();

        var outcomes = voting.Close(votes, evaluations, Official, Later);

        Assert.Equal(evaluations.Select(e => e.Id), outcomes.Select(o => o.EvaluationId));
        Assert.Equal((ContractEvaluationStatus.Approved, ContractEvaluationStatus.Scored), (evaluations[0].Status, evaluations[1].Status));
    }
}
