using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Domain.Certification;
using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The public registry of KKKs (no sign-in; an integration may send a client-credentials token of scope <c>registry</c>):
/// the open data as JSON or CSV, the paged list, the counts per voivodeship and a cluster's card; and the officials'
/// list of statuses with revocation.
/// </summary>
public static class RegistryEndpoints
{
    public const string CsvContentType = "text/csv";

    public static void MapRegistryEndpoints(this IEndpointRouteBuilder api)
    {
        var registry = api.MapGroup("/registry").WithTags("Registry (open data)");
        registry.MapGet("/", OpenDataAsync)
            .WithName("GetRegistryOpenData")
            .WithSummary("The registry as open data: the KKKs in force today (or every status with includeHistory=true), optionally one voivodeship (TERYT) or KIS; JSON by default, CSV with format=csv or Accept: text/csv (public).")
            .WithDescription("The schema (RegistryDataset, RegistryRecord) is stable: fields are only added, never renamed or removed. asOf is the Europe/Warsaw date the list holds for; generatedAt the instant it was read. "
                + "CSV follows RFC 4180 (UTF-8, ',' separators, CRLF), one column per RegistryRecord field in order, KIS codes separated by '|', the date of the data in the X-Registry-As-Of header. "
                + "Responses carry an ETag (If-None-Match answers 304) and may be cached for 5 minutes.")
            // One entry for both media types: the CSV has the same records, one column per RegistryRecord field.
            .Produces<RegistryDataset>(StatusCodes.Status200OK, "application/json", CsvContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
        registry.MapGet("/entries", (ISender sender, string? voivodeship, string? kis, string? search, RegistrySort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListRegistry(voivodeship, kis, search, sortBy ?? RegistrySort.ClusterName, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListRegistry")
            .WithSummary("The KKKs in force today as the public page lists them: filter by voivodeship (TERYT), KIS code or a search in the cluster's or coordinator's name, sort, page (public).")
            .Produces<RegistryPage>()
            .ProducesValidationProblem();
        registry.MapGet("/map", (ISender sender, CancellationToken ct) => sender.Send(new GetRegistryMap(), ct))
            .WithName("GetRegistryMap")
            .WithSummary("The number of KKKs in force today in each of the 16 voivodeships (public).")
            .Produces<RegistryMap>();
        registry.MapGet("/clusters/{clusterId:guid}", (ISender sender, Guid clusterId, CancellationToken ct) => sender.Send(new GetClusterCard(clusterId), ct))
            .WithName("GetClusterCard")
            .WithSummary("A certified cluster's public card with the history of its statuses; a cluster that never held the status is 404 (public).")
            .Produces<ClusterCard>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var statuses = api.MapGroup("/kkk-statuses").WithTags("Registry (officials)");
        statuses.MapGet("/", (ISender sender, KkkStatusState? state, string? search, KkkStatusSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListKkkStatuses(state, search, sortBy ?? KkkStatusSort.ValidTo, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListKkkStatuses")
            .WithSummary("Every KKK status in any state: filter by state, search, sort, page (officials).")
            .Produces<PagedResult<KkkStatusItem>>();
        statuses.MapPost("/{statusId:guid}/revocation", async (ISender sender, Guid statusId, RevocationBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RevokeKkkStatus(statusId, body.Reason, body.Version), ct))))
            .WithName("RevokeKkkStatus")
            .WithSummary("Revokes an active status with a reason, shown publicly with the date; the coordinator is notified. 409 kkk_status.revocation_reason_required without a reason, kkk_status.not_active once ended (officials).")
            .Produces<VersionBody>()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> OpenDataAsync(
        HttpContext http, ISender sender, IRegistryCsvWriter csvWriter, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        string? format, string? voivodeship, string? kis, bool? includeHistory, CancellationToken ct)
    {
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            "csv" => true,
            "json" => false,
            null or "" => http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvContentType, StringComparison.OrdinalIgnoreCase)),
            _ => throw new ValidationException([new ValidationFailure("format", "The format is json or csv.")]),
        };
        var dataset = await sender.Send(new ExportRegistry(voivodeship, kis, includeHistory ?? false), ct);
        var asOf = dataset.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The tag covers what the data says (the records and their date), not the instant it was read.
        var records = JsonSerializer.SerializeToUtf8Bytes(dataset.Records, json.Value.SerializerOptions);
        var hash = SHA256.HashData([.. records, .. System.Text.Encoding.UTF8.GetBytes($"{asOf}|{csv}")]);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers["X-Registry-As-Of"] = asOf;
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return csv
            ? Results.File(csvWriter.Write(dataset), "text/csv; charset=utf-8", $"rejestr-kkk-{asOf}.csv")
            : Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(dataset, json.Value.SerializerOptions), "application/json; charset=utf-8");
    }
}

public sealed record RevocationBody(string? Reason, int Version);
