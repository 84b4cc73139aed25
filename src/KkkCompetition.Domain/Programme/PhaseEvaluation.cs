using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Programme;

public enum PhaseEvaluationStatus
{
    /// <summary>Contracts are being evaluated and decided.</summary>
    Open,

    /// <summary>Every contract has its approved decision; the phase is closed.</summary>
    Closed,
}

/// <summary>
/// One criterion of the qualitative part (governance, strategy delivered, services to members, cooperation with the region
/// by default): scored 0 to <see cref="MaxScore"/> with a justification, weighted in the qualitative percent.
/// </summary>
public sealed record QualitativeCriterion(string Code, string NamePl, string NameEn, int MaxScore, decimal Weight)
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 300;
    public const int MaxMaxScore = 100;
    public const decimal MaxWeight = 100m;
}

/// <summary>
/// The evaluation of a programme phase as it nears its end (domain guide, section 7): opened by an official no earlier than
/// the settable number of days before the phase's last day, with the qualitative criteria and the share of the quantitative
/// part in the overall rating fixed for all its contracts; every contract active when it opens gets a
/// <see cref="ContractEvaluation"/>. Decisions go to the commission of <see cref="CommissionCompetitionId"/> (the members
/// appointed to that competition vote, by the same rules as on certification). Closed only when every contract has an
/// approved decision.
/// </summary>
public sealed class PhaseEvaluation : Entity
{
    public const int MaxCriteria = 10;
    public const decimal DefaultQuantitativeWeightPercent = 50m;

    private PhaseEvaluation()
    {
    }

    public Guid PhaseId { get; private set; }
    public int PhaseNumber { get; private set; }

    /// <summary>The phase's last day, copied: a Terminate decision ends the status on it.</summary>
    public DateOnly PhaseEndsOn { get; private set; }

    public PhaseEvaluationStatus Status { get; private set; }

    /// <summary>The competition whose commission approves the decisions.</summary>
    public Guid CommissionCompetitionId { get; private set; }

    public List<QualitativeCriterion> Criteria { get; private set; } = [];

    /// <summary>The quantitative part's share of the overall rating, in percent; the qualitative part has the rest.</summary>
    public decimal QuantitativeWeightPercent { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }

    public bool IsOpen => Status == PhaseEvaluationStatus.Open;

    /// <summary>The four criteria of the domain guide, each 0–10 and of equal weight.</summary>
    public static IReadOnlyList<QualitativeCriterion> DefaultCriteria { get; } =
    [
        new("GOV", "Zarządzanie klastrem", "Governance of the cluster", 10, 1m),
        new("STR", "Realizacja strategii", "Strategy delivered", 10, 1m),
        new("SRV", "Usługi dla członków", "Services to members", 10, 1m),
        new("REG", "Współpraca z regionem", "Cooperation with the region", 10, 1m),
    ];

    /// <summary>The first day the phase's evaluation may be opened: <paramref name="leadDays"/> before its last day.</summary>
    public static DateOnly OpensFrom(ProgrammePhase phase, int leadDays) => phase.EndsOn.AddDays(-leadDays);

    /// <param name="alreadyEvaluated">Whether the phase already has an evaluation.</param>
    public static PhaseEvaluation Open(
        ProgrammePhase phase,
        Guid commissionCompetitionId,
        IReadOnlyList<QualitativeCriterion> criteria,
        decimal quantitativeWeightPercent,
        int leadDays,
        bool alreadyEvaluated,
        Guid officialId,
        DateOnly today,
        DateTimeOffset now)
    {
        if (alreadyEvaluated)
        {
            throw new BusinessRuleViolation("phase_evaluation.already_open", "The phase already has its evaluation.", phase.Number);
        }

        var from = OpensFrom(phase, leadDays);
        if (today < from)
        {
            throw new BusinessRuleViolation("phase_evaluation.too_early", "The phase's evaluation opens on {0}, {1} days before its end.", from, leadDays);
        }

        EnsureValid(criteria);
        if (quantitativeWeightPercent is < 0 or > 100)
        {
            throw new BusinessRuleViolation("phase_evaluation.weight_out_of_range", "The quantitative part's share lies between 0 and 100%.", quantitativeWeightPercent);
        }

        return new PhaseEvaluation
        {
            PhaseId = phase.Id,
            PhaseNumber = phase.Number,
            PhaseEndsOn = phase.EndsOn,
            Status = PhaseEvaluationStatus.Open,
            CommissionCompetitionId = commissionCompetitionId,
            Criteria = [.. criteria.Select(c => c with { Code = c.Code.Trim(), NamePl = c.NamePl.Trim(), NameEn = c.NameEn.Trim() })],
            QuantitativeWeightPercent = quantitativeWeightPercent,
            OpenedAt = now,
            OpenedBy = officialId,
        };
    }

    public QualitativeCriterion Criterion(string code) =>
        Criteria.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal))
        ?? throw new BusinessRuleViolation("phase_evaluation.unknown_criterion", "The criterion {0} is not one of this evaluation's.", code);

    /// <summary>
    /// The official closes the phase. Refused while a contract of it has no approved decision (the refusal counts them);
    /// <paramref name="evaluations"/> are all of this evaluation's contract evaluations.
    /// </summary>
    public void Close(IReadOnlyCollection<ContractEvaluation> evaluations, Guid officialId, DateTimeOffset now)
    {
        EnsureOpen();
        var undecided = evaluations.Count(e => e.PhaseEvaluationId == Id && e.Status != ContractEvaluationStatus.Approved);
        if (undecided > 0)
        {
            throw new BusinessRuleViolation("phase_evaluation.undecided_contracts", "{0} contract(s) of the phase have no approved decision yet.", undecided);
        }

        Status = PhaseEvaluationStatus.Closed;
        ClosedAt = now;
        ClosedBy = officialId;
    }

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new BusinessRuleViolation("phase_evaluation.closed", "The phase's evaluation is closed.");
        }
    }

    private static void EnsureValid(IReadOnlyList<QualitativeCriterion> criteria)
    {
        if (criteria.Count is 0 or > MaxCriteria)
        {
            throw new BusinessRuleViolation("phase_evaluation.criteria_count", "The qualitative part has 1 to {0} criteria.", MaxCriteria);
        }

        if (criteria.Select(c => c.Code.Trim()).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
        {
            throw new BusinessRuleViolation("phase_evaluation.criterion_code_taken", "Each criterion has its own code.");
        }

        foreach (var criterion in criteria)
        {
            if (string.IsNullOrWhiteSpace(criterion.Code) || criterion.Code.Trim().Length > QualitativeCriterion.MaxCodeLength
                || string.IsNullOrWhiteSpace(criterion.NamePl) || criterion.NamePl.Length > QualitativeCriterion.MaxNameLength
                || string.IsNullOrWhiteSpace(criterion.NameEn) || criterion.NameEn.Length > QualitativeCriterion.MaxNameLength)
            {
                throw new BusinessRuleViolation("phase_evaluation.criterion_name_required", "A criterion needs a code and its names in both languages.", criterion.Code);
            }

            if (criterion.MaxScore is < 1 or > QualitativeCriterion.MaxMaxScore || criterion.Weight is <= 0 or > QualitativeCriterion.MaxWeight)
            {
                throw new BusinessRuleViolation("phase_evaluation.criterion_scale_invalid", "A criterion is scored up to 1–100 points and weighs more than 0 and at most 100.", criterion.Code);
            }
        }
    }
}
