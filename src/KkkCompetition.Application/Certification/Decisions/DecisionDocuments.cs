using KkkCompetition.Application.Evaluation.Ranking;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>The certificate of a KKK status as printed: what the registry shows of the status, and the resolution it comes from.</summary>
public sealed record CertificateDocument(
    Guid StatusId,
    string CertificateNumber,
    string CompetitionName,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string ResolutionNumber,
    DateOnly ResolutionDate,
    DateTimeOffset GrantedAt);

/// <summary>
/// One expert's sheet in the decision letter, numbered as on the anonymised card ("Ekspert 1, 2, 3" in the order of
/// submission). It has no field for a name: the letter goes to the applicant and can never carry one.
/// </summary>
public sealed record AnonymisedSheet(int Ordinal, DateTimeOffset SubmittedAt, IReadOnlyList<ScoreSheetLine> Lines, decimal Total, decimal MaxTotal, string? OverallOpinion);

/// <summary>The letter of a negative decision: the resolution, the justification, the votes, how to appeal, and the anonymised evaluation.</summary>
public sealed record DecisionLetterDocument(
    Guid DecisionId,
    string CompetitionName,
    string ApplicationNumber,
    string ClusterName,
    string CoordinatorName,
    string ResolutionNumber,
    DateOnly ResolutionDate,
    DateTimeOffset DecidedAt,
    string Justification,
    int VotesFor,
    int VotesAgainst,
    int VotesAbstained,
    int AppealWindowDays,
    DateTimeOffset? DeliveredAt,
    DateOnly? AppealLastDay,
    EvaluationCardDocument Card,
    IReadOnlyList<AnonymisedSheet> Sheets);

/// <summary>Writes the decisions' PDFs; the same bytes for the same data.</summary>
public interface IDecisionDocumentWriter
{
    /// <summary>In Polish with the English line beneath each label (a certificate is shown abroad as it is).</summary>
    byte[] Certificate(CertificateDocument certificate);

    /// <summary>In "pl" or "en", the reader's language, as the evaluation's documents are.</summary>
    byte[] Letter(DecisionLetterDocument letter, string language);
}
