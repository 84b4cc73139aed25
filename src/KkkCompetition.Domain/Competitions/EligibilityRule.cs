using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Competitions;

/// <summary>
/// A formal (yes/no) criterion of a competition. The four rules of the regulations come with every competition and
/// the system pre-checks them from the application's data; an official may add rules of his/her own, which only the
/// official can confirm.
/// </summary>
public sealed class EligibilityRule : Entity
{
    /// <summary>The cluster has been active at least <see cref="Competition.MinimumClusterAgeYears"/> (founding date to closing date).</summary>
    public const string ClusterAge = "cluster_age";

    /// <summary>The cluster has at least <see cref="Competition.MinimumMembers"/> members.</summary>
    public const string MemberCount = "member_count";

    /// <summary>The coordinator has a valid NIP, and REGON/KRS where it has them.</summary>
    public const string CoordinatorIdentifiers = "coordinator_identifiers";

    /// <summary>The statute or rules, the development strategy with action plan and the coordinator's declarations are attached.</summary>
    public const string MandatoryAttachments = "mandatory_attachments";

    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 500;

    private EligibilityRule()
    {
    }

    public string Code { get; private set; } = "";
    public string NamePl { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>Whether the system checks the rule from the data and shows its finding beside the official's decision.</summary>
    public bool IsPreChecked { get; private set; }

    /// <summary>Added by an official for this competition (and so removable while it is a draft).</summary>
    public bool IsCustom { get; private set; }

    public int Order { get; private set; }

    internal static IEnumerable<EligibilityRule> Defaults() =>
    [
        Regulation(ClusterAge, 1,
            "Klaster działa co najmniej wymaganą liczbę lat (od daty założenia do dnia zamknięcia naboru)",
            "The cluster has been active for at least the required number of years (from its founding to the closing date)"),
        Regulation(MemberCount, 2,
            "Klaster ma co najmniej wymaganą liczbę członków",
            "The cluster has at least the required number of members"),
        Regulation(CoordinatorIdentifiers, 3,
            "Koordynator jest podmiotem prawnym z ważnym numerem NIP (oraz REGON i KRS, jeśli dotyczy)",
            "The coordinator is a legal entity with a valid NIP (and REGON and KRS where applicable)"),
        Regulation(MandatoryAttachments, 4,
            "Dołączono wszystkie obowiązkowe załączniki (statut lub regulamin klastra, strategia rozwoju z planem działań, oświadczenia koordynatora)",
            "All mandatory attachments are present (cluster statute or rules, development strategy with action plan, coordinator's declarations)"),
    ];

    internal static EligibilityRule Custom(string code, string namePl, string nameEn, int order)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength
            || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') || !char.IsAsciiLetterLower(code[0]))
        {
            throw new BusinessRuleViolation("competition.eligibility_rule_code_invalid", "A rule's code is lower-case letters, digits and underscores, starting with a letter.", code);
        }

        if (string.IsNullOrWhiteSpace(namePl) || string.IsNullOrWhiteSpace(nameEn))
        {
            throw new BusinessRuleViolation("competition.eligibility_rule_names_required", "A rule needs its wording in Polish and English.");
        }

        return new EligibilityRule { Code = code, NamePl = namePl.Trim(), NameEn = nameEn.Trim(), IsPreChecked = false, IsCustom = true, Order = order };
    }

    private static EligibilityRule Regulation(string code, int order, string namePl, string nameEn) =>
        new() { Code = code, NamePl = namePl, NameEn = nameEn, IsPreChecked = true, IsCustom = false, Order = order };
}
