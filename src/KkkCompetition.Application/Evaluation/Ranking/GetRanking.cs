using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Ranking;

public enum RankingSort
{
    /// <summary>The ranking's own order (total, tie-break criteria, submission).</summary>
    Position,
    Number,
    Cluster,
    Total,
    SubmittedAt,
}

/// <summary>
/// The ranking of a competition (officials): every result in ranking order (<see cref="RankingOrder"/>), with pass or
/// fail and why. Filtered (passed only; <see cref="Search"/> in the number or the cluster's name), sorted and paged on
/// the server; a row's position is always its place in the whole ranking, whatever the filter, sort or page.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetRanking(
    Guid CompetitionId,
    bool PassedOnly = false,
    string? Search = null,
    RankingSort SortBy = RankingSort.Position,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<RankingView>;

/// <summary>The final points of one criterion of a row, and whether the panel changed them.</summary>
public sealed record RankingCriterionPoints(string Code, decimal Points, bool ChangedByPanel);

/// <summary>A submitted sheet of a row (officials see the expert), with whether the result was computed from it.</summary>
public sealed record RankingSheet(Guid AssignmentId, string ExpertName, DateTimeOffset SubmittedAt, bool UsedInResult);

/// <summary>
/// One place of the ranking. <see cref="DecidedBy"/> (with <see cref="DecidingCriterion"/>) says which rule put it below
/// the place above; <see cref="FailReasons"/> is empty when it passes.
/// </summary>
public sealed record RankingRow(
    int Position,
    Guid ApplicationId,
    string Number,
    string ClusterName,
    string CoordinatorName,
    DateTimeOffset SubmittedAt,
    decimal Total,
    IReadOnlyList<RankingCriterionPoints> Criteria,
    bool Passed,
    IReadOnlyList<FailReason> FailReasons,
    bool ChangedByPanel,
    ResultMethod Method,
    RankingDecidedBy DecidedBy,
    string? DecidingCriterion,
    IReadOnlyList<RankingSheet> Sheets);

public sealed record RankingView(
    Guid CompetitionId,
    string CompetitionName,
    int Year,
    int Round,
    decimal PassThreshold,
    decimal MaxTotal,
    IReadOnlyList<RankingCriterionColumn> Criteria,
    IReadOnlyList<string> TieBreakOrder,
    int RankedCount,
    int PassedCount,
    PagedResult<RankingRow> Rows);

public sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public const int MaxSearchLength = 100;

    public GetRankingValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetRankingHandler(IAppDbContext db) : IQueryHandler<GetRanking, RankingView>
{
    public async ValueTask<RankingView> Handle(GetRanking query, CancellationToken cancellationToken)
    {
        var ranking = await RankingData.LoadAsync(db, query.CompetitionId, cancellationToken);
        var rows = RankingData.Filter(ranking.Rows, query.PassedOnly, query.Search);
        var page = Sort(rows, query.SortBy, query.Descending)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToList();
        var sheets = await SheetsAsync(page.Select(r => r.ApplicationId).ToList(), ranking.SheetsUsed, cancellationToken);
        var items = page
            .Select(r => r with { Sheets = sheets.TryGetValue(r.ApplicationId, out var list) ? list : [] })
            .ToList();
        var competition = ranking.Competition;
        return new RankingView(
            competition.Id,
            competition.Name,
            competition.Year,
            competition.Round,
            competition.PassThreshold,
            competition.MaxTotal,
            ranking.Columns,
            competition.TieBreakOrder,
            ranking.Rows.Count,
            ranking.Rows.Count(r => r.Passed),
            new PagedResult<RankingRow>(items, rows.Count, query.Page, query.PageSize));
    }

    // The position is the ranking's; other columns sort with the position as the tie-breaker, so equal values keep
    // the ranking order and pages never overlap.
    private static IEnumerable<RankingRow> Sort(IReadOnlyList<RankingRow> rows, RankingSort sort, bool descending) => sort switch
    {
        RankingSort.Number => By(rows, r => r.Number, StringComparer.Ordinal, descending),
        RankingSort.Cluster => By(rows, r => r.ClusterName, StringComparer.CurrentCultureIgnoreCase, descending),
        RankingSort.Total => By(rows, r => r.Total, Comparer<decimal>.Default, descending),
        RankingSort.SubmittedAt => By(rows, r => r.SubmittedAt, Comparer<DateTimeOffset>.Default, descending),
        _ => descending ? rows.OrderByDescending(r => r.Position) : rows.OrderBy(r => r.Position),
    };

    private static IEnumerable<RankingRow> By<TKey>(IReadOnlyList<RankingRow> rows, Func<RankingRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer).ThenBy(r => r.Position) : rows.OrderBy(key, comparer).ThenBy(r => r.Position);

    private async Task<Dictionary<Guid, IReadOnlyList<RankingSheet>>> SheetsAsync(
        List<Guid> applicationIds,
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> sheetsUsed,
        CancellationToken cancellationToken)
    {
        if (applicationIds.Count == 0)
        {
            return [];
        }

        var sheets = await (
                from a in db.ExpertAssignments.AsNoTracking()
                where applicationIds.Contains(a.ApplicationId) && a.Status == AssignmentStatus.Submitted
                join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                select new { a.Id, a.ApplicationId, e.FullName, SubmittedAt = a.SubmittedAt!.Value })
            .ToListAsync(cancellationToken);
        var usedIds = applicationIds.SelectMany(id => sheetsUsed.GetValueOrDefault(id) ?? []).ToHashSet();
        return sheets
            .GroupBy(s => s.ApplicationId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<RankingSheet>)EvaluationCards.InSheetOrder(g, s => s.SubmittedAt, s => s.Id)
                    .Select(s => new RankingSheet(s.Id, s.FullName, s.SubmittedAt, usedIds.Contains(s.Id)))
                    .ToList());
    }
}

