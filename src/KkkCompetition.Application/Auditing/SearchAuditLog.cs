using FluentValidation;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace KkkCompetition.Application.Auditing;

public enum AuditSort
{
    Sequence,
    OccurredAt,
    UserName,
    Command,
    EntityType,
}

/// <summary>Searches the audit log: filters, sort and paging all run in the database.</summary>
[AllowedRoles(Roles.Administrator, Roles.Official)]
public sealed record SearchAuditLog(
    string? Text = null,
    string? UserName = null,
    string? Command = null,
    string? EntityType = null,
    string? EntityId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    AuditSort SortBy = AuditSort.Sequence,
    bool Descending = true,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<AuditEntryDto>>;

public sealed record AuditEntryDto(
    long Sequence,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string UserName,
    string Role,
    string Command,
    string EntityType,
    string EntityId,
    string Operation,
    string? Before,
    string? After,
    string? IpAddress,
    string? CorrelationId,
    string PreviousHash,
    string Hash);

public sealed class SearchAuditLogValidator : AbstractValidator<SearchAuditLog>
{
    public SearchAuditLogValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class SearchAuditLogHandler(IAppDbContext db) : IQueryHandler<SearchAuditLog, PagedResult<AuditEntryDto>>
{
    public async ValueTask<PagedResult<AuditEntryDto>> Handle(SearchAuditLog query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            entries = entries.Where(e => e.Command.Contains(text) || e.EntityType.Contains(text) || e.UserName.Contains(text) || e.EntityId == text);
        }

        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            entries = entries.Where(e => e.UserName == query.UserName);
        }

        if (!string.IsNullOrWhiteSpace(query.Command))
        {
            entries = entries.Where(e => e.Command == query.Command);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await Sort(entries, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryDto>(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<AuditEntry> Sort(IQueryable<AuditEntry> entries, AuditSort sort, bool descending) => sort switch
    {
        AuditSort.OccurredAt => entries.SortBy(e => e.OccurredAt, e => e.Sequence, descending),
        AuditSort.UserName => entries.SortBy(e => e.UserName, e => e.Sequence, descending),
        AuditSort.Command => entries.SortBy(e => e.Command, e => e.Sequence, descending),
        AuditSort.EntityType => entries.SortBy(e => e.EntityType, e => e.Sequence, descending),
        _ => entries.SortBy(e => e.Sequence, e => e.Sequence, descending),
    };
}

[Mapper]
public static partial class AuditMapper
{
    public static partial IQueryable<AuditEntryDto> ProjectToDto(this IQueryable<AuditEntry> entries);
}
