using System.Globalization;
using System.Text;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Domain.Identifiers;
using MiniExcelLibs;

namespace KkkCompetition.Testing.Clusters;

/// <summary>
/// Member files for import tests and benchmarks: <see cref="Valid"/> rows (distinct valid NIPs, every member type,
/// Polish values as the template has them) that a test then spoils where it needs to, written as CSV or XLSX.
/// Row i of <see cref="Rows"/> is row i + 2 of the file (the header is row 1).
/// </summary>
public sealed class MemberFileBuilder
{
    private static readonly string[] Voivodeships = ["02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32"];
    private static readonly string[] Sizes = ["Mikro", "Małe", "Średnie", "Duże"];

    public List<string?[]> Rows { get; } = [];

    public IReadOnlyList<string> Headers { get; set; } = MemberFileVocabulary.Headers;

    /// <summary><paramref name="count"/> valid rows; NIPs start from <paramref name="nipSeed"/> (9 digits), so two builders with different seeds do not clash.</summary>
    public static MemberFileBuilder Valid(int count, long nipSeed = 700_000_000)
    {
        var builder = new MemberFileBuilder();
        var next = nipSeed;
        var nips = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            string nip;
            do
            {
                nip = PolishIdentifiers.CompleteNip((next++).ToString(CultureInfo.InvariantCulture));
            }
            while (!nips.Add(nip));

            var type = (i % 10) switch
            {
                < 6 => "Przedsiębiorstwo",
                6 => "Jednostka naukowa lub uczelnia",
                7 => "IOB",
                8 => "JST",
                _ => "Inny",
            };
            builder.Rows.Add(
            [
                $"Członek {i + 1} sp. z o.o.",
                i % 3 == 0 ? $"{nip[..3]}-{nip[3..6]}-{nip[6..8]}-{nip[8..]}" : nip,
                type,
                type == "Przedsiębiorstwo" ? Sizes[i % Sizes.Length] : "",
                Voivodeships[i % Voivodeships.Length],
                new DateOnly(2015 + (i % 10), 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ((i * 37) % 2_000).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return builder;
    }

    /// <summary>The row the user sees as <paramref name="fileRow"/> (2 = the first data row).</summary>
    public string?[] Row(int fileRow) => Rows[fileRow - 2];

    public MemberFileBuilder Set(int fileRow, MemberColumn column, string? value)
    {
        Row(fileRow)[(int)column] = value;
        return this;
    }

    /// <summary>The NIP of a file row, digits only.</summary>
    public string Nip(int fileRow) => PolishIdentifiers.Normalize(Row(fileRow)[(int)MemberColumn.Nip]);

    /// <summary>A NIP with a wrong check digit: the last digit of a valid one changed.</summary>
    public static string Spoil(string nip)
    {
        var digits = PolishIdentifiers.Normalize(nip);
        return digits[..9] + (char)('0' + ((digits[9] - '0' + 1) % 10));
    }

    public byte[] ToCsv(char separator = ';', Encoding? encoding = null)
    {
        var text = new StringBuilder();
        text.Append(string.Join(separator, Headers.Select(h => Quote(h, separator)))).Append("\r\n");
        foreach (var row in Rows)
        {
            text.Append(string.Join(separator, row.Select(v => Quote(v ?? "", separator)))).Append("\r\n");
        }

        return (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text.ToString())).ToArray();
    }

    public byte[] ToXlsx()
    {
        var sheet = Rows.Select(row =>
        {
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < Headers.Count; i++)
            {
                values[Headers[i]] = i < row.Length ? row[i] : null;
            }

            return values;
        }).ToList();
        using var stream = new MemoryStream();
        if (sheet.Count == 0)
        {
            sheet.Add(Headers.ToDictionary(h => h, _ => (object?)null));
        }

        MiniExcel.SaveAs(stream, sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Quote(string value, char separator) =>
        value.Contains(separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
