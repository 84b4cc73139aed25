using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Assignment;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The assignment of experts: the official's run, board, manual decisions and releases under a competition, and the
/// expert's own assignments with the declaration of impartiality and the conflict of interest.
/// </summary>
public static class AssignmentEndpoints
{
    public static void MapAssignmentEndpoints(this IEndpointRouteBuilder api)
    {
        var competition = api.MapGroup("/competitions/{competitionId:guid}/assignments").WithTags("Assignment");
        competition.MapGet("/", (ISender sender, Guid competitionId, AssignmentBoardFilter? filter, string? search, AssignmentBoardSort? sortBy, bool? descending,
                    int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new GetAssignmentBoard(competitionId, filter ?? AssignmentBoardFilter.All, search, sortBy ?? AssignmentBoardSort.Number, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("GetAssignmentBoard")
            .WithSummary("The assignment board: per application its experts with status, reasons (KIS match, region, load), deadline and overdue flag, the pins and prohibitions, and the totals; filter (understaffed, overdue, complete), search, sort, page (officials).")
            .Produces<AssignmentBoard>();
        competition.MapPost("/runs", (ISender sender, Guid competitionId, CancellationToken ct) => sender.Send(new RunAssignment(competitionId), ct))
            .WithName("RunAssignment")
            .WithSummary("Runs the assignment for the whole competition: every formally accepted application gets its missing experts by the min-cost flow; answers the new pairs with their reasons, the shortfalls with theirs, and the pins not honoured (officials).")
            .Produces<AssignmentRunSummary>();
        competition.MapPost("/", async (ISender sender, Guid competitionId, PairBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new AssignManually(competitionId, body.ApplicationId ?? Guid.Empty, body.ExpertId ?? Guid.Empty), ct)))
            .WithName("AssignManually")
            .WithSummary("Assigns an expert of the official's choice; a broken rule is 409 naming it (assignment.conflict_of_interest with the nip, assignment.over_capacity, assignment.seen_before, …) (officials).")
            .Produces<ManualAssignment>();
        competition.MapGet("/overdue", (ISender sender, Guid competitionId, OverdueSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListOverdueAssignments(competitionId, sortBy ?? OverdueSort.Deadline, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListOverdueAssignments")
            .WithSummary("The assignments past their deadline without a submitted sheet, with days overdue; sort and page (officials).")
            .Produces<PagedResult<OverdueAssignment>>();
        competition.MapGet("/applications/{applicationId:guid}/candidates", (ISender sender, Guid competitionId, Guid applicationId, string? search, bool? onlyEligible,
                    int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListAssignmentCandidates(competitionId, applicationId, search, onlyEligible ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListAssignmentCandidates")
            .WithSummary("The experts of the pool as candidates for one application: shared KIS codes, region, load, and what would stop each (obstacle code, conflicting NIP) (officials).")
            .Produces<PagedResult<AssignmentCandidate>>();
        competition.MapPost("/pins", async (ISender sender, Guid competitionId, PairDecisionBody body, CancellationToken ct) =>
                Results.Ok(new OverrideCreated(await sender.Send(new PinPair(competitionId, body.ApplicationId ?? Guid.Empty, body.ExpertId ?? Guid.Empty, body.Reason ?? ""), ct))))
            .WithName("PinPair")
            .WithSummary("Pins an expert to an application for the next runs, with a reason; the hard rules are checked now (409 naming the one broken) (officials).")
            .Produces<OverrideCreated>();
        competition.MapPost("/prohibitions", async (ISender sender, Guid competitionId, PairDecisionBody body, CancellationToken ct) =>
                Results.Ok(new OverrideCreated(await sender.Send(new ForbidPair(competitionId, body.ApplicationId ?? Guid.Empty, body.ExpertId ?? Guid.Empty, body.Reason ?? ""), ct))))
            .WithName("ForbidPair")
            .WithSummary("Forbids an expert–application pair for every later run, with a reason; an assigned pair is 409 assignment.pair_active (release it first) (officials).")
            .Produces<OverrideCreated>();
        competition.MapDelete("/overrides/{overrideId:guid}", async (ISender sender, Guid competitionId, Guid overrideId, CancellationToken ct) =>
            {
                await sender.Send(new RemoveOverride(competitionId, overrideId), ct);
                return Results.NoContent();
            })
            .WithName("RemoveOverride")
            .WithSummary("Withdraws a pin or a prohibition (officials).")
            .Produces(StatusCodes.Status204NoContent);

        var assignments = api.MapGroup("/assignments/{assignmentId:guid}").WithTags("Assignment");
        assignments.MapPost("/release", async (ISender sender, Guid assignmentId, ReasonBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ReleaseAssignment(assignmentId, body.Reason ?? "", body.Version), ct)))
            .WithName("ReleaseAssignment")
            .WithSummary("Takes an assignment back before its sheet is submitted, with a reason; the expert is told and a replacement is assigned in the same step (officials).")
            .Produces<ReleaseOutcome>();
        assignments.MapGet("/application", (ISender sender, Guid assignmentId, CancellationToken ct) => sender.Send(new GetAssignedApplication(assignmentId), ct))
            .WithName("GetAssignedApplication")
            .WithSummary("The caller's assignment with the application: the summary only before the declaration of impartiality, the content after it (experts, own assignment; anyone else's is 404).")
            .Produces<AssignedApplicationView>();
        assignments.MapGet("/attachments/{attachmentId:guid}", DownloadAttachmentAsync)
            .WithName("DownloadAssignedAttachment")
            .WithSummary("A file of the assigned application as submitted or last corrected (its snapshot), under its name and type (experts, own assignment after the declaration of impartiality; before it, after a conflict or release, or anyone else's is 404).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        assignments.MapPost("/declaration", async (ISender sender, Guid assignmentId, VersionBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SignDeclaration(assignmentId, body.Version), ct)))
            .WithName("SignDeclaration")
            .WithSummary("Signs the declaration of impartiality; its time is recorded and the application's content becomes visible (experts, own assignment).")
            .Produces<DeclarationSigned>();
        assignments.MapPost("/conflict", async (ISender sender, Guid assignmentId, ReasonBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new DeclareConflict(assignmentId, body.Reason ?? "", body.Version), ct)))
            .WithName("DeclareConflict")
            .WithSummary("Declares a conflict of interest with a reason: the assignment is released and a replacement assigned in the same step (experts, own assignment).")
            .Produces<ConflictDeclared>();

        api.MapGet("/me/assignments", (ISender sender, bool? onlyOpen, MyAssignmentSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new MyAssignments(onlyOpen ?? false, sortBy ?? MyAssignmentSort.Deadline, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithTags("Assignment")
            .WithName("MyAssignments")
            .WithSummary("The caller's assignments as an expert with status and deadline; only the open ones on request; sort and page (experts).")
            .Produces<PagedResult<MyAssignmentItem>>();
    }

    /// <summary>The same download for the signed-in browser (cookie; the API under /api takes bearer tokens only): the files are plain links on the expert's page.</summary>
    public static void MapAssignmentFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(AssignmentLinks.FilesPrefix)
            .RequireAuthorization()
            .ExcludeFromDescription();
        files.MapGet("/{assignmentId:guid}/attachments/{attachmentId:guid}", DownloadAttachmentAsync);
    }

    private static async Task<IResult> DownloadAttachmentAsync(ISender sender, Guid assignmentId, Guid attachmentId, CancellationToken ct)
    {
        var file = await sender.Send(new DownloadAssignedAttachment(assignmentId, attachmentId), ct);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>An expert and an application; a missing id is a 400 naming it.</summary>
public sealed record PairBody(Guid? ApplicationId, Guid? ExpertId);

public sealed record PairDecisionBody(Guid? ApplicationId, Guid? ExpertId, string? Reason);

public sealed record OverrideCreated(Guid OverrideId);

public sealed record ReasonBody(string? Reason, int Version);
