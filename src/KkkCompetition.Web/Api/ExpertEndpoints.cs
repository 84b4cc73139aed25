using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Evaluation;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>The expert pool (officials), the expert's own profile, and the invitation link (anyone holding it).</summary>
public static class ExpertEndpoints
{
    public static void MapExpertEndpoints(this IEndpointRouteBuilder api)
    {
        var experts = api.MapGroup("/experts").WithTags("Experts");
        experts.MapGet("/", (ISender sender, [AsParameters] ListExperts query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListExperts")
            .WithSummary("The expert pool, paged and sorted (Name, Email, Status, Voivodeship, MaxLoad, InvitedAt), filtered by name or e-mail, status, KIS code, voivodeship and availability (officials).")
            .Produces<PagedResult<ExpertListItem>>();
        experts.MapPost("/", async (ISender sender, InviteExpertBody body, CancellationToken ct) =>
            {
                var invited = await sender.Send(new InviteExpert(body.Email, body.FullName, body.Language ?? "pl"), ct);
                return Results.Created($"/api/v1/experts/{invited.Id}", invited);
            })
            .WithName("InviteExpert")
            .WithSummary("Invites a person by e-mail (a one-time link valid 14 days, sent through the outbox); an address already in the pool is 409 expert.email_taken with expertId (officials).")
            .Produces<ExpertDto>(StatusCodes.Status201Created);
        experts.MapGet("/{id:guid}", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetExpert(id), ct))
            .WithName("GetExpert").WithSummary("One expert with the whole profile (officials; an expert only his own — anyone else's is 404).")
            .Produces<ExpertDto>();
        experts.MapPut("/{id:guid}/profile", (ISender sender, Guid id, ExpertProfileBody body, CancellationToken ct) =>
                sender.Send(new UpdateExpertProfile(id, body.FullName, body.VoivodeshipTeryt, body.KisCodes ?? [], body.MaxLoadPerCompetition, body.Available, body.Affiliations ?? [], body.Version), ct))
            .WithName("UpdateExpertProfile")
            .WithSummary("Changes an expert's profile; a wrong affiliation NIP is 400 naming affiliations[i].nip, a stale version 409 (officials; an expert only his own).")
            .Produces<ExpertDto>();
        experts.MapPost("/{id:guid}/invitation", (ISender sender, Guid id, ReinviteExpertBody body, CancellationToken ct) =>
                sender.Send(new ReinviteExpert(id, body.Version, body.Language ?? "pl"), ct))
            .WithName("ReinviteExpert").WithSummary("Sends a new invitation link to an expert who has not joined; the old link stops working (officials).")
            .Produces<ExpertDto>();
        experts.MapPost("/{id:guid}/deactivation", (ISender sender, Guid id, VersionBody body, CancellationToken ct) =>
                sender.Send(new DeactivateExpert(id, body.Version), ct))
            .WithName("DeactivateExpert").WithSummary("Takes an expert out of the pool (no new assignments, history kept); twice is 409 expert.already_inactive (officials).")
            .Produces<ExpertDto>();
        experts.MapPost("/{id:guid}/reactivation", (ISender sender, Guid id, VersionBody body, CancellationToken ct) =>
                sender.Send(new ReactivateExpert(id, body.Version), ct))
            .WithName("ReactivateExpert").WithSummary("Puts an expert back into the pool; one already in it is 409 expert.not_inactive (officials).")
            .Produces<ExpertDto>();

        var me = api.MapGroup("/me").WithTags("Experts");
        me.MapGet("/expert-profile", (ISender sender, CancellationToken ct) => sender.Send(new GetMyExpertProfile(), ct))
            .WithName("GetMyExpertProfile").WithSummary("The caller's own pool entry and profile; 404 when the account is not in the pool (experts).")
            .Produces<ExpertDto>();
        me.MapPut("/expert-profile", (ISender sender, ExpertProfileBody body, CancellationToken ct) =>
                sender.Send(new UpdateMyExpertProfile(body.FullName, body.VoivodeshipTeryt, body.KisCodes ?? [], body.MaxLoadPerCompetition, body.Available, body.Affiliations ?? [], body.Version), ct))
            .WithName("UpdateMyExpertProfile")
            .WithSummary("Changes the caller's own profile: KIS codes and voivodeship from the dictionaries, maximum load 1–100, affiliations with valid NIPs (400 names the field); a stale version is 409 (experts).")
            .Produces<ExpertDto>();

        var invitations = api.MapGroup("/expert-invitations").WithTags("Experts");
        invitations.MapGet("/{token}", (ISender sender, string token, CancellationToken ct) => sender.Send(new GetExpertInvitation(token), ct))
            .WithName("GetExpertInvitation")
            .WithSummary("Who an invitation link is for and until when it works; a wrong or used link is 409 expert.invitation_invalid, an expired one expert.invitation_expired (public).")
            .Produces<ExpertInvitationDto>();
        invitations.MapPost("/acceptance", (ISender sender, AcceptInvitationBody body, CancellationToken ct) =>
                sender.Send(new AcceptExpertInvitation(body.Token, body.Password, body.Language ?? "pl"), ct))
            .WithName("AcceptExpertInvitation")
            .WithSummary("Accepts an invitation: a signed-in caller's account joins the pool; otherwise an account is created with the invited address and the password (400 names password). The account gets the Expert role (public).")
            .Produces<AcceptedExpertInvitation>();
    }
}

public sealed record InviteExpertBody(string Email, string FullName, string? Language);

public sealed record ReinviteExpertBody(int Version, string? Language);

public sealed record AcceptInvitationBody(string Token, string? Password, string? Language);

public sealed record ExpertProfileBody(
    string FullName,
    string VoivodeshipTeryt,
    IReadOnlyList<string>? KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation>? Affiliations,
    int Version);
