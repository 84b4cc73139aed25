using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Programme;

/// <summary>What the close decided for one contract evaluation: the votes and whether the majority approved the decision.</summary>
public sealed record PhaseDecisionOutcome(Guid EvaluationId, VoteCount Votes)
{
    public bool Approved => Votes.MajorityFor;
}

/// <summary>
/// The commission's vote on the decisions of a phase evaluation (domain guide, section 7), by the same rules as its vote on
/// certification (<see cref="CommissionVoteRules"/>): the members appointed to the evaluation's commission competition vote
/// once on each decision the official puts before them, a member belonging to the cluster's coordinator or one of its
/// members may not vote on it, and closing needs a quorum on every decision. A decision with more votes for than against is
/// approved; otherwise it goes back to the official.
/// </summary>
public sealed class PhaseDecisionVoting : Entity
{
    private PhaseDecisionVoting()
    {
    }

    public Guid PhaseEvaluationId { get; private set; }

    /// <summary>The competition whose commission votes.</summary>
    public Guid CommissionCompetitionId { get; private set; }

    public VotingStatus Status { get; private set; }

    /// <summary>The size of the commission when the decisions were put to it.</summary>
    public int MemberCount { get; private set; }

    /// <summary>The contract evaluations whose decisions are voted on.</summary>
    public List<Guid> EvaluationIds { get; private set; } = [];

    public DateTimeOffset OpenedAt { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }

    public bool IsOpen => Status == VotingStatus.Open;

    public int Quorum => CommissionVoteRules.QuorumOf(MemberCount);

    /// <summary>
    /// The official puts the decided evaluations to the commission. Refused when none is decided, when the commission has no
    /// members, or while another voting of the evaluation is open.
    /// </summary>
    public static PhaseDecisionVoting Open(PhaseEvaluation phaseEvaluation, IReadOnlyList<ContractEvaluation> decided, int memberCount, bool anotherOpen, Guid officialId, DateTimeOffset now)
    {
        phaseEvaluation.EnsureOpen();
        if (anotherOpen)
        {
            throw new BusinessRuleViolation("commission.voting_already_open", "A voting is already open for this evaluation: close it first.");
        }

        if (decided.Count == 0)
        {
            throw new BusinessRuleViolation("phase_evaluation.nothing_decided", "No contract evaluation is decided and waiting for the commission.");
        }

        if (memberCount == 0)
        {
            throw new BusinessRuleViolation("commission.no_members", "The commission has no members: appoint them first.");
        }

        // Every evaluation is checked before any is put to the commission, so a refusal changes none of them.
        foreach (var evaluation in decided)
        {
            if (evaluation.PhaseEvaluationId != phaseEvaluation.Id)
            {
                throw new ArgumentException("An evaluation is not of this phase evaluation.", nameof(decided));
            }

            evaluation.EnsureDecided();
        }

        foreach (var evaluation in decided)
        {
            evaluation.PutBeforeCommission(now);
        }

        return new PhaseDecisionVoting
        {
            PhaseEvaluationId = phaseEvaluation.Id,
            CommissionCompetitionId = phaseEvaluation.CommissionCompetitionId,
            Status = VotingStatus.Open,
            MemberCount = memberCount,
            EvaluationIds = [.. decided.Select(e => e.Id)],
            OpenedAt = now,
            OpenedBy = officialId,
        };
    }

    /// <summary>
    /// A member's vote on one decision. <paramref name="earlierVotes"/>: this voting's votes on it; <paramref name="clusterNips"/>:
    /// the coordinator's and the cluster members' NIPs.
    /// </summary>
    public PhaseDecisionVote Cast(
        CommissionMember member,
        Guid evaluationId,
        VoteChoice choice,
        string? comment,
        IEnumerable<PhaseDecisionVote> earlierVotes,
        IReadOnlySet<string> clusterNips,
        DateTimeOffset now)
    {
        if (member.CompetitionId != CommissionCompetitionId)
        {
            throw new ArgumentException("The member is not on this voting's commission.", nameof(member));
        }

        EnsureOpen();
        EnsureOnList(evaluationId);
        CommissionVoteRules.EnsureNotVotedYet(earlierVotes.Any(v => v.MemberId == member.Id && v.EvaluationId == evaluationId), "decision");
        if (member.ConflictingNip(clusterNips) is { } nip)
        {
            throw new BusinessRuleViolation(CommissionRules.ConflictOfInterest,
                "You cannot vote on this decision: the organisation with NIP {0} you belong to is the cluster's coordinator or a member.", nip);
        }

        return new PhaseDecisionVote(Id, evaluationId, member.Id, choice, CommissionVoteRules.Comment(comment), now);
    }

    /// <summary>The votes so far on each decision, in the order put to the commission.</summary>
    public IReadOnlyList<PhaseDecisionOutcome> Tally(IEnumerable<PhaseDecisionVote> votes)
    {
        var byEvaluation = votes.Where(v => v.VotingId == Id).ToLookup(v => v.EvaluationId, v => v.Choice);
        return EvaluationIds.Select(id => new PhaseDecisionOutcome(id, VoteCount.Of(byEvaluation[id]))).ToList();
    }

    /// <summary>
    /// The official closes the voting: every decision needs a quorum (otherwise nothing changes); each evaluation is then
    /// approved or sent back by the majority. <paramref name="evaluations"/>: those on the list.
    /// </summary>
    public IReadOnlyList<PhaseDecisionOutcome> Close(IEnumerable<PhaseDecisionVote> votes, IReadOnlyCollection<ContractEvaluation> evaluations, Guid officialId, DateTimeOffset now)
    {
        EnsureOpen();
        var outcomes = Tally(votes);
        CommissionVoteRules.EnsureQuorum(outcomes.Select(o => o.Votes), MemberCount);
        foreach (var outcome in outcomes)
        {
            var evaluation = evaluations.FirstOrDefault(e => e.Id == outcome.EvaluationId)
                ?? throw new ArgumentException("An evaluation on the list is missing.", nameof(evaluations));
            evaluation.RecordCommissionOutcome(outcome.Approved, now);
        }

        Status = VotingStatus.Closed;
        ClosedAt = now;
        ClosedBy = officialId;
        return outcomes;
    }

    private void EnsureOnList(Guid evaluationId)
    {
        if (!EvaluationIds.Contains(evaluationId))
        {
            throw new BusinessRuleViolation("commission.application_not_on_list", "The decision is not on this voting's list.");
        }
    }

    private void EnsureOpen()
    {
        if (Status != VotingStatus.Open)
        {
            throw new BusinessRuleViolation("commission.voting_closed", "The voting is closed.");
        }
    }
}

/// <summary>One member's vote on one decision of a phase evaluation; never changed, never deleted.</summary>
public sealed class PhaseDecisionVote : Entity
{
    private PhaseDecisionVote()
    {
    }

    internal PhaseDecisionVote(Guid votingId, Guid evaluationId, Guid memberId, VoteChoice choice, string? comment, DateTimeOffset castAt)
    {
        VotingId = votingId;
        EvaluationId = evaluationId;
        MemberId = memberId;
        Choice = choice;
        Comment = comment;
        CastAt = castAt;
    }

    public Guid VotingId { get; private set; }
    public Guid EvaluationId { get; private set; }
    public Guid MemberId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
}
