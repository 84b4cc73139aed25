using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>Base of the expert pool tests: invitations read back from the outbox, accounts made through the use cases.</summary>
public abstract class ExpertTest(DatabaseFixture database) : FunctionalTest(database)
{
    protected const string Password = "Expert-Password-2026!";

    protected const string MemberNip = "5260250274";

    protected const string OtherNip = "7740001454";

    protected Task<ExpertDto> InviteAsync(string email, string name = "dr Anna Nowak", string language = "pl") =>
        Send(TestUsers.Official, new InviteExpert(email, name, language));

    /// <summary>The token of the latest invitation e-mail to <paramref name="email"/>, as the person would click it.</summary>
    protected async Task<string> TokenFromOutboxAsync(string email)
    {
        var message = await Read(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientEmail == email && m.TemplateKey == ExpertMessages.Invitation)
            .OrderByDescending(m => m.CreatedAt).FirstAsync(Ct));
        var link = message.Link!;
        Assert.StartsWith(InvitationTokens.PagePath + "?token=", link, StringComparison.Ordinal);
        return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
    }

    /// <summary>Invites and accepts as a person without an account: the expert as he would be signed in afterwards.</summary>
    protected async Task<(ExpertDto Expert, FixedUser User)> JoinAsync(string email, string name = "dr Anna Nowak")
    {
        await InviteAsync(email, name);
        var accepted = await Send(TestUsers.Anonymous, new AcceptExpertInvitation(await TokenFromOutboxAsync(email), Password));
        var user = new FixedUser(accepted.UserId, email, [Roles.Expert], "192.0.2.20", "test-expert");
        return (await Send(user, new GetMyExpertProfile()), user);
    }

    protected async Task<Guid> CreateAccountAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Konto Istniejące", Password, roles);
        return user.Id;
    }

    /// <summary>Read whole and filtered here: the identity projection is a positional record, which EF cannot filter on.</summary>
    protected async Task<List<string>> RolesOfAsync(Guid userId) =>
        (await Read(db => ((Common.Persistence.IAppDbContext)db).UserRoles.ToListAsync(Ct))).Where(r => r.UserId == userId).Select(r => r.Role).ToList();

    protected static UpdateMyExpertProfile MyProfile(int version, params ExpertAffiliation[] affiliations) =>
        new("dr Anna Nowak", "12", ["KIS1", "KIS5"], 4, true, affiliations, version);

    protected static ExpertAffiliation Affiliation(string nip = MemberNip) =>
        new(nip, "Klaster Przykładowy", new DateOnly(2024, 1, 1), null);
}
