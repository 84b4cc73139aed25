using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Certification;

public enum DecisionOutcome
{
    Positive,
    Negative,
}

public enum DeliveryMethod
{
    /// <summary>The applicant opened the decision in the portal.</summary>
    Portal,

    /// <summary>The official entered the date of delivery on paper.</summary>
    Paper,
}

/// <summary>
/// The commission's decision on one application (domain guide, section 4): the outcome of its resolution, what the
/// applicant receives (a certificate or a decision letter), and when it was delivered. The appeal window runs from
/// delivery, through the working-day calendar. A decision replaced after an upheld appeal stays readable, marked superseded.
/// </summary>
public sealed class CertificationDecision : Entity
{
    public const int MaxJustificationLength = 8000;

    private CertificationDecision()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ClusterId { get; private set; }

    /// <summary>The commission's resolution this decision comes from.</summary>
    public Guid ResolutionId { get; private set; }

    public string ResolutionNumber { get; private set; } = "";
    public DecisionOutcome Outcome { get; private set; }
    public string Justification { get; private set; } = "";
    public int VotesFor { get; private set; }
    public int VotesAgainst { get; private set; }
    public int VotesAbstained { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DeliveryMethod? DeliveredBy { get; private set; }

    /// <summary>The appeal window in days, copied from the competition's settings when the decision is made.</summary>
    public int AppealWindowDays { get; private set; }

    /// <summary>The first instant after the appeal window (null until delivery); appeals strictly before it are in time.</summary>
    public DateTimeOffset? AppealDeadline { get; private set; }

    /// <summary>The later decision that replaced this one after an upheld appeal.</summary>
    public Guid? SupersededBy { get; private set; }

    public bool IsAppealable => Outcome == DecisionOutcome.Negative && SupersededBy is null;

    /// <summary>The last day (Warsaw) an appeal is in time, as shown to people ("until … inclusive"); null until delivery.</summary>
    public DateOnly? AppealLastDay => AppealDeadline is { } deadline ? WorkingDayCalendar.ToWarsawDate(deadline).AddDays(-1) : null;

    public static CertificationDecision Record(
        Guid competitionId,
        Guid applicationId,
        Guid clusterId,
        Guid resolutionId,
        string resolutionNumber,
        DecisionOutcome outcome,
        string justification,
        (int For, int Against, int Abstained) votes,
        int appealWindowDays,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(justification))
        {
            throw new BusinessRuleViolation("decision.justification_required", "A decision needs a justification.");
        }

        if (justification.Length > MaxJustificationLength)
        {
            throw new BusinessRuleViolation("decision.justification_too_long", "The justification is too long.", MaxJustificationLength);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(appealWindowDays);
        return new CertificationDecision
        {
            CompetitionId = competitionId,
            ApplicationId = applicationId,
            ClusterId = clusterId,
            ResolutionId = resolutionId,
            ResolutionNumber = resolutionNumber,
            Outcome = outcome,
            Justification = justification.Trim(),
            VotesFor = votes.For,
            VotesAgainst = votes.Against,
            VotesAbstained = votes.Abstained,
            AppealWindowDays = appealWindowDays,
            DecidedAt = now,
        };
    }

    /// <summary>The applicant opened the decision in the portal; only the first opening counts (returns whether this one did).</summary>
    public bool MarkOpenedInPortal(DateTimeOffset now)
    {
        if (DeliveredAt is not null)
        {
            return false;
        }

        Deliver(DeliveryMethod.Portal, now);
        return true;
    }

    /// <summary>The official enters the day the paper letter was delivered (before any delivery in the portal).</summary>
    public void RecordPaperDelivery(DateOnly deliveredOn, DateTimeOffset now)
    {
        if (DeliveredAt is not null)
        {
            throw new BusinessRuleViolation("decision.already_delivered", "The decision has already been delivered.", DeliveredAt.Value);
        }

        var deliveredAt = WorkingDayCalendar.StartOfWarsawDay(deliveredOn);
        if (deliveredAt > now || deliveredOn < WorkingDayCalendar.ToWarsawDate(DecidedAt))
        {
            throw new BusinessRuleViolation("decision.delivery_date_out_of_range", "The delivery date must be between the decision and today.");
        }

        Deliver(DeliveryMethod.Paper, deliveredAt);
    }

    /// <summary>Whether an appeal lodged at <paramref name="now"/> is in time (delivered, and before the deadline).</summary>
    public bool IsWithinAppealWindow(DateTimeOffset now) => AppealDeadline is { } deadline && now < deadline;

    /// <summary>An upheld appeal led to a new decision on the same application.</summary>
    public void Supersede(Guid laterDecisionId)
    {
        if (SupersededBy is not null)
        {
            throw new BusinessRuleViolation("decision.already_superseded", "This decision has already been replaced.");
        }

        SupersededBy = laterDecisionId;
    }

    private void Deliver(DeliveryMethod method, DateTimeOffset at)
    {
        DeliveredAt = at;
        DeliveredBy = method;
        AppealDeadline = WorkingDayCalendar.DeadlineEnd(at, AppealWindowDays);
    }
}
