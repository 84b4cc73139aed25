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

namespace KkkCompetition.Application.Evaluation.Assignment;

public enum AssignmentBoardFilter
{
    All,

    /// <summary>Fewer active experts than needed.</summary>
    Understaffed,

    /// <summary>At least one assignment past its deadline without a submitted sheet.</summary>
    Overdue,

    /// <summary>All experts in place.</summary>
    Complete,
}

public enum AssignmentBoardSort
{
    Number,
    Cluster,

    /// <summary>By how many experts are missing.</summary>
    Missing,
}

/// <summary>
/// The assignment board of a competition (officials): per application its experts with their status, why each was chosen
/// (shared KIS codes, another region, the load it brought), the deadline and whether it is overdue, and the official's pins and
/// prohibitions; with the totals of the competition. Filtered (short, overdue, complete; number or cluster), sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetAssignmentBoard(
    Guid CompetitionId,
    AssignmentBoardFilter Filter = AssignmentBoardFilter.All,
    string? Search = null,
    AssignmentBoardSort SortBy = AssignmentBoardSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<AssignmentBoard>;

public sealed record AssignmentBoard(BoardTotals Totals, PagedResult<BoardApplication> Applications);

public sealed record BoardTotals(int Applications, int FullyStaffed, int Understaffed, int OverdueAssignments, int ExpertsInPool, int ExpertsPerApplication);

public sealed record BoardApplication(
    Guid ApplicationId,
    string Number,
    string ClusterName,
    ApplicationStatus Status,
    int ExpertsNeeded,
    int ActiveExperts,
    IReadOnlyList<BoardAssignment> Assignments,
    IReadOnlyList<BoardOverride> Overrides);

/// <summary>One assignment on the board, active or not (released and declined ones stay visible, with their reason).</summary>
public sealed record BoardAssignment(
    Guid AssignmentId,
    Guid ExpertId,
    string ExpertName,
    AssignmentStatus Status,
    AssignmentOrigin Origin,
    int KisMatches,
    bool OtherVoivodeship,
    int LoadAfter,
    int MaxLoad,
    bool Pinned,
    DateTimeOffset AssignedAt,
    DateTimeOffset Deadline,
    bool IsOverdue,
    DateTimeOffset? DeclarationSignedAt,
    string? ConflictReason,
    string? ReleaseReason,
    int Version);

/// <param name="Honoured">For a pin: the expert is on the application.</param>
public sealed record BoardOverride(Guid OverrideId, Guid ExpertId, string ExpertName, OverrideKind Kind, string Reason, DateTimeOffset CreatedAt, bool Honoured);

public sealed class GetAssignmentBoardValidator : AbstractValidator<GetAssignmentBoard>
{
    public const int MaxSearchLength = 100;

