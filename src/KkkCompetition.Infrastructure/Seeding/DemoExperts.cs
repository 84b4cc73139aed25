using System.Globalization;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// The demo expert pool: twelve experts who have joined, with complete profiles spread over voivodeships and KIS codes,
/// so the assignment has someone to choose from. The first is the demo expert login; the others sign in with their
/// address and the demo password. One has an affiliation with a member of the demo cluster (a conflict to exclude), one
/// is not available. Adds only the entries that are missing.
/// </summary>
public static class DemoExperts
{
    public sealed record DemoExpert(string Email, string Name, string Voivodeship, string[] Kis, int MaxLoad, bool Available, bool MemberAffiliation);

    public static IReadOnlyList<DemoExpert> Pool { get; } =
    [
        new($"expert@{DemoData.EmailDomain}", "Edward Ekspert", "30", ["KIS10", "KIS11"], 5, true, false),
        new($"ekspert01@{DemoData.EmailDomain}", "dr hab. Agnieszka Wiśniewska", "12", ["KIS1", "KIS3"], 6, true, false),
        new($"ekspert02@{DemoData.EmailDomain}", "prof. Tomasz Zieliński", "02", ["KIS8", "KIS9"], 4, true, false),
        new($"ekspert03@{DemoData.EmailDomain}", "dr Katarzyna Lewandowska", "22", ["KIS13", "KIS6"], 5, true, false),
        new($"ekspert04@{DemoData.EmailDomain}", "Marek Kamiński", "24", ["KIS4", "KIS7"], 8, true, false),
        new($"ekspert05@{DemoData.EmailDomain}", "dr inż. Joanna Dąbrowska", "14", ["KIS10", "KIS12"], 6, true, true),
        new($"ekspert06@{DemoData.EmailDomain}", "Piotr Wójcik", "10", ["KIS2", "KIS1"], 3, true, false),
        new($"ekspert07@{DemoData.EmailDomain}", "dr Magdalena Kozłowska", "06", ["KIS5", "KIS7"], 5, true, false),
        new($"ekspert08@{DemoData.EmailDomain}", "prof. Andrzej Jankowski", "32", ["KIS11", "KIS8"], 7, true, false),
        new($"ekspert09@{DemoData.EmailDomain}", "Ewa Mazur", "18", ["KIS2", "KIS3"], 4, false, false),
        new($"ekspert10@{DemoData.EmailDomain}", "dr Paweł Krawczyk", "04", ["KIS6", "KIS4"], 5, true, false),
        new($"ekspert11@{DemoData.EmailDomain}", "Beata Piotrowska", "16", ["KIS9", "KIS10"], 6, true, false),
    ];

    public static async Task EnsureAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginCommand("SeedDemoExperts");
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var existing = (await db.Experts.AsNoTracking().Select(e => e.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = Pool.Where(p => !existing.Contains(p.Email)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var official = await users.FindByEmailAsync(DemoData.Users.Single(u => u.Role == Roles.Official).Email);
        foreach (var demo in missing)
        {
            var user = await users.FindByEmailAsync(demo.Email) ?? await UserAccounts.CreateAsync(users, demo.Email, demo.Name, DemoData.Password, Roles.Expert);

            // Invited and accepted at once: the link is never sent, only its hash passes through the entry.
            var (_, hash) = InvitationTokens.New();
            var expert = Expert.Invite(demo.Email, demo.Name, hash, official?.Id ?? Guid.Empty, now, now + InvitationTokens.Validity);
            expert.AcceptInvitation(hash, user.Id, now);
            expert.UpdateProfile(new ExpertProfile(demo.Name, demo.Voivodeship, demo.Kis, demo.MaxLoad, demo.Available, Affiliations(demo)), now);
            db.Experts.Add(expert);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A university for everyone; the conflicted expert also worked with the first member of the demo cluster.</summary>
    private static List<ExpertAffiliation> Affiliations(DemoExpert demo)
    {
        var index = Pool.ToList().IndexOf(demo);
        var affiliations = new List<ExpertAffiliation>
        {
            new(PolishIdentifiers.CompleteNip((700_000_100 + (index * 37)).ToString(CultureInfo.InvariantCulture)), $"Uczelnia Demo {index + 1:D2}", new DateOnly(2019, 10, 1), null),
        };
        if (demo.MemberAffiliation)
        {
            affiliations.Add(new ExpertAffiliation(PolishIdentifiers.CompleteNip("600000000"), "Technologie Demo 01 sp. z o.o.", new DateOnly(2023, 3, 1), new DateOnly(2025, 6, 30)));
        }

        return affiliations;
    }
}
