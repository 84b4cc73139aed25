using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

public enum DecisionSort
{
    Number,
    Cluster,
    DecidedAt,
    Outcome,
    DeliveredAt,
    AppealDeadline,
}

/// <summary>Where a decision's delivery stands: not yet, opened in the portal, or delivered on paper.</summary>
public enum DeliveryState
{
    NotDelivered,
    Portal,
    Paper,
}

/// <summary>One decision in a list (the applicant's own or an official's list of a competition).</summary>
public sealed record DecisionRow(
    Guid Id,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    string CompetitionName,
    string ResolutionNumber,
    DateTimeOffset DecidedAt,
    DecisionOutcome Outcome,
    DateTimeOffset? DeliveredAt,
    DeliveryMethod? DeliveredBy,
    DateTimeOffset? AppealDeadline,
    DateOnly? AppealLastDay,
    bool Superseded,
    string? CertificateNumber,
    int Version);

/// <summary>
/// The decisions of a competition (officials), with their delivery and appeal deadlines: filter by outcome, delivery state
/// and a search on the number or the cluster's name; sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListCompetitionDecisions(
    Guid CompetitionId,
    DecisionOutcome? Outcome = null,
    DeliveryState? Delivery = null,
    string? Search = null,
    DecisionSort SortBy = DecisionSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<DecisionRow>>;

/// <summary>The decisions on the caller's own applications (the applicant), newest first; optionally of one application.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ListMyDecisions(Guid? ApplicationId = null, int Page = 1, int PageSize = 25) : IQuery<PagedResult<DecisionRow>>;

public sealed class ListCompetitionDecisionsValidator : AbstractValidator<ListCompetitionDecisions>
{
    public const int MaxSearchLength = 100;

    public ListCompetitionDecisionsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Delivery).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyDecisionsValidator : AbstractValidator<ListMyDecisions>
{
    public ListMyDecisionsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListCompetitionDecisionsHandler(IAppDbContext db) : IQueryHandler<ListCompetitionDecisions, PagedResult<DecisionRow>>
{
    public async ValueTask<PagedResult<DecisionRow>> Handle(ListCompetitionDecisions query, CancellationToken cancellationToken)
    {
        var rows = DecisionRows.Query(db, db.CertificationDecisions.AsNoTracking().Where(d => d.CompetitionId == query.CompetitionId));
        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.Outcome == outcome);
        }

        rows = query.Delivery switch
        {
            DeliveryState.NotDelivered => rows.Where(r => r.DeliveredAt == null),
            DeliveryState.Portal => rows.Where(r => r.DeliveredBy == DeliveryMethod.Portal),
            DeliveryState.Paper => rows.Where(r => r.DeliveredBy == DeliveryMethod.Paper),
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
        return new PagedResult<DecisionRow>(page.Select(DecisionRows.ToRow).ToList(), total, query.Page, query.PageSize);
    }

    private static IQueryable<DecisionRows.Row> Sort(IQueryable<DecisionRows.Row> rows, DecisionSort sort, bool descending) => sort switch
    {
        DecisionSort.Cluster => rows.SortBy(r => r.ClusterName, r => r.Id, descending),
        DecisionSort.DecidedAt => rows.SortBy(r => r.DecidedAt, r => r.Id, descending),
        DecisionSort.Outcome => rows.SortBy(r => r.Outcome == DecisionOutcome.Positive ? 0 : 1, r => r.Number, descending),

        // Undelivered decisions have no date: they sort after the delivered ones either way up (what still waits is visible).
        DecisionSort.DeliveredAt => descending
            ? rows.OrderBy(r => r.DeliveredAt == null ? 1 : 0).ThenByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Id)
            : rows.OrderBy(r => r.DeliveredAt == null ? 1 : 0).ThenBy(r => r.DeliveredAt).ThenBy(r => r.Id),
        DecisionSort.AppealDeadline => descending
            ? rows.OrderBy(r => r.AppealDeadline == null ? 1 : 0).ThenByDescending(r => r.AppealDeadline).ThenByDescending(r => r.Id)
            : rows.OrderBy(r => r.AppealDeadline == null ? 1 : 0).ThenBy(r => r.AppealDeadline).ThenBy(r => r.Id),
        _ => rows.SortBy(r => r.Number, r => r.Id, descending),
    };
}

public sealed class ListMyDecisionsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyDecisions, PagedResult<DecisionRow>>
{
    public async ValueTask<PagedResult<DecisionRow>> Handle(ListMyDecisions query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var own = from d in db.CertificationDecisions.AsNoTracking()
                  join a in db.Applications.AsNoTracking() on d.ApplicationId equals a.Id
                  where a.OwnerUserId == userId
                  select d;
        if (query.ApplicationId is { } applicationId)
        {
            own = own.Where(d => d.ApplicationId == applicationId);
        }

        var rows = DecisionRows.Query(db, own);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.SortBy(r => r.DecidedAt, r => r.Id, descending: true).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<DecisionRow>(page.Select(DecisionRows.ToRow).ToList(), total, query.Page, query.PageSize);
    }
}

internal static class DecisionRows
{
    public static IQueryable<Row> Query(IAppDbContext db, IQueryable<CertificationDecision> decisions) =>
        from d in decisions
        join a in db.Applications.AsNoTracking().IgnoreAutoIncludes() on d.ApplicationId equals a.Id
        join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on d.ClusterId equals c.Id
        join k in db.Competitions.AsNoTracking().IgnoreAutoIncludes() on d.CompetitionId equals k.Id
        from s in db.KkkStatuses.AsNoTracking().Where(s => s.DecisionId == d.Id).DefaultIfEmpty()
        select new Row
        {
            Id = d.Id,
            ApplicationId = d.ApplicationId,
            Number = a.Number ?? "",
            ClusterName = c.Name,
            CompetitionName = k.Name,
            ResolutionNumber = d.ResolutionNumber,
            DecidedAt = d.DecidedAt,
            Outcome = d.Outcome,
            DeliveredAt = d.DeliveredAt,
            DeliveredBy = d.DeliveredBy,
            AppealDeadline = d.AppealDeadline,
            Superseded = d.SupersededBy != null,
            CertificateNumber = s != null ? s.CertificateNumber : null,
            Version = d.Version,
        };

    public static DecisionRow ToRow(Row r) => new(
        r.Id,
        r.ApplicationId,
        r.Number,
        r.ClusterName,
        r.CompetitionName,
        r.ResolutionNumber,
        r.DecidedAt,
        r.Outcome,
        r.DeliveredAt,
        r.DeliveredBy,
        r.AppealDeadline,
        r.AppealDeadline is { } deadline ? Domain.Calendar.WorkingDayCalendar.ToWarsawDate(deadline).AddDays(-1) : null,
        r.Superseded,
        r.CertificateNumber,
        r.Version);

    /// <summary>Init properties, not a positional record, so that sorting and paging translate after the projection.</summary>
    internal sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ApplicationId { get; init; }
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public string CompetitionName { get; init; } = "";
        public string ResolutionNumber { get; init; } = "";
        public DateTimeOffset DecidedAt { get; init; }
        public DecisionOutcome Outcome { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public DeliveryMethod? DeliveredBy { get; init; }
        public DateTimeOffset? AppealDeadline { get; init; }
        public bool Superseded { get; init; }
        public string? CertificateNumber { get; init; }
        public int Version { get; init; }
    }
}
