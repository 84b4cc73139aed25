using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The formal review (officials), the applicant's side of the correction request, the formal outcome, and the exports:
/// the list of a competition's applications (XLSX, CSV) and an application as PDF.
/// </summary>
public static class FormalReviewEndpoints
{
    public static void MapFormalReviewEndpoints(this IEndpointRouteBuilder api)
    {
        var competitions = api.MapGroup("/competitions/{competitionId:guid}").WithTags("Formal review");
        competitions.MapGet("/formal-review", (ISender sender, Guid competitionId, ApplicationStatus? status, bool? onlyOpen, string? search,
                    FormalReviewQueueSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListFormalReviewQueue(competitionId, status, onlyOpen ?? false, search, sortBy ?? FormalReviewQueueSort.Number, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListFormalReviewQueue")
            .WithSummary("The submitted applications of a competition for the formal review: filter by status or open only, search number or cluster, sort, page (officials).")
            .Produces<PagedResult<FormalReviewQueueItem>>();
        competitions.MapGet("/applications/export", async (ISender sender, Guid competitionId, string? format, CancellationToken ct) =>
                File(await sender.Send(new ExportCompetitionApplications(competitionId, ParseFormat(format)), ct)))
            .WithName("ExportCompetitionApplications")
            .WithSummary("The competition's submitted applications with status and formal outcome, as XLSX (format=xlsx, default) or CSV (format=csv) (officials).")
            .WithDescription("CSV is UTF-8 with a byte-order mark, fields separated by ';' and lines by CRLF, so that Excel with Polish settings opens it as columns. Times are Europe/Warsaw; headings follow the Accept-Language (pl or en).")
            .Produces(StatusCodes.Status200OK, contentType: ExportCompetitionApplicationsHandler.XlsxContentType, additionalContentTypes: [ExportCompetitionApplicationsHandler.CsvContentType]);

        var review = api.MapGroup("/applications/{applicationId:guid}/formal-review").WithTags("Formal review");
        review.MapGet("/", (ISender sender, Guid applicationId, CancellationToken ct) => sender.Send(new GetFormalReview(applicationId), ct))
            .WithName("GetFormalReview")
            .WithSummary("One application in the formal review: its latest snapshot in short, each rule with the official's finding and the system's pre-check, the correction and the outcome (officials).")
            .Produces<FormalReviewDto>();
        review.MapPut("/checks/{ruleCode}", async (ISender sender, Guid applicationId, string ruleCode, FormalCheckBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RecordFormalCheck(applicationId, ruleCode, Required(body.Outcome, "outcome"), body.Comment, body.Version), ct))))
            .WithName("RecordFormalCheck")
            .WithSummary("Records pass, fail or fixable for one eligibility rule; a comment is required unless it passes (officials).")
            .Produces<VersionBody>();
        review.MapPost("/correction-request", async (ISender sender, Guid applicationId, CorrectionRequestBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new RequestCorrection(applicationId, body.Items ?? [], body.Version), ct)))
            .WithName("RequestCorrection")
            .WithSummary("Sends the one correction request: the sections it reopens and what to fix; the applicant is notified; the deadline runs from delivery (officials).")
            .Produces<CorrectionRequested>();
        review.MapPost("/acceptance", async (ISender sender, Guid applicationId, DecisionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new AcceptFormally(applicationId, body.Reasons, body.Version), ct))))
            .WithName("AcceptFormally")
            .WithSummary("Accepts the application formally once every eligibility rule has passed; the applicant is notified (officials).")
            .Produces<VersionBody>();
        review.MapPost("/rejection", async (ISender sender, Guid applicationId, DecisionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RejectFormally(applicationId, body.Reasons ?? "", body.Version), ct))))
            .WithName("RejectFormally")
            .WithSummary("Rejects the application formally with reasons; the applicant is notified (officials).")
            .Produces<VersionBody>();

        var correction = api.MapGroup("/applications/{applicationId:guid}/correction").WithTags("Correction requests");
        correction.MapGet("/", (ISender sender, Guid applicationId, CancellationToken ct) => sender.Send(new GetCorrectionRequest(applicationId), ct))
            .WithName("GetCorrectionRequest")
            .WithSummary("The correction request of the caller's application: items, deadline, answer (the owner; officials too; anyone else 404).")
            .Produces<CorrectionRequestView>();
        correction.MapPost("/open", async (ISender sender, Guid applicationId, CancellationToken ct) => Results.Ok(await sender.Send(new OpenCorrectionRequest(applicationId), ct)))
            .WithName("OpenCorrectionRequest")
            .WithSummary("Records that the owner opened the correction request: the first time, its delivery, from which the deadline runs (the owner).")
            .Produces<CorrectionOpened>();
        correction.MapPost("/answer", async (ISender sender, Guid applicationId, CorrectionAnswerBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new AnswerCorrection(applicationId, body.Answer ?? "", body.Version), ct)))
            .WithName("AnswerCorrection")
            .WithSummary("The owner's one answer, before the deadline (409 application.correction_deadline_passed after it): freezes the corrected snapshot.")
            .Produces<CorrectionAnswered>();

        var application = api.MapGroup("/applications/{applicationId:guid}").WithTags("Applications");
        application.MapGet("/formal-outcome", (ISender sender, Guid applicationId, CancellationToken ct) => sender.Send(new GetFormalOutcome(applicationId), ct))
            .WithName("GetFormalOutcome")
            .WithSummary("Where the application stands in the formal review: outcome and reasons, a pending correction and its deadline (the owner and officials).")
            .Produces<FormalOutcomeView>();
        application.MapGet("/pdf", async (ISender sender, Guid applicationId, CancellationToken ct) => File(await sender.Send(new GetApplicationPdf(applicationId), ct)))
            .WithName("GetApplicationPdf")
            .WithSummary("The submitted application as PDF, from its latest snapshot, as the evaluators read it (the owner and officials; a draft is 409).")
            .Produces(StatusCodes.Status200OK, contentType: GetApplicationPdfHandler.PdfContentType);
    }

    /// <summary>A finding left out of the body is a 400 naming it, never a silent "pass" (the enum's default).</summary>
    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new ValidationException([new ValidationFailure(field, "Choose pass, fail or fixable.")]);

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static ListExportFormat ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ListExportFormat.Xlsx,
        "csv" => ListExportFormat.Csv,
        _ => throw new ValidationException([new ValidationFailure("format", "The format is xlsx or csv.")]),
    };
}

public sealed record FormalCheckBody(FormalCheckOutcome? Outcome, string? Comment, int Version);

public sealed record CorrectionRequestBody(IReadOnlyList<CorrectionItemInput>? Items, int Version);

public sealed record DecisionBody(string? Reasons, int Version);

public sealed record CorrectionAnswerBody(string? Answer, int Version);
