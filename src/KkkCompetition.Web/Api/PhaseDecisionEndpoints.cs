using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Programme.Evaluation;
using KkkCompetition.Domain.Certification;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The commission's approval of a phase evaluation's decisions (put to the vote, the members' votes, the close with its
/// effects), closing the phase and the next phase's contract.
/// </summary>
public static class PhaseDecisionEndpoints
{
    public static void MapPhaseDecisionEndpoints(this IEndpointRouteBuilder api)
    {
        var phase = api.MapGroup("/programme/phase-evaluations/{id:guid}").WithTags("Phase evaluations");
        phase.MapGet("/commission", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetPhaseCommission(id), ct))
            .WithName("GetPhaseCommission")
            .WithSummary("The commission side of a phase evaluation: its commission, the contracts' evaluations with status, decision and next-phase contract, the votings, the later phases (officials).")
            .Produces<PhaseCommissionView>();
        phase.MapPost("/votings", async (ISender sender, Guid id, CancellationToken ct) =>
            {
                var opened = await sender.Send(new PutPhaseDecisionsToCommission(id), ct);
                return Results.Created($"/api/v1/programme/phase-decision-votings/{opened.VotingId}", opened);
            })
            .WithName("PutPhaseDecisionsToCommission")
            .WithSummary("Puts every decided evaluation to the commission's vote and tells its members (officials; nothing decided is 409 phase_evaluation.nothing_decided, "
                + "no members commission.no_members, another voting open commission.voting_already_open, a closed evaluation phase_evaluation.closed).")
            .Produces<OpenedPhaseDecisionVoting>(StatusCodes.Status201Created);
        phase.MapPost("/close", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new ClosePhaseEvaluation(id), ct))
            .WithName("ClosePhaseEvaluation")
            .WithSummary("Closes the phase's evaluation (officials; a contract without an approved decision is 409 phase_evaluation.undecided_contracts).")
            .Produces<PhaseEvaluationClosed>();

        var votings = api.MapGroup("/programme/phase-decision-votings/{id:guid}").WithTags("Phase evaluations");
        votings.MapGet("/", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetPhaseDecisionVoting(id), ct))
            .WithName("GetPhaseDecisionVoting")
            .WithSummary("A voting on phase decisions: per decision the evaluation's summary, the tally and the votes missing for the quorum, the outcome once closed "
                + "(officials; members of its commission, with their own votes and conflicts).")
            .Produces<PhaseDecisionVotingView>();
        votings.MapPost("/votes", (ISender sender, Guid id, PhaseDecisionVoteBody body, CancellationToken ct) =>
                sender.Send(new CastPhaseDecisionVote(id, body.EvaluationId, body.Choice, body.Comment), ct))
            .WithName("CastPhaseDecisionVote")
            .WithSummary("A member's vote on one decision: For, Against or Abstain with a comment (commission members; twice is 409 commission.already_voted, "
                + "a member of the cluster's coordinator or members commission.conflict_of_interest, closed commission.voting_closed).")
            .Produces<PhaseDecisionVoteResult>();
        votings.MapPost("/close", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new ClosePhaseDecisionVoting(id), ct))
            .WithName("ClosePhaseDecisionVoting")
            .WithSummary("Closes the voting: the majority approves each decision, an approved Terminate ends the KKK status at the phase's end, a refused decision goes back "
                + "to the official; coordinators and officials are told (officials; no quorum on a decision is 409 commission.no_quorum).")
            .Produces<PhaseDecisionVotingClosed>();

        api.MapPost("/programme/contract-evaluations/{id:guid}/next-phase-contract", async (ISender sender, Guid id, NextPhaseContractBody body, CancellationToken ct) =>
            {
                var drafted = await sender.Send(new DraftNextPhaseContract(id, body.NextPhaseId), ct);
                return Results.Created($"/api/v1/contracts/{drafted.Id}", drafted);
            })
            .WithTags("Phase evaluations")
            .WithName("DraftNextPhaseContract")
            .WithSummary("Drafts the next phase's contract pre-filled from the evaluated one (KPIs, weights, baselines from the last actuals) and prolongs the KKK status "
                + "(officials; a decision not approved Continue or Conditional is 409 contract.next_phase_not_allowed, a phase not after contract.not_next_phase, "
                + "a contract already in it contract.already_exists).")
            .Produces<DraftedContract>(StatusCodes.Status201Created);

        api.MapGet("/me/phase-decision-votes", (ISender sender, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListMyPhaseDecisionVotes(includeClosed ?? false, page ?? 1, pageSize ?? 50), ct))
            .WithTags("Phase evaluations")
            .WithName("ListMyPhaseDecisionVotes")
            .WithSummary("The caller's decisions to vote on, open votings first, paged (commission members).")
            .Produces<PagedResult<MyPhaseDecisionVote>>();
    }
}

public sealed record PhaseDecisionVoteBody(Guid EvaluationId, VoteChoice Choice, string? Comment);

public sealed record NextPhaseContractBody(Guid NextPhaseId);
