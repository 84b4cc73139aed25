using System.Text;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Applications;

namespace KkkCompetition.Application.Applications;

/// <summary>A kind of file an application may carry, recognised by its content: its MIME type and the extensions it goes by.</summary>
public sealed record AttachmentFileType(string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly AttachmentFileType Pdf = new("application/pdf", [".pdf"]);
    public static readonly AttachmentFileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AttachmentFileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly AttachmentFileType Png = new("image/png", [".png"]);
    public static readonly AttachmentFileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);

    /// <summary>An XML document with an XML-DSig signature (XAdES, detached or enveloping).</summary>
    public static readonly AttachmentFileType XmlSignature = new("application/xml", [".xml", ".xades"]);

    public static readonly IReadOnlyList<AttachmentFileType> All = [Pdf, Docx, Xlsx, Png, Jpeg, XmlSignature];
}

/// <summary>
/// An upload read once into the store's staging area, checked (size, type by content, virus scan) and hashed. Nothing of
/// it is kept unless <see cref="IAttachmentStore.KeepAsync"/> moves it into the store; disposing drops the staged copy.
/// </summary>
public abstract class StagedAttachment : IAsyncDisposable
{
    /// <summary>Lower-case hex SHA-256 of the content: its key in the store.</summary>
    public abstract string Sha256 { get; }

    public abstract long SizeBytes { get; }

    public abstract AttachmentFileType Type { get; }

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// The attachment files, outside the database and the web root, each under its SHA-256 (the same content is stored once).
/// Files are never deleted with an attachment: submitted snapshots refer to them by hash.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> once (streamed, never held in memory) into a staging file: refuses more than
    /// <see cref="Domain.Applications.ApplicationAttachment.MaxBytes"/> (<c>attachment.too_large</c>), a type other than those of
    /// <see cref="AttachmentFileType.All"/> judged by the bytes, never by the name (<c>attachment.type_not_allowed</c>), and what the
    /// virus scanner refuses (<c>attachment.infected</c>). A refused upload leaves nothing behind.
    /// </summary>
    Task<StagedAttachment> StageAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Moves the staged file into the store under its hash (atomically; a no-op when that content is already there).</summary>
    Task KeepAsync(StagedAttachment staged, CancellationToken cancellationToken);

    /// <summary>The stored content, or null when the store has no file with that hash.</summary>
    Stream? OpenRead(string sha256);
}

/// <summary>The hook for a virus scanner (ClamAV, a vendor's API); the default one accepts everything.</summary>
public interface IVirusScanner
{
    /// <summary>Scans the staged bytes (a readable, seekable stream positioned at its start).</summary>
    Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken);
}

public sealed record VirusScanResult(bool IsClean, string? Threat = null)
{
    public static readonly VirusScanResult Clean = new(true);

    public static VirusScanResult Infected(string threat) => new(false, threat);
}

/// <summary>
/// Makes an uploaded file's name safe to show and to offer for download. It is never used as a path (the store names
/// files by hash), but a name like <c>../../etc/passwd.pdf</c> must not even look like one.
/// </summary>
public static class AttachmentFileName
{
    public const int MaxLength = 150;
    private const string Fallback = "załącznik";
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The last segment of the name (after any <c>/</c> or <c>\</c>), without control and reserved characters, without leading
    /// or trailing dots and spaces, at most <see cref="MaxLength"/> characters, ending in an extension of the detected type.
    /// </summary>
    public static string Sanitise(string? uploaded, AttachmentFileType type)
    {
        var name = (uploaded ?? "").Normalize(NormalizationForm.FormC);
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }

        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && Array.IndexOf(Reserved, c) < 0 && c is not ('\u200B' or '\u202E' or '\uFEFF'))
            {
                kept.Append(c);
            }
        }

        name = kept.ToString().Trim().Trim('.', ' ');
        var extension = Path.GetExtension(name);
        var stem = extension.Length > 0 ? name[..^extension.Length].TrimEnd('.', ' ') : name;
        if (!type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            // The name must not promise another type than the bytes are: "photo.pdf" holding a PNG becomes "photo.pdf.png".
            stem = name;
            extension = type.Extensions[0];
        }

        if (stem.Length == 0 || DeviceNames.Contains(stem.Split('.')[0]))
        {
            stem = stem.Length == 0 ? Fallback : "_" + stem;
        }

        var room = MaxLength - extension.Length;
        if (stem.Length > room)
        {
            // Not in the middle of a surrogate pair.
            var cut = char.IsLowSurrogate(stem[room]) ? room - 1 : room;
            stem = stem[..cut].TrimEnd('.', ' ');
        }

        return stem + extension.ToLowerInvariant();
    }
}

public static class AttachmentRefusals
{
    /// <summary>An upload over <see cref="ApplicationAttachment.MaxBytes"/>: 413 <c>attachment.too_large</c>, nothing kept.</summary>
    public static ContentTooLargeException TooLarge() =>
        new("attachment.too_large", "An attachment may have at most 20 MB.", ApplicationAttachment.MaxBytes);
}