/// <summary>
/// The whole ranking of a competition, read once and ordered by the domain's <see cref="RankingOrder"/>. Not in SQL:
/// the tie-break criteria's points live in each result's JSON, and a row's position needs the whole order anyway; a
/// competition has hundreds of results, so one read and an in-memory sort is cheaper than any query that could page.
/// </summary>
internal static class RankingData
{
    /// <param name="SheetsUsed">Per application, the assignments whose sheets its result was computed from.</param>
    public sealed record Loaded(
        Competition Competition,
        IReadOnlyList<RankingCriterionColumn> Columns,
        IReadOnlyList<RankingRow> Rows,
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> SheetsUsed);

    public static IReadOnlyList<RankingCriterionColumn> Columns(Competition competition) =>
        competition.Criteria
            .OrderBy(c => c.Order)
            .Select(c => new RankingCriterionColumn(c.Code, c.NamePl, c.NameEn, c.MaxPoints, c.Weight, c.MinimumPoints, c.TieBreakRank))
            .ToList();

    public static async Task<Loaded> LoadAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken)
    {
        var competition = await db.Competitions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken)
            ?? throw new NotFoundException("Competition", competitionId);

        // A withdrawn application leaves the ranking, its result kept for the record.
        var results = await (
                from r in db.EvaluationResults.AsNoTracking()
                where r.CompetitionId == competitionId
                join a in db.Applications.AsNoTracking().IgnoreAutoIncludes() on r.ApplicationId equals a.Id
                where a.Status != ApplicationStatus.Withdrawn && a.Number != null
                join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on a.ClusterId equals c.Id
                join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                select new { Result = r, Number = a.Number!, SubmittedAt = a.SubmittedAt!.Value, ClusterName = c.Name, CoordinatorName = o.Name })
            .ToListAsync(cancellationToken);

        var columns = Columns(competition);
        var byApplication = results.ToDictionary(r => r.Result.ApplicationId);
        var order = new RankingOrder(competition.TieBreakOrder);
        var finalPoints = results.ToDictionary(r => r.Result.ApplicationId, r => r.Result.FinalPoints());
        var ranked = order.Rank(results.Select(r => new RankingEntry(r.Result.ApplicationId, r.Result.Total, finalPoints[r.Result.ApplicationId], r.SubmittedAt, r.Number)));
        var rows = ranked
            .Select(place =>
            {
                var row = byApplication[place.Entry.ApplicationId];
                var result = row.Result;
                var reasons = EvaluationCalculator.FailReasons(competition.Criteria, place.Entry.FinalPoints, competition.PassThreshold);
                return new RankingRow(
                    place.Position,
                    result.ApplicationId,
                    row.Number,
                    row.ClusterName,
                    row.CoordinatorName,
                    row.SubmittedAt,
                    result.Total,
                    columns.Select(c => result.Criteria.FirstOrDefault(x => x.CriterionCode == c.Code) is { } x
                        ? new RankingCriterionPoints(c.Code, x.FinalPoints, x.PanelPoints is not null)
                        : new RankingCriterionPoints(c.Code, 0m, false)).ToList(),
                    reasons.Count == 0,
                    reasons,
                    result.ChangedByPanel,
                    result.Method,
                    place.DecidedBy,
                    place.DecidingCriterion,
                    []);
            })
            .ToList();
        return new Loaded(competition, columns, rows, results.ToDictionary(r => r.Result.ApplicationId, r => (IReadOnlyList<Guid>)r.Result.SheetsUsed));
    }

    public static IReadOnlyList<RankingRow> Filter(IReadOnlyList<RankingRow> rows, bool passedOnly, string? search)
    {
        IEnumerable<RankingRow> filtered = rows;
        if (passedOnly)
        {
            filtered = filtered.Where(r => r.Passed);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            filtered = filtered.Where(r => r.Number.Contains(text, StringComparison.OrdinalIgnoreCase) || r.ClusterName.Contains(text, StringComparison.CurrentCultureIgnoreCase));
        }

        return filtered.ToList();
    }
}
