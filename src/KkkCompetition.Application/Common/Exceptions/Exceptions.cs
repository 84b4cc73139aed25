using KkkCompetition.Domain.Common;

namespace KkkCompetition.Application.Common.Exceptions;

/// <summary>The resource does not exist, or is not the caller's (404 either way).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>No signed-in user where one is needed (401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in first.");

/// <summary>The caller's roles do not allow this request type (403).</summary>
public sealed class ForbiddenException(string requestName) : Exception($"Your roles do not allow {requestName}.");

/// <summary>The resource changed since the caller read it (409, code concurrency.stale_version).</summary>
public sealed class ConcurrencyConflictException()
    : BusinessRuleViolation(StaleVersionCode, "Someone else changed this in the meantime. Reload and try again.")
{
    public const string StaleVersionCode = "concurrency.stale_version";
}
