using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Evaluation;

/// <summary>One criterion of a result: the experts' value and, when the panel changed it, the panel's with its justification.</summary>
public sealed class CriterionResult
{
    private CriterionResult()
    {
    }

    internal CriterionResult(string criterionCode, decimal expertPoints)
    {
        CriterionCode = criterionCode;
        ExpertPoints = expertPoints;
    }

    public string CriterionCode { get; private set; } = "";
    public decimal ExpertPoints { get; private set; }
    public decimal? PanelPoints { get; private set; }
    public string? PanelJustification { get; private set; }
    public DateTimeOffset? PanelChangedAt { get; private set; }
    public Guid? PanelChangedBy { get; private set; }

    /// <summary>The value that counts: the panel's where it changed the criterion, otherwise the experts'.</summary>
    public decimal FinalPoints => PanelPoints ?? ExpertPoints;

    internal void ChangeByPanel(decimal points, string justification, Guid by, DateTimeOffset now)
    {
        PanelPoints = points;
        PanelJustification = justification;
        PanelChangedAt = now;
        PanelChangedBy = by;
    }
}

/// <summary>
/// The merit result of one application (domain guide, section 3): computed from the sheets by
/// <see cref="EvaluationCalculator"/>, optionally changed by the expert panel criterion by criterion (the original
/// kept beside each change); the final result is the panel's.
/// </summary>
public sealed class EvaluationResult : Entity
{
    public const int MinPanelJustificationLength = 20;
    public const int MaxPlaceLength = 300;

    private EvaluationResult()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ResultMethod Method { get; private set; }

    /// <summary>The application's evaluation round this result comes from.</summary>
    public int Round { get; private set; } = 1;

    /// <summary>
    /// Set when an upheld appeal sent the application to re-evaluation: the result stays as history, and every reader of
    /// "the" result (ranking, progress, panel, commission) sees only the one not superseded.
    /// </summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>The assignments whose sheets the experts' result was computed from.</summary>
    public List<Guid> SheetsUsed { get; private set; } = [];

    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>Σ experts' points × weight.</summary>
    public decimal ExpertTotal { get; private set; }

    /// <summary>Σ final points × weight: the ranking's value.</summary>
    public decimal Total { get; private set; }

    public bool Passed { get; private set; }
    public DateTimeOffset? PanelScheduledAt { get; private set; }
    public string? PanelPlace { get; private set; }
    public List<CriterionResult> Criteria { get; private set; } = [];

    public bool ChangedByPanel => Criteria.Any(c => c.PanelPoints is not null);

    public static EvaluationResult Create(Competition competition, Guid applicationId, EvaluationOutcome.Computed outcome, DateTimeOffset now, int round = 1)
    {
        var result = new EvaluationResult
        {
            CompetitionId = competition.Id,
            ApplicationId = applicationId,
            Method = outcome.Method,
            Round = round,
            SheetsUsed = [.. outcome.SheetsUsed],
            ComputedAt = now,
        };
        foreach (var criterion in competition.Criteria.OrderBy(c => c.Order))
        {
            result.Criteria.Add(new CriterionResult(criterion.Code, outcome.Points.GetValueOrDefault(criterion.Code)));
        }

        result.ExpertTotal = EvaluationCalculator.Total(competition.Criteria, result.Criteria.ToDictionary(c => c.CriterionCode, c => c.ExpertPoints));
        result.Recompute(competition);
        return result;
    }

    /// <summary>An upheld appeal replaces this result by the re-evaluation's.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (SupersededAt is not null)
        {
            throw new BusinessRuleViolation("evaluation.result_superseded", "This result has already been replaced by a re-evaluation.");
        }

        SupersededAt = now;
    }

    /// <summary>Why the result does not pass (empty when it passes), from the final points.</summary>
    public IReadOnlyList<FailReason> FailReasons(Competition competition) =>
        EvaluationCalculator.FailReasons(competition.Criteria, FinalPoints(), competition.PassThreshold);

    public IReadOnlyDictionary<string, decimal> FinalPoints() => Criteria.ToDictionary(c => c.CriterionCode, c => c.FinalPoints, StringComparer.Ordinal);

    /// <summary>The official sets when and where the cluster presents itself to the panel.</summary>
    public void SchedulePanel(Competition competition, DateTimeOffset at, string place, DateTimeOffset now)
    {
        EnsurePanel(competition);
        if (at <= now)
        {
            throw new BusinessRuleViolation("evaluation.panel_in_past", "The presentation must be scheduled in the future.");
        }

        if (string.IsNullOrWhiteSpace(place) || place.Trim().Length > MaxPlaceLength)
        {
            throw new BusinessRuleViolation("evaluation.panel_place_required", $"Give the place (or link) of the presentation, at most {MaxPlaceLength} characters.", MaxPlaceLength);
        }

        PanelScheduledAt = at;
        PanelPlace = place.Trim();
    }

    /// <summary>The panel changes one criterion's result with a written justification; the experts' value stays beside it.</summary>
    public void ChangeByPanel(Competition competition, string criterionCode, decimal points, string justification, Guid by, DateTimeOffset now)
    {
        EnsurePanel(competition);
        var criterion = competition.FindCriterion(criterionCode)
            ?? throw new BusinessRuleViolation("evaluation.criterion_unknown", "The competition has no such criterion.", criterionCode);
        ScoreRules.CheckPoints(criterion, points);

        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < MinPanelJustificationLength)
        {
            throw new BusinessRuleViolation(
                "evaluation.panel_justification_required",
                $"The panel's change needs a written justification of at least {MinPanelJustificationLength} characters.",
                criterionCode,
                MinPanelJustificationLength);
        }

        ScoreRules.CheckJustificationLength(criterionCode, justification.Trim());

        Criteria.First(c => c.CriterionCode == criterionCode).ChangeByPanel(points, justification.Trim(), by, now);
        Recompute(competition);
    }

    private void Recompute(Competition competition)
    {
        var points = FinalPoints();
        Total = EvaluationCalculator.Total(competition.Criteria, points);
        Passed = EvaluationCalculator.FailReasons(competition.Criteria, points, competition.PassThreshold).Count == 0;
    }

    private static void EnsurePanel(Competition competition)
    {
        if (!competition.HoldsPanel)
        {
            throw new BusinessRuleViolation("evaluation.no_panel", "This competition holds no expert panel.");
        }
    }
}
