using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

public enum ApplicationSort
{
    UpdatedAt,
    Competition,
    Status,
    SubmittedAt,
}

/// <summary>The caller's own applications, most recently changed first unless sorted otherwise, optionally of one status.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ListMyApplications(
    ApplicationStatus? Status = null,
    int Page = 1,
    int PageSize = 20,
    ApplicationSort SortBy = ApplicationSort.UpdatedAt,
    bool Descending = true) : IQuery<PagedResult<ApplicationSummaryDto>>;

public sealed record ApplicationSummaryDto(
    Guid Id,
    Guid CompetitionId,
    string CompetitionName,
    DateTimeOffset ClosesAt,
    string ClusterName,
    ApplicationStatus Status,
    string? Number,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    int Version);

public sealed class ListMyApplicationsValidator : AbstractValidator<ListMyApplications>
{
    public ListMyApplicationsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class ListMyApplicationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyApplications, PagedResult<ApplicationSummaryDto>>
{
    public async ValueTask<PagedResult<ApplicationSummaryDto>> Handle(ListMyApplications query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new NotFoundException("Application", user.UserName);
        var mine = db.Applications.AsNoTracking().Where(a => a.OwnerUserId == userId);
        if (query.Status is { } status)
        {
            mine = mine.Where(a => a.Status == status);
        }

        var rows =
            from a in mine
            join c in db.Competitions.AsNoTracking() on a.CompetitionId equals c.Id
            join k in db.Clusters.AsNoTracking() on a.ClusterId equals k.Id
            select new Row
            {
                Id = a.Id,
                CompetitionId = c.Id,
                CompetitionName = c.Name,
                ClosesAt = c.Timeline.ClosesAt,
                ClusterName = k.Name,
                Status = a.Status,
                Number = a.Number,
                UpdatedAt = a.UpdatedAt,
                SubmittedAt = a.SubmittedAt,
                Version = a.Version,
            };
        var total = await mine.CountAsync(cancellationToken);
        var items = await Sort(rows, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(r => new ApplicationSummaryDto(r.Id, r.CompetitionId, r.CompetitionName, r.ClosesAt, r.ClusterName, r.Status, r.Number, r.UpdatedAt, r.SubmittedAt, r.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<ApplicationSummaryDto>(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<Row> Sort(IQueryable<Row> rows, ApplicationSort sort, bool descending) => sort switch
    {
        ApplicationSort.Competition => rows.SortBy(r => r.CompetitionName, r => r.Id, descending),
        ApplicationSort.Status => rows.SortBy(r => r.Status, r => r.Id, descending),
        ApplicationSort.SubmittedAt => rows.SortBy(r => r.SubmittedAt, r => r.Id, descending),
        _ => rows.SortBy(r => r.UpdatedAt, r => r.Id, descending),
    };

    /// <summary>Init properties, not a positional record, so the query can sort on them after the projection.</summary>
    private sealed record Row
    {
        public required Guid Id { get; init; }
        public required Guid CompetitionId { get; init; }
        public required string CompetitionName { get; init; }
        public required DateTimeOffset ClosesAt { get; init; }
        public required string ClusterName { get; init; }
        public required ApplicationStatus Status { get; init; }
        public string? Number { get; init; }
        public required DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public required int Version { get; init; }
    }
}
