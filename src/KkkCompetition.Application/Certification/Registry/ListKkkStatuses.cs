using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

public enum KkkStatusSort
{
    CertificateNumber,
    ClusterName,
    ValidTo,
}

/// <summary>Every KKK status in any state, for the official who may revoke one: filter by state, search, sort, page.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListKkkStatuses(
    KkkStatusState? State = null,
    string? Search = null,
    KkkStatusSort SortBy = KkkStatusSort.ValidTo,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<KkkStatusItem>>;

public sealed record KkkStatusItem(
    Guid StatusId,
    Guid ClusterId,
    string CertificateNumber,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    KkkStatusState State,
    DateOnly? EndedOn,
    string? EndReason,
    int Version);

public sealed class ListKkkStatusesValidator : AbstractValidator<ListKkkStatuses>
{
    public ListKkkStatusesValidator()
    {
        RuleFor(x => x.State).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListKkkStatusesHandler(IAppDbContext db) : IQueryHandler<ListKkkStatuses, PagedResult<KkkStatusItem>>
{
    public async ValueTask<PagedResult<KkkStatusItem>> Handle(ListKkkStatuses query, CancellationToken cancellationToken)
    {
        var statuses = db.KkkStatuses.AsNoTracking();
        if (query.State is { } state)
        {
            statuses = statuses.Where(s => s.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            statuses = statuses.Where(s => s.ClusterName.ToLower().Contains(text) || s.CertificateNumber.ToLower().Contains(text) || s.CoordinatorName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var total = await statuses.CountAsync(cancellationToken);
        var sorted = query.SortBy switch
        {
            KkkStatusSort.CertificateNumber => statuses.SortBy(s => s.CertificateNumber, s => s.Id, query.Descending),
            KkkStatusSort.ClusterName => statuses.SortBy(s => s.ClusterName, s => s.CertificateNumber, query.Descending),
            _ => statuses.SortBy(s => s.ValidTo, s => s.CertificateNumber, query.Descending),
        };
        var items = await sorted.Page(query.Page, query.PageSize)
            .Select(s => new KkkStatusItem(s.Id, s.ClusterId, s.CertificateNumber, s.ClusterName, s.CoordinatorName, s.VoivodeshipTeryt, s.ValidFrom, s.ValidTo, s.State, s.EndedOn, s.EndReason, s.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<KkkStatusItem>(items, total, query.Page, query.PageSize);
    }
}