    public GetAssignmentBoardValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Filter).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetAssignmentBoardHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetAssignmentBoard, AssignmentBoard>
{
    public async ValueTask<AssignmentBoard> Handle(GetAssignmentBoard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var experts = await db.Competitions.Where(c => c.Id == query.CompetitionId).Select(c => new { c.ExpertsPerApplication, c.ReEvaluationExperts }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Competition", query.CompetitionId);
        var rows = BoardRows(query.CompetitionId, experts.ExpertsPerApplication, experts.ReEvaluationExperts, now);

        var totals = new BoardTotals(
            await rows.CountAsync(cancellationToken),
            await rows.CountAsync(r => r.Active >= r.Needed, cancellationToken),
            await rows.CountAsync(r => r.Active < r.Needed, cancellationToken),
            await db.ExpertAssignments.CountAsync(a => a.CompetitionId == query.CompetitionId && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted) && a.Deadline < now, cancellationToken),
            // UpdateProfile requires a specialisation with the region, so a region means a complete profile.
            await db.Experts.CountAsync(e => e.Status == ExpertStatus.Active && e.Available && e.VoivodeshipTeryt != null, cancellationToken),
            experts.ExpertsPerApplication);

        rows = query.Filter switch
        {
            AssignmentBoardFilter.Understaffed => rows.Where(r => r.Active < r.Needed),
            AssignmentBoardFilter.Complete => rows.Where(r => r.Active >= r.Needed),
            AssignmentBoardFilter.Overdue => rows.Where(r => r.Overdue),
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
        var sorted = query.SortBy switch
        {
            AssignmentBoardSort.Cluster => rows.SortBy(r => r.ClusterName, r => r.Id, query.Descending),
            AssignmentBoardSort.Missing => rows.SortBy(r => r.Needed - r.Active, r => r.Number, query.Descending),
            _ => rows.SortBy(r => r.Number, r => r.Id, query.Descending),
        };
        var page = await sorted.Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var items = await DetailsAsync(page, now, cancellationToken);
        return new AssignmentBoard(totals, new PagedResult<BoardApplication>(items, total, query.Page, query.PageSize));
    }

    private IQueryable<Row> BoardRows(Guid competitionId, int perApplication, int reEvaluationExperts, DateTimeOffset now)
    {
        var assignable = ExpertStaffing.AssignableStatuses.ToList();
        return from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
               where a.CompetitionId == competitionId && a.Number != null
                     && (assignable.Contains(a.Status) || db.ExpertAssignments.Any(x => x.ApplicationId == a.Id))
               join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
               select new Row
               {
                   Id = a.Id,
                   Number = a.Number!,
                   ClusterName = c.Name,
                   Status = a.Status,
                   // After an upheld appeal the places are the re-evaluation's; the earlier round's sheets stay listed as history.
                   Needed = a.EvaluationRound > 1 ? reEvaluationExperts : perApplication + (a.DivergenceDetectedAt != null ? 1 : 0),
                   Active = db.ExpertAssignments.Count(x => x.ApplicationId == a.Id && x.Round == a.EvaluationRound
                       && (x.Status == AssignmentStatus.Assigned || x.Status == AssignmentStatus.Accepted || x.Status == AssignmentStatus.Submitted)),
                   Overdue = db.ExpertAssignments.Any(x => x.ApplicationId == a.Id
                       && (x.Status == AssignmentStatus.Assigned || x.Status == AssignmentStatus.Accepted) && x.Deadline < now),
               };
    }

    private async Task<List<BoardApplication>> DetailsAsync(List<Row> page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = page.Select(r => r.Id).ToList();
        var assignments = await (from a in db.ExpertAssignments.AsNoTracking()
                                 where ids.Contains(a.ApplicationId)
                                 join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                                 orderby a.AssignedAt, a.Id
                                 select new { Assignment = a, e.FullName, e.MaxLoadPerCompetition }).ToListAsync(cancellationToken);
        var overrides = await (from o in db.AssignmentOverrides.AsNoTracking()
                               where ids.Contains(o.ApplicationId)
                               join e in db.Experts.AsNoTracking() on o.ExpertId equals e.Id
                               orderby o.CreatedAt, o.Id
                               select new { Override = o, e.FullName }).ToListAsync(cancellationToken);
        return page.Select(r =>
        {
            var own = assignments.Where(x => x.Assignment.ApplicationId == r.Id).ToList();
            var active = own.Where(x => x.Assignment.IsActive).Select(x => x.Assignment.ExpertId).ToHashSet();
            return new BoardApplication(
                r.Id,
                r.Number,
                r.ClusterName,
                r.Status,
                r.Needed,
                r.Active,
                own.Select(x =>
                {
                    var a = x.Assignment;
                    return new BoardAssignment(a.Id, a.ExpertId, x.FullName, a.Status, a.Origin, a.KisMatches, a.OtherVoivodeship, a.LoadAfter, x.MaxLoadPerCompetition, a.Pinned,
                        a.AssignedAt, a.Deadline, a.IsOverdueAt(now), a.DeclarationSignedAt, a.ConflictReason, a.ReleaseReason, a.Version);
                }).ToList(),
                overrides.Where(x => x.Override.ApplicationId == r.Id)
                    .Select(x => new BoardOverride(x.Override.Id, x.Override.ExpertId, x.FullName, x.Override.Kind, x.Override.Reason, x.Override.CreatedAt,
                        x.Override.Kind == OverrideKind.Pin && active.Contains(x.Override.ExpertId)))
                    .ToList());
        }).ToList();
    }

    /// <summary>Init properties, not a positional record, so that filtering, sorting and paging translate after the projection.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public int Needed { get; init; }
        public int Active { get; init; }
        public bool Overdue { get; init; }
    }
}

public enum OverdueSort
{
    Deadline,
    Number,
    Expert,
}

/// <summary>
/// The assignments of a competition past their deadline without a submitted sheet (officials), to remind or release:
/// number, cluster, expert, status, deadline and days overdue. Sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListOverdueAssignments(
    Guid CompetitionId,
    OverdueSort SortBy = OverdueSort.Deadline,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<OverdueAssignment>>;

public sealed record OverdueAssignment(
    Guid AssignmentId,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    Guid ExpertId,
    string ExpertName,
    AssignmentStatus Status,
    DateTimeOffset Deadline,
    int DaysOverdue,
    int Version);

