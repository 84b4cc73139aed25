using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

public enum EvaluationProgressSort
{
    Number,
    Cluster,
    SheetsSubmitted,
    Total,
}

/// <summary>Which applications the progress list shows.</summary>
public enum EvaluationProgressFilter
{
    All,

    /// <summary>Sheets still awaited (no result yet).</summary>
    InProgress,

    /// <summary>The sheets diverged and one more expert was called.</summary>
    Divergent,

    /// <summary>A result is computed.</summary>
    Computed,
    Passed,
    Failed,
}

/// <summary>One application in the evaluation progress of its competition.</summary>
public sealed record EvaluationProgressItem(
    Guid ApplicationId,
    string Number,
    string ClusterName,
    ApplicationStatus Status,
    int ExpertsAssigned,
    int SheetsSubmitted,
    int SheetsExpected,
    DateTimeOffset? DivergenceDetectedAt,
    decimal? Total,
    bool? Passed,
    bool ChangedByPanel,
    DateTimeOffset? PanelScheduledAt);

/// <summary>
/// The merit evaluation of a competition's applications (officials): sheets in against those expected, divergence, the
/// result and pass; filtered (<see cref="EvaluationProgressFilter"/>, a search on number or cluster), sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListEvaluationProgress(
    Guid CompetitionId,
    EvaluationProgressFilter Filter = EvaluationProgressFilter.All,
    string? Search = null,
    EvaluationProgressSort SortBy = EvaluationProgressSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<EvaluationProgressItem>>;

public sealed class ListEvaluationProgressValidator : AbstractValidator<ListEvaluationProgress>
{
    public const int MaxSearchLength = 100;

    public ListEvaluationProgressValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Filter).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListEvaluationProgressHandler(IAppDbContext db) : IQueryHandler<ListEvaluationProgress, PagedResult<EvaluationProgressItem>>
{
    /// <summary>The statuses from formal acceptance on: the applications the merit evaluation is about.</summary>
    private static readonly ApplicationStatus[] Evaluable =
    [
        ApplicationStatus.FormallyAccepted, ApplicationStatus.UnderEvaluation, ApplicationStatus.Evaluated, ApplicationStatus.Recommended,
        ApplicationStatus.NotRecommended, ApplicationStatus.Certified, ApplicationStatus.Rejected, ApplicationStatus.Appealed,
    ];

    public async ValueTask<PagedResult<EvaluationProgressItem>> Handle(ListEvaluationProgress query, CancellationToken cancellationToken)
    {
        var experts = await db.Competitions.AsNoTracking().Where(c => c.Id == query.CompetitionId).Select(c => new { c.ExpertsPerApplication, c.ReEvaluationExperts })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Competition", query.CompetitionId);
        var (expertsPerApplication, reEvaluationExperts) = (experts.ExpertsPerApplication, experts.ReEvaluationExperts);
        var statuses = Evaluable.ToList();
        var rows = from a in db.Applications.AsNoTracking()
                   where a.CompetitionId == query.CompetitionId && statuses.Contains(a.Status)
                   join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                   from r in db.EvaluationResults.AsNoTracking().Where(x => x.ApplicationId == a.Id).DefaultIfEmpty()
                   select new ProgressRow
                   {
                       Id = a.Id,
                       Number = a.Number!,
                       ClusterName = c.Name,
                       Status = a.Status,
                       // The current round's sheets: after an upheld appeal the re-evaluation's, the earlier ones being history.
                       Assigned = db.ExpertAssignments.Count(x => x.ApplicationId == a.Id && x.Round == a.EvaluationRound
                           && (x.Status == AssignmentStatus.Assigned || x.Status == AssignmentStatus.Accepted || x.Status == AssignmentStatus.Submitted)),
                       Submitted = db.ExpertAssignments.Count(x => x.ApplicationId == a.Id && x.Round == a.EvaluationRound && x.Status == AssignmentStatus.Submitted),
                       Expected = a.EvaluationRound > 1 ? reEvaluationExperts : a.DivergenceDetectedAt == null ? expertsPerApplication : expertsPerApplication + 1,
                       DivergenceDetectedAt = a.DivergenceDetectedAt,
                       HasResult = r != null,
                       Total = r != null ? r.Total : null,
                       Passed = r != null ? r.Passed : null,
                       PanelScheduledAt = r != null ? r.PanelScheduledAt : null,
                   };

        rows = query.Filter switch
        {
            EvaluationProgressFilter.InProgress => rows.Where(r => !r.HasResult),
            EvaluationProgressFilter.Divergent => rows.Where(r => r.DivergenceDetectedAt != null),
            EvaluationProgressFilter.Computed => rows.Where(r => r.HasResult),
            EvaluationProgressFilter.Passed => rows.Where(r => r.Passed == true),
            EvaluationProgressFilter.Failed => rows.Where(r => r.Passed == false),
            _ => rows,
        };

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides: the same answer on every provider (PostgreSQL's LIKE is case-sensitive).
            var search = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            rows = rows.Where(r => r.Number.ToLower().Contains(search) || r.ClusterName.ToLower().Contains(search));
#pragma warning restore CA1862
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await Sort(rows, query.SortBy, query.Descending).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);

        // Whether the panel changed the result is inside the result's JSON: read for the page's rows only.
        var ids = page.Where(r => r.HasResult).Select(r => r.Id).ToList();
        var changed = ids.Count == 0
            ? []
            : (await db.EvaluationResults.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken))
                .Where(r => r.ChangedByPanel).Select(r => r.ApplicationId).ToHashSet();
        return new PagedResult<EvaluationProgressItem>(
            page.Select(r => new EvaluationProgressItem(
                r.Id, r.Number, r.ClusterName, r.Status, r.Assigned, r.Submitted, r.Expected, r.DivergenceDetectedAt, r.Total, r.Passed, changed.Contains(r.Id), r.PanelScheduledAt)).ToList(),
            total,
            query.Page,
            query.PageSize);
    }

    private static IQueryable<ProgressRow> Sort(IQueryable<ProgressRow> rows, EvaluationProgressSort sort, bool descending) => sort switch
    {
        EvaluationProgressSort.Cluster => rows.SortBy(r => r.ClusterName, r => r.Id, descending),
        EvaluationProgressSort.SheetsSubmitted => rows.SortBy(r => r.Submitted, r => r.Number, descending),

        // Without a result an application sorts below every computed one in either direction's "best first" reading.
        EvaluationProgressSort.Total => descending
            ? rows.OrderByDescending(r => r.HasResult).ThenByDescending(r => r.Total).ThenBy(r => r.Number)
            : rows.OrderBy(r => r.HasResult ? 0 : 1).ThenBy(r => r.Total).ThenBy(r => r.Number),
        _ => rows.SortBy(r => r.Number, r => r.Id, descending),
    };

    /// <summary>Init properties, not a positional record, so that sorting and paging translate after the projection.</summary>
    private sealed class ProgressRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public int Assigned { get; init; }
        public int Submitted { get; init; }
        public int Expected { get; init; }
        public DateTimeOffset? DivergenceDetectedAt { get; init; }
        public bool HasResult { get; init; }
        public decimal? Total { get; init; }
        public bool? Passed { get; init; }
        public DateTimeOffset? PanelScheduledAt { get; init; }
    }
}
