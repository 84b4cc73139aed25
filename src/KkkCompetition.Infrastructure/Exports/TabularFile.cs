using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>A column of an exported table: its heading and the type of its cells (text unless numbers should stay numbers).</summary>
internal sealed record TabularColumn(string Heading, Type Type)
{
    public static TabularColumn Text(string heading) => new(heading, typeof(string));
}

/// <summary>
/// The one way the product writes tables to files. XLSX with MiniExcel: one sheet with a heading row (also when empty).
/// CSV with CsvHelper as UTF-8 with a byte-order mark, ';' between fields and CRLF line ends, which Excel with Polish
/// regional settings opens as columns with Polish letters intact; cells that would start a formula are escaped.
/// </summary>
internal static class TabularFile
{
    public static byte[] Xlsx(string sheetName, IReadOnlyList<TabularColumn> columns, IEnumerable<object?[]> rows)
    {
        // A table, not dictionaries, so that an empty list still has its heading row.
        using var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Heading, column.Type);
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, table, sheetName: table.TableName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', NewLine = "\r\n", WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([.. headers]);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }
}
