using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Evaluation;

public enum OverrideKind
{
    /// <summary>The pair must be in the next run's result.</summary>
    Pin,

    /// <summary>The pair must never be made.</summary>
    Forbid,
}

/// <summary>An official's manual decision on one expert–application pair, honoured by every later assignment run.</summary>
public sealed class AssignmentOverride : Entity
{
    private AssignmentOverride()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ExpertId { get; private set; }
    public OverrideKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static AssignmentOverride Create(Guid competitionId, Guid applicationId, Guid expertId, OverrideKind kind, string reason, Guid createdBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleViolation("evaluation.override_reason_required", "Say why the pair is pinned or forbidden.");
        }

        if (reason.Trim().Length > ExpertAssignment.MaxReasonLength)
        {
            throw new BusinessRuleViolation("evaluation.reason_too_long", $"A reason has at most {ExpertAssignment.MaxReasonLength} characters.", ExpertAssignment.MaxReasonLength);
        }

        return new AssignmentOverride
        {
            CompetitionId = competitionId,
            ApplicationId = applicationId,
            ExpertId = expertId,
            Kind = kind,
            Reason = reason.Trim(),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}
