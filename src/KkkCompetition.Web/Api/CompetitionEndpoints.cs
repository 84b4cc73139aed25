using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Competitions;
using Mediator;

namespace KkkCompetition.Web.Api;

public static class CompetitionEndpoints
{
    /// <summary>A DELETE without <c>?version=</c>: the validator refuses it with 400 naming <c>version</c>.</summary>
    private const int MissingVersion = -1;

    public static void MapCompetitionEndpoints(this IEndpointRouteBuilder api)
    {
        var competitions = api.MapGroup("/competitions").WithTags("Competitions");

        competitions.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListPublicCompetitions(), ct))
            .WithName("ListPublicCompetitions").WithSummary("Announced and open competitions with their eligibility rules and criteria (public).")
            .Produces<IReadOnlyList<PublicCompetitionDto>>();
        competitions.MapGet("/{id:guid}", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetPublicCompetition(id), ct))
            .WithName("GetPublicCompetition").WithSummary("One competition's announced terms (public); a draft is 404.")
            .Produces<PublicCompetitionDto>().ProducesProblem(StatusCodes.Status404NotFound);

        competitions.MapPost("/", async (ISender sender, CreateCompetition command, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return Results.Created($"/api/v1/competitions/{created.Id}/setup", created);
            })
            .WithName("CreateCompetition").WithSummary("Creates a draft competition from the default criteria template; a third round in a year is 409 (officials).")
            .Produces<CompetitionCreated>(StatusCodes.Status201Created);
        competitions.MapGet("/setup", (ISender sender, [AsParameters] ListCompetitions query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListCompetitions").WithSummary("All competitions, paged, sorted and filtered by status (as the clock gives it) and year (officials).")
            .Produces<PagedResult<CompetitionListItemDto>>();
        competitions.MapGet("/{id:guid}/setup", (ISender sender, Guid id, CancellationToken ct) => sender.Send(new GetCompetition(id), ct))
            .WithName("GetCompetition").WithSummary("A competition with its timeline, settings, eligibility rules and criteria (officials).")
            .Produces<CompetitionDetailsDto>();

        competitions.MapPut("/{id:guid}/timeline", async (ISender sender, Guid id, TimelineBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(
                    new UpdateCompetitionTimeline(id, body.AnnouncementAt, body.OpensAt, body.ClosesAt, body.FormalReviewDeadline, body.EvaluationDeadline, body.PanelAt, body.DecisionAt, body.Version), ct))))
            .WithName("UpdateCompetitionTimeline").WithSummary("Replaces a draft's timeline; dates out of order are 400, an announced competition 409 (officials).");
        competitions.MapPut("/{id:guid}/settings", async (ISender sender, Guid id, SettingsBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(
                    new UpdateCompetitionSettings(id, body.Name, body.PassThreshold, body.ExpertsPerApplication, body.DivergenceThresholdPercent, body.HoldsPanel,
                        body.CorrectionWindowDays, body.AppealWindowDays, body.StatusValidityYears, body.ScoringWindowDays, body.TieBreakOrder ?? [], body.Version), ct))))
            .WithName("UpdateCompetitionSettings").WithSummary("Changes a draft's name, pass threshold, settings and tie-break order (officials).");
        competitions.MapPut("/{id:guid}/eligibility", async (ISender sender, Guid id, EligibilityThresholdsBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new UpdateEligibilityThresholds(id, body.MinimumClusterAgeYears, body.MinimumMembers, body.Version), ct))))
            .WithName("UpdateEligibilityThresholds").WithSummary("Sets a draft's minimum cluster age (years) and minimum number of members (officials).");
        competitions.MapPost("/{id:guid}/eligibility-rules", async (ISender sender, Guid id, EligibilityRuleBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new AddEligibilityRule(id, body.Code, body.NamePl, body.NameEn, body.Version), ct))))
            .WithName("AddEligibilityRule").WithSummary("Adds an eligibility rule of the official's own (not pre-checked) to a draft (officials).");
        competitions.MapDelete("/{id:guid}/eligibility-rules/{code}", async (ISender sender, Guid id, string code, int? version, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RemoveEligibilityRule(id, code, version ?? MissingVersion), ct))))
            .WithName("RemoveEligibilityRule").WithSummary("Removes a rule added for a draft; the rules of the regulations stay (409) (officials).");

        competitions.MapPost("/{id:guid}/criteria", async (ISender sender, Guid id, CriterionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(body.ToAdd(id), ct))))
            .WithName("AddCompetitionCriterion").WithSummary("Adds a merit criterion to a draft (officials).");
        competitions.MapPut("/{id:guid}/criteria/{code}", async (ISender sender, Guid id, string code, CriterionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(body.ToUpdate(id, code), ct))))
            .WithName("UpdateCompetitionCriterion").WithSummary("Changes a merit criterion of a draft; its code stays (officials).");
        competitions.MapDelete("/{id:guid}/criteria/{code}", async (ISender sender, Guid id, string code, int? version, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RemoveCompetitionCriterion(id, code, version ?? MissingVersion), ct))))
            .WithName("RemoveCompetitionCriterion").WithSummary("Removes a merit criterion from a draft (officials).");

        competitions.MapPost("/{id:guid}/announce", async (ISender sender, Guid id, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new AnnounceCompetition(id, body.Version), ct))))
            .WithName("AnnounceCompetition").WithSummary("Announces a draft competition; its criteria, rules and settings are frozen and versioned from then on (officials).");
    }
}

/// <summary>The concurrency token the caller last read (and, in answers, the new one).</summary>
public sealed record VersionBody(int Version);

public sealed record TimelineBody(
    DateTimeOffset AnnouncementAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset FormalReviewDeadline,
    DateTimeOffset EvaluationDeadline,
    DateTimeOffset PanelAt,
    DateTimeOffset DecisionAt,
    int Version);

public sealed record SettingsBody(
    string Name,
    decimal PassThreshold,
    int ExpertsPerApplication,
    decimal DivergenceThresholdPercent,
    bool HoldsPanel,
    int CorrectionWindowDays,
    int AppealWindowDays,
    int StatusValidityYears,
    IReadOnlyList<string>? TieBreakOrder,
    int Version,
    int ScoringWindowDays = CompetitionSettings.DefaultScoringWindowDays);

public sealed record EligibilityThresholdsBody(int MinimumClusterAgeYears, int MinimumMembers, int Version);

public sealed record EligibilityRuleBody(string Code, string NamePl, string NameEn, int Version);

/// <summary>A merit criterion; <see cref="Code"/> is needed when adding (when changing, the address names the criterion).</summary>
public sealed record CriterionBody(
    string? Code,
    string AreaCode,
    string? AreaNamePl,
    string? AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength,
    int Version)
{
    public AddCompetitionCriterion ToAdd(Guid competitionId) => new(
        competitionId, Code ?? "", AreaCode, AreaNamePl, AreaNameEn, NamePl, NameEn, Guidance, MaxPoints, HalfPointsAllowed, Weight, MinimumPoints,
        JustificationRequired, MinimumJustificationLength, Version);

    public UpdateCompetitionCriterion ToUpdate(Guid competitionId, string code) => new(
        competitionId, code, AreaCode, AreaNamePl, AreaNameEn, NamePl, NameEn, Guidance, MaxPoints, HalfPointsAllowed, Weight, MinimumPoints,
        JustificationRequired, MinimumJustificationLength, Version);
}
