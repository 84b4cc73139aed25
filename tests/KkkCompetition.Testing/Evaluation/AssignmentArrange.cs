using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Evaluation;

/// <summary>An expert of the pool made by <see cref="AssignmentArrange"/>, with his account as a caller.</summary>
public sealed record PoolExpert(Guid Id, Guid UserId, string Email, string Name, FixedUser Caller);

/// <summary>What to vary in an expert's profile; the defaults make an assignable expert from another region than the test clusters (14).</summary>
public sealed record ExpertShape
{
    public string Voivodeship { get; init; } = "02";
    public IReadOnlyList<string> KisCodes { get; init; } = ["KIS1"];
    public int MaxLoad { get; init; } = 10;
    public bool Available { get; init; } = true;

    /// <summary>NIPs of organisations the expert works for now (conflicts with an application listing any of them).</summary>
    public IReadOnlyList<string> AffiliationNips { get; init; } = [];

    public string Language { get; init; } = "pl";

    /// <summary>An existing account (one that signs in over HTTP); otherwise a user is added without a password.</summary>
    public Guid? UserId { get; init; }
}

/// <summary>The NIPs an application lists: its coordinator's and its members'.</summary>
public sealed record ApplicationNips(string Coordinator, IReadOnlyList<string> Members);

/// <summary>
/// Arranges the assignment's world the domain's way: formally accepted applications (submitted by
/// <see cref="SubmittedApplications"/>, then every eligibility rule passed and <c>AcceptFormally</c>) and experts
/// (<c>Expert.Invite</c> + <c>AcceptInvitation</c> + <c>UpdateProfile</c>, linked to an account).
/// </summary>
public sealed class AssignmentArrange(IServiceProvider services, TimeProvider clock)
{
    private static int _nextExpert;

    public SubmittedApplications Submitted { get; } = new(services, clock);

    /// <summary>An announced competition (see <see cref="SubmittedApplications.CompetitionAsync"/>) with N experts per application and the scoring window.</summary>
    public Task<Guid> CompetitionAsync(int expertsPerApplication = 2, int scoringWindowDays = 14, int? year = null, CancellationToken cancellationToken = default) =>
        Submitted.CompetitionAsync(year: year, whileDraft: async (id, version) =>
        {
            var settings = (await services.SendAsAsync(TestUsers.Official, new GetCompetition(id), cancellationToken));
            return await services.SendAsAsync(TestUsers.Official, new UpdateCompetitionSettings(
                id, settings.Name, settings.PassThreshold, expertsPerApplication, settings.Settings.DivergenceThresholdPercent, settings.Settings.HoldsPanel,
                settings.Settings.CorrectionWindowDays, settings.Settings.AppealWindowDays, settings.Settings.StatusValidityYears, scoringWindowDays,
                settings.TieBreakOrder, version), cancellationToken);
        }, cancellationToken: cancellationToken);

    /// <summary>Submitted and formally accepted applications, in the order of <paramref name="clusterNames"/>.</summary>
    public async Task<IReadOnlyList<SubmittedApplication>> AcceptedAsync(Guid competitionId, IReadOnlyList<string> clusterNames, ApplicationShape? shape = null, CancellationToken cancellationToken = default)
    {
        var submitted = await Submitted.SubmitManyAsync(competitionId, clusterNames, shape, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var rules = await db.Competitions.AsNoTracking().Where(c => c.Id == competitionId).SelectMany(c => c.EligibilityRules.Select(r => r.Code)).ToListAsync(cancellationToken);
        var ids = submitted.Select(s => s.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var application in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            foreach (var rule in rules)
            {
                application.RecordFormalCheck(rule, FormalCheckOutcome.Pass, null, TestUsers.Official.UserId!.Value, now);
            }

            application.AcceptFormally(rules, null, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return submitted;
    }

    public async Task<SubmittedApplication> AcceptedAsync(Guid competitionId, string clusterName, ApplicationShape? shape = null, CancellationToken cancellationToken = default) =>
        (await AcceptedAsync(competitionId, [clusterName], shape, cancellationToken))[0];

    /// <summary>The coordinator's and the members' NIPs of an application, as its cluster holds them.</summary>
    public async Task<ApplicationNips> NipsAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var clusterId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ClusterId).SingleAsync(cancellationToken);
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == clusterId, cancellationToken);
        var coordinator = await db.Organisations.Where(o => o.Id == cluster.OrganisationId).Select(o => o.Nip).SingleAsync(cancellationToken);
        var members = await db.ClusterMembers.Where(m => m.ClusterId == clusterId).OrderBy(m => m.Nip).Select(m => m.Nip).ToListAsync(cancellationToken);
        return new ApplicationNips(coordinator, members);
    }

    /// <summary>Adds the account of a fake caller (e.g. <see cref="TestUsers.Official"/>) to the identity store, so messages to it are delivered.</summary>
    public async Task EnsureUserAsync(FixedUser user, string displayName, string language = "pl", CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var id = user.UserId!.Value;
        if (await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            return;
        }

        db.Users.Add(new AppUser
        {
            Id = id,
            UserName = user.UserName,
            NormalizedUserName = user.UserName.ToUpperInvariant(),
            Email = user.UserName,
            NormalizedEmail = user.UserName.ToUpperInvariant(),
            DisplayName = displayName,
            PreferredLanguage = language,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PoolExpert> ExpertAsync(string name, ExpertShape? shape = null, CancellationToken cancellationToken = default) =>
        (await ExpertsAsync([(name, shape ?? new ExpertShape())], cancellationToken))[0];

    /// <summary>Several experts at once (one save), in the given order.</summary>
    public async Task<IReadOnlyList<PoolExpert>> ExpertsAsync(IReadOnlyList<(string Name, ExpertShape Shape)> experts, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = clock.GetUtcNow();
        var result = new List<PoolExpert>(experts.Count);
        foreach (var (name, shape) in experts)
        {
            var number = Interlocked.Increment(ref _nextExpert);
            string email;
            Guid userId;
            if (shape.UserId is { } existing)
            {
                userId = existing;
                email = await db.Users.Where(u => u.Id == existing).Select(u => u.Email!).SingleAsync(cancellationToken);
            }
            else
            {
                userId = Guid.CreateVersion7();
                email = $"expert-{number}-{userId:N}@eksperci.example.pl";
                db.Users.Add(new AppUser
                {
                    Id = userId,
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = name,
                    PreferredLanguage = shape.Language,
                });
            }

            var expert = Expert.Invite(email, name, $"token-{number}", TestUsers.Official.UserId!.Value, now, now.AddDays(14));
            expert.AcceptInvitation($"token-{number}", userId, now);
            expert.UpdateProfile(
                new ExpertProfile(name, shape.Voivodeship, shape.KisCodes, shape.MaxLoad, shape.Available,
                    shape.AffiliationNips.Select(nip => new ExpertAffiliation(nip, $"Organizacja {nip}", new DateOnly(2024, 1, 1), null)).ToList()),
                now);
            db.Experts.Add(expert);
            result.Add(new PoolExpert(expert.Id, userId, email, name, new FixedUser(userId, email, [Roles.Expert], "192.0.2.30", $"expert-{number}")));
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
