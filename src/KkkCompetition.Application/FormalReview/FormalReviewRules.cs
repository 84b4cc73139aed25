using System.Globalization;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Application.FormalReview;

/// <summary>An eligibility rule of a competition as the formal review shows it; <see cref="HasPreCheck"/> when the system checks it too.</summary>
public sealed record EligibilityRuleInfo(string Code, string NamePl, string NameEn, bool HasPreCheck);

/// <summary>The eligibility rules of a competition and the wording of application sections, for the formal review.</summary>
public static class FormalReviewRules
{
    /// <summary>
    /// The eligibility rules of <paramref name="competition"/>, as frozen with it: the four of the regulations, which the
    /// system pre-checks, and the official's own (custom) ones, which only the official confirms.
    /// </summary>
    public static IReadOnlyList<EligibilityRuleInfo> EligibilityRulesOf(Competition competition) =>
        competition.EligibilityRules
            .OrderBy(r => r.Order)
            .Select(r => new EligibilityRuleInfo(r.Code, r.NamePl, r.NameEn, r.IsPreChecked && EligibilityPreCheck.CheckableRules.Contains(r.Code)))
            .ToList();

    /// <summary>A section key (<see cref="ApplicationSections"/>) in words, in "pl" or "en"; narratives by the competition's area names.</summary>
    public static string SectionName(string sectionKey, string language, Competition competition)
    {
        var en = language == "en";
        if (sectionKey == ApplicationSections.Indicators)
        {
            return en ? "Indicators" : "Wskaźniki";
        }

        if (sectionKey.StartsWith(ApplicationSections.NarrativePrefix, StringComparison.Ordinal))
        {
            var area = sectionKey[ApplicationSections.NarrativePrefix.Length..];
            var criterion = competition.Criteria.FirstOrDefault(c => c.AreaCode == area);
            var name = criterion is null ? area : en ? criterion.AreaNameEn : criterion.AreaNamePl;
            return en ? $"Narrative {area}: {name}" : $"Opis {area}: {name}";
        }

        if (sectionKey.StartsWith(ApplicationSections.AttachmentsPrefix, StringComparison.Ordinal)
            && Enum.TryParse<AttachmentKind>(sectionKey[ApplicationSections.AttachmentsPrefix.Length..], out var kind))
        {
            return (en ? "Attachments: " : "Załączniki: ") + AttachmentKindName(kind, language);
        }

        return sectionKey;
    }

    public static string AttachmentKindName(AttachmentKind kind, string language) => (kind, language == "en") switch
    {
        (AttachmentKind.Statute, false) => "statut lub regulamin klastra",
        (AttachmentKind.Statute, true) => "cluster statute or rules",
        (AttachmentKind.DevelopmentStrategy, false) => "strategia rozwoju z planem działań",
        (AttachmentKind.DevelopmentStrategy, true) => "development strategy with action plan",
        (AttachmentKind.CoordinatorDeclaration, false) => "oświadczenia koordynatora",
        (AttachmentKind.CoordinatorDeclaration, true) => "coordinator's declarations",
        (AttachmentKind.Signature, false) => "podpis elektroniczny (XAdES)",
        (AttachmentKind.Signature, true) => "electronic signature (XAdES)",
        (_, false) => "inne",
        (_, true) => "other",
    };

    public static string StatusName(ApplicationStatus status, string language) => (status, language == "en") switch
    {
        (ApplicationStatus.Draft, false) => "Wersja robocza",
        (ApplicationStatus.Submitted, false) => "Złożony",
        (ApplicationStatus.FormalReview, false) => "W ocenie formalnej",
        (ApplicationStatus.CorrectionRequested, false) => "Wezwany do uzupełnienia",
        (ApplicationStatus.Corrected, false) => "Uzupełniony",
        (ApplicationStatus.FormallyAccepted, false) => "Przyjęty formalnie",
        (ApplicationStatus.FormallyRejected, false) => "Odrzucony formalnie",
        (ApplicationStatus.UnderEvaluation, false) => "W ocenie merytorycznej",
        (ApplicationStatus.Evaluated, false) => "Oceniony",
        (ApplicationStatus.Recommended, false) => "Rekomendowany",
        (ApplicationStatus.NotRecommended, false) => "Nierekomendowany",
        (ApplicationStatus.Certified, false) => "Przyznano status KKK",
        (ApplicationStatus.Rejected, false) => "Odrzucony",
        (ApplicationStatus.Withdrawn, false) => "Wycofany",
        (ApplicationStatus.Appealed, false) => "Odwołanie",
        (ApplicationStatus.Draft, true) => "Draft",
        (ApplicationStatus.Submitted, true) => "Submitted",
        (ApplicationStatus.FormalReview, true) => "In formal review",
        (ApplicationStatus.CorrectionRequested, true) => "Correction requested",
        (ApplicationStatus.Corrected, true) => "Corrected",
        (ApplicationStatus.FormallyAccepted, true) => "Formally accepted",
        (ApplicationStatus.FormallyRejected, true) => "Formally rejected",
        (ApplicationStatus.UnderEvaluation, true) => "Under evaluation",
        (ApplicationStatus.Evaluated, true) => "Evaluated",
        (ApplicationStatus.Recommended, true) => "Recommended",
        (ApplicationStatus.NotRecommended, true) => "Not recommended",
        (ApplicationStatus.Certified, true) => "KKK status granted",
        (ApplicationStatus.Rejected, true) => "Rejected",
        (ApplicationStatus.Withdrawn, true) => "Withdrawn",
        (ApplicationStatus.Appealed, true) => "Appealed",
        _ => status.ToString(),
    };

    /// <summary>The formal outcome an application's status implies: accepted once past the formal review, rejected, or none yet.</summary>
    public static FormalOutcome OutcomeOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.FormallyAccepted or ApplicationStatus.UnderEvaluation or ApplicationStatus.Evaluated or ApplicationStatus.Recommended
            or ApplicationStatus.NotRecommended or ApplicationStatus.Certified or ApplicationStatus.Rejected or ApplicationStatus.Appealed => FormalOutcome.Accepted,
        ApplicationStatus.FormallyRejected => FormalOutcome.Rejected,
        _ => FormalOutcome.Pending,
    };

    /// <summary>The statuses in which the official still works on the formal review.</summary>
    public static IReadOnlyList<ApplicationStatus> InReview { get; } =
        [ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.CorrectionRequested, ApplicationStatus.Corrected];

    /// <summary>"pl" or "en", from the caller's UI culture (the API and the UI set it per request).</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "pl";

    /// <summary>The last day of a deadline given as its first late instant, in Warsaw.</summary>
    public static DateOnly LastDay(DateTimeOffset deadlineAt) => Domain.Calendar.WorkingDayCalendar.ToWarsawDate(deadlineAt.AddTicks(-1));
}

public enum FormalOutcome
{
    Pending,
    Accepted,
    Rejected,
}
