using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Scoring;

/// <summary>An expert of the pool with the account he signs in with.</summary>
public sealed record ArrangedExpert(Guid ExpertId, FixedUser User, string Name);

/// <summary>
/// The state the scoring tests start from, built the domain's way: a competition from the default template (criterion
/// A.1 in whole points with a minimum of 4 and guidance, the rest in half points; 150 points, threshold 100, N = 2,
/// divergence 30 %), applications taken through submission and the formal review (use cases) to formal acceptance, experts
/// (<c>Expert.Invite</c> / <c>AcceptInvitation</c> / <c>UpdateProfile</c>) and assignments (<c>ExpertAssignment.Create</c>,
/// <c>SignDeclaration</c>, <c>KkkApplication.StartEvaluation</c>) saved straight to the database.
/// </summary>
public sealed class ScoringArrange(IServiceProvider services, TimeProvider clock)
{
    public const string WholePointsCriterion = "A.1";
    public const decimal WholePointsMinimum = 4m;
    public const string Guidance = "Oceń doświadczenie i kompetencje zespołu koordynatora.";

    /// <summary>A justification longer than the default minimum of 100 characters.</summary>
    public const string Justification =
        "Uzasadnienie oceny: klaster przedstawił spójne dane, wskaźniki za dwa lata i opis działań; ocena uwzględnia mocne i słabe strony wniosku.";

    public const string Opinion = "Wniosek przygotowany starannie; klaster ma potencjał do uzyskania statusu KKK.";

    private static readonly string[] EligibilityRules =
        [EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers, EligibilityPreCheck.MandatoryAttachments];

    private static int _nextExpert;

    public SubmittedApplications Applications => new(services, clock);

    /// <summary>An announced competition (open now) shaped as described above; <paramref name="holdsPanel"/> off removes the panel stage.</summary>
    public Task<Guid> CompetitionAsync(bool holdsPanel = true, int? year = null, CancellationToken cancellationToken = default) =>
        Applications.CompetitionAsync(year: year, cancellationToken: cancellationToken, whileDraft: async (id, version) =>
        {
            version = await services.SendAsAsync(TestUsers.Official, new UpdateCompetitionCriterion(
                id, WholePointsCriterion, "A", null, null, "Zespół koordynatora i jego kompetencje", "Coordinator's team and competences", Guidance,
                10m, false, 1m, WholePointsMinimum, true, CriterionDefinition.DefaultJustificationLength, version), cancellationToken);
            if (!holdsPanel)
            {
                version = await services.SendAsAsync(TestUsers.Official, new UpdateCompetitionSettings(
                    id, "Konkurs o status KKK — nabór testowy", 100m, 2, 30m, false, 7, 14, 3, 14, ["C.1", "C.2", "B.1"], version), cancellationToken);
            }

            return version;
        });

    /// <summary>A submitted application passed through every eligibility rule and accepted formally (the official's use cases).</summary>
    public async Task<SubmittedApplication> AcceptedApplicationAsync(Guid competitionId, string clusterName, CancellationToken cancellationToken = default)
    {
        var application = await Applications.SubmitAsync(competitionId, clusterName, cancellationToken: cancellationToken);
        var version = 0;
        foreach (var rule in EligibilityRules)
        {
            // On a frozen clock a finding would leave the application's UpdatedAt, and so its version, as it was.
            Advance(TimeSpan.FromSeconds(1));
            var review = await services.SendAsAsync(TestUsers.Official, new GetFormalReview(application.Id), cancellationToken);
            version = await services.SendAsAsync(TestUsers.Official, new RecordFormalCheck(application.Id, rule, FormalCheckOutcome.Pass, null, review.Version), cancellationToken);
        }

        await services.SendAsAsync(TestUsers.Official, new AcceptFormally(application.Id, null, version), cancellationToken);
        return application;
    }

