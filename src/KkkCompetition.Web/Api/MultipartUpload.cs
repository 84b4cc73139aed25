using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace KkkCompetition.Web.Api;

/// <summary>
/// A multipart/form-data upload as the upload endpoints read it (application attachments, report evidence): the one file
/// part streamed straight into the store's staging file (hashed, counted and checked on the way, never buffered), and the
/// small form fields asked for. The parts may come in any order. Disposing drops the staged file unless a command kept it.
/// </summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    private MultipartUpload(StagedAttachment file, string fileName, IReadOnlyDictionary<string, string> fields)
    {
        File = file;
        FileName = fileName;
        Fields = fields;
    }

    public StagedAttachment File { get; }

    /// <summary>The name the client gave (RFC 5987 <c>filename*</c> first); the command makes it safe.</summary>
    public string FileName { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>
    /// Reads the body. A body that is not multipart (<paramref name="notMultipart"/> says what to send instead), holds more than
    /// one file or none is a 400 naming <c>file</c>; a body over the endpoint's limit is 413 <c>attachment.too_large</c>; a file
    /// the store refuses keeps the store's refusal.
    /// </summary>
    public static async Task<MultipartUpload> ReadAsync(
        HttpContext http, IAttachmentStore store, IStringLocalizer text, IReadOnlyCollection<string> fieldNames, string notMultipart, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Invalid("file", notMultipart);
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? fileName = null;
        StagedAttachment? staged = null;
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    if (staged is not null)
                    {
                        throw Invalid("file", text["Applications.Upload.OneFile"]);
                    }

                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value is { Length: > 0 } star
                        ? star
                        : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    staged = await store.StageAsync(section.Body, ct);
                }
                else if (disposition.IsFormDisposition()
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { } name
                    && fieldNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    using var value = new StreamReader(section.Body);
                    fields[name] = (await value.ReadToEndAsync(ct)).Trim();
                }
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a declared length, cut off by the server at the endpoint's limit.
            if (staged is not null)
            {
                await staged.DisposeAsync();
            }

            throw AttachmentRefusals.TooLarge();
        }
        catch
        {
            if (staged is not null)
            {
                await staged.DisposeAsync();
            }

            throw;
        }

        if (staged is null)
        {
            throw Invalid("file", text["Applications.Upload.FileRequired"]);
        }

        return new MultipartUpload(staged, fileName ?? "", fields);
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
