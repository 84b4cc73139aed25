using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

public enum ConflictKind
{
    /// <summary>A recent affiliation's NIP is the coordinator's or a member's: the solver never pairs them.</summary>
    Automatic,

    /// <summary>The expert declared a conflict on his assignment, which was released.</summary>
    Declared,
}

public enum ConflictSort
{
    Expert,
    Application,
    Kind,
}

/// <summary>
/// The conflicts of interest of a competition (officials), in one list: (a) every expert of the pool (not taken out of it)
/// excluded from an application the solver staffs (formally accepted or under evaluation) because a recent affiliation's NIP
/// is the coordinator's or a member's — by the rule the solver and a manual assignment use
/// (<see cref="AssignmentPairRules.ConflictsOfInterest"/>), naming the NIP and whose it is; (b) every assignment released
/// because its expert declared a conflict, with the reason, the time and whether a replacement was assigned since.
/// Filtered by kind, expert name and application (number or cluster), sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListCompetitionConflicts(
    Guid CompetitionId,
    ConflictKind? Kind = null,
    string? Expert = null,
    string? Application = null,
    ConflictSort SortBy = ConflictSort.Expert,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<CompetitionConflict>>;

/// <summary>
/// One conflict. <see cref="ConflictKind.Automatic"/>: <see cref="Nip"/> with <see cref="NipHolder"/> (the coordinator's or
/// the member's name). <see cref="ConflictKind.Declared"/>: the <see cref="AssignmentId"/>, <see cref="Reason"/>,
/// <see cref="DeclaredAt"/> and <see cref="ReplacementAssigned"/>.
/// </summary>
public sealed record CompetitionConflict(
    ConflictKind Kind,
    Guid ExpertId,
    string ExpertName,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    string? Nip,
    NipHolder? NipHolder,
    Guid? AssignmentId,
    string? Reason,
    DateTimeOffset? DeclaredAt,
    bool? ReplacementAssigned);

