using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Certification;

public enum VotingStatus
{
    Open,
    Closed,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>One application on the recommendation list: its place in the ranking, its total and whether its result passed.</summary>
public sealed record VotingItem(Guid ApplicationId, int RankingPosition, decimal Total, bool Passed);

/// <summary>The votes on one application.</summary>
public sealed record VoteCount(int For, int Against, int Abstained)
{
    public int Cast => For + Against + Abstained;

    /// <summary>The commission's majority: more votes for than against; abstentions count for the quorum only.</summary>
    public bool MajorityFor => For > Against;

    public static VoteCount Of(IEnumerable<CommissionVote> votes) => Of(votes.Select(v => v.Choice));

    public static VoteCount Of(IEnumerable<VoteChoice> choices)
    {
        int inFavour = 0, against = 0, abstained = 0;
        foreach (var choice in choices)
        {
            switch (choice)
            {
                case VoteChoice.For: inFavour++; break;
                case VoteChoice.Against: against++; break;
                default: abstained++; break;
            }
        }

        return new VoteCount(inFavour, against, abstained);
    }
}

/// <summary>
/// The commission's vote rules (domain guide, section 4), one for every vote it takes — on the applications of a competition
/// and on the decisions of a phase evaluation: a quorum of more than half of the members on every item, the majority of the
/// votes for and against, one vote per member and item, a comment of limited length.
/// </summary>
public static class CommissionVoteRules
{
    public const int MaxCommentLength = 2000;

    /// <summary>The smallest number of votes that is more than half of the commission.</summary>
    public static int QuorumOf(int memberCount) => (memberCount / 2) + 1;

    public static void EnsureNotVotedYet(bool alreadyVoted, string what)
    {
        if (alreadyVoted)
        {
            throw new BusinessRuleViolation("commission.already_voted", "You have already voted on this {0}.", what);
        }
    }

    /// <summary>The comment as stored: trimmed, null when blank; refused when too long.</summary>
    public static string? Comment(string? comment)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            throw new BusinessRuleViolation("commission.comment_too_long", "The comment is too long.", MaxCommentLength);
        }

        return text;
    }

    /// <summary>Closing needs the quorum on every item; otherwise the refusal names the items and votes missing.</summary>
    public static void EnsureQuorum(IEnumerable<VoteCount> counts, int memberCount)
    {
        var quorum = QuorumOf(memberCount);
        var lacking = counts.Where(c => c.Cast < quorum).ToList();
        if (lacking.Count > 0)
        {
            var missing = lacking.Sum(c => quorum - c.Cast);
            throw new BusinessRuleViolation("commission.no_quorum",
                "No quorum: {0} item(s) need more votes, {1} vote(s) are missing in all (a quorum is {2} of {3} members).",
                lacking.Count, missing, quorum, memberCount);
        }
    }
}

/// <summary>
/// What the close decided for one application. <see cref="MajorityFor"/>: more votes for than against (abstentions count
/// for the quorum only); <see cref="Positive"/> also needs the result to have passed.
/// </summary>
public sealed record VotingItemOutcome(VotingItem Item, VoteCount Votes, bool MajorityFor)
{
    public bool Positive => MajorityFor && Item.Passed;
}

/// <summary>
/// The commission's vote on one recommendation list (domain guide, section 4): the applications the official put before it,
/// in ranking order, open until the official closes it. Each member votes once per application (a <see cref="CommissionVote"/>);
/// closing needs a quorum on every application — more than half of the commission's members voted on it — and then records
/// each application's outcome by the majority of the votes for and against.
/// </summary>
public sealed class CommissionVoting : Entity
{
    public const int MaxCommentLength = CommissionVoteRules.MaxCommentLength;

    private CommissionVoting()
    {
    }

    public Guid CompetitionId { get; private set; }
    public VotingStatus Status { get; private set; }

    /// <summary>The size of the commission when the list was submitted; it cannot change while the voting is open.</summary>
    public int MemberCount { get; private set; }

    public List<VotingItem> Items { get; private set; } = [];
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public Guid? ResolutionId { get; private set; }

    public bool IsOpen => Status == VotingStatus.Open;

