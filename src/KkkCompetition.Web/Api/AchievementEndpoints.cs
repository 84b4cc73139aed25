using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Domain.Contracts;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// Achievement: a contract's per KPI and year (its coordinator and officials), and the programme dashboard over every
/// contract's stored achievement with its export (officials).
/// </summary>
public static class AchievementEndpoints
{
    public static void MapAchievementEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/contracts/{contractId:guid}/achievement", (ISender sender, Guid contractId, CancellationToken ct) => sender.Send(new GetContractAchievement(contractId), ct))
            .WithTags("Achievement")
            .WithName("GetContractAchievement")
            .WithSummary("A contract's achievement from its accepted annual reports: per KPI the target, actual and percent of each year (against the plan version in force on the year's last day) and cumulative; overall the weighted mean with its colour under the programme's bands (the coordinator and officials; anybody else's contract is 404).")
            .Produces<ContractAchievementView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var dashboard = api.MapGroup("/programme/dashboard").WithTags("Programme dashboard");
        dashboard.MapGet("/", (ISender sender, Guid? phaseId, string? voivodeship, string? kis, ContractStatus[]? status, DashboardColour? colour, string? search,
                    ProgrammeDashboardSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new GetProgrammeDashboard(phaseId, voivodeship, kis, status, colour, search, sortBy ?? ProgrammeDashboardSort.Number, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("GetProgrammeDashboard")
            .WithSummary("Every contract with its stored achievement and colour, filtered by phase, voivodeship (TERYT), KIS, status (repeat status=…; by default Active, Suspended and Completed), colour (Green, Amber, Red, NoData) and a search in number or cluster, sorted and paged, with the charts' figures over the filtered set (officials).")
            .Produces<ProgrammeDashboard>()
            .ProducesValidationProblem();
        dashboard.MapGet("/export", async (ISender sender, string? format, Guid? phaseId, string? voivodeship, string? kis, ContractStatus[]? status, DashboardColour? colour, string? search,
                    ProgrammeDashboardSort? sortBy, bool? descending, CancellationToken ct) =>
                File(await sender.Send(new ExportProgrammeDashboard(ParseFormat(format), phaseId, voivodeship, kis, status, colour, search, sortBy ?? ProgrammeDashboardSort.Number, descending ?? false), ct)))
            .WithName("ExportProgrammeDashboard")
            .WithSummary("The dashboard's filtered contracts as XLSX (format=xlsx, default) or CSV (format=csv): one row per contract with its achievement, colour and the cumulative achievement of each KPI of the catalogue (officials).")
            .WithDescription("The same filters and order as the dashboard. Headings follow the Accept-Language (pl or en); CSV is UTF-8 with a byte-order mark and ';' between fields.")
            .Produces(StatusCodes.Status200OK, contentType: ExportCompetitionApplicationsHandler.XlsxContentType, additionalContentTypes: [ExportCompetitionApplicationsHandler.CsvContentType])
            .ProducesValidationProblem();
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static ListExportFormat ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ListExportFormat.Xlsx,
        "csv" => ListExportFormat.Csv,
        _ => throw new ValidationException([new ValidationFailure("format", "The format is xlsx or csv.")]),
    };
}
