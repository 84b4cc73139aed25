using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Evaluation.Ranking;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The ranking of a competition (JSON, XLSX, CSV), a scoring sheet and an application's summary card as PDF; the same
/// files for the signed-in browser under /files (cookie), as the receipt and attachments are.
/// </summary>
public static class RankingEndpoints
{
    public static void MapRankingEndpoints(this IEndpointRouteBuilder api, IEndpointRouteBuilder root)
    {
        api.MapGet("/competitions/{competitionId:guid}/ranking", RankingAsync)
            .WithTags("Ranking")
            .WithName("GetRanking")
            .WithSummary("The ranking of a competition: total descending, ties by the tie-break criteria in order, then earlier submission; pass or fail and why; filter, sort, page (officials).")
            .WithDescription("Without format (or format=json) one page as JSON; the position is the place in the whole ranking whatever the filter, sort or page. "
                + "format=xlsx or format=csv: every row that passes the filters, in ranking order. CSV is UTF-8 with a byte-order mark, ';' between fields, CRLF; headings follow the Accept-Language (pl or en).")
            .Produces<RankingView>()
            .Produces(StatusCodes.Status200OK, contentType: ExportCompetitionApplicationsHandler.XlsxContentType, additionalContentTypes: [ExportCompetitionApplicationsHandler.CsvContentType]);
        api.MapGet("/assignments/{assignmentId:guid}/sheet.pdf", async (ISender sender, Guid assignmentId, CancellationToken ct) =>
                File(await sender.Send(new GetScoreSheetPdf(assignmentId), ct)))
            .WithTags("Ranking")
            .WithName("GetScoreSheetPdf")
            .WithSummary("A submitted scoring sheet as PDF: points and justification per criterion, the overall opinion, the expert and the dates (officials; the expert his or her own; not submitted is 409).")
            .Produces(StatusCodes.Status200OK, contentType: GetEvaluationCardPdfHandler.PdfContentType);
        api.MapGet("/applications/{applicationId:guid}/evaluation-card.pdf", async (ISender sender, Guid applicationId, bool? anonymised, CancellationToken ct) =>
                File(await sender.Send(new GetEvaluationCardPdf(applicationId, anonymised ?? false), ct)))
            .WithTags("Ranking")
            .WithName("GetEvaluationCardPdf")
            .WithSummary("The summary card of an application as PDF: each sheet's points, the result, the panel's changes, total, pass or fail and why; anonymised=true names the experts 'Ekspert 1, 2, 3' (officials; no result yet is 409).")
            .Produces(StatusCodes.Status200OK, contentType: GetEvaluationCardPdfHandler.PdfContentType);

        var files = root.MapGroup(RankingLinks.FilesPrefix)
            .RequireAuthorization()
            .ExcludeFromDescription();
        files.MapGet("/competitions/{competitionId:guid}/ranking.xlsx", async (ISender sender, Guid competitionId, bool? passedOnly, string? search, CancellationToken ct) =>
            File(await sender.Send(new ExportRanking(competitionId, ListExportFormat.Xlsx, passedOnly ?? false, search), ct)));
        files.MapGet("/competitions/{competitionId:guid}/ranking.csv", async (ISender sender, Guid competitionId, bool? passedOnly, string? search, CancellationToken ct) =>
            File(await sender.Send(new ExportRanking(competitionId, ListExportFormat.Csv, passedOnly ?? false, search), ct)));
        files.MapGet("/assignments/{assignmentId:guid}/sheet.pdf", async (ISender sender, Guid assignmentId, CancellationToken ct) =>
            File(await sender.Send(new GetScoreSheetPdf(assignmentId), ct)));
        files.MapGet("/applications/{applicationId:guid}/evaluation-card.pdf", async (ISender sender, Guid applicationId, bool? anonymised, CancellationToken ct) =>
            File(await sender.Send(new GetEvaluationCardPdf(applicationId, anonymised ?? false), ct)));
    }

    private static async Task<IResult> RankingAsync(
        ISender sender,
        Guid competitionId,
        string? format,
        bool? passedOnly,
        string? search,
        RankingSort? sortBy,
        bool? descending,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "json":
                return Results.Ok(await sender.Send(
                    new GetRanking(competitionId, passedOnly ?? false, search, sortBy ?? RankingSort.Position, descending ?? false, page ?? 1, pageSize ?? 25), ct));
            case "xlsx":
                return File(await sender.Send(new ExportRanking(competitionId, ListExportFormat.Xlsx, passedOnly ?? false, search), ct));
            case "csv":
                return File(await sender.Send(new ExportRanking(competitionId, ListExportFormat.Csv, passedOnly ?? false, search), ct));
            default:
                throw new ValidationException([new ValidationFailure("format", "The format is json, xlsx or csv.")]);
        }
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
