namespace KkkCompetition.Domain.Common;

/// <summary>
/// A broken domain rule. <see cref="Code"/> is stable (clients switch on it); the message is looked up
/// by <see cref="MessageKey"/> in the caller's language, with <see cref="Arguments"/> as placeholders.
/// </summary>
public class BusinessRuleViolation : Exception
{
    public BusinessRuleViolation(string code, string englishMessage, params object[] arguments)
        : base(englishMessage)
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>For a rule the database enforced: keeps its exception for the log.</summary>
    protected BusinessRuleViolation(string code, string englishMessage, Exception inner)
        : base(englishMessage, inner)
    {
        Code = code;
        Arguments = [];
    }

    public string Code { get; }

    /// <summary>The resource key of the localized message: the code itself.</summary>
    public string MessageKey => Code;

    public IReadOnlyList<object> Arguments { get; }
}
