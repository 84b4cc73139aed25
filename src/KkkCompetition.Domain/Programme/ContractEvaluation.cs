using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;

namespace KkkCompetition.Domain.Programme;

public enum ContractEvaluationStatus
{
    /// <summary>The qualitative part is not submitted yet.</summary>
    AwaitingScores,

    /// <summary>Both parts are in; the official decides.</summary>
    Scored,

    /// <summary>The official's decision awaits the commission.</summary>
    Decided,

    /// <summary>On a commission's voting.</summary>
    BeforeCommission,

    /// <summary>The commission approved the decision; final.</summary>
    Approved,
}

/// <summary>What the phase evaluation decides for a contract (domain guide, section 7).</summary>
public enum PhaseDecision
{
    /// <summary>Eligible for a contract in the next phase.</summary>
    Continue,

    /// <summary>Continues with a remediation plan and an extra review.</summary>
    Conditional,

    /// <summary>The KKK status ends at the phase's end.</summary>
    Terminate,
}

/// <summary>An annual report that was due and is not accepted: it counts as zero achievement and is listed.</summary>
public sealed record MissingReport(int Year, DateOnly DueOn, KpiReportStatus Status);

/// <summary>The qualitative score of one criterion, with its justification.</summary>
public sealed record QualitativeScore(string CriterionCode, int Score, string Justification)
{
    public const int MaxJustificationLength = 4000;
}

/// <summary>
/// One contract's evaluation at the end of its phase (domain guide, section 7): the quantitative part from KPI achievement over
/// the phase (accepted reports; missing ones count as zero and are listed), the qualitative part scored by the assigned expert
/// or official against the evaluation's criteria with justifications, the overall rating (the parts weighted as the phase
/// evaluation says, coloured by the programme's bands) and the official's decision — Continue, Conditional (with a
/// remediation plan and a review date) or Terminate — which takes effect only when the commission approves it.
/// </summary>
public sealed class ContractEvaluation : Entity
{
    public const int MaxJustificationLength = 4000;
    public const int MinJustificationLength = 10;
    public const int MaxRemediationItems = 20;
    public const int MaxRemediationItemLength = 1000;

    private ContractEvaluation()
    {
    }

