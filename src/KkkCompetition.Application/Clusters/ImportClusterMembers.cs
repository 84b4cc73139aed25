using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

public enum MemberImportStage
{
    Parsing,
    Validating,
    Saving,
}

/// <summary>How far an import is: rows parsed or validated so far of <see cref="Total"/> (0 while the total is not known yet).</summary>
public sealed record MemberImportProgress(MemberImportStage Stage, int Rows, int Total);

/// <summary>
/// One problem of an import file. <see cref="Row"/> is the row as the user sees it in a spreadsheet (the header is
/// row 1, the first data row is row 2); <see cref="Column"/> is the column's header as in the template (null for the
/// whole row or file); <see cref="Code"/> is stable; <see cref="Message"/> is in English (clients localize by the code,
/// with <see cref="Value"/> and <see cref="OtherRow"/> as its arguments).
/// </summary>
public sealed record MemberImportError(int Row, string? Column, string Code, string Message, string? Value = null, int? OtherRow = null);

/// <summary>
/// The outcome of an import: either every row was taken in (<see cref="Imported"/>), or none and
/// <see cref="Errors"/> lists the problems (the first <see cref="MaxReportedErrors"/> of <see cref="ErrorCount"/>).
/// </summary>
public sealed record MemberImportResult(
    bool Succeeded,
    MemberImportMode Mode,
    int Rows,
    int Imported,
    int Removed,
    int ErrorCount,
    IReadOnlyList<MemberImportError> Errors)
{
    public const int MaxReportedErrors = 1_000;
}

/// <summary>
/// Imports a cluster's members from a CSV or XLSX file (the format by the file name's extension, checked against the
/// content) of up to 10,000 rows. Every row is checked; if any is invalid nothing is imported and the answer lists
/// the problems per row. <see cref="MemberImportMode.Replace"/> makes the file the whole membership,
/// <see cref="MemberImportMode.Append"/> adds it. <see cref="Progress"/>, when given, hears rows parsed and validated.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ImportClusterMembers(Guid ClusterId, string FileName, Stream Content, MemberImportMode Mode) : ICommand<MemberImportResult>, IClusterRequest
{
    public IProgress<MemberImportProgress>? Progress { get; init; }
}

