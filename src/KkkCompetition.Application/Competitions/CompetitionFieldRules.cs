using FluentValidation;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Application.Competitions;

/// <summary>The seven dates of a timeline, as the create and update commands carry them.</summary>
public interface ITimelineFields
{
    DateTimeOffset AnnouncementAt { get; }
    DateTimeOffset OpensAt { get; }
    DateTimeOffset ClosesAt { get; }
    DateTimeOffset FormalReviewDeadline { get; }
    DateTimeOffset EvaluationDeadline { get; }
    DateTimeOffset PanelAt { get; }
    DateTimeOffset DecisionAt { get; }
}

/// <summary>Each date of a timeline follows the one before it; a failure names the later date.</summary>
public sealed class TimelineFieldsValidator : AbstractValidator<ITimelineFields>
{
    public TimelineFieldsValidator()
    {
        RuleFor(x => x.OpensAt).GreaterThanOrEqualTo(x => x.AnnouncementAt);
        RuleFor(x => x.ClosesAt).GreaterThan(x => x.OpensAt);
        RuleFor(x => x.FormalReviewDeadline).GreaterThanOrEqualTo(x => x.ClosesAt);
        RuleFor(x => x.EvaluationDeadline).GreaterThanOrEqualTo(x => x.FormalReviewDeadline);
        RuleFor(x => x.PanelAt).GreaterThanOrEqualTo(x => x.EvaluationDeadline);
        RuleFor(x => x.DecisionAt).GreaterThanOrEqualTo(x => x.PanelAt);
    }
}

/// <summary>The fields of a merit criterion, as the add and update commands carry them.</summary>
public interface ICriterionFields
{
    string Code { get; }
    string AreaCode { get; }
    string? AreaNamePl { get; }
    string? AreaNameEn { get; }
    string NamePl { get; }
    string NameEn { get; }
    string? Guidance { get; }
    decimal MaxPoints { get; }
    bool HalfPointsAllowed { get; }
    decimal Weight { get; }
    decimal? MinimumPoints { get; }
    bool JustificationRequired { get; }
    int MinimumJustificationLength { get; }
}

/// <summary>
/// The shape of a criterion (lengths, ranges, decimal places the database keeps). The rules that need the rest of the
/// competition, and the point scale (whole or half points), are the aggregate's and answer 409.
/// </summary>
public sealed class CriterionFieldsValidator : AbstractValidator<ICriterionFields>
{
    public CriterionFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionCodeLength).Matches(CompetitionFieldRules.CriterionCodePattern);
        RuleFor(x => x.AreaCode).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionCodeLength).Matches(CompetitionFieldRules.CriterionCodePattern);
        RuleFor(x => x.AreaNamePl).MaximumLength(CompetitionFieldRules.MaxCriterionNameLength);
        RuleFor(x => x.AreaNameEn).MaximumLength(CompetitionFieldRules.MaxCriterionNameLength);
        RuleFor(x => x.AreaNameEn).NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.AreaNamePl));
        RuleFor(x => x.AreaNamePl).NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.AreaNameEn));
        RuleFor(x => x.NamePl).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionNameLength);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionNameLength);
        RuleFor(x => x.Guidance).MaximumLength(CompetitionFieldRules.MaxGuidanceLength);
        RuleFor(x => x.MaxPoints).GreaterThan(0).LessThanOrEqualTo(CompetitionFieldRules.MaxCriterionPoints).PrecisionScale(6, 1, ignoreTrailingZeros: true);
        RuleFor(x => x.Weight).GreaterThan(0).LessThanOrEqualTo(CriterionDefinition.MaxWeight).PrecisionScale(6, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.MinimumPoints).GreaterThanOrEqualTo(0).PrecisionScale(6, 1, ignoreTrailingZeros: true);
        RuleFor(x => x.MinimumPoints).LessThanOrEqualTo(x => x.MaxPoints).When(x => x.MinimumPoints is not null);
        RuleFor(x => x.MinimumJustificationLength).InclusiveBetween(0, CriterionDefinition.MaxJustificationLength);
        RuleFor(x => x.MinimumJustificationLength).GreaterThanOrEqualTo(1).When(x => x.JustificationRequired);
    }
}

public static class CompetitionFieldRules
{
    public const int MaxNameLength = 200;
    public const int MaxCriterionCodeLength = 10;
    public const int MaxCriterionNameLength = 300;
    public const int MaxGuidanceLength = 4000;
    public const decimal MaxCriterionPoints = 1000m;
    public const string CriterionCodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public const string EligibilityRuleCodePattern = "^[a-z][a-z0-9_]*$";

    public static CompetitionTimeline ToTimeline(this ITimelineFields t) =>
        new(t.AnnouncementAt, t.OpensAt, t.ClosesAt, t.FormalReviewDeadline, t.EvaluationDeadline, t.PanelAt, t.DecisionAt);

    public static CriterionDefinition ToDefinition(this ICriterionFields c) =>
        new(c.Code.Trim(), c.AreaCode.Trim(), c.AreaNamePl, c.AreaNameEn, c.NamePl, c.NameEn, c.Guidance, c.MaxPoints, c.HalfPointsAllowed,
            c.Weight, c.MinimumPoints, c.JustificationRequired, c.MinimumJustificationLength);
}
