using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    FormalReview,
    CorrectionRequested,
    Corrected,
    FormallyAccepted,
    FormallyRejected,
    UnderEvaluation,
    Evaluated,
    Recommended,
    NotRecommended,
    Certified,
    Rejected,
    Withdrawn,
    Appealed,
}

/// <summary>A cluster's bid in one competition (named so as not to clash with the Application layer).</summary>
public sealed class KkkApplication : Entity
{
    private KkkApplication()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ClusterId { get; private set; }
    public Guid OwnerUserId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static KkkApplication StartDraft(Competition competition, Guid clusterId, Guid ownerUserId, DateTimeOffset now)
    {
        if (competition.Status is not (CompetitionStatus.Announced or CompetitionStatus.Open) || now >= competition.Timeline.ClosesAt)
        {
            throw new BusinessRuleViolation("application.competition_not_accepting", "The competition does not accept applications.");
        }

        return new KkkApplication
        {
            CompetitionId = competition.Id,
            ClusterId = clusterId,
            OwnerUserId = ownerUserId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
        };
    }
}