    public Guid PhaseEvaluationId { get; private set; }
    public Guid PhaseId { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid ClusterId { get; private set; }
    public Guid KkkStatusId { get; private set; }
    public string ContractNumber { get; private set; } = "";
    public string ClusterName { get; private set; } = "";
    public string VoivodeshipTeryt { get; private set; } = "";

    public ContractEvaluationStatus Status { get; private set; }

    /// <summary>The weighted mean KPI achievement over the phase, missing reports as zero; null when no KPI has a figure.</summary>
    public decimal? QuantitativePercent { get; private set; }

    public List<MissingReport> MissingReports { get; private set; } = [];
    public int AcceptedReports { get; private set; }
    public DateTimeOffset QuantitativeAt { get; private set; }

    /// <summary>The expert or official who scores the qualitative part.</summary>
    public Guid? EvaluatorUserId { get; private set; }

    public List<QualitativeScore> Scores { get; private set; } = [];
    public decimal? QualitativePercent { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }

    /// <summary>The overall rating in percent: the two parts weighted; a missing quantitative figure counts as zero.</summary>
    public decimal? OverallPercent { get; private set; }

    public PhaseDecision? Decision { get; private set; }
    public string? DecisionJustification { get; private set; }
    public List<string> RemediationItems { get; private set; } = [];
    public DateOnly? ReviewOn { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    /// <summary>When a commission last refused the decision (the official decides again).</summary>
    public DateTimeOffset? CommissionRefusedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A contract active when the phase's evaluation opens gets its evaluation.</summary>
    public static ContractEvaluation Start(PhaseEvaluation phaseEvaluation, ProgrammeContract contract, ContractAchievement achievement, IReadOnlyList<MissingReport> missing, DateTimeOffset now)
    {
        phaseEvaluation.EnsureOpen();
        if (contract.PhaseId != phaseEvaluation.PhaseId)
        {
            throw new ArgumentException("The contract is not of the evaluated phase.", nameof(contract));
        }

        var evaluation = new ContractEvaluation
        {
            PhaseEvaluationId = phaseEvaluation.Id,
            PhaseId = phaseEvaluation.PhaseId,
            ContractId = contract.Id,
            ClusterId = contract.ClusterId,
            KkkStatusId = contract.KkkStatusId,
            ContractNumber = contract.Number,
            ClusterName = contract.ClusterName,
            VoivodeshipTeryt = contract.VoivodeshipTeryt,
            Status = ContractEvaluationStatus.AwaitingScores,
            CreatedAt = now,
        };
        evaluation.RecordQuantitative(phaseEvaluation, achievement, missing, now);
        return evaluation;
    }

    /// <summary>The quantitative part, computed again (a report accepted since): only until the decision.</summary>
    public void RecordQuantitative(PhaseEvaluation phaseEvaluation, ContractAchievement achievement, IReadOnlyList<MissingReport> missing, DateTimeOffset now)
    {
        EnsureBeforeDecision();
        QuantitativePercent = achievement.Percent is { } p ? Math.Round(p, 2) : null;
        AcceptedReports = achievement.Reports;
        MissingReports = [.. missing.OrderBy(m => m.Year)];
        QuantitativeAt = now;
        Rate(phaseEvaluation);
        UpdatedAt = now;
    }

    /// <summary>The official assigns the expert or official who scores the qualitative part; only before it is submitted.</summary>
    public void AssignEvaluator(Guid userId, DateTimeOffset now)
    {
        if (Status != ContractEvaluationStatus.AwaitingScores)
        {
            throw new BusinessRuleViolation("phase_evaluation.already_scored", "The qualitative part is already submitted.");
        }

        EvaluatorUserId = userId;
        UpdatedAt = now;
    }

    /// <summary>
    /// The assigned evaluator saves the qualitative scores: each criterion of the evaluation at most once, 0 to its maximum.
    /// With <paramref name="submit"/> every criterion needs its score and a justification, and the part is then final
    /// until the decision (a score can be corrected while the evaluation waits for the decision).
    /// </summary>
    public void SaveScores(PhaseEvaluation phaseEvaluation, IReadOnlyList<QualitativeScore> scores, bool submit, DateTimeOffset now)
    {
        phaseEvaluation.EnsureOpen();
        EnsureBeforeDecision();
        if (scores.Select(s => s.CriterionCode).Distinct(StringComparer.Ordinal).Count() != scores.Count)
        {
            throw new BusinessRuleViolation("phase_evaluation.criterion_twice", "A criterion is scored once.");
        }

        var cleaned = new List<QualitativeScore>(scores.Count);
        foreach (var score in scores)
        {
            var criterion = phaseEvaluation.Criterion(score.CriterionCode);
            if (score.Score < 0 || score.Score > criterion.MaxScore)
            {
                throw new BusinessRuleViolation("phase_evaluation.score_out_of_range", "The score of {0} lies between 0 and {1}.", criterion.Code, criterion.MaxScore);
            }

            var justification = (score.Justification ?? "").Trim();
            if (justification.Length > QualitativeScore.MaxJustificationLength)
            {
                throw new BusinessRuleViolation("phase_evaluation.justification_too_long", "The justification of {0} is too long.", criterion.Code, QualitativeScore.MaxJustificationLength);
            }

            cleaned.Add(score with { Justification = justification });
        }

        if (submit)
        {
            var unscored = phaseEvaluation.Criteria.Where(c => cleaned.All(s => s.CriterionCode != c.Code)).Select(c => c.Code).ToList();
            if (unscored.Count > 0)
            {
                throw new BusinessRuleViolation("phase_evaluation.scores_incomplete", "Score every criterion: {0}.", string.Join(", ", unscored));
            }

            var unjustified = cleaned.Where(s => s.Justification.Length == 0).Select(s => s.CriterionCode).ToList();
            if (unjustified.Count > 0)
            {
                throw new BusinessRuleViolation("phase_evaluation.score_justification_required", "Justify the score of {0}.", string.Join(", ", unjustified));
            }
        }

        Scores = [.. phaseEvaluation.Criteria.Select(c => cleaned.FirstOrDefault(s => s.CriterionCode == c.Code)).OfType<QualitativeScore>()];
        if (submit)
        {
            Status = ContractEvaluationStatus.Scored;
            ScoredAt = now;
        }

        Rate(phaseEvaluation);
        UpdatedAt = now;
    }

    /// <summary>
    /// The official's decision, with its justification; Conditional needs a remediation plan (items) and a review date after
    /// today. Refused before the qualitative part is in and once the decision is before the commission or approved.
    /// </summary>
    public void Decide(PhaseDecision decision, string justification, IReadOnlyList<string> remediationItems, DateOnly? reviewOn, Guid officialId, DateOnly today, DateTimeOffset now)
    {
        if (Status is ContractEvaluationStatus.AwaitingScores)
        {
            throw new BusinessRuleViolation("phase_evaluation.not_scored", "Score the qualitative part before deciding.");
        }

        if (Status is ContractEvaluationStatus.BeforeCommission or ContractEvaluationStatus.Approved)
        {
            throw new BusinessRuleViolation("phase_evaluation.decision_final", "The decision is before the commission or approved: it cannot change.");
        }

        var text = (justification ?? "").Trim();
        if (text.Length < MinJustificationLength)
        {
            throw new BusinessRuleViolation("phase_evaluation.decision_justification_required", "Justify the decision (at least {0} characters).", MinJustificationLength);
        }

        if (text.Length > MaxJustificationLength)
        {
            throw new BusinessRuleViolation("phase_evaluation.justification_too_long", "The justification is too long.", "decision", MaxJustificationLength);
        }

        var items = remediationItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (decision == PhaseDecision.Conditional)
        {
            if (items.Count == 0 || items.Count > MaxRemediationItems || items.Any(i => i.Length > MaxRemediationItemLength))
            {
                throw new BusinessRuleViolation("phase_evaluation.remediation_plan_required", "A conditional decision needs a remediation plan of 1 to {0} items.", MaxRemediationItems);
            }

            if (reviewOn is not { } review || review <= today)
            {
                throw new BusinessRuleViolation("phase_evaluation.review_date_invalid", "A conditional decision needs a review date after today.");
            }
        }

        Decision = decision;
        DecisionJustification = text;
        RemediationItems = decision == PhaseDecision.Conditional ? items : [];
        ReviewOn = decision == PhaseDecision.Conditional ? reviewOn : null;
        DecidedAt = now;
        DecidedBy = officialId;
        Status = ContractEvaluationStatus.Decided;
        UpdatedAt = now;
    }

    /// <summary>The decision is put to the commission's vote.</summary>
    internal void PutBeforeCommission(DateTimeOffset now)
    {
        EnsureDecided();
        Status = ContractEvaluationStatus.BeforeCommission;
        UpdatedAt = now;
    }

    /// <summary>Only a decided evaluation goes to the commission.</summary>
    internal void EnsureDecided()
    {
        if (Status != ContractEvaluationStatus.Decided)
        {
            throw new BusinessRuleViolation("phase_evaluation.not_decided", "Only a decided evaluation goes to the commission.", ContractNumber);
        }
    }

    /// <summary>The commission's vote: approved by its majority, or refused — back to the official, who decides again.</summary>
    internal void RecordCommissionOutcome(bool approved, DateTimeOffset now)
    {
        if (Status != ContractEvaluationStatus.BeforeCommission)
        {
            throw new InvalidOperationException("Only an evaluation before the commission gets its outcome.");
        }

        if (approved)
        {
            Status = ContractEvaluationStatus.Approved;
            ApprovedAt = now;
        }
        else
        {
            Status = ContractEvaluationStatus.Scored;
            CommissionRefusedAt = now;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// An approved Terminate decision ends the cluster's KKK status at the phase's end, with the decision's justification as
    /// the public reason. Refused without the commission's approval.
    /// </summary>
    public void TerminateStatus(KkkStatus status, PhaseEvaluation phaseEvaluation, Guid by, DateTimeOffset now)
    {
        if (Status != ContractEvaluationStatus.Approved || Decision != PhaseDecision.Terminate)
        {
            throw new BusinessRuleViolation("phase_evaluation.termination_not_approved", "Only a Terminate decision approved by the commission ends the KKK status.");
        }

        if (status.Id != KkkStatusId)
        {
            throw new ArgumentException("The status is not the evaluated contract's.", nameof(status));
        }

        status.Terminate(DecisionJustification!, by, phaseEvaluation.PhaseEndsOn, now);
    }

    /// <summary>Whether the cluster may get a contract for the next phase: a Continue or Conditional decision, approved.</summary>
    public bool AllowsNextPhase => Status == ContractEvaluationStatus.Approved && Decision is PhaseDecision.Continue or PhaseDecision.Conditional;

    private void EnsureBeforeDecision()
    {
        if (Status is ContractEvaluationStatus.Decided or ContractEvaluationStatus.BeforeCommission or ContractEvaluationStatus.Approved)
        {
            throw new BusinessRuleViolation("phase_evaluation.decision_made", "The decision is made: the evaluation no longer changes.");
        }
    }

    private void Rate(PhaseEvaluation phaseEvaluation)
    {
        QualitativePercent = QualitativeOf(phaseEvaluation, Scores);
        if (QualitativePercent is not { } qualitative || Status == ContractEvaluationStatus.AwaitingScores)
        {
            OverallPercent = null;
            return;
        }

        var share = phaseEvaluation.QuantitativeWeightPercent / 100m;
        OverallPercent = Math.Round((share * (QuantitativePercent ?? 0m)) + ((1 - share) * qualitative), 2);
    }

    /// <summary>The qualitative percent: the criteria's scores as shares of their maximum, weighted; null until one is scored.</summary>
    public static decimal? QualitativeOf(PhaseEvaluation phaseEvaluation, IReadOnlyList<QualitativeScore> scores)
    {
        decimal weights = 0, sum = 0;
        foreach (var score in scores)
        {
            var criterion = phaseEvaluation.Criterion(score.CriterionCode);
            weights += criterion.Weight;
            sum += criterion.Weight * score.Score / criterion.MaxScore;
        }

        return weights == 0 ? null : Math.Round(sum * 100m / weights, 2);
    }
}
