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
using Snapshots = KkkCompetition.Application.Applications.ApplicationSnapshots;

namespace KkkCompetition.Application.Evaluation.Assignment;

public enum MyAssignmentSort
{
    Deadline,
    AssignedAt,
    Number,
}

/// <summary>
/// The caller's assignments as an expert (experts): number, cluster, competition, status and deadline; optionally only
/// those still to do (declaration or sheet pending). Sorted and paged on the server; a user who is not in the pool has none.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record MyAssignments(
    bool OnlyOpen = false,
    MyAssignmentSort SortBy = MyAssignmentSort.Deadline,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<MyAssignmentItem>>;

public sealed record MyAssignmentItem(
    Guid AssignmentId,
    Guid CompetitionId,
    string CompetitionName,
    string ApplicationNumber,
    string ClusterName,
    AssignmentStatus Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset Deadline,
    bool IsOverdue,
    DateTimeOffset? DeclarationSignedAt,
    int Version);

public sealed class MyAssignmentsValidator : AbstractValidator<MyAssignments>
{
    public MyAssignmentsValidator()
    {
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class MyAssignmentsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<MyAssignments, PagedResult<MyAssignmentItem>>
{
    public async ValueTask<PagedResult<MyAssignmentItem>> Handle(MyAssignments query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = user.UserId;
        var rows = from a in db.ExpertAssignments.AsNoTracking()
                   join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                   where e.UserId == userId
                   join p in db.Applications.AsNoTracking().IgnoreAutoIncludes() on a.ApplicationId equals p.Id
                   join c in db.Clusters.AsNoTracking() on p.ClusterId equals c.Id
                   join k in db.Competitions.AsNoTracking().IgnoreAutoIncludes() on a.CompetitionId equals k.Id
                   select new Row
                   {
                       Id = a.Id,
                       CompetitionId = k.Id,
                       CompetitionName = k.Name,
                       Number = p.Number ?? "",
                       ClusterName = c.Name,
                       Status = a.Status,
                       AssignedAt = a.AssignedAt,
                       Deadline = a.Deadline,
                       DeclarationSignedAt = a.DeclarationSignedAt,
                       Version = a.Version,
                   };
        if (query.OnlyOpen)
        {
            rows = rows.Where(r => r.Status == AssignmentStatus.Assigned || r.Status == AssignmentStatus.Accepted);
        }

        var total = await rows.CountAsync(cancellationToken);
        var sorted = query.SortBy switch
        {
            MyAssignmentSort.AssignedAt => rows.SortBy(r => r.AssignedAt, r => r.Id, query.Descending),
            MyAssignmentSort.Number => rows.SortBy(r => r.Number, r => r.Id, query.Descending),
            _ => rows.SortBy(r => r.Deadline, r => r.Id, query.Descending),
        };
        var page = await sorted.Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var items = page.Select(r => new MyAssignmentItem(
            r.Id, r.CompetitionId, r.CompetitionName, r.Number, r.ClusterName, r.Status, r.AssignedAt, r.Deadline,
            (r.Status == AssignmentStatus.Assigned || r.Status == AssignmentStatus.Accepted) && now > r.Deadline,
            r.DeclarationSignedAt, r.Version)).ToList();
        return new PagedResult<MyAssignmentItem>(items, total, query.Page, query.PageSize);
    }

    /// <summary>Init properties, not a positional record, so that sorting and paging translate after the projection.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid CompetitionId { get; init; }
        public string CompetitionName { get; init; } = "";
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public AssignmentStatus Status { get; init; }
        public DateTimeOffset AssignedAt { get; init; }
        public DateTimeOffset Deadline { get; init; }
        public DateTimeOffset? DeclarationSignedAt { get; init; }
        public int Version { get; init; }
    }
}

/// <summary>
/// One of the caller's assignments with the application (experts, own assignment only). Before the declaration of
/// impartiality only the summary (number, competition, cluster, coordinator); once it is signed, and while the assignment is
/// his, the content as the applicant submitted or last corrected it (its latest snapshot).
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record GetAssignedApplication(Guid AssignmentId) : IQuery<AssignedApplicationView>, IAssignmentRequest;

/// <param name="Content">Null until the declaration is signed, and again once the assignment is no longer his.</param>
public sealed record AssignedApplicationView(
    Guid AssignmentId,
    AssignmentStatus Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset Deadline,
    bool IsOverdue,
    DateTimeOffset? DeclarationSignedAt,
    int Version,
    AssignedApplicationSummary Summary,
    AssignedApplicationContent? Content);

/// <summary>What the expert needs to judge his impartiality: who applies, in which competition.</summary>
public sealed record AssignedApplicationSummary(Guid ApplicationId, string Number, string CompetitionName, string ClusterName, string CoordinatorName, string ClusterVoivodeship);

/// <summary>The application as submitted or last corrected, read-only.</summary>
public sealed record AssignedApplicationContent(
    SnapshotKind Kind,
    DateTimeOffset TakenAt,
    string Sha256,
    Applications.SnapshotOrganisation Organisation,
    Applications.SnapshotCluster Cluster,
    IReadOnlyList<Applications.SnapshotMember> Members,
    IReadOnlyList<Applications.SnapshotIndicators> Indicators,
    IReadOnlyList<Applications.SnapshotNarrative> Narratives,
    IReadOnlyList<Applications.SnapshotAttachment> Attachments);

public sealed class GetAssignedApplicationValidator : AbstractValidator<GetAssignedApplication>
{
    public GetAssignedApplicationValidator() => RuleFor(x => x.AssignmentId).NotEmpty();
}

public sealed class GetAssignedApplicationHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetAssignedApplication, AssignedApplicationView>
{
    public async ValueTask<AssignedApplicationView> Handle(GetAssignedApplication query, CancellationToken cancellationToken)
    {
        var assignment = await db.ExpertAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssignmentId, cancellationToken)
            ?? throw new NotFoundException("Assignment", query.AssignmentId);
        var snapshot = await AssignmentAccess.LatestSnapshotAsync(db, assignment.ApplicationId, cancellationToken);
        var content = Snapshots.Read(snapshot);
        var summary = new AssignedApplicationSummary(
            assignment.ApplicationId, content.Number ?? "", content.Competition.Name, content.Cluster.Name, content.Organisation.Name, content.Cluster.VoivodeshipTeryt);

        var visible = assignment.MayReadApplication;
        return new AssignedApplicationView(
            assignment.Id,
            assignment.Status,
            assignment.AssignedAt,
            assignment.Deadline,
            assignment.IsOverdueAt(clock.GetUtcNow()),
            assignment.DeclarationSignedAt,
            assignment.Version,
            summary,
            visible
                ? new AssignedApplicationContent(snapshot.Kind, snapshot.TakenAt, snapshot.Sha256, content.Organisation, content.Cluster, content.Members, content.Indicators, content.Narratives, content.Attachments)
                : null);
    }
}
