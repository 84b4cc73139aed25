using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Application.Programme.Benchmark;

/// <summary>The report's names of member types, sizes, indicators and measures in "pl" or "en", for its files (the pages use the resources).</summary>
public static class BenchmarkNames
{
    public static string Of(MemberType type, string language) => (type, language == "en") switch
    {
        (MemberType.Enterprise, false) => "Przedsiębiorstwa",
        (MemberType.ResearchOrUniversity, false) => "Jednostki naukowe i uczelnie",
        (MemberType.BusinessSupportInstitution, false) => "Instytucje otoczenia biznesu",
        (MemberType.LocalGovernment, false) => "Jednostki samorządu terytorialnego",
        (MemberType.Other, false) => "Inne",
        (MemberType.Enterprise, true) => "Enterprises",
        (MemberType.ResearchOrUniversity, true) => "Research units and universities",
        (MemberType.BusinessSupportInstitution, true) => "Business support institutions",
        (MemberType.LocalGovernment, true) => "Local governments",
        _ => "Other",
    };

    public static string Of(EnterpriseSize? size, string language) => (size, language == "en") switch
    {
        (EnterpriseSize.Micro, false) => "Mikro",
        (EnterpriseSize.Small, false) => "Małe",
        (EnterpriseSize.Medium, false) => "Średnie",
        (EnterpriseSize.Large, false) => "Duże",
        (null, false) => "Wielkość nie podana",
        (EnterpriseSize.Micro, true) => "Micro",
        (EnterpriseSize.Small, true) => "Small",
        (EnterpriseSize.Medium, true) => "Medium",
        (EnterpriseSize.Large, true) => "Large",
        _ => "Size not given",
    };

    public static string Of(BenchmarkIndicator indicator, string language) => (indicator, language == "en") switch
    {
        (BenchmarkIndicator.ProductInnovations, false) => "Innowacje produktowe",
        (BenchmarkIndicator.ProcessInnovations, false) => "Innowacje procesowe",
        (BenchmarkIndicator.JointProjects, false) => "Wspólne projekty",
        (BenchmarkIndicator.InternshipsAndApprenticeships, false) => "Staże i praktyki",
        (BenchmarkIndicator.ProductInnovations, true) => "Product innovations",
        (BenchmarkIndicator.ProcessInnovations, true) => "Process innovations",
        (BenchmarkIndicator.JointProjects, true) => "Joint projects",
        _ => "Internships and apprenticeships",
    };

    public static string Of(BenchmarkMeasure measure, string language) => (measure, language == "en") switch
    {
        (BenchmarkMeasure.Members, false) => "Członkowie",
        (BenchmarkMeasure.Employment, false) => "Zatrudnienie",
        (BenchmarkMeasure.SalesGrowth, false) => "Wzrost sprzedaży (%)",
        (BenchmarkMeasure.Innovations, false) => "Innowacje",
        (BenchmarkMeasure.JointProjects, false) => "Wspólne projekty",
        (BenchmarkMeasure.Internships, false) => "Staże i praktyki",
        (BenchmarkMeasure.Members, true) => "Members",
        (BenchmarkMeasure.Employment, true) => "Employment",
        (BenchmarkMeasure.SalesGrowth, true) => "Sales growth (%)",
        (BenchmarkMeasure.Innovations, true) => "Innovations",
        (BenchmarkMeasure.JointProjects, true) => "Joint projects",
        _ => "Internships and apprenticeships",
    };

    /// <summary>The scope in words: "Faza 1 (2025-01-01 – 2028-12-31)", the competition's name, or "Stan na 2026-06-30".</summary>
    public static string Scope(BenchmarkScopeView scope, string language)
    {
        var en = language == "en";
        return scope.Kind switch
        {
            BenchmarkScopeKind.Phase => $"{(en ? "Phase" : "Faza")} {scope.PhaseNumber} ({Day(scope.PhaseStartsOn!.Value)} – {Day(scope.PhaseEndsOn!.Value)})",
            BenchmarkScopeKind.Competition => $"{(en ? "Competition" : "Konkurs")}: {scope.CompetitionName}",
            _ => $"{(en ? "As of" : "Stan na")} {Day(scope.Date!.Value)}",
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
