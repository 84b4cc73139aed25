using KkkCompetition.Application.Applications.Exports;

namespace KkkCompetition.Application.Evaluation.Ranking;

/// <summary>Where the signed-in browser downloads the ranking's files (API clients use /api/v1 with a token).</summary>
public static class RankingLinks
{
    public const string FilesPrefix = "/files";

    public static string Page(Guid competitionId) => $"/ranking/{competitionId}";

    public static string Export(Guid competitionId, ListExportFormat format) =>
        $"{FilesPrefix}/competitions/{competitionId}/ranking.{(format == ListExportFormat.Csv ? "csv" : "xlsx")}";

    public static string ScoreSheet(Guid assignmentId) => $"{FilesPrefix}/assignments/{assignmentId}/sheet.pdf";

    public static string EvaluationCard(Guid applicationId, bool anonymised = false) =>
        $"{FilesPrefix}/applications/{applicationId}/evaluation-card.pdf{(anonymised ? "?anonymised=true" : "")}";
}
