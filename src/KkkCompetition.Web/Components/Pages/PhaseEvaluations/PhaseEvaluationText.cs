using KkkCompetition.Domain.Programme;
using KkkCompetition.Web.Components.Pages.Contracts;

namespace KkkCompetition.Web.Components.Pages.PhaseEvaluations;

/// <summary>How the phase evaluation pages show a criterion's name, a percentage and its colour.</summary>
public static class PhaseEvaluationText
{
    public static string Name(QualitativeCriterion criterion) => ContractText.English ? criterion.NameEn : criterion.NamePl;

    public static string Percent(decimal? value) => value is { } v ? ContractText.Percent(v) : "—";

}
