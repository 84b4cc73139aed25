using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

public enum ExpertSort
{
    Name,
    Email,
    Status,
    Voivodeship,
    MaxLoad,
    InvitedAt,
}

/// <summary>
/// The expert pool (officials), filtered on the server: <see cref="Search"/> matches the name or the address; status,
/// specialisation (KIS code), voivodeship (TERYT) and availability narrow it; sorted and paged.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListExperts(
    string? Search = null,
    ExpertStatus? Status = null,
    string? KisCode = null,
    string? VoivodeshipTeryt = null,
    bool? Available = null,
    ExpertSort SortBy = ExpertSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<ExpertListItem>>;

public sealed record ExpertListItem(
    Guid Id,
    string Email,
    string FullName,
    ExpertStatus Status,
    string? VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    bool IsProfileComplete,
    DateTimeOffset InvitedAt,
    DateTimeOffset? InvitationExpiresAt,
    int Version);

/// <summary>One member of the pool with the whole profile: officials any, an expert only his own (else 404).</summary>
[AllowedRoles(Roles.Official, Roles.Expert)]
public sealed record GetExpert(Guid ExpertId) : IQuery<ExpertDto>, IExpertRequest;

public sealed class ListExpertsValidator : AbstractValidator<ListExperts>
{
    public const int MaxSearchLength = 100;

    public ListExpertsValidator()
    {
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.KisCode).MaximumLength(20);
        RuleFor(x => x.VoivodeshipTeryt).MaximumLength(2);
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetExpertValidator : AbstractValidator<GetExpert>
{
    public GetExpertValidator() => RuleFor(x => x.ExpertId).NotEmpty();
}

public sealed class ListExpertsHandler(IAppDbContext db) : IQueryHandler<ListExperts, PagedResult<ExpertListItem>>
{
    public async ValueTask<PagedResult<ExpertListItem>> Handle(ListExperts query, CancellationToken cancellationToken)
    {
        var experts = db.Experts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides: the same answer on every provider (PostgreSQL's LIKE is case-sensitive).
            var search = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            experts = experts.Where(e => e.FullName.ToLower().Contains(search) || e.Email.Contains(search));
#pragma warning restore CA1862
        }

        if (query.Status is { } status)
        {
            experts = experts.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.KisCode))
        {
            var kis = query.KisCode.Trim();
            experts = experts.Where(e => e.KisCodes.Contains(kis));
        }

        if (!string.IsNullOrWhiteSpace(query.VoivodeshipTeryt))
        {
            var teryt = query.VoivodeshipTeryt.Trim();
            experts = experts.Where(e => e.VoivodeshipTeryt == teryt);
        }

        if (query.Available is { } available)
        {
            experts = experts.Where(e => e.Available == available);
        }

        var total = await experts.CountAsync(cancellationToken);
        var items = await Sort(experts, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(e => new ExpertListItem(
                e.Id,
                e.Email,
                e.FullName,
                e.Status,
                e.VoivodeshipTeryt,
                e.KisCodes,
                e.MaxLoadPerCompetition,
                e.Available,
                e.VoivodeshipTeryt != null && e.KisCodes.Count > 0,
                e.InvitedAt,
                e.InvitationExpiresAt,
                e.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<ExpertListItem>(items, total, query.Page, query.PageSize);
    }

    // The address is unique: it breaks ties, so pages never overlap or skip an expert.
    private static IQueryable<Expert> Sort(IQueryable<Expert> experts, ExpertSort sort, bool descending) => sort switch
    {
        ExpertSort.Email => experts.SortBy(e => e.Email, e => e.Id, descending),
        ExpertSort.Status => experts.SortBy(e => e.Status, e => e.Email, descending),
        // Without a region first (ascending) on every provider: PostgreSQL would put NULLs last, SQLite first.
        ExpertSort.Voivodeship => experts.SortBy(e => e.VoivodeshipTeryt ?? "", e => e.Email, descending),
        ExpertSort.MaxLoad => experts.SortBy(e => e.MaxLoadPerCompetition, e => e.Email, descending),
        ExpertSort.InvitedAt => experts.SortBy(e => e.InvitedAt, e => e.Email, descending),
        _ => experts.SortBy(e => e.FullName, e => e.Email, descending),
    };
}

public sealed class GetExpertHandler(IAppDbContext db) : IQueryHandler<GetExpert, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(GetExpert query, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.ExpertId, cancellationToken)
            ?? throw new NotFoundException(nameof(Expert), query.ExpertId);
        return ExpertDto.From(expert, expert.Version);
    }
}