public sealed class ImportClusterMembersValidator : AbstractValidator<ImportClusterMembers>
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public ImportClusterMembersValidator()
    {
        RuleFor(x => x.ClusterId).NotEmpty();
        RuleFor(x => x.Mode).IsInEnum();
        RuleFor(x => x.FileName).Must(n => MemberFileVocabulary.FormatOf(n) is not null).OverridePropertyName("file")
            .WithErrorCode("import.unsupported_file").WithMessage("The file must be a .csv or .xlsx file.");
        RuleFor(x => x.Content).NotNull().Must(c => c.CanRead && c.CanSeek).OverridePropertyName("file")
            .WithErrorCode("import.unreadable_file").WithMessage("The file cannot be read.")
            .DependentRules(() =>
            {
                RuleFor(x => x.Content).Must(c => c.Length > 0).OverridePropertyName("file")
                    .WithErrorCode("import.empty_file").WithMessage("The file is empty.");
                RuleFor(x => x.Content).Must(c => c.Length <= MemberFileVocabulary.MaxFileBytes).OverridePropertyName("file")
                    .WithErrorCode("import.file_too_large").WithMessage("The file is larger than 10 MB.");
                RuleFor(x => x).MustAsync(ContentMatchesAsync).When(x => MemberFileVocabulary.FormatOf(x.FileName) is not null && x.Content.Length > 0)
                    .OverridePropertyName("file").WithErrorCode("import.content_mismatch")
                    .WithMessage("The file's content does not match its extension (.csv is text, .xlsx is an Excel workbook).");
            });
    }

    /// <summary>The extension alone is not trusted: an XLSX is a ZIP package, a CSV is text without NUL bytes.</summary>
    private static async Task<bool> ContentMatchesAsync(ImportClusterMembers command, CancellationToken cancellationToken)
    {
        var start = command.Content.Position;
        var head = new byte[4096];
        var read = 0;
        try
        {
            int n;
            while (read < head.Length && (n = await command.Content.ReadAsync(head.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }
        }
        finally
        {
            command.Content.Position = start;
        }

        var isZip = read >= ZipSignature.Length && head.AsSpan(0, ZipSignature.Length).SequenceEqual(ZipSignature);
        return MemberFileVocabulary.FormatOf(command.FileName) switch
        {
            MemberFileFormat.Xlsx => isZip,
            _ => !isZip && !head.AsSpan(0, read).Contains((byte)0),
        };
    }
}

public sealed class ImportClusterMembersHandler(IAppDbContext db, IMemberFileReader reader, TimeProvider clock)
    : ICommandHandler<ImportClusterMembers, MemberImportResult>
{
    private const int ReportEvery = 500;

    public async ValueTask<MemberImportResult> Handle(ImportClusterMembers command, CancellationToken cancellationToken)
    {
        var progress = command.Progress;
        var format = MemberFileVocabulary.FormatOf(command.FileName)!.Value;
        progress?.Report(new MemberImportProgress(MemberImportStage.Parsing, 0, 0));
        var file = await reader.ReadAsync(
            command.Content,
            format,
            MemberFileVocabulary.MaxRows,
            progress is null ? null : new Reporter<int>(n => progress.Report(new MemberImportProgress(MemberImportStage.Parsing, n, 0))),
            cancellationToken);
        if (file.FileErrors.Count > 0)
        {
            return Rejected(command.Mode, 0, file.FileErrors);
        }

        var rows = file.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            return Rejected(command.Mode, 0, [new MemberImportError(2, null, "import.no_rows", "The file has no member rows under the header.")]);
        }

        if (rows.Count > MemberFileVocabulary.MaxRows)
        {
            var first = rows[MemberFileVocabulary.MaxRows].RowNumber;
            return Rejected(command.Mode, rows.Count, [new MemberImportError(first, null, "import.too_many_rows",
                string.Create(CultureInfo.InvariantCulture, $"A file has at most {MemberFileVocabulary.MaxRows} member rows."), MemberFileVocabulary.MaxRows.ToString(CultureInfo.InvariantCulture))]);
        }

        var cluster = await MemberCommands.LoadAsync(db, command.ClusterId, cancellationToken);
        var voivodeships = await db.Voivodeships.AsNoTracking().Select(v => new { v.Teryt, v.Name }).ToListAsync(cancellationToken);
        var checker = new MemberRowChecker(
            voivodeships.SelectMany(v => new[] { (Key: v.Teryt, v.Teryt), (Key: v.Name, v.Teryt) }).ToDictionary(v => v.Key, v => v.Teryt, StringComparer.OrdinalIgnoreCase),
            ClusterAccess.Today(clock),
            command.Mode == MemberImportMode.Append ? cluster.Members.Select(m => m.Nip).ToHashSet(StringComparer.Ordinal) : []);
        var errors = new List<MemberImportError>();
        var members = new List<MemberData>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (checker.Check(rows[i], errors) is { } member)
            {
                members.Add(member);
            }

            if (progress is not null && ((i + 1) % ReportEvery == 0 || i + 1 == rows.Count))
            {
                progress.Report(new MemberImportProgress(MemberImportStage.Validating, i + 1, rows.Count));
            }
        }

        if (errors.Count > 0)
        {
            return Rejected(command.Mode, rows.Count, errors);
        }

        progress?.Report(new MemberImportProgress(MemberImportStage.Saving, 0, members.Count));
        var removed = command.Mode == MemberImportMode.Replace ? cluster.Members.Count : 0;
        var imported = cluster.ImportMembers(members, command.Mode, clock.GetUtcNow());
        return new MemberImportResult(true, command.Mode, rows.Count, imported, removed, 0, []);
    }

    private static MemberImportResult Rejected(MemberImportMode mode, int rows, IReadOnlyList<MemberImportError> errors) =>
        new(false, mode, rows, 0, 0, errors.Count, errors.Take(MemberImportResult.MaxReportedErrors).ToList());

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>Checks one row of a member file after another; remembers the NIPs seen, to name the first row of a duplicate.</summary>
internal sealed class MemberRowChecker(IReadOnlyDictionary<string, string> voivodeships, DateOnly today, HashSet<string> existingNips)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public MemberData? Check(MemberFileRow row, List<MemberImportError> errors)
    {
        var before = errors.Count;
        var name = Text(row, MemberColumn.Name);
        if (name is null)
        {
            Add(errors, row, MemberColumn.Name, "import.name_required", "The name is missing.");
        }
        else if (name.Length > ClusterRules.MaxName)
        {
            Add(errors, row, MemberColumn.Name, "import.name_too_long", $"The name is longer than {ClusterRules.MaxName} characters.");
        }

        var nip = CheckNip(row, errors);
        var type = CheckType(row, errors);
        var size = CheckSize(row, type, errors);
        var voivodeship = CheckVoivodeship(row, errors);
        var joinedOn = CheckJoinedOn(row, errors);
        var employment = CheckEmployment(row, errors);
        return errors.Count == before
            ? new MemberData(name!, nip!, type!.Value, size, voivodeship!, joinedOn!.Value, employment!.Value)
            : null;
    }

    private string? CheckNip(MemberFileRow row, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.Nip);
        if (raw is null)
        {
            Add(errors, row, MemberColumn.Nip, "import.nip_required", "The NIP is missing.");
            return null;
        }

        var nip = PolishIdentifiers.Normalize(raw);
        if (!PolishIdentifiers.IsValidNip(nip))
        {
            Add(errors, row, MemberColumn.Nip, "import.invalid_nip", "The NIP is not valid (10 digits, the last a check digit).", raw);
            return null;
        }

        if (!_seen.TryAdd(nip, row.RowNumber))
        {
            Add(errors, row, MemberColumn.Nip, "import.duplicate_nip_in_file", $"The NIP is already in row {_seen[nip]} of the file.", raw, _seen[nip]);
            return null;
        }

        if (existingNips.Contains(nip))
        {
            Add(errors, row, MemberColumn.Nip, "import.duplicate_nip_in_cluster", "A member with this NIP is already in the cluster.", raw);
            return null;
        }

        return nip;
    }

    private static MemberType? CheckType(MemberFileRow row, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.Type);
        if (raw is null)
        {
            Add(errors, row, MemberColumn.Type, "import.type_required", "The member type is missing.");
            return null;
        }

        var type = MemberFileVocabulary.ParseType(raw);
        if (type is null)
        {
            Add(errors, row, MemberColumn.Type, "import.unknown_type", "The member type is not one of the accepted values.", raw);
        }

        return type;
    }

    private static EnterpriseSize? CheckSize(MemberFileRow row, MemberType? type, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.Size);
        if (raw is null)
        {
            if (type == MemberType.Enterprise)
            {
                Add(errors, row, MemberColumn.Size, "import.size_required", "An enterprise needs its size.");
            }

            return null;
        }

        var size = MemberFileVocabulary.ParseSize(raw);
        if (size is null)
        {
            Add(errors, row, MemberColumn.Size, "import.unknown_size", "The size is not one of the accepted values.", raw);
        }
        else if (type is not null && type != MemberType.Enterprise)
        {
            Add(errors, row, MemberColumn.Size, "import.size_not_allowed", "Only enterprises have a size; leave it empty.", raw);
        }

        return size;
    }

    private string? CheckVoivodeship(MemberFileRow row, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.Voivodeship);
        if (raw is null)
        {
            Add(errors, row, MemberColumn.Voivodeship, "import.voivodeship_required", "The voivodeship TERYT code is missing.");
            return null;
        }

        // A spreadsheet turns "02" into the number 2.
        var key = raw.Length == 1 && char.IsAsciiDigit(raw[0]) ? "0" + raw : raw;
        if (voivodeships.TryGetValue(key, out var teryt))
        {
            return teryt;
        }

        Add(errors, row, MemberColumn.Voivodeship, "import.unknown_voivodeship", "This is not a voivodeship TERYT code (02, 04, … 32).", raw);
        return null;
    }

    private DateOnly? CheckJoinedOn(MemberFileRow row, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.JoinedOn);
        if (raw is null)
        {
            Add(errors, row, MemberColumn.JoinedOn, "import.joined_on_required", "The date of joining is missing.");
            return null;
        }

        var date = MemberFileVocabulary.ParseDate(raw);
        if (date is null || date.Value.Year < 1900)
        {
            Add(errors, row, MemberColumn.JoinedOn, "import.invalid_date", "The date is not a date as YYYY-MM-DD or DD.MM.YYYY.", raw);
            return null;
        }

        if (date.Value > today)
        {
            Add(errors, row, MemberColumn.JoinedOn, "import.joined_in_future", "The date of joining cannot be in the future.", raw);
            return null;
        }

        return date;
    }

    private static int? CheckEmployment(MemberFileRow row, List<MemberImportError> errors)
    {
        var raw = Text(row, MemberColumn.Employment);
        if (raw is null)
        {
            Add(errors, row, MemberColumn.Employment, "import.employment_required", "The employment is missing (0 when none).");
            return null;
        }

        // Thousands as people type them: "1 200" (also with a non-breaking space).
        var digits = raw.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var employment))
        {
            Add(errors, row, MemberColumn.Employment, "import.invalid_employment", "The employment is not a whole number.", raw);
            return null;
        }

        if (employment < 0)
        {
            Add(errors, row, MemberColumn.Employment, "import.negative_employment", "The employment cannot be negative.", raw);
            return null;
        }

        return employment;
    }

    private static string? Text(MemberFileRow row, MemberColumn column) =>
        row[column] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void Add(List<MemberImportError> errors, MemberFileRow row, MemberColumn column, string code, string message, string? value = null, int? otherRow = null) =>
        errors.Add(new MemberImportError(row.RowNumber, MemberFileVocabulary.Header(column), code, message, value, otherRow));
}

