using System.Data;
using System.Globalization;
using CsvHelper;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Calendar;
using MiniExcelLibs;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>
/// The list of a competition's applications. XLSX with MiniExcel (one sheet, headings in the caller's language, every
/// cell text so numbers like NIPs keep their leading zeros). CSV with CsvHelper as UTF-8 with a byte-order mark, ';'
/// between fields and CRLF line ends: what Excel with Polish regional settings opens as columns with Polish letters
/// intact. Cells that would start a formula are escaped. Times are Europe/Warsaw.
/// </summary>
public sealed class ApplicationListWriter : IApplicationListWriter
{
    public const string SheetName = "Wnioski";

    public byte[] Write(IReadOnlyList<ApplicationListRow> rows, ListExportFormat format, string language)
    {
        var headers = Headers(language);
        var cells = rows.Select(r => Cells(r, language)).ToList();
        return format == ListExportFormat.Csv ? Csv(headers, cells) : Xlsx(headers, cells, language);
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

    private static byte[] Xlsx(string[] headers, List<string[]> rows, string language)
    {
        // A table, not dictionaries, so that an empty list still has its heading row.
        using var table = new DataTable(language == "en" ? "Applications" : SheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. row]);
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, table, sheetName: table.TableName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static byte[] Csv(string[] headers, List<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', NewLine = "\r\n", WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(headers);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }
}
