using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Certification;

public enum AppealState
{
    /// <summary>Lodged; the ruling is awaited.</summary>
    Lodged,

    /// <summary>Dismissed with reasons: the negative decision is final.</summary>
    Dismissed,

    /// <summary>Upheld with reasons: the application is re-evaluated by new experts.</summary>
    Upheld,

    /// <summary>Upheld, and the re-evaluation's result is in: a new commission decision is awaited.</summary>
    ReEvaluated,
}

/// <summary>One criterion the applicant disputes, with his reasons.</summary>
public sealed class AppealGround
{
    private AppealGround()
    {
    }

    internal AppealGround(string criterionCode, string reason)
    {
        CriterionCode = criterionCode;
        Reason = reason;
    }

    public string CriterionCode { get; private set; } = "";
    public string Reason { get; private set; } = "";
}

/// <summary>What the applicant enters for one disputed criterion.</summary>
public sealed record AppealGroundInput(string CriterionCode, string Reason);

/// <summary>
/// The applicant's appeal (odwołanie) against the commission's negative decision (domain guide, section 4): lodged within
/// the appeal window counted from delivery, pointing at criteria with reasons. The official (or, by the competition's
/// setting, a commission member) dismisses it, finally, or upholds it, which sends the application to re-evaluation by
/// experts who have never seen it; the new result then goes before the commission again.
/// </summary>
public sealed class Appeal : Entity
{
    public const int MinReasonLength = 50;
    public const int MaxReasonLength = 4000;
    public const int MaxStatementLength = 8000;
    public const int MinRulingReasonsLength = 20;
    public const int MaxRulingReasonsLength = 8000;

    private Appeal()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid LodgedBy { get; private set; }
    public DateTimeOffset LodgedAt { get; private set; }

    /// <summary>The deadline the appeal was lodged against (copied from the decision, shown beside the appeal).</summary>
    public DateTimeOffset Deadline { get; private set; }

    public string Statement { get; private set; } = "";
    public List<AppealGround> Grounds { get; private set; } = [];
    public AppealState State { get; private set; }

    /// <summary>Who was to rule when the ruling was made (the competition's setting at that time).</summary>
    public AppealRuling? RuledAs { get; private set; }

    public Guid? RuledBy { get; private set; }
    public DateTimeOffset? RuledAt { get; private set; }
    public string? RulingReasons { get; private set; }

    /// <summary>The result of the re-evaluation once its sheets are in.</summary>
    public Guid? ReEvaluationResultId { get; private set; }

    public DateTimeOffset? ReEvaluatedAt { get; private set; }

    /// <summary>
    /// The applicant lodges the appeal. <paramref name="alreadyAppealed"/>: an appeal against the same decision exists
    /// (whatever its state: one appeal per decision). <paramref name="criterionCodes"/> are the competition's criteria.
    /// </summary>
    public static Appeal Lodge(
        CertificationDecision decision,
        KkkApplication application,
        Guid userId,
        bool alreadyAppealed,
        string statement,
        IReadOnlyList<AppealGroundInput> grounds,
        IReadOnlyCollection<string> criterionCodes,
        DateTimeOffset now)
    {
        if (decision.ApplicationId != application.Id)
        {
            throw new ArgumentException("The decision is not on this application.", nameof(decision));
        }

        if (decision.Outcome != DecisionOutcome.Negative)
        {
            throw new BusinessRuleViolation("appeal.decision_positive", "Only a negative decision can be appealed.");
        }

        if (decision.SupersededBy is not null)
        {
            throw new BusinessRuleViolation("appeal.decision_superseded", "This decision has been replaced by a later one.");
        }

        if (decision.AppealDeadline is not { } deadline)
        {
            throw new BusinessRuleViolation("appeal.decision_not_delivered", "The decision has not been delivered yet: the appeal window runs from delivery.");
        }

        if (alreadyAppealed)
        {
            throw new BusinessRuleViolation("appeal.already_lodged", "An appeal against this decision has already been lodged.");
        }

        if (!decision.IsWithinAppealWindow(now))
        {
            var lastDay = LastDay(deadline);
            throw new BusinessRuleViolation(
                "appeal.deadline_passed", $"The appeal deadline passed: the last day to appeal was {lastDay:yyyy-MM-dd} (Warsaw).", lastDay);
        }

        var text = statement?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxStatementLength)
        {
            throw new BusinessRuleViolation("appeal.statement_required", $"The appeal needs a statement of at most {MaxStatementLength} characters.", MaxStatementLength);
        }

