using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Domain.Clusters;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KkkCompetition.Web.Api;

/// <summary>The coordinating organisation, its cluster, the members and their import (applicants; staff read any).</summary>
public static class ClusterEndpoints
{
    /// <summary>The largest upload the server reads: the 10 MB file plus room for the multipart envelope (the file itself is checked to 10 MB).</summary>
    public const long MaxImportRequestBytes = MemberFileVocabulary.MaxFileBytes + (1024 * 1024);

    public static void MapClusterEndpoints(this IEndpointRouteBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");
        organisations.MapGet("/mine", (ISender sender, CancellationToken ct) => sender.Send(new GetMyOrganisation(), ct))
            .WithName("GetMyOrganisation").WithSummary("The caller's coordinating organisation; 404 before it is registered (applicants).")
            .Produces<OrganisationDto>();
        organisations.MapPost("/mine", async (ISender sender, OrganisationBody body, CancellationToken ct) =>
            {
                var created = await sender.Send(new RegisterOrganisation(body.Name, body.Nip, body.Regon, body.Krs, body.LegalForm, body.Address, body.VoivodeshipTeryt), ct);
                return Results.Created("/api/v1/organisations/mine", created);
            })
            .WithName("RegisterOrganisation")
            .WithSummary("Registers the caller's organisation; NIP, REGON and KRS are checked (a wrong digit is 400 naming the field); one per applicant (applicants).")
            .Produces<OrganisationDto>(StatusCodes.Status201Created);
        organisations.MapPut("/mine", (ISender sender, OrganisationBody body, CancellationToken ct) =>
                sender.Send(new UpdateMyOrganisation(body.Name, body.Nip, body.Regon, body.Krs, body.LegalForm, body.Address, body.VoivodeshipTeryt, body.Version), ct))
            .WithName("UpdateMyOrganisation").WithSummary("Changes the caller's organisation; a stale version is 409 (applicants).")
            .Produces<OrganisationDto>();
        organisations.MapGet("/{id:guid}", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetOrganisation(id), ct))
            .WithName("GetOrganisation").WithSummary("Any organisation, read-only (officials and administrators).")
            .Produces<OrganisationDto>();

