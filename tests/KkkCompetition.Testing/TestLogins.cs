using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing;

/// <summary>
/// Logins of their own for the HTTP and browser tests, whose hosts know only the demo users: a new account in a role, or a
/// password and role for an account an arrangement made without one (the coordinators of <c>CertifiedClusters</c> and
/// <c>ContractArrange</c>), so that a test signs in as the owner of the data it arranged.
/// </summary>
public static class TestLogins
{
    /// <summary>A new account holding <paramref name="role"/>; its id and e-mail (the login).</summary>
    public static async Task<(Guid UserId, string Email)> CreateAsync(IServiceProvider services, string role, string password, string emailPrefix, string displayName)
    {
        var email = $"{emailPrefix}-{Guid.NewGuid():N}@klaster.example.pl";
        await using var scope = services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, displayName, password, role);
        return (user.Id, email);
    }

    /// <summary>Gives the existing account <paramref name="userId"/> a password and <paramref name="role"/>; its e-mail (the login).</summary>
    public static async Task<string> GiveAsync(IServiceProvider services, Guid userId, string role, string password)
    {
        await using var scope = services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"There is no user {userId}.");
        Check(await users.AddPasswordAsync(user, password));
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user.Email!;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