        var lines = CheckGrounds(grounds, criterionCodes);
        application.Appeal(now);
        return new Appeal
        {
            CompetitionId = decision.CompetitionId,
            ApplicationId = application.Id,
            DecisionId = decision.Id,
            LodgedBy = userId,
            LodgedAt = now,
            Deadline = deadline,
            Statement = text,
            Grounds = lines,
            State = AppealState.Lodged,
        };
    }

    /// <summary>The last day (Warsaw) on which an appeal is in time, for a deadline given as the first instant after it.</summary>
    public static DateOnly LastDay(DateTimeOffset deadline) => WorkingDayCalendar.ToWarsawDate(deadline).AddDays(-1);

    /// <summary>Dismissed, with reasons: the rejection is final.</summary>
    public void Dismiss(KkkApplication application, AppealRuling ruledAs, Guid by, string reasons, DateTimeOffset now)
    {
        Rule(application, ruledAs, by, reasons, now);
        application.DismissAppeal(now);
        State = AppealState.Dismissed;
    }

    /// <summary>Upheld, with reasons: the application goes back to merit evaluation in a new round.</summary>
    public void Uphold(KkkApplication application, AppealRuling ruledAs, Guid by, string reasons, DateTimeOffset now)
    {
        Rule(application, ruledAs, by, reasons, now);
        application.ReopenForReEvaluation(now);
        State = AppealState.Upheld;
    }

    /// <summary>The re-evaluation's result is in.</summary>
    public void CompleteReEvaluation(Guid resultId, DateTimeOffset now)
    {
        if (State != AppealState.Upheld)
        {
            throw new BusinessRuleViolation("appeal.not_upheld", "Only an upheld appeal awaits a re-evaluation.", State.ToString());
        }

        ReEvaluationResultId = resultId;
        ReEvaluatedAt = now;
        State = AppealState.ReEvaluated;
    }

    private void Rule(KkkApplication application, AppealRuling ruledAs, Guid by, string reasons, DateTimeOffset now)
    {
        if (application.Id != ApplicationId)
        {
            throw new ArgumentException("The application is not the appealed one.", nameof(application));
        }

        if (State != AppealState.Lodged)
        {
            throw new BusinessRuleViolation("appeal.already_ruled", "The appeal has already been ruled on.", State.ToString());
        }

        var text = reasons?.Trim() ?? "";
        if (text.Length < MinRulingReasonsLength || text.Length > MaxRulingReasonsLength)
        {
            throw new BusinessRuleViolation(
                "appeal.ruling_reasons_required",
                $"A ruling needs reasons of {MinRulingReasonsLength} to {MaxRulingReasonsLength} characters.",
                MinRulingReasonsLength,
                MaxRulingReasonsLength);
        }

        RuledAs = ruledAs;
        RuledBy = by;
        RuledAt = now;
        RulingReasons = text;
    }

    private static List<AppealGround> CheckGrounds(IReadOnlyList<AppealGroundInput> grounds, IReadOnlyCollection<string> criterionCodes)
    {
        if (grounds.Count == 0)
        {
            throw new BusinessRuleViolation("appeal.criteria_required", "The appeal must point at one or more criteria.");
        }

        var lines = new List<AppealGround>(grounds.Count);
        foreach (var ground in grounds)
        {
            if (!criterionCodes.Contains(ground.CriterionCode))
            {
                throw new BusinessRuleViolation("appeal.criterion_unknown", "The competition has no such criterion.", ground.CriterionCode);
            }

            if (lines.Any(l => l.CriterionCode == ground.CriterionCode))
            {
                throw new BusinessRuleViolation("appeal.criterion_repeated", "Each criterion is disputed once; put all reasons in one place.", ground.CriterionCode);
            }

            var reason = ground.Reason?.Trim() ?? "";
            if (reason.Length < MinReasonLength || reason.Length > MaxReasonLength)
            {
                throw new BusinessRuleViolation(
                    "appeal.reason_length", $"The reasons for a criterion take {MinReasonLength} to {MaxReasonLength} characters.", ground.CriterionCode, MinReasonLength, MaxReasonLength);
            }

            lines.Add(new AppealGround(ground.CriterionCode, reason));
        }

        return lines;
    }
}
