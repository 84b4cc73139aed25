using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Programme.Benchmark;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The national benchmark report: the officials' report over a phase, a competition or a day with its XLSX and PDF, and the
/// coordinator's individual report with its PDF. Exactly one of <c>phaseId</c>, <c>competitionId</c> and <c>date</c> (yyyy-MM-dd).
/// </summary>
public static class BenchmarkEndpoints
{
    private const string ScopeDescription =
        "Exactly one scope: phaseId (the clusters with a programme contract, signed or later, in the phase), competitionId (the clusters whose applications were "
        + "submitted to it, not withdrawn) or date, yyyy-MM-dd (the clusters with a KKK status in force that day, counting only the members who had joined by then). "
        + "None or two is 400 naming the field; an unknown phase or competition is 404. Figures are rounded to one decimal, halves away from zero. Sources: members "
        + "as recorded; sales growth, innovations and joint projects from the later indicator year of the cluster's latest submitted application (in a competition "
        + "scope its application to it); internships and apprenticeships from the KPI-SKL actual of the latest accepted annual KPI report whose period ends after "
        + "that year, when there is one.";

    public static void MapBenchmarkEndpoints(this IEndpointRouteBuilder api)
    {
        var officials = api.MapGroup("/programme").WithTags("Benchmark report");
        officials.MapGet("/benchmark", (ISender sender, Guid? phaseId, Guid? competitionId, string? date, CancellationToken ct) =>
                sender.Send(new GetBenchmarkReport(phaseId, competitionId, ParseDate(date)), ct))
            .WithName("GetBenchmarkReport")
            .WithSummary("The benchmark report over the clusters of a phase, a competition or a day: counts, means and medians, member types and enterprise sizes, sales growth, innovations, joint projects, internships, the ten largest clusters and every cluster's position against the group (officials).")
            .WithDescription(ScopeDescription)
            .Produces<BenchmarkReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        officials.MapGet("/benchmark.xlsx", async (ISender sender, Guid? phaseId, Guid? competitionId, string? date, CancellationToken ct) =>
                File(await sender.Send(new ExportBenchmarkReport(BenchmarkFileFormat.Xlsx, phaseId, competitionId, ParseDate(date)), ct)))
            .WithName("ExportBenchmarkReportXlsx")
            .WithSummary("The benchmark report as XLSX: sheets for the summary, member types, enterprise sizes, the largest clusters and the positions; headings in the Accept-Language (officials).")
            .WithDescription(ScopeDescription)
            .Produces(StatusCodes.Status200OK, contentType: ExportCompetitionApplicationsHandler.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        officials.MapGet("/benchmark.pdf", async (ISender sender, Guid? phaseId, Guid? competitionId, string? date, CancellationToken ct) =>
                File(await sender.Send(new ExportBenchmarkReport(BenchmarkFileFormat.Pdf, phaseId, competitionId, ParseDate(date)), ct)))
            .WithName("ExportBenchmarkReportPdf")
            .WithSummary("The benchmark report as PDF with bar charts of members by type and enterprises by size, in the Accept-Language (officials).")
            .WithDescription(ScopeDescription)
            .Produces(StatusCodes.Status200OK, contentType: GetApplicationPdfHandler.PdfContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        officials.MapGet("/benchmark/scopes", (ISender sender, CancellationToken ct) => sender.Send(new GetBenchmarkScopes(), ct))
            .WithName("GetBenchmarkScopes")
            .WithSummary("The phases and the competitions with submitted applications that a benchmark report can be asked for (officials).")
            .Produces<BenchmarkScopes>();

        api.MapGet("/my-benchmark", (ISender sender, Guid? phaseId, Guid? competitionId, string? date, CancellationToken ct) =>
                sender.Send(new GetMyBenchmarkReport(phaseId, competitionId, ParseDate(date)), ct))
            .WithName("GetMyBenchmarkReport")
            .WithSummary("The coordinator's individual benchmark report: the group's figures and his own cluster's position against them, without any other cluster's row; only for a phase his cluster has a contract in, a competition it applied to or a day its status was in force, otherwise 404 (applicants).")
            .WithDescription(ScopeDescription)
            .Produces<BenchmarkReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Benchmark report");
        api.MapGet("/my-benchmark.pdf", async (ISender sender, Guid? phaseId, Guid? competitionId, string? date, CancellationToken ct) =>
                File(await sender.Send(new ExportMyBenchmarkReport(BenchmarkFileFormat.Pdf, phaseId, competitionId, ParseDate(date)), ct)))
            .WithName("ExportMyBenchmarkReportPdf")
            .WithSummary("The individual benchmark report as PDF, with a bar chart of the cluster against the group's means, in the Accept-Language (applicants).")
            .WithDescription(ScopeDescription)
            .Produces(StatusCodes.Status200OK, contentType: GetApplicationPdfHandler.PdfContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Benchmark report");
        api.MapGet("/my-benchmark/scopes", (ISender sender, CancellationToken ct) => sender.Send(new GetMyBenchmarkScopes(), ct))
            .WithTags("Benchmark report")
            .WithName("GetMyBenchmarkScopes")
            .WithSummary("The phases in which the applicant's cluster has a contract and the competitions it applied to (applicants).")
            .Produces<BenchmarkScopes>();
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static DateOnly? ParseDate(string? date) =>
        string.IsNullOrWhiteSpace(date) ? null
        : DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationException([new ValidationFailure("date", "The date is yyyy-MM-dd.")]);
}
