using System.Buffers;
using System.Security.Cryptography;
using KkkCompetition.Application.Applications;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Infrastructure.Files;

/// <summary>The <c>KKK:Files</c> section (environment: <c>KKK__Files__Root</c>).</summary>
public sealed class FileStoreOptions
{
    public const string Section = "KKK:Files";

    /// <summary>The folder of the attachment files; by default <c>App_Data/files</c> under the host's content root (outside the web root).</summary>
    public string? Root { get; set; }
}

/// <summary>
/// Attachment files under <c>{root}/ab/cd/&lt;sha-256&gt;</c>. An upload is streamed once into <c>{root}/.staging</c> (same file
/// system, so keeping it is an atomic rename), hashed and checked on the way; the name the user gave never becomes a path.
/// </summary>
public sealed class AttachmentStore(IOptions<FileStoreOptions> options, AttachmentContentInspector inspector, IVirusScanner scanner) : IAttachmentStore
{
    private const int BufferSize = 81_920;
    private const string StagingFolder = ".staging";

    public string Root { get; } = Path.GetFullPath(options.Value.Root ?? throw new InvalidOperationException("KKK:Files:Root is not set."));

    public async Task<StagedAttachment> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(Root, StagingFolder)).FullName;
        var staged = new StagedFile(Path.Combine(staging, $"{Guid.CreateVersion7():N}.upload"));
        try
        {
            var (sha256, size) = await CopyAndHashAsync(content, staged.Path, cancellationToken);
            if (size == 0)
            {
                throw new BusinessRuleViolation("attachment.empty", "The file is empty.");
            }

            var type = inspector.Identify(staged.Path)
                ?? throw new BusinessRuleViolation("attachment.type_not_allowed", "Only PDF, DOCX, XLSX, PNG, JPG and XML signature (XAdES) files may be attached.");
            await using (var scanned = new FileStream(staged.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous))
            {
                var verdict = await scanner.ScanAsync(scanned, cancellationToken);
                if (!verdict.IsClean)
                {
                    throw new BusinessRuleViolation("attachment.infected", "The virus scanner refused the file.", verdict.Threat ?? "");
                }
            }

            staged.Complete(sha256, size, type);
            return staged;
        }
        catch
        {
            await staged.DisposeAsync();
            throw;
        }
    }

    public Task KeepAsync(StagedAttachment staged, CancellationToken cancellationToken)
    {
        var file = staged as StagedFile ?? throw new ArgumentException("The file was not staged by this store.", nameof(staged));
        var target = PathOf(file.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(file.Path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same content is stored already (deduplicated by hash); the staged copy goes.
            File.Delete(file.Path);
        }

        file.MarkKept();
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous) : null;
    }

    /// <summary><c>{root}/ab/cd/abcd…</c>; anything but 64 lower-case hex digits is refused, so no key can point outside the store.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("A file key is a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    private static async Task<(string Sha256, long Size)> CopyAndHashAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > ApplicationAttachment.MaxBytes)
                {
                    throw AttachmentRefusals.TooLarge();
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class StagedFile(string path) : StagedAttachment
    {
        private string? _sha256;
        private AttachmentFileType? _type;
        private long _size;
        private bool _kept;

        public string Path { get; } = path;

        public override string Sha256 => _sha256 ?? throw new InvalidOperationException("The file is not staged yet.");

        public override long SizeBytes => _size;

        public override AttachmentFileType Type => _type ?? throw new InvalidOperationException("The file is not staged yet.");

        public void Complete(string sha256, long size, AttachmentFileType type)
        {
            _sha256 = sha256;
            _size = size;
            _type = type;
        }

        public void MarkKept() => _kept = true;

        public override ValueTask DisposeAsync()
        {
            if (!_kept)
            {
                File.Delete(Path);
            }

            return ValueTask.CompletedTask;
        }
    }
}
