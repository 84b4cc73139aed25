namespace KkkCompetition.Application.Common.Security;

/// <summary>Who sends the current request, and from where. Anonymous callers have no <see cref="UserId"/>.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    IReadOnlyCollection<string> Roles { get; }
    string? IpAddress { get; }
    string? CorrelationId { get; }

    bool IsAuthenticated => UserId is not null || Roles.Count > 0;

    bool IsInRole(string role) => Roles.Contains(role);
}
