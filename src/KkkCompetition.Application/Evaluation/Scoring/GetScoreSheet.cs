using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>One criterion of a sheet: what the competition asks (maximum, point scale, justification, guidance) and what the expert entered.</summary>
public sealed record ScoreSheetCriterion(
    string Code,
    string AreaCode,
    string AreaNamePl,
    string AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength,
    int MaxJustificationLength,
    decimal? Points,
    string? Justification);

/// <summary>
/// The expert's own scoring sheet (karta oceny): the criteria with his saved values, what is still missing before he can
/// submit, the live total and whether he may still edit it. Never anything of another expert's sheet.
/// </summary>
public sealed record ScoreSheetView(
    Guid AssignmentId,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    string CompetitionName,
    AssignmentStatus Status,
    bool Editable,
    DateTimeOffset Deadline,
    DateTimeOffset? SavedAt,
    DateTimeOffset? SubmittedAt,
    string? OverallOpinion,
    int MaxOpinionLength,
    IReadOnlyList<ScoreSheetCriterion> Criteria,
    IReadOnlyList<SheetGap> Gaps,
    decimal Total,
    decimal MaxTotal,
    int Version);

/// <summary>
/// The expert's own sheet (experts; anybody else's is "not found"). Before the declaration of impartiality is signed the
/// content is not shown: 409 <c>evaluation.declaration_required</c>.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record GetScoreSheet(Guid AssignmentId) : IQuery<ScoreSheetView>, IScoreSheetRequest;

public sealed class GetScoreSheetValidator : AbstractValidator<GetScoreSheet>
{
    public GetScoreSheetValidator() => RuleFor(x => x.AssignmentId).NotEmpty();
}

public sealed class GetScoreSheetHandler(IAppDbContext db) : IQueryHandler<GetScoreSheet, ScoreSheetView>
{
    public async ValueTask<ScoreSheetView> Handle(GetScoreSheet query, CancellationToken cancellationToken)
    {
        var assignment = await ScoringData.LoadAssignmentAsync(db, query.AssignmentId, tracked: false, cancellationToken);

        // The same rule the sheet's commands enforce in the aggregate: nothing of the application before the declaration.
        if (!assignment.HasSeenApplication)
        {
            throw new BusinessRuleViolation("evaluation.declaration_required", "Sign the declaration of impartiality before scoring.");
        }

        var competition = await ScoringData.LoadCompetitionAsync(db, assignment.CompetitionId, cancellationToken);
        var heading = await (from a in db.Applications.AsNoTracking()
                             join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                             where a.Id == assignment.ApplicationId
                             select new { a.Number, ClusterName = c.Name }).SingleAsync(cancellationToken);
        return ScoreSheets.View(assignment, competition, heading.Number ?? "", heading.ClusterName);
    }
}

internal static class ScoreSheets
{
    public static ScoreSheetView View(ExpertAssignment assignment, Competition competition, string number, string clusterName)
    {
        var criteria = ScoringData.Ordered(competition);
        var lines = assignment.Scores.ToDictionary(s => s.CriterionCode, StringComparer.Ordinal);
        return new ScoreSheetView(
            assignment.Id,
            assignment.ApplicationId,
            number,
            clusterName,
            competition.Name,
            assignment.Status,
            assignment.Status == AssignmentStatus.Accepted,
            assignment.Deadline,
            assignment.SheetSavedAt,
            assignment.SubmittedAt,
            assignment.OverallOpinion,
            ExpertAssignment.MaxOpinionLength,
            criteria.Select(c => Line(c, lines.GetValueOrDefault(c.Code))).ToList(),
            assignment.FindGaps(criteria),
            LiveTotal(assignment, criteria),
            competition.MaxTotal,
            assignment.Version);
    }

    /// <summary>The weighted total of the points entered so far (missing ones count 0).</summary>
    public static decimal LiveTotal(ExpertAssignment assignment, IReadOnlyList<CompetitionCriterion> criteria) =>
        EvaluationCalculator.Total(criteria, assignment.Scores.Where(s => s.Points is not null).ToDictionary(s => s.CriterionCode, s => s.Points!.Value, StringComparer.Ordinal));

    private static ScoreSheetCriterion Line(CompetitionCriterion c, CriterionScore? score) => new(
        c.Code,
        c.AreaCode,
        c.AreaNamePl,
        c.AreaNameEn,
        c.NamePl,
        c.NameEn,
        c.Guidance,
        c.MaxPoints,
        c.HalfPointsAllowed,
        c.Weight,
        c.MinimumPoints,
        c.JustificationRequired,
        c.MinimumJustificationLength,
        CriterionDefinition.MaxJustificationLength,
        score?.Points,
        score?.Justification);
}
