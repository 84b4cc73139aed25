using System.Globalization;
using System.Text;
using CsvHelper;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using MiniExcelLibs;

namespace KkkCompetition.Infrastructure.Clusters;

/// <summary>
/// Reads member files: CSV with CsvHelper (delimiter detected among ; , and tab; UTF-8, or Windows-1250 as Polish
/// Excel saves it) and XLSX with MiniExcel (the first sheet, streamed). Cells come out as text; dates and numbers
/// typed in a spreadsheet are written the way the checks read them (yyyy-MM-dd, invariant digits).
/// </summary>
public sealed class MemberFileReader : IMemberFileReader
{
    /// <summary>So many empty rows in a row end the data (sheets often carry formatted but empty rows to their end).</summary>
    private const int TrailingBlankRows = 1_000;

    private const int ReportEvery = 500;

    static MemberFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<MemberFileContent> ReadAsync(Stream content, MemberFileFormat format, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        try
        {
            return format == MemberFileFormat.Xlsx
                ? ReadRows(ReadXlsx(content), maxRows, rowsRead, cancellationToken)
                : ReadRows(await ReadCsvAsync(content, cancellationToken), maxRows, rowsRead, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvFormatException or System.Xml.XmlException or FormatException or InvalidOperationException
                                       or NotSupportedException or ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            return new MemberFileContent([], [new MemberImportError(0, null, "import.unreadable_file", "The file cannot be read as " + (format == MemberFileFormat.Xlsx ? "an Excel workbook (.xlsx)." : "a CSV file."))]);
        }
    }

    private static MemberFileContent ReadRows(IEnumerable<string?[]> cells, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        using var rows = cells.GetEnumerator();
        if (!rows.MoveNext())
        {
            return new MemberFileContent([], [new MemberImportError(1, null, "import.no_header", "The file is empty: row 1 must hold the column headers.")]);
        }

        var (map, headerErrors) = MapHeader(rows.Current);
        if (headerErrors.Count > 0)
        {
            return new MemberFileContent([], headerErrors);
        }

        var result = new List<MemberFileRow>();
        var rowNumber = 1;
        var dataRows = 0;
        var blankRun = 0;
        while (rows.MoveNext())
        {
            rowNumber++;
            var values = new string?[map.Length == 0 ? 0 : Enum.GetValues<MemberColumn>().Length];
            for (var i = 0; i < map.Length && i < rows.Current.Length; i++)
            {
                if (map[i] is { } column)
                {
                    values[(int)column] = rows.Current[i];
                }
            }

            var row = new MemberFileRow(rowNumber, values);
            if (row.IsBlank)
            {
                if (++blankRun >= TrailingBlankRows)
                {
                    break;
                }

                continue;
            }

            blankRun = 0;
            result.Add(row);
            if (++dataRows % ReportEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsRead?.Report(dataRows);
            }

            // One row over the limit is enough for the caller to refuse the file and name where the limit was passed.
            if (dataRows > maxRows)
            {
                break;
            }
        }

        rowsRead?.Report(dataRows);
        return new MemberFileContent(result, []);
    }

    private static (MemberColumn?[] Map, List<MemberImportError> Errors) MapHeader(string?[] header)
    {
        var map = new MemberColumn?[header.Length];
        var errors = new List<MemberImportError>();
        var seen = new HashSet<MemberColumn>();
        for (var i = 0; i < header.Length; i++)
        {
            if (MemberFileVocabulary.ColumnOf(header[i]) is not { } column)
            {
                continue;
            }

            if (!seen.Add(column))
            {
                errors.Add(new MemberImportError(1, MemberFileVocabulary.Header(column), "import.duplicate_column", "The column appears twice in the header.", header[i]));
                continue;
            }

            map[i] = column;
        }

        foreach (var missing in Enum.GetValues<MemberColumn>().Where(c => !seen.Contains(c)))
        {
            errors.Add(new MemberImportError(1, MemberFileVocabulary.Header(missing), "import.missing_column", "The header (row 1) lacks this column."));
        }

        return (map, errors);
    }

    private static IEnumerable<string?[]> ReadXlsx(Stream content)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            var values = new string?[row.Count];
            var i = 0;
            foreach (var cell in row.Values)
            {
                values[i++] = Text(cell);
            }

            yield return values;
        }
    }

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    private static async Task<IEnumerable<string?[]>> ReadCsvAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var encoding = IsUtf8(bytes) ? (Encoding)new UTF8Encoding(false) : Encoding.GetEncoding(1250);
        return ParseCsv(bytes, encoding);
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static IEnumerable<string?[]> ParseCsv(byte[] bytes, Encoding encoding)
    {
        var options = new CsvReaderOptions
        {
            // The header is checked here, against the aliases; the separator (; , tab |) is detected from the first lines.
            HasHeader = false,

            // A blank line is a row the user sees in a spreadsheet: kept, so the row numbers match.
            SkipEmptyLines = false,
            TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            Encoding = encoding,
        };
        using var reader = CsvReader.Create(new MemoryStream(bytes), options);
        while (reader.Read())
        {
            yield return reader.Current.ToArray();
        }
    }
}

