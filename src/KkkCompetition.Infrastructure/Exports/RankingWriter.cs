using System.Globalization;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>
/// The ranking of a competition, written by <see cref="TabularFile"/> like the applications list. In XLSX the position,
/// the total and the points are numbers (they sort and sum in Excel); in CSV they are written as the language writes
/// them (decimal comma in Polish, which Excel with Polish settings reads as numbers). Reasons are words.
/// </summary>
public sealed class RankingWriter : IRankingWriter
{
    public byte[] Write(RankingExport ranking, ListExportFormat format, string language)
    {
        var headers = Headers(ranking.Criteria, language);
        if (format == ListExportFormat.Csv)
        {
            return TabularFile.Csv(headers, ranking.Rows.Select(r => Cells(r, ranking, language).Select(c => Text(c, language)).ToArray()));
        }

        var columns = headers
            .Select((h, i) => new TabularColumn(h, i == 0 ? typeof(int) : i == 4 || (i > 4 && i <= 4 + ranking.Criteria.Count) ? typeof(decimal) : typeof(string)))
            .ToList();
        return TabularFile.Xlsx("Ranking", columns, ranking.Rows.Select(r => Cells(r, ranking, language)));
    }

    public static IReadOnlyList<string> Headers(IReadOnlyList<RankingCriterionColumn> criteria, string language)
    {
        var en = language == "en";
        return
        [
            en ? "Position" : "Pozycja",
            en ? "Number" : "Numer",
            en ? "Cluster" : "Klaster",
            en ? "Coordinator" : "Koordynator",
            en ? "Total" : "Suma punktów",
            .. criteria.Select(c => $"{c.Code} {(en ? c.NameEn : c.NamePl)}"),
            en ? "Outcome" : "Wynik",
            en ? "Why it fails" : "Przyczyny wyniku negatywnego",
            en ? "Changed by the panel" : "Zmiana przez panel",
            en ? "Submitted at (Warsaw)" : "Data złożenia (czas warszawski)",
        ];
    }

    private static object?[] Cells(RankingRow row, RankingExport ranking, string language) =>
    [
        row.Position,
        row.Number,
        row.ClusterName,
        row.CoordinatorName,
        row.Total,
        .. ranking.Criteria.Select(c => (object?)(row.Criteria.FirstOrDefault(x => x.Code == c.Code)?.Points ?? 0m)),
        RankingText.Outcome(row.Passed, language),
        RankingText.Reasons(row.FailReasons, ranking.Criteria, language),
        RankingText.YesNo(row.ChangedByPanel, language),
        TimeZoneInfo.ConvertTime(row.SubmittedAt, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    ];

    private static string Text(object? cell, string language) => cell switch
    {
        decimal points => RankingText.Points(points, language),
        int position => position.ToString(CultureInfo.InvariantCulture),
        null => "",
        _ => cell.ToString() ?? "",
    };
}
