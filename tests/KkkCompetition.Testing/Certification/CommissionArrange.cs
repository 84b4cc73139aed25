using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Certification;

/// <summary>An application to arrange as evaluated: its cluster and whether its result passes (104 points) or not (96).</summary>
public sealed record EvaluatedShape(string ClusterName, bool Passes = true);

/// <summary>
/// Arranges the commission's world the domain's way: an announced competition from the default template (threshold 100),
/// formally accepted applications (<see cref="AssignmentArrange"/>) with results straight from the domain
/// (<see cref="RankingArrange.ResultAsync"/>) and <c>StartEvaluation</c> + <c>CompleteEvaluation</c>; members appointed
/// through <see cref="AddCommissionMember"/> with accounts of their own in the identity store.
/// </summary>
public sealed class CommissionArrange(IServiceProvider services, TimeProvider clock)
{
    private static int _nextMember;

    public AssignmentArrange Assignment { get; } = new(services, clock);

    public RankingArrange Ranking { get; } = new(services, clock);

    public Task<Guid> CompetitionAsync(int? year = null, CancellationToken cancellationToken = default) =>
        Ranking.CompetitionAsync(year: year, cancellationToken: cancellationToken);

    /// <summary>Evaluated applications in the given order (submitted one after the other, so the earlier ranks first on equal totals).</summary>
    public async Task<IReadOnlyList<SubmittedApplication>> EvaluatedAsync(Guid competitionId, IReadOnlyList<EvaluatedShape> shapes, ApplicationShape? shape = null, CancellationToken cancellationToken = default)
    {
        var accepted = await Assignment.AcceptedAsync(competitionId, shapes.Select(s => s.ClusterName).ToList(), shape ?? new ApplicationShape { Members = 2 }, cancellationToken);
        foreach (var (application, s) in accepted.Zip(shapes))
        {
            await Ranking.ResultAsync(application.Id, s.Passes ? RankingArrange.Points(8) : RankingArrange.Points(8, ("E.1", 0)), cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var ids = accepted.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var application in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            application.StartEvaluation(now);
            application.CompleteEvaluation(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return accepted;
    }

    /// <summary>A person with an account (no role yet): the official finds the account by this caller's e-mail.</summary>
    public async Task<FixedUser> PersonAsync(string displayName, string language = "pl", CancellationToken cancellationToken = default)
    {
        var number = Interlocked.Increment(ref _nextMember);
        var user = new FixedUser(Guid.CreateVersion7(), $"czlonek{number}@test.kkk.gov.pl", [Roles.CommissionMember], "192.0.2.20", $"test-member-{number}");
        await Assignment.EnsureUserAsync(user, displayName, language, cancellationToken);
        return user;
    }

    /// <summary>A member of the competition's commission appointed by the official, with the caller that signs in as him or her.</summary>
    public async Task<(FixedUser User, CommissionMemberDto Member)> MemberAsync(
        Guid competitionId, string fullName, IReadOnlyList<string>? nips = null, CommissionSide side = CommissionSide.Ministry, CancellationToken cancellationToken = default)
    {
        var user = await PersonAsync(fullName, cancellationToken: cancellationToken);
        var member = await services.SendAsAsync(TestUsers.Official, new AddCommissionMember(
            competitionId, user.UserName, fullName, side, side == CommissionSide.Regional ? "22" : null, nips ?? []), cancellationToken);
        return (user, member);
    }

    public async Task<IReadOnlyList<(FixedUser User, CommissionMemberDto Member)>> MembersAsync(Guid competitionId, int count, CancellationToken cancellationToken = default)
    {
        var members = new List<(FixedUser, CommissionMemberDto)>();
        for (var i = 0; i < count; i++)
        {
            members.Add(await MemberAsync(competitionId, $"Członek Komisji {i + 1}", cancellationToken: cancellationToken));
        }

        return members;
    }
}
