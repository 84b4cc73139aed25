namespace KkkCompetition.Application.Applications;

/// <summary>The numbering of submissions in one competition: 1, 2, 3… with no number given twice, also under concurrent submissions.</summary>
public interface ISubmissionNumbers
{
    /// <summary>
    /// The next number of the competition, taken inside the current transaction (the counter row stays locked until it
    /// ends, and a rollback gives the number back).
    /// </summary>
    Task<int> NextAsync(Guid competitionId, CancellationToken cancellationToken);
}

/// <summary>What the receipt of a submission (UPO, urzędowe poświadczenie odbioru) states; all of it frozen at submission.</summary>
public sealed record SubmissionReceipt(
    Guid ApplicationId,
    string Number,
    string CompetitionName,
    int CompetitionYear,
    int CompetitionRound,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    DateTimeOffset SubmittedAt,
    string Sha256);

/// <summary>Writes the receipt as a PDF; the same receipt gives the same bytes every time.</summary>
public interface ISubmissionReceiptRenderer
{
    byte[] Render(SubmissionReceipt receipt);
}
