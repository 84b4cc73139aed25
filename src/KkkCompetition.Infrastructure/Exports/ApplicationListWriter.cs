using System.Globalization;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>
/// The list of a competition's applications, written by <see cref="TabularFile"/>: headings in the caller's language, every
/// cell text so numbers like NIPs keep their leading zeros. Times are Europe/Warsaw.
/// </summary>
public sealed class ApplicationListWriter : IApplicationListWriter
{
    public const string SheetName = "Wnioski";

    public byte[] Write(IReadOnlyList<ApplicationListRow> rows, ListExportFormat format, string language)
    {
        var headers = Headers(language);
        var cells = rows.Select(r => Cells(r, language)).ToList();
        return format == ListExportFormat.Csv
            ? TabularFile.Csv(headers, cells)
            : TabularFile.Xlsx(language == "en" ? "Applications" : SheetName, [.. headers.Select(TabularColumn.Text)], cells);
    }

    public static string[] Headers(string language) => language == "en"
        ? ["Number", "Cluster", "Coordinator", "Coordinator NIP", "Status", "Submitted at (Warsaw)", "Formal outcome", "Decided at (Warsaw)", "Reasons"]
        : ["Numer", "Klaster", "Koordynator", "NIP koordynatora", "Status", "Data złożenia (czas warszawski)", "Wynik oceny formalnej", "Data decyzji (czas warszawski)", "Uzasadnienie"];

    private static string[] Cells(ApplicationListRow row, string language) =>
    [
        row.Number,
        row.ClusterName,
        row.CoordinatorName,
        row.CoordinatorNip,
        FormalReviewRules.StatusName(row.Status, language),
        Warsaw(row.SubmittedAt),
        OutcomeName(row.Outcome, language),
        row.FormalDecisionAt is { } decided ? Warsaw(decided) : "",
        row.Reasons ?? "",
    ];

    private static string OutcomeName(FormalOutcome outcome, string language) => (outcome, language == "en") switch
    {
        (FormalOutcome.Accepted, false) => "przyjęty",
        (FormalOutcome.Accepted, true) => "accepted",
        (FormalOutcome.Rejected, false) => "odrzucony",
        (FormalOutcome.Rejected, true) => "rejected",
        (_, false) => "w toku",
        _ => "pending",
    };

    private static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
