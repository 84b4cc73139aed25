using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Evaluation;

/// <summary>What any score of a criterion may be, whether an expert's sheet line or the panel's change.</summary>
internal static class ScoreRules
{
    /// <summary>Points within [0, max] on the criterion's scale (whole, or half where allowed).</summary>
    public static void CheckPoints(CompetitionCriterion criterion, decimal points)
    {
        if (!criterion.Accepts(points))
        {
            throw new BusinessRuleViolation(
                "evaluation.points_invalid",
                criterion.HalfPointsAllowed
                    ? "The points must lie between 0 and the criterion's maximum, in half points."
                    : "The points must lie between 0 and the criterion's maximum, in whole points.",
                criterion.Code,
                criterion.MaxPoints);
        }
    }

    /// <summary>A justification (already trimmed) of at most the criteria's maximum length.</summary>
    public static void CheckJustificationLength(string criterionCode, string? justification)
    {
        if (justification?.Length > CriterionDefinition.MaxJustificationLength)
        {
            throw new BusinessRuleViolation(
                "evaluation.justification_too_long",
                $"A justification has at most {CriterionDefinition.MaxJustificationLength} characters.",
                criterionCode,
                CriterionDefinition.MaxJustificationLength);
        }
    }
}
