namespace KkkCompetition.Application.Common.Paging;

/// <summary>One page of a list, sorted and filtered on the server.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

public static class PagingExtensions
{
    public const int MaxPageSize = 200;

    /// <summary>Sorts by a column, then by a unique key in the same direction, so pages never overlap or skip rows.</summary>
    public static IQueryable<T> SortBy<T, TKey, TTie>(
        this IQueryable<T> query,
        System.Linq.Expressions.Expression<Func<T, TKey>> key,
        System.Linq.Expressions.Expression<Func<T, TTie>> tieBreaker,
        bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(tieBreaker) : query.OrderBy(key).ThenBy(tieBreaker);

    public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int pageSize) =>
        query.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize);
}
