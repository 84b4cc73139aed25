using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.Extensions.Localization;

namespace KkkCompetition.Web.Api;

/// <summary>KPI reports: the schedule, the coordinator's form, submission, the official's review queue and review, evidence files.</summary>
public static class ReportEndpoints
{
    /// <summary>The largest request an evidence upload may be: the file plus room for the multipart boundaries.</summary>
    public const long MaxUploadBodyBytes = KpiReportEvidence.MaxBytes + (64 * 1024);

    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/contracts/{contractId:guid}/reports", (ISender sender, Guid contractId, CancellationToken ct) => sender.Send(new GetContractSchedule(contractId), ct))
            .WithTags("Reports")
            .WithName("GetContractSchedule")
            .WithSummary("The contract's reporting schedule: each report's kind, year, period, due day, status, submission, days late or overdue today and returns (the coordinator; officials; another's contract is 404).")
            .Produces<ContractScheduleView>();
        api.MapGet("/me/reports", (ISender sender, bool? onlyOpen, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListMyKpiReports(onlyOpen ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithTags("Reports")
            .WithName("ListMyKpiReports")
            .WithSummary("The reports of the caller's contracts, those to file or correct first, next due first; only the open ones on request; paged (applicants).")
            .Produces<PagedResult<KpiReportRow>>();

        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", (ISender sender, [AsParameters] ListKpiReportsForReview query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListKpiReportsForReview")
            .WithSummary("The review queue: reports filtered by status (Submitted by default; All), late only, phase, voivodeship and a search in contract number or cluster, sorted by DueOn, SubmittedAt, DaysLate or Cluster, paged on the server (officials).")
            .Produces<PagedResult<KpiReportRow>>();
        reports.MapGet("/{reportId:guid}", (ISender sender, Guid reportId, CancellationToken ct) => sender.Send(new GetKpiReport(reportId), ct))
            .WithName("GetKpiReport")
            .WithSummary("A report with the KPIs of the plan in force for its period (target, actual, achievement, whether an explanation is needed, explanation, the official's comment), narrative, disbursements with the SME share, evidence, comments, lateness and version (the coordinator; officials; another's is 404).")
            .Produces<KpiReportView>();
        reports.MapPut("/{reportId:guid}", async (ISender sender, Guid reportId, ReportBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new SaveKpiReport(reportId, body.Lines!, body.Narrative, body.Disbursements!, body.Version), ct)))
            .WithName("SaveKpiReport")
            .WithSummary("Saves the actuals and explanations per KPI, the narrative and the cascade disbursements (the coordinator): a negative actual is 400 naming lines[i].actual, an invalid NIP 400 naming disbursements[i].recipientNip; "
                + "a period not ended 409 report.period_not_ended, a submitted report 409 report.under_review, an accepted one 409 report.accepted, a stale version 409 concurrency.stale_version.")
            .Produces<VersionBody>();
        reports.MapPost("/{reportId:guid}/submission", (ISender sender, Guid reportId, VersionBody body, CancellationToken ct) => sender.Send(new SubmitKpiReport(reportId, body.Version), ct))
            .WithName("SubmitKpiReport")
            .WithSummary("Submits the report for review; the official in charge is notified (the coordinator). Refusals: 409 report.incomplete, report.narrative_required, report.justification_required (naming the KPIs), "
                + "report.period_not_ended, report.contract_not_active. Answers the days late of the first submission.")
            .Produces<KpiReportSubmitted>();
        reports.MapPost("/{reportId:guid}/acceptance", (ISender sender, Guid reportId, VersionBody body, CancellationToken ct) => sender.Send(new AcceptKpiReport(reportId, body.Version), ct))
            .WithName("AcceptKpiReport")
            .WithSummary("Accepts a submitted report: final, and the contract's achievement is recomputed; the coordinator is notified (officials; not submitted 409 report.not_submitted).")
            .Produces<KpiReportAccepted>();
        reports.MapPost("/{reportId:guid}/return", async (ISender sender, Guid reportId, ReturnBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new ReturnKpiReport(reportId, body.KpiComments, body.Comment, body.Version), ct)))
            .WithName("ReturnKpiReport")
            .WithSummary("Returns a submitted report for correction with comments per KPI and/or a general one (at least one, else 409 report.return_comments_required); the coordinator is notified with them (officials).")
            .Produces<VersionBody>();

        reports.MapPost("/{reportId:guid}/evidence", UploadAsync)
            .WithName("UploadKpiReportEvidence")
            .WithSummary("Attaches an evidence file (multipart/form-data: file) of at most 20 MB: PDF, DOCX, XLSX, PNG, JPG or an XML signature, judged by content (the coordinator, while the report may be changed).")
            .Accepts<EvidenceUploadForm>("multipart/form-data")
            .Produces<KpiReportEvidenceUploaded>(StatusCodes.Status201Created)
            .WithMetadata(new UploadLimit(MaxUploadBodyBytes, AttachmentRefusals.TooLarge));
        reports.MapGet("/{reportId:guid}/evidence/{evidenceId:guid}", DownloadEvidenceAsync)
            .WithName("DownloadKpiReportEvidence")
            .WithSummary("An evidence file's content under its name and type (the coordinator; officials).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        reports.MapDelete("/{reportId:guid}/evidence/{evidenceId:guid}", async (ISender sender, Guid reportId, Guid evidenceId, CancellationToken ct) =>
                new VersionBody(await sender.Send(new RemoveKpiReportEvidence(reportId, evidenceId), ct)))
            .WithName("RemoveKpiReportEvidence")
            .WithSummary("Removes an evidence file from the report (the coordinator, while the report may be changed).")
            .Produces<VersionBody>();
    }

    /// <summary>The evidence download for the signed-in browser (cookie; the API under /api takes bearer tokens only): plain links on the report's page.</summary>
    public static void MapReportFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(ReportLinks.FilesPrefix)
            .RequireAuthorization()
            .ExcludeFromDescription();
        files.MapGet("/{reportId:guid}/evidence/{evidenceId:guid}", DownloadEvidenceAsync);
    }

    private static async Task<IResult> DownloadEvidenceAsync(ISender sender, Guid reportId, Guid evidenceId, CancellationToken ct)
    {
        var file = await sender.Send(new DownloadKpiReportEvidence(reportId, evidenceId), ct);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http,
        ISender sender,
        IAttachmentStore store,
        IStringLocalizer<SharedResource> text,
        Guid reportId,
        CancellationToken ct)
    {
        await using var upload = await MultipartUpload.ReadAsync(http, store, text, [], text["Reports.Upload.Multipart"], ct);
        var uploaded = await sender.Send(new UploadKpiReportEvidence(reportId, upload.FileName, upload.File), ct);
        return Results.Created($"/api/v1/reports/{reportId}/evidence/{uploaded.Evidence.Id}", uploaded);
    }
}

/// <summary>What the coordinator saves: per KPI the actual and explanation, the narrative and the disbursements, with the version read.</summary>
public sealed record ReportBody(IReadOnlyList<KpiReportLineInput>? Lines, string? Narrative, IReadOnlyList<CascadeDisbursement>? Disbursements, int Version);

/// <summary>The official's comments per KPI and in general when returning a report, with the version read.</summary>
public sealed record ReturnBody(IReadOnlyList<KpiReviewComment>? KpiComments, string? Comment, int Version);

/// <summary>The multipart form of an evidence upload, as the OpenAPI document describes it.</summary>
public sealed record EvidenceUploadForm(IFormFile File);
