using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

/// <summary>A request about one voting that only the members of its competition's commission may send.</summary>
public interface IMemberVotingRequest
{
    Guid VotingId { get; }
}

/// <summary>
/// A member's vote on one application of an open voting: for, against or abstain, with an optional comment (commission
/// members of that competition; anybody else: 404). Twice: 409 <c>commission.already_voted</c>; a member who belongs to
/// the coordinator or to a member of the application (by NIP): 409 <c>commission.conflict_of_interest</c>; closed: 409
/// <c>commission.voting_closed</c>.
/// </summary>
[AllowedRoles(Roles.CommissionMember)]
public sealed record CastVote(Guid VotingId, Guid ApplicationId, VoteChoice Choice, string? Comment = null) : ICommand<CastVoteResult>, IMemberVotingRequest;

public sealed record CastVoteResult(Guid VoteId, Guid VotingId, Guid ApplicationId, VoteChoice Choice, string? Comment, DateTimeOffset CastAt);

public sealed class CastVoteValidator : AbstractValidator<CastVote>
{
    public CastVoteValidator()
    {
        RuleFor(x => x.VotingId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Choice).IsInEnum();
        RuleFor(x => x.Comment).MaximumLength(CommissionVoting.MaxCommentLength);
    }
}

/// <summary>Only a member of the voting's competition commission may see or vote on it: anybody else gets "not found".</summary>
public abstract class MemberVotingAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IMemberVotingRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
        && await (from v in db.CommissionVotings
                  join m in db.CommissionMembers on v.CompetitionId equals m.CompetitionId
                  where v.Id == request.VotingId && m.UserId == userId
                  select v.Id).AnyAsync(cancellationToken);
}

public sealed class CastVoteAuthorizer(IAppDbContext db) : MemberVotingAuthorizer<CastVote>(db);

public sealed class CastVoteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CastVote, CastVoteResult>
{
    public async ValueTask<CastVoteResult> Handle(CastVote command, CancellationToken cancellationToken)
    {
        var voting = await CommissionData.LockVotingAsync(db, command.VotingId, cancellationToken);
        var member = await CommissionData.MemberAsync(db, voting.CompetitionId, user.UserId, cancellationToken)
            ?? throw new NotFoundException("Voting", command.VotingId);
        var earlier = await db.CommissionVotes.AsNoTracking()
            .Where(v => v.VotingId == voting.Id && v.ApplicationId == command.ApplicationId && v.MemberId == member.Id)
            .ToListAsync(cancellationToken);
        var parties = await CommissionData.PartiesAsync(db, [command.ApplicationId], cancellationToken);
        var nips = parties.TryGetValue(command.ApplicationId, out var p) ? p.Nips : new HashSet<string>();
        var vote = voting.Cast(member, command.ApplicationId, command.Choice, command.Comment, earlier, nips, clock.GetUtcNow());
        db.CommissionVotes.Add(vote);
        return new CastVoteResult(vote.Id, vote.VotingId, vote.ApplicationId, vote.Choice, vote.Comment, vote.CastAt);
    }
}