/// <summary>
/// The template for member imports, in Polish: the header row, one example row per member type (valid, to be
/// replaced), and in the workbook a second sheet with the accepted values. CSV: UTF-8 with a byte order mark and
/// semicolons, as Polish Excel opens it.
/// </summary>
public sealed class MemberFileWriter : IMemberFileWriter
{
    public const string MembersSheet = "Członkowie";
    public const string ValuesSheet = "Dozwolone wartości";

    public byte[] WriteTemplate(MemberFileFormat format, IReadOnlyList<(string Teryt, string Name)> voivodeships)
    {
        var examples = Examples();
        return format == MemberFileFormat.Xlsx ? Xlsx(examples, voivodeships) : Csv(examples);
    }

    private static List<string[]> Examples()
    {
        string Nip(string nine) => PolishIdentifiers.CompleteNip(nine);
        return
        [
            ["PRZYKŁAD (usuń): Firma Przykładowa sp. z o.o.", Nip("526000101"), MemberFileVocabulary.TypeNames[MemberType.Enterprise], MemberFileVocabulary.SizeNames[EnterpriseSize.Small], "14", "2021-03-15", "25"],
            ["PRZYKŁAD (usuń): Politechnika Przykładowa", Nip("526000202"), MemberFileVocabulary.TypeNames[MemberType.ResearchOrUniversity], "", "14", "2019-01-10", "1200"],
            ["PRZYKŁAD (usuń): Park Technologiczny", Nip("526000303"), MemberFileVocabulary.TypeNames[MemberType.BusinessSupportInstitution], "", "02", "2020-06-01", "40"],
            ["PRZYKŁAD (usuń): Gmina Przykładowo", Nip("526000404"), MemberFileVocabulary.TypeNames[MemberType.LocalGovernment], "", "12", "01.09.2022", "80"],
            ["PRZYKŁAD (usuń): Stowarzyszenie Inne", Nip("526000505"), MemberFileVocabulary.TypeNames[MemberType.Other], "", "30", "2023-02-20", "0"],
        ];
    }

    private static byte[] Xlsx(List<string[]> examples, IReadOnlyList<(string Teryt, string Name)> voivodeships)
    {
        var members = examples.Select(row =>
        {
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < MemberFileVocabulary.Headers.Count; i++)
            {
                values[MemberFileVocabulary.Headers[i]] = row[i];
            }

            return values;
        }).ToList();
        var accepted = new List<Dictionary<string, object?>>();
        void Value(string column, string value, string description) =>
            accepted.Add(new Dictionary<string, object?> { ["Kolumna"] = column, ["Wartość"] = value, ["Opis"] = description });
        Value("Nazwa", "tekst", "Nazwa członka, do 300 znaków.");
        Value("NIP", "10 cyfr", "Z kreskami lub bez; ostatnia cyfra jest cyfrą kontrolną. Każdy NIP raz w klastrze.");
        foreach (var (type, name) in MemberFileVocabulary.TypeNames)
        {
            Value("Typ", name, type switch
            {
                MemberType.Enterprise => "Przedsiębiorstwo (podaj wielkość).",
                MemberType.ResearchOrUniversity => "Jednostka naukowa lub uczelnia.",
                MemberType.BusinessSupportInstitution => "Instytucja otoczenia biznesu.",
                MemberType.LocalGovernment => "Jednostka samorządu terytorialnego.",
                _ => "Inny członek.",
            });
        }

        foreach (var name in MemberFileVocabulary.SizeNames.Values)
        {
            Value("Wielkość", name, "Tylko dla przedsiębiorstw; dla pozostałych typów zostaw puste.");
        }

        foreach (var (teryt, name) in voivodeships)
        {
            Value("Województwo (TERYT)", teryt, name);
        }

        Value("Data przystąpienia", "RRRR-MM-DD lub DD.MM.RRRR", "Nie później niż dziś.");
        Value("Zatrudnienie", "liczba całkowita", "Liczba zatrudnionych, 0 lub więcej.");

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [MembersSheet] = members, [ValuesSheet] = accepted }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static byte[] Csv(List<string[]> examples)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', NewLine = "\r\n", WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([.. MemberFileVocabulary.Headers]);
            foreach (var row in examples)
            {
                csv.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }
}
