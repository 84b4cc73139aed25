namespace KkkCompetition.Application.Common.Paging;

/// <summary>One page of a list, sorted and filtered on the server.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

public static class PagingExtensions
{
    public const int MaxPageSize = 200;

    public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int pageSize) =>
        query.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize);
}
