using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Certification;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The commission's decisions as the applicant receives them (the decision, the certificate, the decision letter) and their
/// delivery: opening in the portal, or the date of delivery on paper entered by an official.
/// </summary>
public static class DecisionsEndpoints
{
    public static void MapDecisionsEndpoints(this IEndpointRouteBuilder api)
    {
        var decisions = api.MapGroup("/decisions").WithTags("Decisions");

        // Reading the decision is its delivery when the applicant reads it, so this GET sends OpenDecision before the query.
        // A separate POST was considered and refused: an API client could then read the full decision through the GET
        // without ever delivering it, and the appeal window would never start. Opening is idempotent (only the first
        // opening counts; officials' openings deliver nothing), so the GET stays safe to repeat. The same goes for the PDFs.
        decisions.MapGet("/{decisionId:guid}", async (ISender sender, Guid decisionId, CancellationToken ct) =>
            {
                await sender.Send(new OpenDecision(decisionId), ct);
                return await sender.Send(new GetDecision(decisionId), ct);
            })
            .WithName("GetDecision")
            .WithSummary("One decision of the commission: resolution, outcome, justification, votes, delivery, appeal deadline, the KKK status it granted (the applicant his or her own, which records its delivery the first time; officials any).")
            .Produces<DecisionView>();
        decisions.MapGet("/", (ISender sender, Guid? applicationId, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListMyDecisions(applicationId, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListMyDecisions")
            .WithSummary("The decisions on the caller's own applications, newest first; applicationId narrows to one application (applicants).")
            .Produces<PagedResult<DecisionRow>>();
        decisions.MapPost("/{decisionId:guid}/paper-delivery", async (ISender sender, Guid decisionId, PaperDeliveryBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RecordPaperDelivery(decisionId, body.DeliveredOn, body.Version), ct))))
            .WithName("RecordPaperDelivery")
            .WithSummary("Records the day the decision was delivered on paper; the appeal window runs from it; refused when already delivered or the day is before the decision or after today (officials).")
            .Produces<VersionBody>();
        decisions.MapGet("/{decisionId:guid}/certificate.pdf", async (ISender sender, Guid decisionId, CancellationToken ct) =>
            {
                await sender.Send(new OpenDecision(decisionId), ct);
                return File(await sender.Send(new GetCertificatePdf(decisionId), ct));
            })
            .WithName("GetCertificatePdf")
            .WithSummary("The certificate of the KKK status a positive decision granted, as PDF: number, cluster, coordinator, validity, resolution (the applicant his or her own; officials any; no status is 409).")
            .Produces(StatusCodes.Status200OK, contentType: GetEvaluationCardPdfHandler.PdfContentType);
        decisions.MapGet("/{decisionId:guid}/letter.pdf", async (ISender sender, Guid decisionId, CancellationToken ct) =>
            {
                await sender.Send(new OpenDecision(decisionId), ct);
                return File(await sender.Send(new GetDecisionLetterPdf(decisionId), ct));
            })
            .WithName("GetDecisionLetterPdf")
            .WithSummary("The letter of a negative decision as PDF: resolution, justification, votes, appeal instruction, the anonymised evaluation card and score sheets (the applicant his or her own; officials any; a positive decision is 409).")
            .Produces(StatusCodes.Status200OK, contentType: GetEvaluationCardPdfHandler.PdfContentType);

        api.MapGet("/competitions/{competitionId:guid}/decisions", (ISender sender, Guid competitionId, DecisionOutcome? outcome, DeliveryState? delivery, string? search,
                    DecisionSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListCompetitionDecisions(competitionId, outcome, delivery, search, sortBy ?? DecisionSort.Number, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithTags("Decisions")
            .WithName("ListCompetitionDecisions")
            .WithSummary("The decisions of a competition with their delivery and appeal deadlines: filter by outcome, delivery state, search number or cluster, sort, page (officials).")
            .Produces<PagedResult<DecisionRow>>();
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

/// <summary>The day of paper delivery (Warsaw date, yyyy-MM-dd) and the decision's version.</summary>
public sealed record PaperDeliveryBody(DateOnly? DeliveredOn, int Version);
