namespace KkkCompetition.Application.Common.Security;

/// <summary>
/// The user of the current DI scope when it is not the HTTP caller: background jobs run as <see cref="FixedUser.System"/>,
/// the UI sets the signed-in user of its circuit. Empty means "ask the host" (<see cref="IAmbientUser"/>).
/// </summary>
public sealed class CurrentUserContext
{
    public ICurrentUser? User { get; private set; }

    public void Set(ICurrentUser user) => User = user;
}

/// <summary>The host's idea of the caller (the web host reads the HTTP request).</summary>
public interface IAmbientUser
{
    ICurrentUser? Current { get; }
}

public sealed record FixedUser(Guid? UserId, string UserName, IReadOnlyCollection<string> Roles, string? IpAddress = null, string? CorrelationId = null) : ICurrentUser
{
    public static FixedUser System { get; } = new(null, "system", [Domain.Common.Roles.System]);

    public static FixedUser Anonymous { get; } = new(null, "anonymous", []);
}

/// <summary>
/// The <see cref="ICurrentUser"/> of a scope, asked afresh on every read: a request's scope builds it before authentication
/// has run (the sign-in cookie's security-stamp check opens the DbContext, whose audit trail takes the user), and a user
/// captured then would stay anonymous for the whole request.
/// </summary>
internal sealed class ScopedCurrentUser(CurrentUserContext context, IServiceProvider services) : ICurrentUser
{
    private ICurrentUser User => context.User ?? (services.GetService(typeof(IAmbientUser)) as IAmbientUser)?.Current ?? FixedUser.Anonymous;

    public Guid? UserId => User.UserId;

    public string UserName => User.UserName;

    public IReadOnlyCollection<string> Roles => User.Roles;

    public string? IpAddress => User.IpAddress;

    public string? CorrelationId => User.CorrelationId;
}
