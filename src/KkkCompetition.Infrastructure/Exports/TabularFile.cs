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

    /// <summary>Several sheets in one workbook, in order, each as <see cref="Xlsx"/> writes one.</summary>
    public static byte[] XlsxSheets(IEnumerable<(string SheetName, IReadOnlyList<TabularColumn> Columns, IEnumerable<object?[]> Rows)> sheets)
    {
        var tables = new List<DataTable>();
        try
        {
            var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (sheetName, columns, rows) in sheets)
            {
                var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
                tables.Add(table);
                foreach (var column in columns)
                {
                    table.Columns.Add(column.Heading, column.Type);
                }

                foreach (var row in rows)
                {
                    table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
                }

                workbook[sheetName] = table;
            }

            using var stream = new MemoryStream();
            MiniExcel.SaveAs(stream, workbook, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }
        finally
        {
            tables.ForEach(t => t.Dispose());
        }
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
