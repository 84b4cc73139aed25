using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Programme;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The phase evaluation up to the official's decision: opening it for a phase, the board, the evaluators' and the
/// coordinators' lists, one contract's evaluation, refreshing its quantitative part, assigning the evaluator, the
/// qualitative scores and the decision.
/// </summary>
public static class PhaseEvaluationEndpoints
{
    public static void MapPhaseEvaluationEndpoints(this IEndpointRouteBuilder api)
    {
        var phases = api.MapGroup("/programme/phase-evaluations").WithTags("Phase evaluations");
        phases.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListPhaseEvaluations(), ct))
            .WithName("ListPhaseEvaluations")
            .WithSummary("Every phase evaluation, newest phase first, with the phase's number and dates, its status and how many contracts are evaluated, scored and approved (officials).")
            .Produces<IReadOnlyList<PhaseEvaluationRow>>();
        phases.MapPost("/", async (ISender sender, OpenPhaseEvaluation command, CancellationToken ct) =>
            {
                var opened = await sender.Send(command, ct);
                return Results.Created($"/api/v1/programme/phase-evaluations/{opened.PhaseEvaluationId}/contracts", opened);
            })
            .WithName("OpenPhaseEvaluation")
            .WithSummary("Opens the evaluation of a phase with the commission's competition, the qualitative criteria (the four defaults when left out) and the quantitative part's share (50% when left out); "
                + "every Active or Suspended contract of the phase gets its evaluation and its coordinator is notified (officials). Refusals: 404 for an unknown phase or competition, "
                + "409 phase_evaluation.too_early (before the programme's evaluation lead days), phase_evaluation.already_open, phase_evaluation.criteria_count, phase_evaluation.criterion_scale_invalid, phase_evaluation.weight_out_of_range; 400 naming criteria[i].code or names.")
            .Produces<PhaseEvaluationOpened>(StatusCodes.Status201Created);
        phases.MapGet("/{phaseEvaluationId:guid}/contracts", (ISender sender, Guid phaseEvaluationId, string? search, ContractEvaluationStatus? status, PhaseDecision? decision,
                ContractEvaluationSort? sortBy, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new GetPhaseEvaluationBoard(phaseEvaluationId, search, status, decision, sortBy ?? ContractEvaluationSort.ContractNumber, descending ?? false, page ?? 1, pageSize ?? 25), ct))
            .WithName("GetPhaseEvaluationBoard")
            .WithSummary("The board of a phase evaluation: criteria, weight, commission, progress by status and decision, whether it can close, and its contracts' evaluations (quantitative %, missing reports, qualitative %, overall % with its colour, evaluator, status, decision) "
                + "searched by contract number or cluster, filtered by status and decision, sorted and paged on the server (officials).")
            .Produces<PhaseEvaluationBoard>();
        phases.MapGet("/evaluators", (ISender sender, CancellationToken ct) => sender.Send(new ListEvaluatorCandidates(), ct))
            .WithName("ListEvaluatorCandidates")
            .WithSummary("The users who may be assigned to score the qualitative part: holders of the Expert or Official role (officials).")
            .Produces<IReadOnlyList<EvaluatorCandidate>>();

        var evaluations = api.MapGroup("/programme/contract-evaluations").WithTags("Phase evaluations");
        evaluations.MapGet("/{evaluationId:guid}", (ISender sender, Guid evaluationId, CancellationToken ct) => sender.Send(new GetContractEvaluation(evaluationId), ct))
            .WithName("GetContractEvaluation")
            .WithSummary("One contract's evaluation: the quantitative part with the KPI rows and the missing reports, the criteria and scores, the ratings, the evaluator, the decision and what the caller may do "
                + "(officials; the assigned evaluator; the coordinator his or her own, the qualitative part and the decision only once approved; anyone else's is 404).")
            .Produces<ContractEvaluationView>();
        evaluations.MapPost("/{evaluationId:guid}/quantitative", async (ISender sender, Guid evaluationId, CancellationToken ct) =>
                new VersionBody(await sender.Send(new RefreshPhaseQuantitative(evaluationId), ct)))
            .WithName("RefreshPhaseQuantitative")
            .WithSummary("Computes the quantitative part again from the reports accepted by now (officials); after the decision 409 phase_evaluation.decision_made.")
            .Produces<VersionBody>();
        evaluations.MapPut("/{evaluationId:guid}/evaluator", async (ISender sender, Guid evaluationId, PhaseEvaluatorBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new AssignPhaseEvaluator(evaluationId, body.UserId, body.Version), ct)))
            .WithName("AssignPhaseEvaluator")
            .WithSummary("Assigns the expert or official who scores the qualitative part; the evaluator is notified (officials). A user without the Expert or Official role is 409 phase_evaluation.evaluator_not_eligible, "
                + "once submitted 409 phase_evaluation.already_scored, a stale version 409 concurrency.stale_version.")
            .Produces<VersionBody>();
        evaluations.MapPut("/{evaluationId:guid}/scores", async (ISender sender, Guid evaluationId, QualitativeScoresBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new SaveQualitativeScores(evaluationId, body.Scores!, body.Submit, body.Version), ct)))
            .WithName("SaveQualitativeScores")
            .WithSummary("Saves the qualitative scores as a draft or submits them (the assigned evaluator only; anyone else 404). A score outside 0 to the criterion's maximum is 409 phase_evaluation.score_out_of_range; "
                + "on submit 409 phase_evaluation.scores_incomplete or phase_evaluation.score_justification_required; 400 naming scores[i].criterionCode.")
            .Produces<VersionBody>();
        evaluations.MapPut("/{evaluationId:guid}/decision", async (ISender sender, Guid evaluationId, PhaseDecisionBody body, CancellationToken ct) =>
                new VersionBody(await sender.Send(new DecidePhaseEvaluation(evaluationId, body.Decision, body.Justification, body.RemediationItems, body.ReviewOn, body.Version), ct)))
            .WithName("DecidePhaseEvaluation")
            .WithSummary("The official's decision: Continue, Conditional (remediation items and a review date after today) or Terminate, with a justification; it takes effect once the commission approves it (officials). "
                + "Refusals: 409 phase_evaluation.not_scored, phase_evaluation.decision_justification_required, phase_evaluation.remediation_plan_required, phase_evaluation.review_date_invalid, phase_evaluation.decision_final.")
            .Produces<VersionBody>();

        api.MapGet("/me/phase-evaluations", (ISender sender, int? page, int? pageSize, CancellationToken ct) => sender.Send(new ListMyPhaseEvaluations(page ?? 1, pageSize ?? 25), ct))
            .WithTags("Phase evaluations")
            .WithName("ListMyPhaseEvaluations")
            .WithSummary("The contract evaluations assigned to the caller to score, those awaiting scores first; paged (experts and officials).")
            .Produces<PagedResult<ContractEvaluationRow>>();
        api.MapGet("/me/contract-evaluations", (ISender sender, int? page, int? pageSize, CancellationToken ct) => sender.Send(new ListMyContractEvaluations(page ?? 1, pageSize ?? 25), ct))
            .WithTags("Phase evaluations")
            .WithName("ListMyContractEvaluations")
            .WithSummary("The evaluations of the caller's clusters' contracts with their status; the overall rating and the decision only once approved by the commission; paged (applicants).")
            .Produces<PagedResult<MyContractEvaluationRow>>();
    }
}

public sealed record PhaseEvaluatorBody(Guid UserId, int Version);

public sealed record QualitativeScoresBody(IReadOnlyList<QualitativeScore>? Scores, bool Submit, int Version);

public sealed record PhaseDecisionBody(PhaseDecision Decision, string? Justification, IReadOnlyList<string>? RemediationItems, DateOnly? ReviewOn, int Version);
