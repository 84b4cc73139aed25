using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

/// <summary>A competition with everything an official sets up (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record GetCompetition(Guid CompetitionId) : IQuery<CompetitionDetailsDto>;

public sealed class GetCompetitionValidator : AbstractValidator<GetCompetition>
{
    public GetCompetitionValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class GetCompetitionHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetCompetition, CompetitionDetailsDto>
{
    public async ValueTask<CompetitionDetailsDto> Handle(GetCompetition query, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(query.CompetitionId, cancellationToken);
        return CompetitionDetailsDto.From(competition, clock.GetUtcNow());
    }
}

public enum CompetitionSort
{
    Year,
    Name,
    OpensAt,
    ClosesAt,
}

public sealed record CompetitionListItemDto(
    Guid Id,
    string Name,
    int Year,
    int Round,
    CompetitionStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    decimal PassThreshold,
    int CriteriaCount,
    int EligibilityRuleCount,
    int RulesVersion,
    int Version);

/// <summary>All competitions for officials, paged, sorted and filtered on the server; the status filter uses the status the clock gives.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListCompetitions(
    CompetitionStatus? Status = null,
    int? Year = null,
    int Page = 1,
    int PageSize = 25,
    CompetitionSort SortBy = CompetitionSort.Year,
    bool Descending = true) : IQuery<PagedResult<CompetitionListItemDto>>;

public sealed class ListCompetitionsValidator : AbstractValidator<ListCompetitions>
{
    public ListCompetitionsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Year).InclusiveBetween(CreateCompetitionValidator.MinYear, CreateCompetitionValidator.MaxYear);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class ListCompetitionsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListCompetitions, PagedResult<CompetitionListItemDto>>
{
    public async ValueTask<PagedResult<CompetitionListItemDto>> Handle(ListCompetitions query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var competitions = db.Competitions.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status)
        {
            competitions = competitions.WhereStatusAt(status, now);
        }

        if (query.Year is { } year)
        {
            competitions = competitions.Where(c => c.Year == year);
        }

        var total = await competitions.CountAsync(cancellationToken);
        var rows = await Sort(competitions, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Year,
                c.Round,
                c.Status,
                c.Timeline.OpensAt,
                c.Timeline.ClosesAt,
                c.PassThreshold,
                Criteria = c.Criteria.Count,
                Rules = c.EligibilityRules.Count,
                c.RulesVersion,
                c.Version,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CompetitionListItemDto(
            r.Id, r.Name, r.Year, r.Round, Competition.StatusAt(r.Status, r.OpensAt, r.ClosesAt, now), r.OpensAt, r.ClosesAt, r.PassThreshold, r.Criteria, r.Rules, r.RulesVersion, r.Version)).ToList();
        return new PagedResult<CompetitionListItemDto>(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<Competition> Sort(IQueryable<Competition> competitions, CompetitionSort sort, bool descending) => sort switch
    {
        CompetitionSort.Name => competitions.SortBy(c => c.Name, c => c.Id, descending),
        CompetitionSort.OpensAt => competitions.SortBy(c => c.Timeline.OpensAt, c => c.Id, descending),
        CompetitionSort.ClosesAt => competitions.SortBy(c => c.Timeline.ClosesAt, c => c.Id, descending),
        _ => competitions.SortBy(c => (c.Year * 10) + c.Round, c => c.Id, descending),
    };
}
