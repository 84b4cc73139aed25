using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

public sealed record ClusterDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    DateOnly FoundedOn,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    IReadOnlyList<string> KeyEnablingTechnologies,
    string? Website,
    int MemberCount,
    DateTimeOffset? LastImportAt,
    int? LastImportRows,
    MemberImportMode? LastImportMode,
    int Version)
{
    /// <summary>Equal by content, the lists element by element (not by reference, as a record would compare them).</summary>
    public bool Equals(ClusterDto? other) =>
        other is not null
        && (Id, OrganisationId, OrganisationName, Name, FoundedOn, VoivodeshipTeryt, Website, MemberCount, LastImportAt, LastImportRows, LastImportMode, Version)
            == (other.Id, other.OrganisationId, other.OrganisationName, other.Name, other.FoundedOn, other.VoivodeshipTeryt, other.Website, other.MemberCount, other.LastImportAt, other.LastImportRows, other.LastImportMode, other.Version)
        && KisCodes.SequenceEqual(other.KisCodes)
        && KeyEnablingTechnologies.SequenceEqual(other.KeyEnablingTechnologies);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Version, KisCodes.Count);
}

/// <summary>One cluster with its member count (its coordinator, or staff read-only).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official, Roles.Administrator)]
public sealed record GetCluster(Guid ClusterId) : IQuery<ClusterDto>, IClusterRequest;

public sealed class GetClusterHandler(IAppDbContext db) : IQueryHandler<GetCluster, ClusterDto>
{
    public async ValueTask<ClusterDto> Handle(GetCluster query, CancellationToken cancellationToken) =>
        await ClusterQueries.Project(db, db.Clusters.Where(c => c.Id == query.ClusterId)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(nameof(Cluster), query.ClusterId);
}

/// <summary>
/// Clusters: an applicant sees the one of his or her organisation, officials and administrators all of them,
/// filtered by name on the server and paged.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official, Roles.Administrator)]
public sealed record ListClusters(string? Search = null, int Page = 1, int PageSize = 25) : IQuery<PagedResult<ClusterDto>>;

public sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.Search).MaximumLength(100);
    }
}

public sealed class ListClustersHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListClusters, PagedResult<ClusterDto>>
{
    public async ValueTask<PagedResult<ClusterDto>> Handle(ListClusters query, CancellationToken cancellationToken)
    {
        var clusters = db.Clusters.AsNoTracking();
        if (!Roles.Staff.Any(user.IsInRole))
        {
            var userId = ClusterAccess.UserId(user);
            clusters = clusters.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.OwnerUserId == userId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = ClusterQueries.ContainsPattern(query.Search);
            clusters = clusters.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, ClusterQueries.LikeEscape));
        }

        var total = await clusters.CountAsync(cancellationToken);
        var items = await ClusterQueries.Project(db, clusters.SortBy(c => c.Name, c => c.Id, descending: false).Page(query.Page, query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ClusterDto>(items, total, query.Page, query.PageSize);
    }
}

/// <summary>
/// Founds the cluster of the caller's organisation. One organisation coordinates one cluster: a second one is
/// refused with 409 <c>cluster.already_founded</c>; without a registered organisation, 409 <c>cluster.organisation_required</c>.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record FoundCluster(
    string Name,
    DateOnly FoundedOn,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    IReadOnlyList<string>? KeyEnablingTechnologies,
    string? Website) : ICommand<ClusterDto>;

/// <summary>Changes the caller's cluster; <see cref="Version"/> is the one last read.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record UpdateCluster(
    Guid ClusterId,
    string Name,
    DateOnly FoundedOn,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    IReadOnlyList<string>? KeyEnablingTechnologies,
    string? Website,
    int Version) : ICommand<ClusterDto>, IClusterRequest;

public sealed class FoundClusterValidator : AbstractValidator<FoundCluster>
{
    public FoundClusterValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ClusterRules.MaxName);
        RuleFor(x => x.FoundedOn).NotInFuture(clock, "cluster.founded_in_future").GreaterThan(new DateOnly(1900, 1, 1));
        RuleFor(x => x.VoivodeshipTeryt).Voivodeship(db);
        RuleFor(x => x.KisCodes).NotNull().NotEmpty().WithErrorCode("cluster.specialisation_required")
            .WithMessage("Choose at least one smart specialisation (KIS).");
        RuleForEach(x => x.KisCodes).MustAsync((code, ct) => db.KisSpecialisations.AnyAsync(k => k.Code == code && k.IsActive, ct))
            .WithErrorCode("reference.unknown_kis").WithMessage("'{PropertyValue}' is not an active KIS code.");
        RuleFor(x => x.KeyEnablingTechnologies).Must(k => k is null || k.Count <= ClusterRules.MaxKeyTechnologies);
        RuleForEach(x => x.KeyEnablingTechnologies).NotEmpty().MaximumLength(ClusterRules.MaxKeyTechnology);
        RuleFor(x => x.Website).Website();
    }
}