public sealed class ListCompetitionConflictsValidator : AbstractValidator<ListCompetitionConflicts>
{
    public ListCompetitionConflictsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Expert).MaximumLength(GetAssignmentBoardValidator.MaxSearchLength);
        RuleFor(x => x.Application).MaximumLength(GetAssignmentBoardValidator.MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListCompetitionConflictsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListCompetitionConflicts, PagedResult<CompetitionConflict>>
{
    public async ValueTask<PagedResult<CompetitionConflict>> Handle(ListCompetitionConflicts query, CancellationToken cancellationToken)
    {
        if (!await db.Competitions.AnyAsync(c => c.Id == query.CompetitionId, cancellationToken))
        {
            throw new NotFoundException("Competition", query.CompetitionId);
        }

        var rows = new List<CompetitionConflict>();
        if (query.Kind is null or ConflictKind.Automatic)
        {
            rows.AddRange(await AutomaticAsync(query, cancellationToken));
        }

        if (query.Kind is null or ConflictKind.Declared)
        {
            rows.AddRange(await DeclaredAsync(query, cancellationToken));
        }

        // The rows are worked out in memory (affiliations and snapshot NIPs are JSON), so the filters apply here, alike for both kinds.
        var filtered = rows.Where(r => Matches(r.ExpertName, query.Expert) && (Matches(r.ApplicationNumber, query.Application) || Matches(r.ClusterName, query.Application)));
        var ordered = Sort(filtered, query.SortBy, query.Descending).ToList();
        var items = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new PagedResult<CompetitionConflict>(items, ordered.Count, query.Page, query.PageSize);
    }

    private async Task<IEnumerable<CompetitionConflict>> AutomaticAsync(ListCompetitionConflicts query, CancellationToken cancellationToken)
    {
        // The same applications and snapshot NIPs the solver reads; the sections are not read (only the status and number matter).
        var scope = db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.CompetitionId == query.CompetitionId && a.Number != null && ExpertStaffing.AssignableStatuses.Contains(a.Status));
        var applications = await scope.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return [];
        }

        var facts = await StaffingState.ReadFactsAsync(db, scope, applications, cancellationToken);
        var experts = (await db.Experts.AsNoTracking().Where(e => e.Status != ExpertStatus.Inactive).ToListAsync(cancellationToken))
            .Where(e => Matches(e.FullName, query.Expert))
            .ToDictionary(e => e.Id);

        var today = WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
        var pairs = AssignmentPairRules.ConflictsOfInterest(
            experts.Values.Select(e => new ExpertNips(e.Id, AssignmentPairRules.RecentNips(e, today))),
            facts.Values.Select(f => new ApplicationNipSet(f.ApplicationId, f.Nips)));
        return pairs.Select(p =>
        {
            var f = facts[p.ApplicationId];
            return new CompetitionConflict(
                ConflictKind.Automatic, p.ExpertId, experts[p.ExpertId].FullName, p.ApplicationId, f.Number, f.ClusterName, p.Nip, f.Holders[p.Nip], null, null, null, null);
        });
    }

    private async Task<IEnumerable<CompetitionConflict>> DeclaredAsync(ListCompetitionConflicts query, CancellationToken cancellationToken)
    {
        var declared = await (from a in db.ExpertAssignments.AsNoTracking()
                              where a.CompetitionId == query.CompetitionId && a.Status == AssignmentStatus.ConflictDeclared
                              join p in db.Applications.AsNoTracking().IgnoreAutoIncludes() on a.ApplicationId equals p.Id
                              join c in db.Clusters.AsNoTracking() on p.ClusterId equals c.Id
                              join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                              select new { a.Id, a.ApplicationId, Number = p.Number ?? "", ClusterName = c.Name, a.ExpertId, e.FullName, a.ConflictReason, a.ConflictDeclaredAt })
            .ToListAsync(cancellationToken);
        if (declared.Count == 0)
        {
            return [];
        }

        var applicationIds = declared.Select(d => d.ApplicationId).Distinct().ToList();
        var history = await db.ExpertAssignments.AsNoTracking()
            .Where(a => applicationIds.Contains(a.ApplicationId))
            .Select(a => new PlaceEvent(a.Id, a.ApplicationId, a.Status, a.Origin, a.AssignedAt, a.ConflictDeclaredAt ?? a.ReleasedAt))
            .ToListAsync(cancellationToken);
        var replaced = ReplacedPlaces(history);
        return declared.Select(d => new CompetitionConflict(
            ConflictKind.Declared, d.ExpertId, d.FullName, d.ApplicationId, d.Number, d.ClusterName, null, null, d.Id, d.ConflictReason, d.ConflictDeclaredAt, replaced.Contains(d.Id)));
    }

    private sealed record PlaceEvent(Guid Id, Guid ApplicationId, AssignmentStatus Status, AssignmentOrigin Origin, DateTimeOffset AssignedAt, DateTimeOffset? FreedAt);

    /// <summary>
    /// The freed places (declared conflicts and releases) that got an expert again. A replacement is not linked to the place
    /// it fills, so the places of an application are matched in time order with the assignments made since each was freed:
    /// a replacement (made in the same command, so at the same moment or after) or a later run's or an official's assignment.
    /// An extra expert after divergence or an appeal opens a place of its own and fills none of these.
    /// </summary>
    private static HashSet<Guid> ReplacedPlaces(List<PlaceEvent> history)
    {
        var replaced = new HashSet<Guid>();
        foreach (var own in history.GroupBy(h => h.ApplicationId))
        {
            var fillers = own.Where(h => h.Origin is AssignmentOrigin.Replacement or AssignmentOrigin.Solver or AssignmentOrigin.Manual)
                .OrderBy(h => h.AssignedAt).ThenBy(h => h.Id).ToList();
            var used = new HashSet<Guid>();
            foreach (var freed in own.Where(h => h.Status is AssignmentStatus.ConflictDeclared or AssignmentStatus.Released && h.FreedAt is not null)
                         .OrderBy(h => h.FreedAt).ThenBy(h => h.Id))
            {
                var filler = fillers.FirstOrDefault(f => f.Id != freed.Id && !used.Contains(f.Id)
                    && (f.Origin == AssignmentOrigin.Replacement ? f.AssignedAt >= freed.FreedAt : f.AssignedAt > freed.FreedAt));
                if (filler is not null)
                {
                    used.Add(filler.Id);
                    replaced.Add(freed.Id);
                }
            }
        }

        return replaced;
    }

    private static bool Matches(string value, string? search) =>
        string.IsNullOrWhiteSpace(search) || value.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<CompetitionConflict> Sort(IEnumerable<CompetitionConflict> rows, ConflictSort sortBy, bool descending)
    {
        var names = StringComparer.CurrentCulture;
        // Every key down to the assignment (or the pair) is compared, so pages never overlap or skip rows; descending reverses all.
        IOrderedEnumerable<CompetitionConflict> ordered = sortBy switch
        {
            ConflictSort.Application => By(rows, r => r.ApplicationNumber, StringComparer.Ordinal).ThenBy(r => r.ApplicationId).ThenBy(r => r.ExpertName, names).ThenBy(r => r.ExpertId).ThenBy(r => r.Kind),
            ConflictSort.Kind => By(rows, r => r.Kind, Comparer<ConflictKind>.Default).ThenBy(r => r.ExpertName, names).ThenBy(r => r.ExpertId).ThenBy(r => r.ApplicationNumber, StringComparer.Ordinal).ThenBy(r => r.ApplicationId),
            _ => By(rows, r => r.ExpertName, names).ThenBy(r => r.ExpertId).ThenBy(r => r.ApplicationNumber, StringComparer.Ordinal).ThenBy(r => r.ApplicationId).ThenBy(r => r.Kind),
        };
        var complete = ordered.ThenBy(r => r.DeclaredAt).ThenBy(r => r.AssignmentId);
        return descending ? complete.Reverse() : complete;

        static IOrderedEnumerable<CompetitionConflict> By<TKey>(IEnumerable<CompetitionConflict> source, Func<CompetitionConflict, TKey> key, IComparer<TKey> comparer) =>
            source.OrderBy(key, comparer);
    }
}