        var clusters = api.MapGroup("/clusters").WithTags("Clusters");
        clusters.MapGet("/", (ISender sender, [AsParameters] ListClusters query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListClusters").WithSummary("The caller's cluster (applicants) or all clusters filtered by name (officials, administrators), paged.")
            .Produces<PagedResult<ClusterDto>>();
        clusters.MapPost("/", async (ISender sender, ClusterBody body, CancellationToken ct) =>
            {
                var created = await sender.Send(new FoundCluster(body.Name, body.FoundedOn, body.VoivodeshipTeryt, body.KisCodes ?? [], body.KeyEnablingTechnologies, body.Website), ct);
                return Results.Created($"/api/v1/clusters/{created.Id}", created);
            })
            .WithName("FoundCluster").WithSummary("Founds the cluster of the caller's organisation: founding date not in the future, at least one KIS (applicants).")
            .Produces<ClusterDto>(StatusCodes.Status201Created);
        clusters.MapGet("/{id:guid}", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetCluster(id), ct))
            .WithName("GetCluster").WithSummary("One cluster; someone else's is 404 (its coordinator; officials and administrators read any).")
            .Produces<ClusterDto>();
        clusters.MapPut("/{id:guid}", (ISender sender, Guid id, ClusterBody body, CancellationToken ct) =>
                sender.Send(new UpdateCluster(id, body.Name, body.FoundedOn, body.VoivodeshipTeryt, body.KisCodes ?? [], body.KeyEnablingTechnologies, body.Website, body.Version), ct))
            .WithName("UpdateCluster").WithSummary("Changes the caller's cluster; a stale version is 409 (applicants).")
            .Produces<ClusterDto>();

        clusters.MapGet("/{id:guid}/members", (ISender sender, Guid id, string? search, MemberType? type, int? page, int? pageSize, MemberSort? sortBy, bool? descending, CancellationToken ct) =>
                sender.Send(new ListClusterMembers(id, search, type, page ?? 1, pageSize ?? 25, sortBy ?? MemberSort.Name, descending ?? false), ct))
            .WithName("ListClusterMembers").WithSummary("A cluster's members, paged, sorted and filtered by name, NIP or type on the server.")
            .Produces<PagedResult<ClusterMemberDto>>();
        clusters.MapPost("/{id:guid}/members", async (ISender sender, Guid id, MemberBody body, CancellationToken ct) =>
            {
                var created = await sender.Send(new AddClusterMember(id, body.Name, body.Nip, body.Type, body.Size, body.VoivodeshipTeryt, body.JoinedOn, body.Employment), ct);
                return Results.Created($"/api/v1/clusters/{id}/members/{created.Id}", created);
            })
            .WithName("AddClusterMember").WithSummary("Adds one member; a NIP already in the cluster is 409 cluster.member_duplicate_nip (applicants).")
            .Produces<ClusterMemberDto>(StatusCodes.Status201Created);
        clusters.MapPut("/{id:guid}/members/{memberId:guid}", (ISender sender, Guid id, Guid memberId, MemberBody body, CancellationToken ct) =>
                sender.Send(new UpdateClusterMember(id, memberId, body.Name, body.Nip, body.Type, body.Size, body.VoivodeshipTeryt, body.JoinedOn, body.Employment, body.Version), ct))
            .WithName("UpdateClusterMember").WithSummary("Changes one member; a stale version is 409 (applicants).")
            .Produces<ClusterMemberDto>();
        clusters.MapDelete("/{id:guid}/members/{memberId:guid}", async (ISender sender, Guid id, Guid memberId, CancellationToken ct) =>
            {
                await sender.Send(new RemoveClusterMember(id, memberId), ct);
                return Results.NoContent();
            })
            .WithName("RemoveClusterMember").WithSummary("Removes one member (applicants).");

        clusters.MapPost("/{id:guid}/members/import", ImportAsync)
            .WithName("ImportClusterMembers")
            .WithSummary("Imports members from a .csv or .xlsx file (multipart field 'file', at most 10 MB and 10,000 rows; mode=replace|append). "
                + "Any invalid row and nothing is imported: 400 with code cluster.import_rejected and the problems per row (the header is row 1) (applicants).")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MemberImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportRequestBytes));
        clusters.MapGet("/member-import-template", async (ISender sender, string? format, CancellationToken ct) =>
            {
                var template = await sender.Send(new GetMemberImportTemplate(ParseFormat(format)), ct);
                return Results.File(template.Content, template.ContentType, template.FileName);
            })
            .WithName("GetMemberImportTemplate").WithSummary("The member import template in Polish, ?format=xlsx (default) or csv (public).")
            .Produces<FileContentResult>(contentType: "application/octet-stream");
    }

    private static async Task<IResult> ImportAsync(ISender sender, IStringLocalizer<SharedResource> text, Guid id, IFormFile? file, string? mode, CancellationToken ct)
    {
        var importMode = mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "replace" => MemberImportMode.Replace,
            "append" => MemberImportMode.Append,
            _ => throw new ValidationException([new ValidationFailure("mode", "The mode is 'replace' or 'append'.", mode)]),
        };
        if (file is null)
        {
            throw new ValidationException([new ValidationFailure("file", "Send the file as the multipart field 'file'.")]);
        }

        await using var content = file.OpenReadStream();
        var result = await sender.Send(new ImportClusterMembers(id, file.FileName, content, importMode), ct);
        if (result.Succeeded)
        {
            return Results.Ok(result);
        }

        var rows = result.Errors.Select(e => new ImportErrorBody(e.Row, e.Column, e.Code, Describe(text, e), e.Value, e.OtherRow)).ToList();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: text["Clusters.Import.Rejected"],
            detail: string.Format(CultureInfo.CurrentCulture, text["Clusters.Import.RejectedDetail"], result.ErrorCount),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "cluster.import_rejected",
                ["errorCount"] = result.ErrorCount,
                ["rows"] = rows,
            });
    }

    /// <summary>The message of an import problem in the caller's language, by its code; the English text when no translation exists.</summary>
    public static string Describe(IStringLocalizer text, MemberImportError error)
    {
        var localized = text[$"Clusters.ImportError.{error.Code}"];
        return localized.ResourceNotFound
            ? error.Message
            : string.Format(CultureInfo.CurrentCulture, localized.Value, error.Value ?? "", error.OtherRow?.ToString(CultureInfo.CurrentCulture) ?? "");
    }

    private static MemberFileFormat ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => MemberFileFormat.Xlsx,
        "csv" => MemberFileFormat.Csv,
        _ => throw new ValidationException([new ValidationFailure("format", "The format is 'xlsx' or 'csv'.", format)]),
    };
}

public sealed record OrganisationBody(string Name, string Nip, string? Regon, string? Krs, string LegalForm, string Address, string VoivodeshipTeryt, int Version = 0);

public sealed record ClusterBody(
    string Name,
    DateOnly FoundedOn,
    string VoivodeshipTeryt,
    IReadOnlyList<string>? KisCodes,
    IReadOnlyList<string>? KeyEnablingTechnologies,
    string? Website,
    int Version = 0);

public sealed record MemberBody(string Name, string Nip, MemberType Type, EnterpriseSize? Size, string VoivodeshipTeryt, DateOnly JoinedOn, int Employment, int Version = 0);

/// <summary>One problem of a refused import: row as in the file (header = row 1), column header, stable code, message in the caller's language.</summary>
public sealed record ImportErrorBody(int Row, string? Column, string Code, string Message, string? Value, int? OtherRow);
