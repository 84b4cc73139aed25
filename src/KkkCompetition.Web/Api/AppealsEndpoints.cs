using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Competitions;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class AppealsEndpoints
{
    public static void MapAppealsEndpoints(this IEndpointRouteBuilder api)
    {
        var decisions = api.MapGroup("/decisions/{decisionId:guid}").WithTags("Appeals");
        decisions.MapGet("/appeal-form", (ISender sender, Guid decisionId, CancellationToken ct) => sender.Send(new GetAppealForm(decisionId), ct))
            .WithName("GetAppealForm")
            .WithSummary("The appeal form of the caller's decision: whether an appeal is possible now, the last day (Warsaw), the criteria, an appeal already lodged (applicants; another's decision is 404).")
            .Produces<AppealFormView>();
        decisions.MapPost("/appeal", async (ISender sender, Guid decisionId, AppealBody body, CancellationToken ct) =>
            {
                var lodged = await sender.Send(new LodgeAppeal(decisionId, body.Statement ?? "", body.Grounds ?? []), ct);
                return Results.Created($"/api/v1/appeals/{lodged.AppealId}", lodged);
            })
            .WithName("LodgeAppeal")
            .WithSummary("Appeals against the caller's negative decision, pointing at criteria with reasons (applicants; another's decision is 404, an unknown criterion 400 naming grounds[i].criterionCode, "
                + "after the deadline 409 appeal.deadline_passed with the last day, before delivery 409 appeal.decision_not_delivered, twice 409 appeal.already_lodged, a positive decision 409 appeal.decision_positive).")
            .Produces<AppealLodged>(StatusCodes.Status201Created);

        var appeals = api.MapGroup("/appeals").WithTags("Appeals");
        appeals.MapGet("/", (ISender sender, [AsParameters] ListAppeals query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListAppeals")
            .WithSummary("The appeals queue, paged, sorted and filtered by competition and state on the server (officials and commission members).")
            .Produces<PagedResult<AppealRow>>();
        appeals.MapGet("/{appealId:guid}", (ISender sender, Guid appealId, CancellationToken ct) => sender.Send(new GetAppeal(appealId), ct))
            .WithName("GetAppeal")
            .WithSummary("One appeal with its grounds, state and ruling (the applicant his own, 404 otherwise; officials and commission members any, with whether they may rule).")
            .Produces<AppealView>();
        appeals.MapPost("/{appealId:guid}/dismiss", async (ISender sender, Guid appealId, RulingBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new DismissAppeal(appealId, body.Reasons ?? "", body.Version), ct))))
            .WithName("DismissAppeal")
            .WithSummary("Dismisses the appeal with reasons, finally; the applicant is notified (the official, or a commission member where the competition says so: otherwise 409 appeal.ruling_not_yours; ruled already 409 appeal.already_ruled).")
            .Produces<VersionBody>();
        appeals.MapPost("/{appealId:guid}/uphold", async (ISender sender, Guid appealId, RulingBody body, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpholdAppeal(appealId, body.Reasons ?? "", body.Version), ct)))
            .WithName("UpholdAppeal")
            .WithSummary("Upholds the appeal with reasons: the result becomes history and the application is re-evaluated by new experts who never saw it, assigned at once (the answer names them and how many are missing).")
            .Produces<AppealUpheld>();

        var settings = api.MapGroup("/competitions/{competitionId:guid}/appeal-settings").WithTags("Appeals");
        settings.MapGet("/", (ISender sender, Guid competitionId, CancellationToken ct) => sender.Send(new GetAppealSettings(competitionId), ct))
            .WithName("GetAppealSettings")
            .WithSummary("Who rules on the competition's appeals (Official or Commission) and how many experts re-evaluate after an upheld one.")
            .Produces<AppealSettingsView>();
        settings.MapPut("/", async (ISender sender, Guid competitionId, AppealSettingsBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new UpdateAppealSettings(competitionId, body.RuledBy, body.ReEvaluationExperts, body.Version), ct))))
            .WithName("UpdateAppealSettings")
            .WithSummary("Sets who rules on appeals and the re-evaluation experts (1 to 10) (officials).")
            .Produces<VersionBody>();
    }
}

public sealed record AppealBody(string? Statement, IReadOnlyList<AppealGroundInput>? Grounds);

public sealed record RulingBody(string? Reasons, int Version);

public sealed record AppealSettingsBody(AppealRuling RuledBy, int ReEvaluationExperts, int Version);
