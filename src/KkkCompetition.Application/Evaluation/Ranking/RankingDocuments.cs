using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Application.Evaluation.Ranking;

/// <summary>A merit criterion as a column of the ranking and a line of the documents.</summary>
public sealed record RankingCriterionColumn(
    string Code,
    string NamePl,
    string NameEn,
    decimal MaxPoints,
    decimal Weight,
    decimal? MinimumPoints,
    int? TieBreakRank);

/// <summary>The ranking as exported: every row in ranking order (filters applied, never paged).</summary>
public sealed record RankingExport(
    string CompetitionName,
    int Year,
    int Round,
    decimal PassThreshold,
    IReadOnlyList<RankingCriterionColumn> Criteria,
    IReadOnlyList<RankingRow> Rows);

/// <summary>Writes the ranking as a spreadsheet or CSV (the machinery of the applications list), headings in "pl" or "en".</summary>
public interface IRankingWriter
{
    byte[] Write(RankingExport ranking, ListExportFormat format, string language);
}

/// <summary>One line of a scoring sheet as printed.</summary>
public sealed record ScoreSheetLine(RankingCriterionColumn Criterion, decimal? Points, string? Justification);

/// <summary>A submitted scoring sheet (karta oceny eksperta) as printed for officials and its expert; times in UTC.</summary>
public sealed record ScoreSheetDocument(
    Guid AssignmentId,
    string CompetitionName,
    string ApplicationNumber,
    string ClusterName,
    string ExpertName,
    DateTimeOffset AssignedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? DeclarationSignedAt,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ScoreSheetLine> Lines,
    decimal Total,
    decimal MaxTotal,
    string? OverallOpinion);

/// <summary>
/// One expert's sheet on the card. <see cref="Name"/> is null on the anonymised card: the name never reaches the writer,
/// so no version of the card meant for the applicant can carry it.
/// </summary>
public sealed record CardExpert(int Ordinal, string? Name, DateTimeOffset SubmittedAt, decimal Total, bool UsedInResult);

/// <summary>One criterion of the card: each sheet's points (in the order of <see cref="EvaluationCardDocument.Experts"/>), the experts' result, the panel's change, the final value.</summary>
public sealed record CardCriterion(
    RankingCriterionColumn Criterion,
    IReadOnlyList<decimal?> SheetPoints,
    decimal ExpertPoints,
    decimal? PanelPoints,
    string? PanelJustification,
    decimal FinalPoints);

/// <summary>The summary card (karta oceny) of one application: the sheets side by side, the result, the panel's changes and the outcome.</summary>
public sealed record EvaluationCardDocument(
    Guid ApplicationId,
    string CompetitionName,
    string ApplicationNumber,
    string ClusterName,
    string CoordinatorName,
    decimal PassThreshold,
    decimal MaxTotal,
    bool Anonymised,
    IReadOnlyList<CardExpert> Experts,
    IReadOnlyList<CardCriterion> Criteria,
    ResultMethod Method,
    DateTimeOffset ComputedAt,
    DateTimeOffset LastChangedAt,
    decimal ExpertTotal,
    decimal Total,
    bool Passed,
    IReadOnlyList<FailReason> FailReasons);

/// <summary>Writes the evaluation's PDFs, in "pl" or "en", the same bytes for the same data.</summary>
public interface IEvaluationDocumentWriter
{
    byte[] ScoreSheet(ScoreSheetDocument sheet, string language);

    byte[] EvaluationCard(EvaluationCardDocument card, string language);
}
