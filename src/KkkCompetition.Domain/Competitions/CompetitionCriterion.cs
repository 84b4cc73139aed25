using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.Competitions;

/// <summary>
/// What an official writes for a merit criterion. The area's names may be left out when the area already exists
/// (it keeps its names); given, they rename the whole area.
/// </summary>
public sealed record CriterionDefinition(
    string Code,
    string AreaCode,
    string? AreaNamePl,
    string? AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength)
{
    public const decimal MaxWeight = 10m;
    public const int MaxJustificationLength = 4000;
    public const int DefaultJustificationLength = 100;
}

/// <summary>A merit criterion of one competition: copied from the template, then edited while the competition is a draft.</summary>
public sealed class CompetitionCriterion : Entity
{
    private CompetitionCriterion()
    {
    }

    public string Code { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string AreaNamePl { get; private set; } = "";
    public string AreaNameEn { get; private set; } = "";
    public string NamePl { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? Guidance { get; private set; }
    public decimal MaxPoints { get; private set; }
    public bool HalfPointsAllowed { get; private set; }
    public decimal Weight { get; private set; } = 1m;
    public decimal? MinimumPoints { get; private set; }
    public bool JustificationRequired { get; private set; } = true;
    public int MinimumJustificationLength { get; private set; } = CriterionDefinition.DefaultJustificationLength;
    public int Order { get; private set; }
    public int? TieBreakRank { get; private set; }

    /// <summary>Whether <paramref name="points"/> is a score this criterion can give: within [0, max], in whole or (where allowed) half points.</summary>
    public bool Accepts(decimal points) => points >= 0m && points <= MaxPoints && IsOnGrid(points, HalfPointsAllowed);

    internal static CompetitionCriterion FromTemplate(CriterionTemplate t) => new()
    {
        Code = t.Code,
        AreaCode = t.AreaCode,
        AreaNamePl = t.AreaNamePl,
        AreaNameEn = t.AreaNameEn,
        NamePl = t.NamePl,
        NameEn = t.NameEn,
        MaxPoints = t.MaxPoints,
        HalfPointsAllowed = t.HalfPointsAllowed,
        Order = t.Order,
        TieBreakRank = t.TieBreakRank,
    };

    internal static CompetitionCriterion Define(CriterionDefinition definition, string areaNamePl, string areaNameEn, int order)
    {
        var criterion = new CompetitionCriterion { Code = definition.Code, Order = order };
        criterion.Redefine(definition, areaNamePl, areaNameEn);
        return criterion;
    }

    internal void Redefine(CriterionDefinition d, string areaNamePl, string areaNameEn)
    {
        Check(d);
        AreaCode = d.AreaCode;
        AreaNamePl = areaNamePl;
        AreaNameEn = areaNameEn;
        NamePl = d.NamePl.Trim();
        NameEn = d.NameEn.Trim();
        Guidance = string.IsNullOrWhiteSpace(d.Guidance) ? null : d.Guidance.Trim();
        MaxPoints = d.MaxPoints;
        HalfPointsAllowed = d.HalfPointsAllowed;
        Weight = d.Weight;
        MinimumPoints = d.MinimumPoints;
        JustificationRequired = d.JustificationRequired;

        // Without a required justification a minimum length means nothing; 0 says so in the data too.
        MinimumJustificationLength = d.JustificationRequired ? d.MinimumJustificationLength : 0;
    }

    internal void RenameArea(string namePl, string nameEn)
    {
        AreaNamePl = namePl;
        AreaNameEn = nameEn;
    }

    internal void SetTieBreakRank(int? rank) => TieBreakRank = rank;

    private static void Check(CriterionDefinition d)
    {
        if (string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.AreaCode)
            || string.IsNullOrWhiteSpace(d.NamePl) || string.IsNullOrWhiteSpace(d.NameEn))
        {
            throw new BusinessRuleViolation("competition.criterion_names_required", "A criterion needs a code, an area and names in Polish and English.");
        }

        if (d.MaxPoints <= 0m || !IsOnGrid(d.MaxPoints, d.HalfPointsAllowed))
        {
            throw new BusinessRuleViolation(
                "competition.criterion_max_points_invalid",
                "The maximum points must be above 0, in whole points (or half points where they are allowed).",
                d.Code);
        }

        if (d.MinimumPoints is { } minimum && (minimum < 0m || minimum > d.MaxPoints || !IsOnGrid(minimum, d.HalfPointsAllowed)))
        {
            throw new BusinessRuleViolation(
                "competition.criterion_minimum_invalid",
                "The minimum points must lie between 0 and the maximum, on the criterion's point scale.",
                d.Code);
        }

        if (d.Weight <= 0m || d.Weight > CriterionDefinition.MaxWeight)
        {
            throw new BusinessRuleViolation(
                "competition.criterion_weight_invalid",
                $"The weight must be above 0 and at most {CriterionDefinition.MaxWeight}.",
                d.Code,
                CriterionDefinition.MaxWeight);
        }

        if (d.JustificationRequired && d.MinimumJustificationLength is < 1 or > CriterionDefinition.MaxJustificationLength)
        {
            throw new BusinessRuleViolation(
                "competition.criterion_justification_invalid",
                $"A required justification needs a minimum length of 1 to {CriterionDefinition.MaxJustificationLength} characters.",
                d.Code,
                CriterionDefinition.MaxJustificationLength);
        }
    }

    private static bool IsOnGrid(decimal points, bool halfPoints) =>
        halfPoints ? decimal.Remainder(points * 2m, 1m) == 0m : decimal.Remainder(points, 1m) == 0m;
}
