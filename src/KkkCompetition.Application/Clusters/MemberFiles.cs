using System.Globalization;
using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Application.Clusters;

public enum MemberFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>The columns of a member file, in the template's order.</summary>
public enum MemberColumn
{
    Name,
    Nip,
    Type,
    Size,
    Voivodeship,
    JoinedOn,
    Employment,
}

/// <summary>
/// One data row of a member file, as text. <see cref="RowNumber"/> is the row as the user sees it in a spreadsheet:
/// the header is row 1, so the first data row is row 2.
/// </summary>
public sealed record MemberFileRow(int RowNumber, string?[] Values)
{
    public string? this[MemberColumn column] => Values[(int)column];

    public bool IsBlank => Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>What a reader found in a file: the data rows, or why the file as a whole cannot be read.</summary>
public sealed record MemberFileContent(IReadOnlyList<MemberFileRow> Rows, IReadOnlyList<MemberImportError> FileErrors);

/// <summary>Reads member files (CSV, XLSX); an infrastructure port, so the use case does not know the formats' libraries.</summary>
public interface IMemberFileReader
{
    /// <summary>
    /// Reads the header (row 1) and the data rows. Stops after <paramref name="maxRows"/> + 1 data rows (the caller
    /// refuses files that are too long); reports the rows read so far to <paramref name="rowsRead"/>.
    /// </summary>
    Task<MemberFileContent> ReadAsync(Stream content, MemberFileFormat format, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken);
}

/// <summary>Writes the downloadable template (Polish headers, example rows, and the accepted values).</summary>
public interface IMemberFileWriter
{
    byte[] WriteTemplate(MemberFileFormat format, IReadOnlyList<(string Teryt, string Name)> voivodeships);
}

/// <summary>
/// The file vocabulary: Polish column headers and values (as in the template), English ones accepted as well, and
/// Polish words typed without their diacritics. One place, so that the template, the reader and the checks agree.
/// </summary>
public static class MemberFileVocabulary
{
    public const int MaxRows = 10_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Headers =
        ["Nazwa", "NIP", "Typ", "Wielkość", "Województwo (TERYT)", "Data przystąpienia", "Zatrudnienie"];

    private static readonly Dictionary<string, MemberColumn> HeaderAliases = Build<MemberColumn>(
        (MemberColumn.Name, ["Nazwa", "Name"]),
        (MemberColumn.Nip, ["NIP"]),
        (MemberColumn.Type, ["Typ", "Type"]),
        (MemberColumn.Size, ["Wielkość", "Wielkosc", "Size"]),
        (MemberColumn.Voivodeship, ["Województwo (TERYT)", "Wojewodztwo (TERYT)", "Województwo", "Wojewodztwo", "TERYT", "Voivodeship (TERYT)", "Voivodeship"]),
        (MemberColumn.JoinedOn, ["Data przystąpienia", "Data przystapienia", "Joined on", "Date joined"]),
        (MemberColumn.Employment, ["Zatrudnienie", "Employment"]));

    /// <summary>The Polish names of the member types, as the template lists them.</summary>
    public static readonly IReadOnlyDictionary<MemberType, string> TypeNames = new Dictionary<MemberType, string>
    {
        [MemberType.Enterprise] = "Przedsiębiorstwo",
        [MemberType.ResearchOrUniversity] = "Jednostka naukowa lub uczelnia",
        [MemberType.BusinessSupportInstitution] = "IOB",
        [MemberType.LocalGovernment] = "JST",
        [MemberType.Other] = "Inny",
    };

    public static readonly IReadOnlyDictionary<EnterpriseSize, string> SizeNames = new Dictionary<EnterpriseSize, string>
    {
        [EnterpriseSize.Micro] = "Mikro",
        [EnterpriseSize.Small] = "Małe",
        [EnterpriseSize.Medium] = "Średnie",
        [EnterpriseSize.Large] = "Duże",
    };

    private static readonly Dictionary<string, MemberType> TypeAliases = Build<MemberType>(
        (MemberType.Enterprise, ["Przedsiębiorstwo", "Przedsiebiorstwo", "Enterprise"]),
        (MemberType.ResearchOrUniversity, ["Jednostka naukowa lub uczelnia", "Jednostka naukowa", "Uczelnia", "Nauka", "ResearchOrUniversity", "Research or university"]),
        (MemberType.BusinessSupportInstitution, ["IOB", "Instytucja otoczenia biznesu", "BusinessSupportInstitution", "Business support institution"]),
        (MemberType.LocalGovernment, ["JST", "Jednostka samorządu terytorialnego", "Jednostka samorzadu terytorialnego", "LocalGovernment", "Local government"]),
        (MemberType.Other, ["Inny", "Inna", "Inne", "Other"]));

    private static readonly Dictionary<string, EnterpriseSize> SizeAliases = Build<EnterpriseSize>(
        (EnterpriseSize.Micro, ["Mikro", "Mikroprzedsiębiorstwo", "Micro"]),
        (EnterpriseSize.Small, ["Małe", "Male", "Mała", "Mala", "Small"]),
        (EnterpriseSize.Medium, ["Średnie", "Srednie", "Średnia", "Srednia", "Medium"]),
        (EnterpriseSize.Large, ["Duże", "Duze", "Duża", "Duza", "Large"]));

    /// <summary>Dates as people type them in Poland, and as spreadsheets write them.</summary>
    public static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd.MM.yyyy HH:mm:ss"];

    public static string Header(MemberColumn column) => Headers[(int)column];

    public static MemberColumn? ColumnOf(string? header) =>
        header is not null && HeaderAliases.TryGetValue(header.Trim().TrimStart('\uFEFF'), out var column) ? column : null;

    public static MemberType? ParseType(string? value) =>
        value is not null && TypeAliases.TryGetValue(value.Trim(), out var type) ? type : null;

    public static EnterpriseSize? ParseSize(string? value) =>
        value is not null && SizeAliases.TryGetValue(value.Trim(), out var size) ? size : null;

    public static DateOnly? ParseDate(string? value) =>
        DateTime.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    public static MemberFileFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".csv" => MemberFileFormat.Csv,
        ".xlsx" => MemberFileFormat.Xlsx,
        _ => null,
    };

    private static Dictionary<string, T> Build<T>(params (T Value, string[] Names)[] entries)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, names) in entries)
        {
            foreach (var name in names)
            {
                map[name] = value;
            }
        }

        return map;
    }
}