    /// <summary>
    /// The official submits the evaluated applications as the recommendation list. Refused when none is evaluated, when the
    /// commission has no members, or while another voting of the competition is open.
    /// </summary>
    public static CommissionVoting Open(Guid competitionId, IReadOnlyList<VotingItem> items, int memberCount, bool anotherOpen, Guid officialId, DateTimeOffset now)
    {
        if (anotherOpen)
        {
            throw new BusinessRuleViolation("commission.voting_already_open", "A voting is already open for this competition: close it first.");
        }

        if (items.Count == 0)
        {
            throw new BusinessRuleViolation("commission.nothing_evaluated", "No application of the competition is evaluated and waiting for the commission.");
        }

        if (memberCount == 0)
        {
            throw new BusinessRuleViolation("commission.no_members", "The commission has no members: appoint them first.");
        }

        if (items.Select(i => i.ApplicationId).Distinct().Count() != items.Count)
        {
            throw new ArgumentException("An application is on the list twice.", nameof(items));
        }

        return new CommissionVoting
        {
            CompetitionId = competitionId,
            Status = VotingStatus.Open,
            MemberCount = memberCount,
            Items = [.. items.OrderBy(i => i.RankingPosition)],
            OpenedAt = now,
            OpenedBy = officialId,
        };
    }

    /// <summary>The smallest number of votes that is more than half of the commission.</summary>
    public int Quorum => CommissionVoteRules.QuorumOf(MemberCount);

    public VotingItem Item(Guid applicationId) =>
        Items.FirstOrDefault(i => i.ApplicationId == applicationId)
        ?? throw new BusinessRuleViolation("commission.application_not_on_list", "The application is not on this voting's list.");

    /// <summary>
    /// A member's vote on one application. <paramref name="earlierVotes"/> are this voting's votes on the application;
    /// <paramref name="applicationNips"/> the coordinator's and the members' NIPs of its submission.
    /// </summary>
    public CommissionVote Cast(
        CommissionMember member,
        Guid applicationId,
        VoteChoice choice,
        string? comment,
        IEnumerable<CommissionVote> earlierVotes,
        IReadOnlySet<string> applicationNips,
        DateTimeOffset now)
    {
        if (member.CompetitionId != CompetitionId)
        {
            throw new ArgumentException("The member is not on this competition's commission.", nameof(member));
        }

        EnsureOpen();
        Item(applicationId);
        CommissionVoteRules.EnsureNotVotedYet(earlierVotes.Any(v => v.MemberId == member.Id && v.ApplicationId == applicationId), "application");

        if (member.ConflictingNip(applicationNips) is { } nip)
        {
            throw new BusinessRuleViolation(CommissionRules.ConflictOfInterest,
                "You cannot vote on this application: the organisation with NIP {0} you belong to is its coordinator or a member.", nip);
        }

        return new CommissionVote(Id, applicationId, member.Id, choice, CommissionVoteRules.Comment(comment), now);
    }

    /// <summary>
    /// The official closes the voting. Every application needs a quorum; otherwise nothing changes and the refusal names
    /// the missing votes. Returns each application's outcome, in ranking order.
    /// </summary>
    public IReadOnlyList<VotingItemOutcome> Close(IEnumerable<CommissionVote> votes, Guid officialId, DateTimeOffset now)
    {
        EnsureOpen();
        var outcomes = Tally(votes);
        CommissionVoteRules.EnsureQuorum(outcomes.Select(o => o.Votes), MemberCount);

        Status = VotingStatus.Closed;
        ClosedAt = now;
        ClosedBy = officialId;
        return outcomes;
    }

    /// <summary>The resolution recorded by the close.</summary>
    public void AttachResolution(Guid resolutionId)
    {
        if (Status != VotingStatus.Closed || ResolutionId is not null)
        {
            throw new InvalidOperationException("A resolution is attached once, to a closed voting.");
        }

        ResolutionId = resolutionId;
    }

    /// <summary>The votes so far on each application, in ranking order (whatever the state).</summary>
    public IReadOnlyList<VotingItemOutcome> Tally(IEnumerable<CommissionVote> votes)
    {
        var byApplication = votes.Where(v => v.VotingId == Id).ToLookup(v => v.ApplicationId);
        return Items
            .Select(item =>
            {
                var count = VoteCount.Of(byApplication[item.ApplicationId]);
                return new VotingItemOutcome(item, count, count.MajorityFor);
            })
            .ToList();
    }

    private void EnsureOpen()
    {
        if (Status != VotingStatus.Open)
        {
            throw new BusinessRuleViolation("commission.voting_closed", "The voting is closed.");
        }
    }
}

/// <summary>One member's vote on one application of a voting; never changed, never deleted.</summary>
public sealed class CommissionVote : Entity
{
    private CommissionVote()
    {
    }

    internal CommissionVote(Guid votingId, Guid applicationId, Guid memberId, VoteChoice choice, string? comment, DateTimeOffset castAt)
    {
        VotingId = votingId;
        ApplicationId = applicationId;
        MemberId = memberId;
        Choice = choice;
        Comment = comment;
        CastAt = castAt;
    }

    public Guid VotingId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid MemberId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
}
