using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Applications;

public enum PreCheckOutcome
{
    /// <summary>The data the application was submitted with meets the rule.</summary>
    Met,

    /// <summary>The data does not meet the rule; the official decides whether it is fixable.</summary>
    NotMet,

    /// <summary>The system cannot check this rule (a custom rule of the competition): the official alone decides.</summary>
    NotChecked,
}

/// <summary>
/// The system's own finding on one eligibility rule, shown beside the official's. <see cref="Actual"/> and
/// <see cref="Required"/> are invariant values (a count, years) the UI words; <see cref="Details"/> depends on the rule:
/// the founding and closing dates (<c>cluster_age</c>), the identifiers that fail their checksum (<c>nip</c>, <c>regon</c>,
/// <c>krs</c>), the missing kinds of attachment.
/// </summary>
public sealed record PreCheckFinding(string RuleCode, PreCheckOutcome Outcome, string? Actual, string? Required, IReadOnlyList<string> Details)
{
    public static PreCheckFinding NotChecked(string ruleCode) => new(ruleCode, PreCheckOutcome.NotChecked, null, null, []);
}

/// <summary>What the pre-check reads from a snapshot of the application: members, founding date, the coordinator's identifiers, attachments.</summary>
public sealed record EligibilityFacts(
    int MemberCount,
    DateOnly ClusterFoundedOn,
    string CoordinatorNip,
    string? CoordinatorRegon,
    string? CoordinatorKrs,
    IReadOnlyCollection<AttachmentKind> AttachmentKinds);

/// <summary>
/// The system's pre-check of the eligibility rules it can judge from data (domain guide section 1): member count,
/// cluster age at closing, the coordinator's identifiers by checksum, the mandatory attachments. A pure function of
/// the snapshot's facts and the competition's settings; the official confirms or overrides every rule.
/// </summary>
public static class EligibilityPreCheck
{
    public const string ClusterAge = EligibilityRule.ClusterAge;
    public const string MemberCount = EligibilityRule.MemberCount;
    public const string CoordinatorIdentifiers = EligibilityRule.CoordinatorIdentifiers;
    public const string MandatoryAttachments = EligibilityRule.MandatoryAttachments;

    /// <summary>The rules the system checks itself, in the order they are shown.</summary>
    public static IReadOnlyList<string> CheckableRules { get; } = [ClusterAge, MemberCount, CoordinatorIdentifiers, MandatoryAttachments];

    public static IReadOnlyList<PreCheckFinding> CheckAll(IEnumerable<string> ruleCodes, EligibilityFacts facts, Competition competition) =>
        ruleCodes.Select(code => Check(code, facts, competition)).ToList();

    public static PreCheckFinding Check(string ruleCode, EligibilityFacts facts, Competition competition) => ruleCode switch
    {
        MemberCount => CheckMembers(facts, competition.MinimumMembers),
        ClusterAge => CheckAge(facts, competition.MinimumClusterAgeYears, ClosingDate(competition)),
        CoordinatorIdentifiers => CheckIdentifiers(facts),
        MandatoryAttachments => CheckAttachments(facts),
        _ => PreCheckFinding.NotChecked(ruleCode),
    };

    /// <summary>
    /// The last day submissions were accepted, in Warsaw: the closing instant itself is already refused, so a competition
    /// closing at midnight closed on the day before.
    /// </summary>
    public static DateOnly ClosingDate(Competition competition) =>
        WorkingDayCalendar.ToWarsawDate(competition.Timeline.ClosesAt.AddTicks(-1));

    /// <summary>Full years from <paramref name="from"/> to <paramref name="to"/> (an anniversary on the day counts; 29 February counts on 28 February).</summary>
    public static int FullYears(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }

    private static PreCheckFinding CheckMembers(EligibilityFacts facts, int minimum) => new(
        MemberCount,
        facts.MemberCount >= minimum ? PreCheckOutcome.Met : PreCheckOutcome.NotMet,
        Invariant(facts.MemberCount),
        Invariant(minimum),
        []);

    private static PreCheckFinding CheckAge(EligibilityFacts facts, int minimumYears, DateOnly closingDate)
    {
        var years = FullYears(facts.ClusterFoundedOn, closingDate);
        return new PreCheckFinding(
            ClusterAge,
            years >= minimumYears ? PreCheckOutcome.Met : PreCheckOutcome.NotMet,
            Invariant(years),
            Invariant(minimumYears),
            [facts.ClusterFoundedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>The NIP is required; REGON and KRS are checked where the coordinator has them.</summary>
    private static PreCheckFinding CheckIdentifiers(EligibilityFacts facts)
    {
        var problems = new List<string>();
        if (!PolishIdentifiers.IsValidNip(facts.CoordinatorNip))
        {
            problems.Add("nip");
        }

        if (!string.IsNullOrWhiteSpace(facts.CoordinatorRegon) && !PolishIdentifiers.IsValidRegon(facts.CoordinatorRegon))
        {
            problems.Add("regon");
        }

        if (!string.IsNullOrWhiteSpace(facts.CoordinatorKrs) && !PolishIdentifiers.IsValidKrs(facts.CoordinatorKrs))
        {
            problems.Add("krs");
        }

        return new PreCheckFinding(CoordinatorIdentifiers, problems.Count == 0 ? PreCheckOutcome.Met : PreCheckOutcome.NotMet, null, null, problems);
    }

    private static PreCheckFinding CheckAttachments(EligibilityFacts facts)
    {
        var missing = ApplicationAttachment.MandatoryKinds.Where(k => !facts.AttachmentKinds.Contains(k)).Select(k => k.ToString()).ToList();
        return new PreCheckFinding(
            MandatoryAttachments,
            missing.Count == 0 ? PreCheckOutcome.Met : PreCheckOutcome.NotMet,
            Invariant(ApplicationAttachment.MandatoryKinds.Count - missing.Count),
            Invariant(ApplicationAttachment.MandatoryKinds.Count),
            missing);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
