using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Domain.Applications;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace KkkCompetition.Web.Api;

public static class ApplicationEndpoints
{
    /// <summary>The largest request an attachment upload may be: the file plus room for the multipart boundaries and the kind field.</summary>
    public const long MaxUploadBodyBytes = ApplicationAttachment.MaxBytes + (64 * 1024);

    public static void MapApplicationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/competitions/{competitionId:guid}/applications", async (ISender sender, Guid competitionId, CancellationToken ct) =>
            {
                var started = await sender.Send(new StartApplicationDraft(competitionId), ct);
                return Results.Created($"/api/v1/applications/{started.ApplicationId}", started);
            })
            .WithTags("Applications")
            .WithName("StartApplicationDraft")
            .WithSummary("Starts the draft application of the caller's cluster in a competition; an existing one is 409 application.already_started with its applicationId (applicants).")
            .Produces<DraftStarted>(StatusCodes.Status201Created);

        var applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/", (ISender sender, [AsParameters] ListMyApplications query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListMyApplications").WithSummary("The caller's applications, paged, sorted and filtered by status (applicants).")
            .Produces<PagedResult<ApplicationSummaryDto>>();
        applications.MapGet("/{id:guid}", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetApplication(id), ct))
            .WithName("GetApplication").WithSummary("An application with its sections, completeness per section, version, status, number and correction request (the owner; officials read).")
            .Produces<ApplicationDto>();
        applications.MapGet("/{id:guid}/completeness", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetApplicationCompleteness(id), ct))
            .WithName("GetApplicationCompleteness").WithSummary("What is missing before submission, per section (the owner; officials read).")
            .Produces<CompletenessDto>();
        applications.MapPut("/{id:guid}/indicators/{year:int}", async (ISender sender, Guid id, int year, IndicatorsBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new SaveApplicationIndicators(id, year, body.Values, body.Version), ct)))
            .WithName("SaveApplicationIndicators").WithSummary("Autosaves one year's indicators; a stale version is 409 concurrency.stale_version (the owner).")
            .Produces<VersionBody>();
        applications.MapPut("/{id:guid}/narratives/{areaCode}", async (ISender sender, Guid id, string areaCode, NarrativeBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new SaveApplicationNarrative(id, areaCode, body.Text, body.Version), ct)))
            .WithName("SaveApplicationNarrative").WithSummary("Autosaves the narrative of one criteria area; a stale version is 409 concurrency.stale_version (the owner).")
            .Produces<VersionBody>();
        applications.MapPost("/{id:guid}/attachments", UploadAsync)
            .WithName("UploadApplicationAttachment")
            .WithSummary("Attaches a file (multipart/form-data: kind, file) of at most 20 MB: PDF, DOCX, XLSX, PNG, JPG or an XML signature, judged by content (the owner).")
            .Accepts<AttachmentUploadForm>("multipart/form-data")
            .Produces<AttachmentUploaded>(StatusCodes.Status201Created)
            .WithMetadata(new UploadLimit(MaxUploadBodyBytes, AttachmentRefusals.TooLarge));
        applications.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (ISender sender, Guid id, Guid attachmentId, CancellationToken ct) =>
                new VersionBody(await sender.Send(new RemoveApplicationAttachment(id, attachmentId), ct)))
            .WithName("RemoveApplicationAttachment").WithSummary("Removes an attachment from the application (the owner).")
            .Produces<VersionBody>();
        applications.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAttachmentAsync)
            .WithName("DownloadApplicationAttachment").WithSummary("An attachment's content (the owner; officials read).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        applications.MapPost("/{id:guid}/submission", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new SubmitApplication(id), ct))
            .WithName("SubmitApplication")
            .WithSummary("Submits the application while the competition is open and the application complete (else 409 with the missing items); submitting again answers the same receipt (the owner).")
            .Produces<SubmissionReceiptDto>();
        applications.MapGet("/{id:guid}/receipt", ReceiptAsync)
            .WithName("GetSubmissionReceipt").WithSummary("The receipt of submission (UPO) as PDF, the same bytes on every download (the owner; officials read).")
            .Produces(StatusCodes.Status200OK, contentType: ReceiptFile.ContentType);
        applications.MapPost("/{id:guid}/withdrawal", async (ISender sender, Guid id, WithdrawalBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new WithdrawApplication(id, body.Reason, body.Version), ct)))
            .WithName("WithdrawApplication").WithSummary("Withdraws a submitted application with a reason, before the final decision (the owner).")
            .Produces<VersionBody>();
    }

    /// <summary>
    /// The same downloads for the signed-in browser (cookie; the API under /api takes bearer tokens only): attachments and
    /// receipts are plain links in the UI.
    /// </summary>
    public static void MapApplicationFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(ApplicationLinks.FilesPrefix)
            .RequireAuthorization()
            .ExcludeFromDescription();
        files.MapGet("/{id:guid}/receipt", ReceiptAsync);
        files.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAttachmentAsync);
    }

    private static async Task<IResult> ReceiptAsync(ISender sender, Guid id, CancellationToken ct)
    {
        var receipt = await sender.Send(new GetSubmissionReceipt(id), ct);
        return Results.File(receipt.Content, ReceiptFile.ContentType, receipt.FileName);
    }

    private static async Task<IResult> DownloadAttachmentAsync(ISender sender, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var file = await sender.Send(new DownloadApplicationAttachment(id, attachmentId), ct);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Streams the multipart body into the store's staging file (<see cref="MultipartUpload"/>), then the command records it.</summary>
    private static async Task<IResult> UploadAsync(
        HttpContext http,
        ISender sender,
        IAttachmentStore store,
        IStringLocalizer<SharedResource> text,
        Guid id,
        CancellationToken ct)
    {
        await using var upload = await MultipartUpload.ReadAsync(http, store, text, ["kind"], text["Applications.Upload.Multipart"], ct);
        var kindText = upload.Fields.GetValueOrDefault("kind");
        if (!Enum.TryParse<AttachmentKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
        {
            throw MultipartUpload.Invalid("kind", text["Applications.Upload.KindRequired"]);
        }

        var uploaded = await sender.Send(new UploadApplicationAttachment(id, kind, upload.FileName, upload.File), ct);
        return Results.Created($"/api/v1/applications/{id}/attachments/{uploaded.Attachment.Id}", uploaded);
    }
}

/// <summary>
/// An upload endpoint's own body limit (the API's JSON limit does not apply), and the refusal that answers a larger body:
/// 413 with the upload's code, instead of the generic one.
/// </summary>
public sealed class UploadLimit(long maxBytes, Func<Exception> tooLarge) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;

    public Exception TooLarge() => tooLarge();
}

/// <summary>The multipart form of an upload, as the OpenAPI document describes it.</summary>
public sealed record AttachmentUploadForm(AttachmentKind Kind, IFormFile File);

public sealed record IndicatorsBody(IndicatorValues Values, int Version);

public sealed record NarrativeBody(string Text, int Version);

public sealed record WithdrawalBody(string Reason, int Version);