    /// <summary>An active expert with a complete profile (region, a specialisation, room for 10 assignments) and a new account.</summary>
    public async Task<ArrangedExpert> ExpertAsync(string name, string voivodeship = "02", CancellationToken cancellationToken = default)
    {
        var userId = Guid.CreateVersion7();
        var email = $"ekspert-{Interlocked.Increment(ref _nextExpert)}-{userId:N}@eksperci.example.pl";
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        db.Users.Add(new AppUser
        {
            Id = userId,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name,
            PreferredLanguage = "pl",
        });
        await db.SaveChangesAsync(cancellationToken);
        return await ExpertForUserAsync(userId, email, name, voivodeship, cancellationToken);
    }

    /// <summary>The pool entry of an existing account (one that signs in over HTTP or in the browser).</summary>
    public async Task<ArrangedExpert> ExpertForUserAsync(Guid userId, string email, string name, string voivodeship = "02", CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var n = Interlocked.Increment(ref _nextExpert);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var hash = $"invitation-{n}-{userId:N}";
        var expert = Expert.Invite(email, name, hash, TestUsers.Official.UserId!.Value, now, now.AddDays(14));
        expert.AcceptInvitation(hash, userId, now);
        expert.UpdateProfile(new ExpertProfile(name, voivodeship, ["KIS1"], 10, true, []), now);
        db.Experts.Add(expert);
        await db.SaveChangesAsync(cancellationToken);
        return new ArrangedExpert(expert.Id, new FixedUser(userId, email, [Roles.Expert], "192.0.2.30", $"expert-{n}"), name);
    }

    /// <summary>An official in the identity store (one that receives the notices of the evaluation).</summary>
    public async Task<FixedUser> OfficialAccountAsync(string email = "urzednik@ministerstwo.example.gov.pl", CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Anna Urzędniczka", "Test-Password-2026", Roles.Official);
        return new FixedUser(user.Id, email, [Roles.Official], "192.0.2.40", "official-account");
    }

    /// <summary>
    /// Assigns <paramref name="expert"/> to the application (which goes into merit evaluation) with a deadline 14 days on;
    /// signs the declaration of impartiality unless told not to. The assignment's id.
    /// </summary>
    public async Task<Guid> AssignAsync(Guid applicationId, ArrangedExpert expert, bool signDeclaration = true, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var application = await db.Applications.AsSplitQuery().SingleAsync(a => a.Id == applicationId, cancellationToken);
        application.StartEvaluation(now);
        var assignment = ExpertAssignment.Create(application.CompetitionId, applicationId, expert.ExpertId, AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), now, now.AddDays(14));
        if (signDeclaration)
        {
            assignment.SignDeclaration(now);
        }

        db.ExpertAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Id;
    }

    /// <summary>The expert signs the declaration of an assignment made for him (by the staffing, say).</summary>
    public async Task SignDeclarationAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var assignment = await db.ExpertAssignments.SingleAsync(a => a.Id == assignmentId, cancellationToken);
        assignment.SignDeclaration(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An official takes an assignment back (after the expert may have seen the application).</summary>
    public async Task ReleaseAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var assignment = await db.ExpertAssignments.SingleAsync(a => a.Id == assignmentId, cancellationToken);
        assignment.Release("Ekspert zachorował.", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The competition's criteria in their order.</summary>
    public async Task<IReadOnlyList<CompetitionCriterion>> CriteriaAsync(Guid competitionId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        return (await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == competitionId, cancellationToken)).Criteria.OrderBy(c => c.Order).ToList();
    }

    /// <summary>
    /// A complete sheet: <paramref name="points"/> on every criterion (capped at its maximum) unless <paramref name="overrides"/>
    /// says otherwise, each with <see cref="Justification"/> followed by <paramref name="marker"/> (to find the text again).
    /// </summary>
    public static List<Domain.Evaluation.CriterionScoreInput> Sheet(
        IReadOnlyList<CompetitionCriterion> criteria,
        decimal points,
        string marker = "",
        IReadOnlyDictionary<string, decimal>? overrides = null) =>
        criteria.Select(c => new Domain.Evaluation.CriterionScoreInput(
            c.Code,
            overrides is not null && overrides.TryGetValue(c.Code, out var p) ? p : Math.Min(points, c.MaxPoints),
            $"{Justification} {marker}".TrimEnd())).ToList();

    private void Advance(TimeSpan by)
    {
        if (clock is TestClock test)
        {
            test.Advance(by);
        }
    }
}
