using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.Competitions;

public enum CompetitionStatus
{
    Draft,
    Announced,
    Open,
    Closed,
    FormalReview,
    Evaluation,
    Panel,
    Decided,
    Archived,
}

/// <summary>The dates of an edition, stored in UTC and shown in Europe/Warsaw.</summary>
public sealed record CompetitionTimeline(
    DateTimeOffset AnnouncementAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset FormalReviewDeadline,
    DateTimeOffset EvaluationDeadline,
    DateTimeOffset PanelAt,
    DateTimeOffset DecisionAt)
{
    /// <summary>The same instants with a zero offset, as every provider stores them.</summary>
    public CompetitionTimeline ToUtc() => new(
        AnnouncementAt.ToUniversalTime(),
        OpensAt.ToUniversalTime(),
        ClosesAt.ToUniversalTime(),
        FormalReviewDeadline.ToUniversalTime(),
        EvaluationDeadline.ToUniversalTime(),
        PanelAt.ToUniversalTime(),
        DecisionAt.ToUniversalTime());

    public bool IsOrdered =>
        AnnouncementAt <= OpensAt && OpensAt < ClosesAt && ClosesAt <= FormalReviewDeadline
        && FormalReviewDeadline <= EvaluationDeadline && EvaluationDeadline <= PanelAt && PanelAt <= DecisionAt;
}

/// <summary>A competition for the KKK status (one round of one year).</summary>
public sealed class Competition : Entity
{
    public const int MaxRoundsPerYear = 2;

    private readonly List<CompetitionCriterion> _criteria = [];

    private Competition()
    {
    }

    public string Name { get; private set; } = "";
    public int Year { get; private set; }
    public int Round { get; private set; }
    public CompetitionStatus Status { get; private set; }
    public CompetitionTimeline Timeline { get; private set; } = null!;
    public decimal PassThreshold { get; private set; }
    public int ExpertsPerApplication { get; private set; } = 2;
    public decimal DivergenceThresholdPercent { get; private set; } = 30m;
    public bool HoldsPanel { get; private set; } = true;
    public int CorrectionWindowDays { get; private set; } = 7;
    public int AppealWindowDays { get; private set; } = 14;
    public int StatusValidityYears { get; private set; } = 3;
    public int MinimumClusterAgeYears { get; private set; } = 3;
    public int MinimumMembers { get; private set; } = 51;
    public DateTimeOffset? AnnouncedAt { get; private set; }
    public IReadOnlyList<CompetitionCriterion> Criteria => _criteria;

    public decimal MaxTotal => _criteria.Sum(c => c.MaxPoints * c.Weight);

    public static Competition CreateFromTemplate(
        string name,
        int year,
        int round,
        CompetitionTimeline timeline,
        decimal passThreshold,
        IEnumerable<CriterionTemplate> template)
    {
        if (round is < 1 or > MaxRoundsPerYear)
        {
            throw new BusinessRuleViolation("competition.round_out_of_range", $"A year has at most {MaxRoundsPerYear} rounds.", MaxRoundsPerYear);
        }

        if (!timeline.IsOrdered)
        {
            throw new BusinessRuleViolation("competition.timeline_out_of_order", "The dates of the timeline must follow one another.");
        }

        var competition = new Competition
        {
            Name = name,
            Year = year,
            Round = round,
            Status = CompetitionStatus.Draft,
            Timeline = timeline.ToUtc(),
            PassThreshold = passThreshold,
        };
        competition._criteria.AddRange(template.OrderBy(t => t.Order).Select(CompetitionCriterion.FromTemplate));
        return competition;
    }

    /// <summary>Publishes the competition: from here on its criteria and rules are frozen.</summary>
    public void Announce(DateTimeOffset now)
    {
        if (Status != CompetitionStatus.Draft)
        {
            throw new BusinessRuleViolation("competition.not_draft", "Only a draft competition can be announced.");
        }

        if (_criteria.Count == 0)
        {
            throw new BusinessRuleViolation("competition.no_criteria", "A competition needs merit criteria before it is announced.");
        }

        if (now >= Timeline.ClosesAt)
        {
            throw new BusinessRuleViolation("competition.closing_in_past", "The closing date has already passed.");
        }

        Status = CompetitionStatus.Announced;
        AnnouncedAt = now;
    }

    /// <summary>Whether submissions are accepted at <paramref name="now"/>: from opening, strictly before closing.</summary>
    public bool AcceptsSubmissionsAt(DateTimeOffset now) =>
        Status is CompetitionStatus.Announced or CompetitionStatus.Open && now >= Timeline.OpensAt && now < Timeline.ClosesAt;
}

/// <summary>A merit criterion as copied into one competition from the template.</summary>
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
    public int MinimumJustificationLength { get; private set; } = 100;
    public int Order { get; private set; }
    public int? TieBreakRank { get; private set; }

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
}
