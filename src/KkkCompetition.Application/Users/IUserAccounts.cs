namespace KkkCompetition.Application.Users;

/// <summary>
/// The identity store as use cases need it (an accepted invitation creates an account and grants a role). The
/// implementation writes through the command's own database context, so the account is saved, audited and committed
/// with the rest of the command — or not at all.
/// </summary>
public interface IUserAccounts
{
    /// <summary>The id of the account with this e-mail, if there is one.</summary>
    Task<Guid?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>What the password policy has against <paramref name="password"/>; empty when it is acceptable.</summary>
    Task<IReadOnlyList<AccountProblem>> CheckPasswordAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// A new account, its e-mail confirmed (following the invitation link proved the address); "pl" or "en" for
    /// <paramref name="language"/>. An address already taken is 409 <c>account.email_taken</c>.
    /// </summary>
    Task<Guid> CreateAsync(string email, string displayName, string password, string language, CancellationToken cancellationToken);

    /// <summary>Grants the role (once; the role is created when the store has none yet).</summary>
    Task AddToRoleAsync(Guid userId, string role, CancellationToken cancellationToken);
}

/// <summary>One objection of the password policy: a stable code (e.g. <c>PasswordTooShort</c>) and its English text.</summary>
public sealed record AccountProblem(string Code, string Message);