/// <summary>The template file for member imports, in Polish (public: it holds no data).</summary>
[PublicRequest]
public sealed record GetMemberImportTemplate(MemberFileFormat Format) : IQuery<MemberImportTemplate>;

public sealed record MemberImportTemplate(string FileName, string ContentType, byte[] Content);

public sealed class GetMemberImportTemplateValidator : AbstractValidator<GetMemberImportTemplate>
{
    public GetMemberImportTemplateValidator() => RuleFor(x => x.Format).IsInEnum();
}

public sealed class GetMemberImportTemplateHandler(IAppDbContext db, IMemberFileWriter writer) : IQueryHandler<GetMemberImportTemplate, MemberImportTemplate>
{
    public async ValueTask<MemberImportTemplate> Handle(GetMemberImportTemplate query, CancellationToken cancellationToken)
    {
        var voivodeships = (await db.Voivodeships.AsNoTracking().OrderBy(v => v.Teryt).Select(v => new { v.Teryt, v.Name }).ToListAsync(cancellationToken))
            .Select(v => (v.Teryt, v.Name)).ToList();
        var content = writer.WriteTemplate(query.Format, voivodeships);
        return query.Format == MemberFileFormat.Xlsx
            ? new MemberImportTemplate("szablon-czlonkow-klastra.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content)
            : new MemberImportTemplate("szablon-czlonkow-klastra.csv", "text/csv; charset=utf-8", content);
    }
}
