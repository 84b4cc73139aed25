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

/// <summary>
/// A unique index refused the save: the same thing was created a moment ago by someone else or in another tab (409,
/// code concurrency.duplicate). The handlers check first; this covers the race between the check and the save.
/// </summary>
public sealed class DuplicateConflictException(Exception inner)
    : BusinessRuleViolation(DuplicateCode, "The same was just done elsewhere (for example in another tab). Reload and try again.", inner)
{
    public const string DuplicateCode = "concurrency.duplicate";
}
