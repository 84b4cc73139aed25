using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

public enum RegistrySort
{
    ClusterName,
    Voivodeship,
    ValidFrom,
    ValidTo,
}

/// <summary>
/// The public registry (no sign-in): the KKKs in force today — active and within their validity — filtered by
/// voivodeship, KIS or a search in the cluster's or coordinator's name, sorted and paged on the server.
/// </summary>
[PublicRequest]
public sealed record ListRegistry(
    string? Voivodeship = null,
    string? Kis = null,
    string? Search = null,
    RegistrySort SortBy = RegistrySort.ClusterName,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<RegistryPage>;

public sealed class ListRegistryValidator : AbstractValidator<ListRegistry>
{
    public const int MaxSearchLength = 100;

    public ListRegistryValidator()
    {
        RuleFor(x => x.Voivodeship).Matches("^[0-9]{2}$").When(x => !string.IsNullOrEmpty(x.Voivodeship));
        RuleFor(x => x.Kis).MaximumLength(10);
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListRegistryHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListRegistry, RegistryPage>
{
    public async ValueTask<RegistryPage> Handle(ListRegistry query, CancellationToken cancellationToken)
    {
        var generatedAt = clock.GetUtcNow();
        var today = RegistryData.Today(clock);
        var statuses = Filter(db.KkkStatuses.AsNoTracking().Current(today), query.Voivodeship, query.Kis, query.Search);

        var total = await statuses.CountAsync(cancellationToken);
        var rows = await Sort(statuses, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(s => new { s.Id, s.ClusterId, s.CertificateNumber, s.ClusterName, s.CoordinatorName, s.VoivodeshipTeryt, s.KisCodes, s.Website, s.ValidFrom, s.ValidTo })
            .ToListAsync(cancellationToken);
        var voivodeships = await RegistryData.VoivodeshipNamesAsync(db, cancellationToken);
        var kis = await RegistryData.KisAsync(db, cancellationToken);
        var items = rows.Select(r => new RegistryEntry(
                r.Id,
                r.ClusterId,
                r.CertificateNumber,
                r.ClusterName,
                r.CoordinatorName,
                r.VoivodeshipTeryt,
                RegistryData.Name(voivodeships, r.VoivodeshipTeryt),
                RegistryData.Specialisations(r.KisCodes, kis),
                r.Website,
                r.ValidFrom,
                r.ValidTo))
            .ToList();
        return new RegistryPage(items, total, query.Page, query.PageSize, today, generatedAt);
    }

    /// <summary>The filters of the page and of the open data alike.</summary>
    internal static IQueryable<KkkStatus> Filter(IQueryable<KkkStatus> statuses, string? voivodeship, string? kis, string? search)
    {
        if (!string.IsNullOrEmpty(voivodeship))
        {
            statuses = statuses.Where(s => s.VoivodeshipTeryt == voivodeship);
        }

        if (!string.IsNullOrWhiteSpace(kis))
        {
            var code = kis.Trim().ToUpperInvariant();
            statuses = statuses.Where(s => s.KisCodes.Contains(code));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower-cased on both sides: the same answer on every provider (PostgreSQL's LIKE is case-sensitive).
            var text = search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            statuses = statuses.Where(s => s.ClusterName.ToLower().Contains(text) || s.CoordinatorName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        return statuses;
    }

    private static IQueryable<KkkStatus> Sort(IQueryable<KkkStatus> statuses, RegistrySort sort, bool descending) => sort switch
    {
        // TERYT codes follow the Polish alphabetical order of the voivodeships' names.
        RegistrySort.Voivodeship => statuses.SortBy(s => s.VoivodeshipTeryt, s => s.CertificateNumber, descending),
        RegistrySort.ValidFrom => statuses.SortBy(s => s.ValidFrom, s => s.CertificateNumber, descending),
        RegistrySort.ValidTo => statuses.SortBy(s => s.ValidTo, s => s.CertificateNumber, descending),
        _ => statuses.SortBy(s => s.ClusterName, s => s.CertificateNumber, descending),
    };
}
