using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

public enum FormalReviewQueueSort
{
    Number,
    SubmittedAt,
    Status,
    Cluster,
}

/// <summary>
/// The submitted applications of a competition for the formal review (officials): optionally one status, or only those
/// still to decide; <see cref="Search"/> matches the number or the cluster's name; sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The official's work queue, not a collection type.")]
public sealed record ListFormalReviewQueue(
    Guid CompetitionId,
    ApplicationStatus? Status = null,
    bool OnlyOpen = false,
    string? Search = null,
    FormalReviewQueueSort SortBy = FormalReviewQueueSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<FormalReviewQueueItem>>;

public sealed record FormalReviewQueueItem(
    Guid ApplicationId,
    string Number,
    string ClusterName,
    string OrganisationName,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    int ChecksRecorded,
    DateTimeOffset? CorrectionDeadlineAt,
    DateTimeOffset? FormalDecisionAt,
    int Version);

public sealed class ListFormalReviewQueueValidator : AbstractValidator<ListFormalReviewQueue>
{
    public const int MaxSearchLength = 100;

    public ListFormalReviewQueueValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListFormalReviewQueueHandler(IAppDbContext db) : IQueryHandler<ListFormalReviewQueue, PagedResult<FormalReviewQueueItem>>
{
    public async ValueTask<PagedResult<FormalReviewQueueItem>> Handle(ListFormalReviewQueue query, CancellationToken cancellationToken)
    {
        // Filtered on the (CompetitionId, Status) index first; the cluster and organisation names come by primary key.
        var applications = db.Applications.AsNoTracking().Where(a => a.CompetitionId == query.CompetitionId && a.Number != null);
        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (query.OnlyOpen)
        {
            var open = FormalReviewRules.InReview.ToList();
            applications = applications.Where(a => open.Contains(a.Status));
        }

        var rows = from a in applications
                   join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                   join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                   from cr in db.CorrectionRequests.AsNoTracking().Where(x => x.ApplicationId == a.Id).DefaultIfEmpty()
                   select new QueueRow
                   {
                       Id = a.Id,
                       Number = a.Number!,
                       ClusterName = c.Name,
                       OrganisationName = o.Name,
                       Status = a.Status,
                       SubmittedAt = a.SubmittedAt!.Value,
                       FormalDecisionAt = a.FormalDecisionAt,
                       CorrectionDeadlineAt = cr != null && cr.AnsweredAt == null ? cr.DeadlineAt : null,
                       Version = a.Version,
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
        var page = await Sort(rows, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(r => new FormalReviewQueueItem(
                r.Id,
                r.Number,
                r.ClusterName,
                r.OrganisationName,
                r.Status,
                r.SubmittedAt,
                db.FormalChecks.Count(f => f.ApplicationId == r.Id),
                r.CorrectionDeadlineAt,
                r.FormalDecisionAt,
                r.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<FormalReviewQueueItem>(page, total, query.Page, query.PageSize);
    }

    private static IQueryable<QueueRow> Sort(IQueryable<QueueRow> rows, FormalReviewQueueSort sort, bool descending) => sort switch
    {
        FormalReviewQueueSort.SubmittedAt => rows.SortBy(r => r.SubmittedAt, r => r.Id, descending),
        FormalReviewQueueSort.Cluster => rows.SortBy(r => r.ClusterName, r => r.Id, descending),

        // The order of the lifecycle, not of the names: what waits for the official comes first.
        FormalReviewQueueSort.Status => rows.SortBy(
            r => r.Status == ApplicationStatus.Submitted ? 0
                : r.Status == ApplicationStatus.FormalReview ? 1
                : r.Status == ApplicationStatus.Corrected ? 2
                : r.Status == ApplicationStatus.CorrectionRequested ? 3
                : r.Status == ApplicationStatus.FormallyAccepted ? 4
                : r.Status == ApplicationStatus.FormallyRejected ? 5
                : r.Status == ApplicationStatus.Withdrawn ? 7
                : 6,
            r => r.Number,
            descending),
        _ => rows.SortBy(r => r.Number, r => r.Id, descending),
    };

    /// <summary>Init properties, not a positional record, so that sorting and paging translate after the projection.</summary>
    private sealed class QueueRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public string OrganisationName { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? FormalDecisionAt { get; init; }
        public DateTimeOffset? CorrectionDeadlineAt { get; init; }
        public int Version { get; init; }
    }
}
