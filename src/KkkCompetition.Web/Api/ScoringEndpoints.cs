using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Evaluation;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The scoring sheet of the expert's own assignment, the evaluation progress of a competition, one application's result
/// with the sheets, and the expert panel (officials).
/// </summary>
public static class ScoringEndpoints
{
    public static void MapScoringEndpoints(this IEndpointRouteBuilder api)
    {
        var sheet = api.MapGroup("/assignments/{assignmentId:guid}/sheet").WithTags("Scoring sheets");
        sheet.MapGet("/", (ISender sender, Guid assignmentId, CancellationToken ct) => sender.Send(new GetScoreSheet(assignmentId), ct))
            .WithName("GetScoreSheet")
            .WithSummary("The caller's own scoring sheet: criteria with maximum, point scale, justification length and guidance, the saved values, the gaps and the version (experts; another's is 404; before the declaration 409 evaluation.declaration_required).")
            .Produces<ScoreSheetView>();
        sheet.MapPut("/", async (ISender sender, Guid assignmentId, ScoreSheetBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SaveScoreSheetDraft(assignmentId, body.Scores!, body.OverallOpinion, body.Version), ct)))
            .WithName("SaveScoreSheetDraft")
            .WithSummary("Autosaves the whole sheet as a draft; points outside [0, max] or off the criterion's scale are 409 evaluation.points_invalid, a stale version 409 concurrency.stale_version (experts, own sheet).")
            .Produces<ScoreSheetSaved>();
        sheet.MapPost("/submit", async (ISender sender, Guid assignmentId, SubmitSheetBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SubmitScoreSheet(assignmentId, body.Version), ct)))
            .WithName("SubmitScoreSheet")
            .WithSummary("Submits and locks the sheet (409 evaluation.sheet_incomplete naming what is missing); the last sheet awaited evaluates the application: divergence calls one more expert, otherwise the result is computed (experts, own sheet).")
            .Produces<ScoreSheetSubmitted>();

        api.MapGet("/competitions/{competitionId:guid}/evaluation", (ISender sender, Guid competitionId, EvaluationProgressFilter? filter, string? search,
                    EvaluationProgressSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListEvaluationProgress(competitionId, filter ?? EvaluationProgressFilter.All, search, sortBy ?? EvaluationProgressSort.Number, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithTags("Evaluation")
            .WithName("ListEvaluationProgress")
            .WithSummary("The merit evaluation of a competition's applications: sheets in and expected, divergence, result and pass; filter, search number or cluster, sort, page (officials).")
            .Produces<PagedResult<EvaluationProgressItem>>();

        var result = api.MapGroup("/applications/{applicationId:guid}/evaluation-result").WithTags("Evaluation");
        result.MapGet("/", (ISender sender, Guid applicationId, CancellationToken ct) => sender.Send(new GetEvaluationResult(applicationId), ct))
            .WithName("GetEvaluationResult")
            .WithSummary("One application's evaluation: the sheets with the experts' names, divergence, the result's method and sheets used, per criterion the experts' value with the panel's change beside it, pass or fail with the reasons (officials).")
            .Produces<EvaluationResultView>();
        result.MapPut("/panel/presentation", async (ISender sender, Guid applicationId, PanelPresentationBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SchedulePanelPresentation(applicationId, Required(body.StartsAtWarsaw, "startsAtWarsaw"), body.Place ?? "", body.Version), ct))))
            .WithName("SchedulePanelPresentation")
            .WithSummary("Schedules the cluster's presentation to the panel: Europe/Warsaw local date and time, and the place; 409 evaluation.no_panel when the competition holds none (officials).")
            .Produces<VersionBody>();
        result.MapPut("/panel/criteria/{criterionCode}", async (ISender sender, Guid applicationId, string criterionCode, PanelChangeBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new ChangeCriterionByPanel(applicationId, criterionCode, Required(body.Points, "points"), body.Justification ?? "", body.Version), ct))))
            .WithName("ChangeCriterionByPanel")
            .WithSummary("The panel's change of one criterion's result with a written justification (409 evaluation.panel_justification_required without one); the experts' value stays beside it (officials).")
            .Produces<VersionBody>();
    }

    /// <summary>A value left out of the body is a 400 naming it, never a silent default.</summary>
    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new ValidationException([new ValidationFailure(field, "This value is required.")]);
}

public sealed record ScoreSheetBody(IReadOnlyList<CriterionScoreInput>? Scores, string? OverallOpinion, int Version);

public sealed record SubmitSheetBody(int Version);

public sealed record PanelPresentationBody(DateTime? StartsAtWarsaw, string? Place, int Version);

public sealed record PanelChangeBody(decimal? Points, string? Justification, int Version);
