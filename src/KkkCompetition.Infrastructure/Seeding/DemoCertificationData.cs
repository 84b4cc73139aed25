using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// Demo data of the certification, after the demo evaluation: the demo official appoints a commission of three (the demo
/// commission login and two more), puts the evaluated applications to the vote, and the two other members vote for each.
/// The quorum is reached, so the demo official may close the vote at once (which grants the statuses and fills the public
/// registry), and the demo commission member still has his votes to cast. Each start does only what is still missing.
/// </summary>
public static class DemoCertificationData
{
    public static readonly IReadOnlyList<(string Email, string Name, CommissionSide Side, string? Voivodeship)> OtherMembers =
    [
        ($"komisja2@{DemoData.EmailDomain}", "Małgorzata Ministerialna", CommissionSide.Ministry, null),
        ($"komisja3@{DemoData.EmailDomain}", "Roman Regionalny", CommissionSide.Regional, "12"),
    ];

    public static async Task EnsureAsync(IServiceScopeFactory scopes, Guid competitionId, CancellationToken cancellationToken)
    {
        if (!await NeedsVotingAsync(scopes, competitionId, cancellationToken))
        {
            return;
        }

        var official = await DemoRequests.DemoOfficialAsync(scopes, cancellationToken);
        var demoMember = DemoData.Users.Single(u => u.Role == Roles.CommissionMember);
        var others = new List<FixedUser>();
        await DemoRequests.SendAsync(scopes, official, new AddCommissionMember(competitionId, demoMember.Email, demoMember.Name, CommissionSide.Ministry, null, []), cancellationToken);
        foreach (var (email, name, side, voivodeship) in OtherMembers)
        {
            var userId = await EnsureAccountAsync(scopes, email, name, cancellationToken);
            await DemoRequests.SendAsync(scopes, official, new AddCommissionMember(competitionId, email, name, side, voivodeship, []), cancellationToken);
            others.Add(new FixedUser(userId, email, [Roles.CommissionMember]));
        }

        var voting = await DemoRequests.SendAsync(scopes, official, new SubmitRecommendationList(competitionId), cancellationToken);
        foreach (var member in others)
        {
            var cards = await DemoRequests.SendAsync(scopes, member, new GetMyVotes(), cancellationToken);
            foreach (var card in cards.Items.Where(c => c.VotingId == voting.Id && c.MyVote is null))
            {
                await DemoRequests.SendAsync(scopes, member, new CastVote(voting.Id, card.ApplicationId, VoteChoice.For), cancellationToken);
            }
        }
    }

    /// <summary>Only once: when the competition has evaluated applications and no commission yet.</summary>
    private static async Task<bool> NeedsVotingAsync(IServiceScopeFactory scopes, Guid competitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        return !await db.CommissionMembers.AnyAsync(m => m.CompetitionId == competitionId, cancellationToken)
            && await db.Applications.AnyAsync(a => a.CompetitionId == competitionId && a.Status == ApplicationStatus.Evaluated, cancellationToken);
    }

    private static async Task<Guid> EnsureAccountAsync(IServiceScopeFactory scopes, string email, string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginCommand("SeedDemoCommission");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? await UserAccounts.CreateAsync(users, email, name, DemoData.Password, Roles.CommissionMember);
        cancellationToken.ThrowIfCancellationRequested();
        return user.Id;
    }
}
