using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Web.Components.Pages.Experts;

/// <summary>What the profile form hands to the page that sends it (as the expert's own request or the official's).</summary>
public sealed record ExpertProfileInput(
    string FullName,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation> Affiliations,
    int Version);
