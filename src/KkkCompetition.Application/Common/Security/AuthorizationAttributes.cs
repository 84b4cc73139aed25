namespace KkkCompetition.Application.Common.Security;

/// <summary>
/// The roles allowed to send a request type. Every request type carries either this or
/// <see cref="PublicRequestAttribute"/>; a test walks them all.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowedRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>The request may be sent by anyone, signed in or not (public registry, announcements).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PublicRequestAttribute : Attribute
{
}

/// <summary>The request may be sent by any signed-in user, whatever the role (own profile, own notifications).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AnyAuthenticatedUserAttribute : Attribute
{
}

/// <summary>
/// The resource check of one request type (ownership, assignment, conflict). A refusal is reported as
/// "not found", so nobody can learn that someone else's resource exists.
/// </summary>
public interface IResourceAuthorizer<in TRequest>
{
    ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken);
}