public sealed class ListOverdueAssignmentsValidator : AbstractValidator<ListOverdueAssignments>
{
    public ListOverdueAssignmentsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListOverdueAssignmentsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListOverdueAssignments, PagedResult<OverdueAssignment>>
{
    public async ValueTask<PagedResult<OverdueAssignment>> Handle(ListOverdueAssignments query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = from a in db.ExpertAssignments.AsNoTracking()
                   where a.CompetitionId == query.CompetitionId && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted) && a.Deadline < now
                   join p in db.Applications.AsNoTracking().IgnoreAutoIncludes() on a.ApplicationId equals p.Id
                   join c in db.Clusters.AsNoTracking() on p.ClusterId equals c.Id
                   join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                   select new Row
                   {
                       Id = a.Id,
                       ApplicationId = p.Id,
                       Number = p.Number ?? "",
                       ClusterName = c.Name,
                       ExpertId = e.Id,
                       ExpertName = e.FullName,
                       Status = a.Status,
                       Deadline = a.Deadline,
                       Version = a.Version,
                   };
        var total = await rows.CountAsync(cancellationToken);
        var sorted = query.SortBy switch
        {
            OverdueSort.Number => rows.SortBy(r => r.Number, r => r.Id, query.Descending),
            OverdueSort.Expert => rows.SortBy(r => r.ExpertName, r => r.Id, query.Descending),
            _ => rows.SortBy(r => r.Deadline, r => r.Id, query.Descending),
        };
        var page = await sorted.Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(now);
        var items = page.Select(r => new OverdueAssignment(
            r.Id, r.ApplicationId, r.Number, r.ClusterName, r.ExpertId, r.ExpertName, r.Status, r.Deadline,
            Math.Max(1, today.DayNumber - Domain.Calendar.WorkingDayCalendar.ToWarsawDate(r.Deadline).DayNumber), r.Version)).ToList();
        return new PagedResult<OverdueAssignment>(items, total, query.Page, query.PageSize);
    }

    /// <summary>Init properties, not a positional record, so that sorting and paging translate after the projection.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ApplicationId { get; init; }
        public string Number { get; init; } = "";
        public string ClusterName { get; init; } = "";
        public Guid ExpertId { get; init; }
        public string ExpertName { get; init; } = "";
        public AssignmentStatus Status { get; init; }
        public DateTimeOffset Deadline { get; init; }
        public int Version { get; init; }
    }
}

/// <summary>
/// The experts of the pool as candidates for one application (officials), for a manual assignment, a pin or a prohibition:
/// per expert the shared KIS codes, the region, the load in the competition, and what would stop him
/// (<see cref="AssignmentCandidate.ObstacleCode"/>, the same codes a manual assignment answers; the conflicting NIP named).
/// Those who may take it first, then by specialisation, region and load; searched by name and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListAssignmentCandidates(
    Guid CompetitionId,
    Guid ApplicationId,
    string? Search = null,
    bool OnlyEligible = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<AssignmentCandidate>>;

public sealed record AssignmentCandidate(
    Guid ExpertId,
    string Name,
    string? Voivodeship,
    IReadOnlyList<string> KisCodes,
    int KisMatches,
    bool OtherVoivodeship,
    int Load,
    int MaxLoad,
    string? ObstacleCode,
    string? ConflictNip,
    OverrideKind? Decision);

public sealed class ListAssignmentCandidatesValidator : AbstractValidator<ListAssignmentCandidates>
{
    public ListAssignmentCandidatesValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Search).MaximumLength(GetAssignmentBoardValidator.MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListAssignmentCandidatesHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListAssignmentCandidates, PagedResult<AssignmentCandidate>>
{
    public async ValueTask<PagedResult<AssignmentCandidate>> Handle(ListAssignmentCandidates query, CancellationToken cancellationToken)
    {
        var (state, _) = await PairChecks.LoadApplicationAsync(db, query.CompetitionId, query.ApplicationId, clock.GetUtcNow(), cancellationToken, anyStatus: true);
        var facts = state.Facts[query.ApplicationId];

        // The conflicts are worked out from the affiliations (JSON) in memory, so the pool is read whole: a few hundred experts.
        var experts = db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            experts = experts.Where(e => e.FullName.ToLower().Contains(search));
#pragma warning restore CA1862
        }

        var candidates = (await experts.ToListAsync(cancellationToken)).Select(expert =>
        {
            var history = state.Assignments.Where(a => a.ApplicationId == query.ApplicationId && a.ExpertId == expert.Id).ToList();
            var decision = state.Overrides.FirstOrDefault(o => o.ApplicationId == query.ApplicationId && o.ExpertId == expert.Id)?.Kind;
            var obstacle = AssignmentPairRules.Check(expert, facts.Nips, history, decision == OverrideKind.Forbid, state.Load(expert.Id), state.Today);
            return new AssignmentCandidate(
                expert.Id,
                expert.FullName,
                expert.VoivodeshipTeryt,
                expert.KisCodes,
                facts.KisCodes.Count(expert.KisCodes.Contains),
                expert.VoivodeshipTeryt is { } region && !string.Equals(region, facts.Voivodeship, StringComparison.Ordinal),
                state.Load(expert.Id),
                expert.MaxLoadPerCompetition,
                obstacle?.Code,
                obstacle?.Nip,
                decision);
        });
        if (query.OnlyEligible)
        {
            candidates = candidates.Where(c => c.ObstacleCode is null);
        }

        var ordered = candidates
            .OrderBy(c => c.ObstacleCode is null ? 0 : 1)
            .ThenByDescending(c => c.KisMatches)
            .ThenByDescending(c => c.OtherVoivodeship)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ThenBy(c => c.ExpertId)
            .ToList();
        var items = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new PagedResult<AssignmentCandidate>(items, ordered.Count, query.Page, query.PageSize);
    }
}
