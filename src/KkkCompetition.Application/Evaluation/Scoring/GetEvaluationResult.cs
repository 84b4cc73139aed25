using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>A criterion of the competition as the result page heads its columns.</summary>
public sealed record EvaluationCriterionInfo(
    string Code,
    string AreaCode,
    string NamePl,
    string NameEn,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints);

/// <summary>One line of a submitted sheet.</summary>
public sealed record SheetLineView(string CriterionCode, decimal? Points, string? Justification);

/// <summary>
/// One expert's sheet as officials see it: the expert by name, the assignment's state and, once submitted, the points,
/// justifications, opinion and total; <see cref="UsedInResult"/> when the result was computed from it.
/// </summary>
public sealed record EvaluationSheetView(
    Guid AssignmentId,
    Guid ExpertId,
    string ExpertName,
    AssignmentStatus Status,
    AssignmentOrigin Origin,
    DateTimeOffset AssignedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? SubmittedAt,
    decimal? Total,
    bool UsedInResult,
    string? OverallOpinion,
    IReadOnlyList<SheetLineView> Lines);

/// <summary>One criterion of the result: the experts' value, the panel's change beside it (with its justification), the final value.</summary>
public sealed record CriterionResultView(
    string CriterionCode,
    decimal ExpertPoints,
    decimal? PanelPoints,
    string? PanelJustification,
    DateTimeOffset? PanelChangedAt,
    string? PanelChangedBy,
    decimal FinalPoints,
    bool BelowMinimum);

/// <summary>Why a result does not pass: the total under the threshold (criterion null) or a criterion under its minimum, in words.</summary>
public sealed record FailReasonView(string? CriterionCode, decimal Value, decimal Required, string Text);

public sealed record EvaluationResultDetails(
    Guid Id,
    ResultMethod Method,
    DateTimeOffset ComputedAt,
    decimal ExpertTotal,
    decimal Total,
    bool Passed,
    bool ChangedByPanel,
    IReadOnlyList<CriterionResultView> Criteria,
    IReadOnlyList<FailReasonView> FailReasons,
    DateTimeOffset? PanelScheduledAt,
    string? PanelPlace,
    int Version);

/// <summary>
/// The merit evaluation of one application as officials see it (domain guide section 3): every sheet with its expert,
/// divergence (spread of the first sheets against the allowed one), and the result — method, sheets used, per criterion
/// the experts' value with the panel's change beside it, pass or fail with the reasons in words.
/// </summary>
public sealed record EvaluationResultView(
    Guid ApplicationId,
    string Number,
    string ClusterName,
    Guid CompetitionId,
    string CompetitionName,
    ApplicationStatus Status,
    decimal PassThreshold,
    decimal MaxTotal,
    bool HoldsPanel,
    int ExpertsPerApplication,
    int ExpertsNeeded,
    int SheetsSubmitted,
    decimal DivergenceThresholdPercent,
    decimal DivergenceAllowed,
    decimal? Spread,
    DateTimeOffset? DivergenceDetectedAt,
    IReadOnlyList<EvaluationCriterionInfo> Criteria,
    IReadOnlyList<EvaluationSheetView> Sheets,
    EvaluationResultDetails? Result);

/// <summary>One application's evaluation with the experts' names and sheets (officials only; experts and applicants never send it).</summary>
[AllowedRoles(Roles.Official)]
public sealed record GetEvaluationResult(Guid ApplicationId) : IQuery<EvaluationResultView>;

