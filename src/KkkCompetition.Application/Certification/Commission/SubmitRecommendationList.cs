using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

/// <summary>
/// The official puts the ranking before the commission as its recommendation list (domain guide, section 4): every
/// application of the competition in status Evaluated goes onto a new voting with its ranking position, total and pass,
/// and becomes Recommended or NotRecommended; the members are notified. A later list (after an upheld appeal's
/// re-evaluation) holds only the applications evaluated since. Refused (409) when none is evaluated
/// (<c>commission.nothing_evaluated</c>), the commission is empty (<c>commission.no_members</c>) or a voting is open
/// (<c>commission.voting_already_open</c>).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record SubmitRecommendationList(Guid CompetitionId) : ICommand<VotingSummary>;

public sealed record VotingSummary(Guid Id, Guid CompetitionId, VotingStatus Status, int Applications, int MemberCount, DateTimeOffset OpenedAt, int Version);

public sealed class SubmitRecommendationListValidator : AbstractValidator<SubmitRecommendationList>
{
    public SubmitRecommendationListValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class SubmitRecommendationListHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitRecommendationList, VotingSummary>
{
    public async ValueTask<VotingSummary> Handle(SubmitRecommendationList command, CancellationToken cancellationToken)
    {
        // Two officials submitting at once: the competition's row lock makes the second see the first one's open voting.
        await db.Competitions.Where(c => c.Id == command.CompetitionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), cancellationToken);
        var ranking = await RankingData.LoadAsync(db, command.CompetitionId, cancellationToken);
        var evaluated = await db.Applications.IgnoreAutoIncludes()
            .Where(a => a.CompetitionId == command.CompetitionId && a.Status == ApplicationStatus.Evaluated)
            .ToListAsync(cancellationToken);
        var byId = evaluated.ToDictionary(a => a.Id);
        var items = ranking.Rows
            .Where(r => byId.ContainsKey(r.ApplicationId))
            .Select(r => new VotingItem(r.ApplicationId, r.Position, r.Total, r.Passed))
            .ToList();
        var members = await db.CommissionMembers.AsNoTracking().Where(m => m.CompetitionId == command.CompetitionId).Select(m => m.UserId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var voting = CommissionVoting.Open(
            command.CompetitionId,
            items,
            members.Count,
            await CommissionData.AnyOpenVotingAsync(db, command.CompetitionId, cancellationToken),
            user.UserId ?? Guid.Empty,
            now);
        foreach (var item in items)
        {
            byId[item.ApplicationId].PutBeforeCommission(item.Passed, now);
        }

        db.CommissionVotings.Add(voting);
        await outbox.EnqueueAsync(
            new OutboxEnvelope(
                CommissionMessages.VotingOpened,
                members,
                new Dictionary<string, string>
                {
                    ["competitionName"] = ranking.Competition.Name,
                    ["count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                CommissionLinks.MyVotes),
            cancellationToken);
        return new VotingSummary(voting.Id, voting.CompetitionId, voting.Status, items.Count, voting.MemberCount, now, voting.Version);
    }
}
