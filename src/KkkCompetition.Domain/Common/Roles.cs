namespace KkkCompetition.Domain.Common;

/// <summary>The roles of the domain guide, plus <see cref="System"/> for background jobs.</summary>
public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Expert = nameof(Expert);
    public const string Official = nameof(Official);
    public const string CommissionMember = nameof(CommissionMember);
    public const string Administrator = nameof(Administrator);

    /// <summary>Not a user role: a system integration signed in with client credentials.</summary>
    public const string IntegrationClient = nameof(IntegrationClient);

    /// <summary>Not a user role: the identity background jobs run under.</summary>
    public const string System = nameof(System);

    public static readonly IReadOnlyList<string> UserRoles = [Applicant, Expert, Official, CommissionMember, Administrator];

    public static readonly IReadOnlyList<string> Staff = [Official, Administrator];
}