public sealed class UpdateClusterValidator : AbstractValidator<UpdateCluster>
{
    public UpdateClusterValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.ClusterId).NotEmpty();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ClusterRules.MaxName);
        RuleFor(x => x.FoundedOn).NotInFuture(clock, "cluster.founded_in_future").GreaterThan(new DateOnly(1900, 1, 1));
        RuleFor(x => x.VoivodeshipTeryt).Voivodeship(db);
        RuleFor(x => x.KisCodes).NotNull().NotEmpty().WithErrorCode("cluster.specialisation_required")
            .WithMessage("Choose at least one smart specialisation (KIS).");

        // A code retired from the dictionary may stay on a cluster that had it; it cannot be chosen anew.
        RuleForEach(x => x.KisCodes).MustAsync((command, code, ct) =>
                db.KisSpecialisations.AnyAsync(k => k.Code == code && (k.IsActive || db.Clusters.Any(c => c.Id == command.ClusterId && c.KisCodes.Contains(code))), ct))
            .WithErrorCode("reference.unknown_kis").WithMessage("'{PropertyValue}' is not an active KIS code.");
        RuleFor(x => x.KeyEnablingTechnologies).Must(k => k is null || k.Count <= ClusterRules.MaxKeyTechnologies);
        RuleForEach(x => x.KeyEnablingTechnologies).NotEmpty().MaximumLength(ClusterRules.MaxKeyTechnology);
        RuleFor(x => x.Website).Website();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class FoundClusterHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FoundCluster, ClusterDto>
{
    public async ValueTask<ClusterDto> Handle(FoundCluster command, CancellationToken cancellationToken)
    {
        var userId = ClusterAccess.UserId(user);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.OwnerUserId == userId, cancellationToken)
            ?? throw new BusinessRuleViolation("cluster.organisation_required", "Register your organisation first.");
        if (await db.Clusters.AnyAsync(c => c.OrganisationId == organisation.Id, cancellationToken))
        {
            throw new BusinessRuleViolation("cluster.already_founded", "Your organisation already coordinates a cluster; edit it instead.");
        }

        var cluster = Cluster.Found(organisation.Id, command.Name, command.FoundedOn, command.VoivodeshipTeryt, command.KisCodes, command.Website,
            command.KeyEnablingTechnologies ?? [], ClusterAccess.Today(clock));
        db.Clusters.Add(cluster);
        return ClusterQueries.ToDto(cluster, organisation.Name, 0);
    }
}

public sealed class UpdateClusterHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateCluster, ClusterDto>
{
    public async ValueTask<ClusterDto> Handle(UpdateCluster command, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == command.ClusterId, cancellationToken)
            ?? throw new NotFoundException(nameof(Cluster), command.ClusterId);
        db.ExpectVersion(cluster, command.Version);
        var organisationName = await db.Organisations.Where(o => o.Id == cluster.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var memberCount = await db.ClusterMembers.CountAsync(m => m.ClusterId == cluster.Id, cancellationToken);
        var before = ClusterQueries.ToDto(cluster, organisationName, memberCount);
        cluster.Edit(command.Name, command.FoundedOn, command.VoivodeshipTeryt, command.KisCodes, command.KeyEnablingTechnologies ?? [], command.Website, ClusterAccess.Today(clock));
        var after = ClusterQueries.ToDto(cluster, organisationName, memberCount);

        // The save bumps the version only when something changed; the answer carries the version the caller will read.
        return before == after ? after : after with { Version = cluster.Version + 1 };
    }
}

internal static class ClusterQueries
{
    public static IQueryable<ClusterDto> Project(IAppDbContext db, IQueryable<Cluster> clusters) =>
        from c in clusters
        join o in db.Organisations on c.OrganisationId equals o.Id
        select new ClusterDto(
            c.Id,
            c.OrganisationId,
            o.Name,
            c.Name,
            c.FoundedOn,
            c.VoivodeshipTeryt,
            c.KisCodes,
            c.KeyEnablingTechnologies,
            c.Website,
            db.ClusterMembers.Count(m => m.ClusterId == c.Id),
            c.LastImportAt,
            c.LastImportRows,
            c.LastImportMode,
            c.Version);

    public static ClusterDto ToDto(Cluster c, string organisationName, int memberCount) =>
        new(c.Id, c.OrganisationId, organisationName, c.Name, c.FoundedOn, c.VoivodeshipTeryt, [.. c.KisCodes], [.. c.KeyEnablingTechnologies], c.Website,
            memberCount, c.LastImportAt, c.LastImportRows, c.LastImportMode, c.Version);

    public const string LikeEscape = "\\";

    /// <summary>A LIKE pattern for "contains, ignoring case" on every provider (the column side is lowered too).</summary>
    public static string ContainsPattern(string search) =>
        "%" + search.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
