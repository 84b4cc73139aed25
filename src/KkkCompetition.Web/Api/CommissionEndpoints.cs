using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Certification;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// The commission (domain guide, section 4): its members per competition, the recommendation list put to the vote, the
/// members' votes, the close with its resolution; the anonymised summary card for the members under /files (cookie).
/// </summary>
public static class CommissionEndpoints
{
    public static void MapCommissionEndpoints(this IEndpointRouteBuilder api, IEndpointRouteBuilder root)
    {
        var competitions = api.MapGroup("/competitions/{competitionId:guid}/commission").WithTags("Commission");
        competitions.MapGet("/members", (ISender sender, Guid competitionId, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListCommissionMembers(competitionId, page ?? 1, pageSize ?? 50), ct))
            .WithName("ListCommissionMembers")
            .WithSummary("The commission of a competition: ministry and regional representatives with their organisations' NIPs, and whether a voting is open (officials).")
            .Produces<CommissionMembersView>();
        competitions.MapPost("/members", async (ISender sender, Guid competitionId, CommissionMemberBody body, CancellationToken ct) =>
            {
                var member = await sender.Send(new AddCommissionMember(competitionId, body.Email, body.FullName, body.Side, body.VoivodeshipTeryt, body.AffiliationNips ?? []), ct);
                return Results.Created($"/api/v1/commission-members/{member.Id}", member);
            })
            .WithName("AddCommissionMember")
            .WithSummary("Appoints the person with this e-mail's account to the commission and grants the commission member's role; no account is 409 commission.account_not_found, "
                + "twice commission.member_exists, while a voting is open commission.voting_open; a wrong NIP is 400 naming affiliationNips[i] (officials).")
            .Produces<CommissionMemberDto>(StatusCodes.Status201Created);
        competitions.MapGet("/votings", (ISender sender, Guid competitionId, CancellationToken ct) => sender.Send(new ListCompetitionVotings(competitionId), ct))
            .WithName("ListCompetitionVotings")
            .WithSummary("The commission's votings of a competition, newest first, with their resolutions (officials).")
            .Produces<IReadOnlyList<VotingListItem>>();
        competitions.MapPost("/votings", async (ISender sender, Guid competitionId, CancellationToken ct) =>
            {
                var voting = await sender.Send(new SubmitRecommendationList(competitionId), ct);
                return Results.Created($"/api/v1/votings/{voting.Id}", voting);
            })
            .WithName("SubmitRecommendationList")
            .WithSummary("Puts every evaluated application before the commission in ranking order and notifies the members; none evaluated is 409 commission.nothing_evaluated, "
                + "no members commission.no_members, a voting already open commission.voting_already_open (officials).")
            .Produces<VotingSummary>(StatusCodes.Status201Created);

        api.MapDelete("/commission-members/{memberId:guid}", async (ISender sender, Guid memberId, int version, CancellationToken ct) =>
            {
                await sender.Send(new RemoveCommissionMember(memberId, version), ct);
                return Results.NoContent();
            })
            .WithTags("Commission")
            .WithName("RemoveCommissionMember")
            .WithSummary("Removes a member (?version=); while a voting is open 409 commission.voting_open, a member who has voted commission.member_has_voted (officials).")
            .Produces(StatusCodes.Status204NoContent);

        var votings = api.MapGroup("/votings").WithTags("Commission");
        votings.MapGet("/{votingId:guid}", (ISender sender, Guid votingId, CancellationToken ct) => sender.Send(new GetVotingProgress(votingId), ct))
            .WithName("GetVotingProgress")
            .WithSummary("The progress of a voting: per application votes cast, quorum, for/against/abstain and the members conflicted on it (officials).")
            .Produces<VotingProgressView>();
        votings.MapPost("/{votingId:guid}/votes", (ISender sender, Guid votingId, VoteBody body, CancellationToken ct) =>
                sender.Send(new CastVote(votingId, body.ApplicationId, body.Choice, body.Comment), ct))
            .WithName("CastVote")
            .WithSummary("A member's vote on one application: For, Against or Abstain with an optional comment; twice is 409 commission.already_voted, a conflict of interest "
                + "commission.conflict_of_interest, a closed voting commission.voting_closed; not a member of the competition's commission is 404 (commission members).")
            .Produces<CastVoteResult>();
        votings.MapPost("/{votingId:guid}/close", (ISender sender, Guid votingId, VersionBody body, CancellationToken ct) =>
                sender.Send(new CloseVoting(votingId, body.Version), ct))
            .WithName("CloseVoting")
            .WithSummary("Closes the voting and records the resolution with each application's decision and, for positive ones, the KKK status; an application without quorum "
                + "is 409 commission.no_quorum naming the missing votes, and nothing changes (officials).")
            .Produces<ResolutionDto>();

        api.MapGet("/me/votes", (ISender sender, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new GetMyVotes(includeClosed ?? false, page ?? 1, pageSize ?? 50), ct))
            .WithTags("Commission")
            .WithName("GetMyVotes")
            .WithSummary("The caller's votings: each application's summary card, the caller's own vote and any conflict; the counts only once a voting is closed (commission members).")
            .Produces<PagedResult<MyVoteCard>>();

        var resolutions = api.MapGroup("/resolutions").WithTags("Commission");
        resolutions.MapGet("/", (ISender sender, Guid? competitionId, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListResolutions(competitionId, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListResolutions")
            .WithSummary("The commission's resolutions, newest first, optionally of one competition (officials).")
            .Produces<PagedResult<ResolutionListItem>>();
        resolutions.MapGet("/{resolutionId:guid}", (ISender sender, Guid resolutionId, CancellationToken ct) => sender.Send(new GetResolution(resolutionId), ct))
            .WithName("GetResolution")
            .WithSummary("One resolution: number, date, the commission's size and each application's outcome, vote counts, decision and certificate number (officials).")
            .Produces<ResolutionDto>();
        api.MapGet("/votings/{votingId:guid}/applications/{applicationId:guid}/evaluation-card.pdf", async (ISender sender, Guid votingId, Guid applicationId, CancellationToken ct) =>
                File(await sender.Send(new GetVotingEvaluationCardPdf(votingId, applicationId), ct)))
            .WithTags("Commission")
            .WithName("GetVotingEvaluationCardPdf")
            .WithSummary("The anonymised summary card of an application on the voting, as PDF (commission members of the competition).")
            .Produces(StatusCodes.Status200OK, contentType: GetEvaluationCardPdfHandler.PdfContentType);

        root.MapGroup(RankingLinks.FilesPrefix).RequireAuthorization().ExcludeFromDescription()
            .MapGet("/votings/{votingId:guid}/applications/{applicationId:guid}/evaluation-card.pdf", async (ISender sender, Guid votingId, Guid applicationId, CancellationToken ct) =>
                File(await sender.Send(new GetVotingEvaluationCardPdf(votingId, applicationId), ct)));
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

public sealed record CommissionMemberBody(string Email, string FullName, CommissionSide Side, string? VoivodeshipTeryt, IReadOnlyList<string>? AffiliationNips);

public sealed record VoteBody(Guid ApplicationId, VoteChoice Choice, string? Comment);
