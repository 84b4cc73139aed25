using KkkCompetition.Application.Users;
using KkkCompetition.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace KkkCompetition.Infrastructure.Identity;

/// <summary>
/// <see cref="IUserAccounts"/> on ASP.NET Core Identity. The managers share the request scope's database context, so
/// their saves join the command's transaction and its audit trail (password hashes and stamps are left out of it).
/// </summary>
internal sealed class IdentityUserAccounts(UserManager<AppUser> users, RoleManager<AppRole> roles) : IUserAccounts
{
    public async Task<Guid?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await users.FindByEmailAsync(email))?.Id;

    public async Task<IReadOnlyList<AccountProblem>> CheckPasswordAsync(string password, CancellationToken cancellationToken)
    {
        var problems = new List<AccountProblem>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            problems.AddRange(result.Errors.Select(e => new AccountProblem(e.Code, e.Description)));
        }

        return problems;
    }

    public async Task<Guid> CreateAsync(string email, string displayName, string password, string language, CancellationToken cancellationToken)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            PreferredLanguage = language is "en" ? "en" : "pl",
        };
        var result = await users.CreateAsync(user, password);
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new BusinessRuleViolation("account.email_taken", "An account with this address exists already.");
        }

        Check(result);
        return user.Id;
    }

    public async Task AddToRoleAsync(Guid userId, string role, CancellationToken cancellationToken)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new AppRole(role)));
        }

        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No account {userId}.");
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
