using KkkCompetition.Domain.Common;

namespace KkkCompetition.Application.Common.Exceptions;

/// <summary>
/// A broken rule whose answer tells the client more than its code (409 with extra problem-details members): the list
/// of what is missing, the id of the resource that already exists. Clients read the members by name.
/// </summary>
public class DetailedRuleViolation(string code, string englishMessage, IReadOnlyDictionary<string, object?> details, params object[] arguments)
    : BusinessRuleViolation(code, englishMessage, arguments)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details;
}

/// <summary>An upload larger than allowed (413, with the code of the kind of upload, e.g. <c>attachment.too_large</c>).</summary>
public sealed class ContentTooLargeException(string code, string englishMessage, long maxBytes)
    : BusinessRuleViolation(code, englishMessage, maxBytes / (1024 * 1024))
{
    public long MaxBytes { get; } = maxBytes;
}