public sealed class GetEvaluationResultValidator : AbstractValidator<GetEvaluationResult>
{
    public GetEvaluationResultValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetEvaluationResultHandler(IAppDbContext db) : IQueryHandler<GetEvaluationResult, EvaluationResultView>
{
    public async ValueTask<EvaluationResultView> Handle(GetEvaluationResult query, CancellationToken cancellationToken)
    {
        var application = await (from a in db.Applications.AsNoTracking()
                                 join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                                 where a.Id == query.ApplicationId && a.Number != null
                                 select new { a.Id, a.Number, a.CompetitionId, a.Status, a.DivergenceDetectedAt, ClusterName = c.Name })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var competition = await ScoringData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        var criteria = ScoringData.Ordered(competition);
        var assignments = await (from a in db.ExpertAssignments.AsNoTracking()
                                 join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                                 where a.ApplicationId == application.Id
                                 orderby a.AssignedAt, a.Id
                                 select new { Assignment = a, e.FullName })
            .ToListAsync(cancellationToken);
        var result = await db.EvaluationResults.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == application.Id, cancellationToken);
        var used = result?.SheetsUsed.ToHashSet() ?? [];

        var sheets = assignments.Select(x => Sheet(x.Assignment, x.FullName, criteria, used.Contains(x.Assignment.Id))).ToList();
        var firstTotals = sheets.Where(s => s.Total is not null && s.Origin != AssignmentOrigin.Divergence).Select(s => s.Total!.Value).ToList();
        var expertsNeeded = competition.ExpertsPerApplication + (application.DivergenceDetectedAt is null ? 0 : 1);
        return new EvaluationResultView(
            application.Id,
            application.Number!,
            application.ClusterName,
            competition.Id,
            competition.Name,
            application.Status,
            competition.PassThreshold,
            competition.MaxTotal,
            competition.HoldsPanel,
            competition.ExpertsPerApplication,
            expertsNeeded,
            sheets.Count(s => s.Status == AssignmentStatus.Submitted),
            competition.DivergenceThresholdPercent,
            EvaluationCalculator.MaxTotal(criteria) * competition.DivergenceThresholdPercent / 100m,
            firstTotals.Count >= 2 ? firstTotals.Max() - firstTotals.Min() : null,
            application.DivergenceDetectedAt,
            criteria.Select(c => new EvaluationCriterionInfo(c.Code, c.AreaCode, c.NamePl, c.NameEn, c.MaxPoints, c.HalfPointsAllowed, c.Weight, c.MinimumPoints)).ToList(),
            sheets,
            result is null ? null : await DetailsAsync(result, competition, cancellationToken));
    }

    private static EvaluationSheetView Sheet(ExpertAssignment a, string expertName, IReadOnlyList<CompetitionCriterion> criteria, bool used)
    {
        // A draft is the expert's work in progress: officials see what was submitted, not what is being typed.
        var submitted = a.Status == AssignmentStatus.Submitted;
        var byCode = a.Scores.ToDictionary(s => s.CriterionCode, StringComparer.Ordinal);
        return new EvaluationSheetView(
            a.Id,
            a.ExpertId,
            expertName,
            a.Status,
            a.Origin,
            a.AssignedAt,
            a.Deadline,
            a.SubmittedAt,
            submitted ? EvaluationCalculator.Total(criteria, a.Scores.Where(s => s.Points is not null).ToDictionary(s => s.CriterionCode, s => s.Points!.Value, StringComparer.Ordinal)) : null,
            used,
            submitted ? a.OverallOpinion : null,
            submitted ? criteria.Select(c => byCode.GetValueOrDefault(c.Code) is { } s ? new SheetLineView(c.Code, s.Points, s.Justification) : new SheetLineView(c.Code, null, null)).ToList() : []);
    }

    private async Task<EvaluationResultDetails> DetailsAsync(EvaluationResult result, Competition competition, CancellationToken cancellationToken)
    {
        var changers = result.Criteria.Where(c => c.PanelChangedBy is not null).Select(c => c.PanelChangedBy!.Value).Distinct().ToList();
        var names = changers.Count == 0
            ? []
            : await db.Users.Where(u => changers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName, cancellationToken);
        var language = ScoringData.Language;
        return new EvaluationResultDetails(
            result.Id,
            result.Method,
            result.ComputedAt,
            result.ExpertTotal,
            result.Total,
            result.Passed,
            result.ChangedByPanel,
            result.Criteria.Select(c => new CriterionResultView(
                c.CriterionCode,
                c.ExpertPoints,
                c.PanelPoints,
                c.PanelJustification,
                c.PanelChangedAt,
                c.PanelChangedBy is { } by ? names.GetValueOrDefault(by) : null,
                c.FinalPoints,
                competition.FindCriterion(c.CriterionCode)?.MinimumPoints is { } minimum && c.FinalPoints < minimum)).ToList(),
            result.FailReasons(competition).Select(r => new FailReasonView(r.CriterionCode, r.Value, r.Required, ScoringData.Describe(r, competition, language))).ToList(),
            result.PanelScheduledAt,
            result.PanelPlace,
            result.Version);
    }
}
