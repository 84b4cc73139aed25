using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Certification;

/// <summary>One application's line of a resolution: the outcome, the votes, and what was issued for it.</summary>
public sealed record ResolutionOutcome(
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    int RankingPosition,
    decimal Total,
    bool Passed,
    DecisionOutcome Outcome,
    int VotesFor,
    int VotesAgainst,
    int VotesAbstained,
    Guid DecisionId,
    string? CertificateNumber);

/// <summary>
/// The commission's resolution (uchwała) recorded when a voting is closed (domain guide, section 4): a number
/// <c>{n}/{year}/KKK</c>, sequential within the year of its date (Warsaw), the date, the commission's size, and each
/// application's outcome with its vote counts.
/// </summary>
public sealed class CommissionResolution : Entity
{
    private CommissionResolution()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid VotingId { get; private set; }

    /// <summary><c>{n}/{year}/KKK</c>, unique.</summary>
    public string Number { get; private set; } = "";

    public int Year { get; private set; }
    public int Sequence { get; private set; }

    /// <summary>The resolution date (Warsaw): also the certificate date of the statuses it grants.</summary>
    public DateOnly ResolvedOn { get; private set; }

    public int MemberCount { get; private set; }
    public List<ResolutionOutcome> Outcomes { get; private set; } = [];
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedBy { get; private set; }

    public static string FormatNumber(int sequence, int year) => $"{sequence}/{year}/KKK";

    /// <summary>
    /// A new resolution of a closed voting; <paramref name="lastSequenceOfYear"/> is the highest sequence already given in
    /// the year of <paramref name="now"/> (Warsaw), 0 when none. The outcomes are added as the decisions are recorded.
    /// </summary>
    public static CommissionResolution Record(CommissionVoting voting, int lastSequenceOfYear, Guid officialId, DateTimeOffset now)
    {
        if (voting.Status != VotingStatus.Closed)
        {
            throw new BusinessRuleViolation("commission.voting_not_closed", "A resolution is recorded when the voting is closed.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(lastSequenceOfYear);
        var day = WorkingDayCalendar.ToWarsawDate(now);
        var sequence = lastSequenceOfYear + 1;
        return new CommissionResolution
        {
            CompetitionId = voting.CompetitionId,
            VotingId = voting.Id,
            Year = day.Year,
            Sequence = sequence,
            Number = FormatNumber(sequence, day.Year),
            ResolvedOn = day,
            MemberCount = voting.MemberCount,
            RecordedAt = now,
            RecordedBy = officialId,
        };
    }

    public void AddOutcome(ResolutionOutcome outcome)
    {
        if (Outcomes.Any(o => o.ApplicationId == outcome.ApplicationId))
        {
            throw new InvalidOperationException("The application already has its outcome in this resolution.");
        }

        Outcomes.Add(outcome);
    }
}
