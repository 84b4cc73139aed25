using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

public sealed record ClusterMemberDto(
    Guid Id,
    string Name,
    string Nip,
    MemberType Type,
    EnterpriseSize? Size,
    string VoivodeshipTeryt,
    DateOnly JoinedOn,
    int Employment,
    int Version);

public enum MemberSort
{
    Name,
    Nip,
    Type,
    Size,
    Voivodeship,
    JoinedOn,
    Employment,
}

/// <summary>
/// One page of a cluster's members, sorted and filtered on the server: <see cref="Search"/> matches the name, or the
/// NIP when it is digits (dashes and spaces ignored); <see cref="Type"/> keeps one member type.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official, Roles.Administrator)]
public sealed record ListClusterMembers(
    Guid ClusterId,
    string? Search = null,
    MemberType? Type = null,
    int Page = 1,
    int PageSize = 25,
    MemberSort SortBy = MemberSort.Name,
    bool Descending = false) : IQuery<PagedResult<ClusterMemberDto>>, IClusterRequest;

public sealed class ListClusterMembersValidator : AbstractValidator<ListClusterMembers>
{
    public ListClusterMembersValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class ListClusterMembersHandler(IAppDbContext db) : IQueryHandler<ListClusterMembers, PagedResult<ClusterMemberDto>>
{
    public async ValueTask<PagedResult<ClusterMemberDto>> Handle(ListClusterMembers query, CancellationToken cancellationToken)
    {
        if (!await db.Clusters.AnyAsync(c => c.Id == query.ClusterId, cancellationToken))
        {
            throw new NotFoundException(nameof(Cluster), query.ClusterId);
        }

        var members = db.ClusterMembers.AsNoTracking().Where(m => m.ClusterId == query.ClusterId);
        if (query.Type is { } type)
        {
            members = members.Where(m => m.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var digits = PolishIdentifiers.Normalize(query.Search.Trim());
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                members = members.Where(m => m.Nip.Contains(digits));
            }
            else
            {
                var pattern = ClusterQueries.ContainsPattern(query.Search);
                members = members.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, ClusterQueries.LikeEscape));
            }
        }

        var total = await members.CountAsync(cancellationToken);
        var items = await Sort(members, query.SortBy, query.Descending)
            .Page(query.Page, query.PageSize)
            .Select(m => new ClusterMemberDto(m.Id, m.Name, m.Nip, m.Type, m.Size, m.VoivodeshipTeryt, m.JoinedOn, m.Employment, m.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<ClusterMemberDto>(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<ClusterMember> Sort(IQueryable<ClusterMember> members, MemberSort sort, bool descending) => sort switch
    {
        MemberSort.Nip => members.SortBy(m => m.Nip, m => m.Id, descending),
        MemberSort.Type => members.SortBy(m => m.Type, m => m.Id, descending),
        MemberSort.Size => members.SortBy(m => m.Size, m => m.Id, descending),
        MemberSort.Voivodeship => members.SortBy(m => m.VoivodeshipTeryt, m => m.Id, descending),
        MemberSort.JoinedOn => members.SortBy(m => m.JoinedOn, m => m.Id, descending),
        MemberSort.Employment => members.SortBy(m => m.Employment, m => m.Id, descending),
        _ => members.SortBy(m => m.Name, m => m.Id, descending),
    };
}

/// <summary>Adds one member; a NIP already in the cluster is refused with 409 <c>cluster.member_duplicate_nip</c>.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record AddClusterMember(
    Guid ClusterId,
    string Name,
    string Nip,
    MemberType Type,
    EnterpriseSize? Size,
    string VoivodeshipTeryt,
    DateOnly JoinedOn,
    int Employment) : ICommand<ClusterMemberDto>, IClusterRequest;

/// <summary>Changes one member; <see cref="Version"/> is the member's version last read.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record UpdateClusterMember(
    Guid ClusterId,
    Guid MemberId,
    string Name,
    string Nip,
    MemberType Type,
    EnterpriseSize? Size,
    string VoivodeshipTeryt,
    DateOnly JoinedOn,
    int Employment,
    int Version) : ICommand<ClusterMemberDto>, IClusterRequest;

/// <summary>Removes one member.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record RemoveClusterMember(Guid ClusterId, Guid MemberId) : ICommand<bool>, IClusterRequest;

internal static class MemberFields
{
    /// <summary>The rules of one member's fields, for both the add and the edit request.</summary>
    public static void Add<T>(AbstractValidator<T> validator, IAppDbContext db, TimeProvider clock, System.Linq.Expressions.Expression<Func<T, string>> name,
        System.Linq.Expressions.Expression<Func<T, string>> nip, System.Linq.Expressions.Expression<Func<T, MemberType>> type,
        System.Linq.Expressions.Expression<Func<T, EnterpriseSize?>> size, System.Linq.Expressions.Expression<Func<T, string>> voivodeship,
        System.Linq.Expressions.Expression<Func<T, DateOnly>> joinedOn, System.Linq.Expressions.Expression<Func<T, int>> employment)
    {
        var typeOf = type.Compile();
        validator.RuleFor(name).NotEmpty().MaximumLength(ClusterRules.MaxName);
        validator.RuleFor(nip).Nip("cluster.member_invalid_nip");
        validator.RuleFor(type).IsInEnum();
        validator.RuleFor(size).IsInEnum();
        validator.RuleFor(size).NotNull().When(x => typeOf(x) == MemberType.Enterprise).WithErrorCode("cluster.member_size_mismatch")
            .WithMessage("An enterprise needs its size.");
        validator.RuleFor(size).Null().When(x => typeOf(x) != MemberType.Enterprise).WithErrorCode("cluster.member_size_mismatch")
            .WithMessage("Only enterprises have a size.");
        validator.RuleFor(voivodeship).Voivodeship(db);
        validator.RuleFor(joinedOn).NotInFuture(clock, "cluster.member_joined_in_future").GreaterThan(new DateOnly(1900, 1, 1));
        validator.RuleFor(employment).GreaterThanOrEqualTo(0).WithErrorCode("cluster.member_negative_employment");
    }
}

public sealed class AddClusterMemberValidator : AbstractValidator<AddClusterMember>
{
    public AddClusterMemberValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.ClusterId).NotEmpty();
        MemberFields.Add(this, db, clock, x => x.Name, x => x.Nip, x => x.Type, x => x.Size, x => x.VoivodeshipTeryt, x => x.JoinedOn, x => x.Employment);
    }
}

public sealed class UpdateClusterMemberValidator : AbstractValidator<UpdateClusterMember>
{
    public UpdateClusterMemberValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.ClusterId).NotEmpty();
        RuleFor(x => x.MemberId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        MemberFields.Add(this, db, clock, x => x.Name, x => x.Nip, x => x.Type, x => x.Size, x => x.VoivodeshipTeryt, x => x.JoinedOn, x => x.Employment);
    }
}

public sealed class AddClusterMemberHandler(IAppDbContext db) : ICommandHandler<AddClusterMember, ClusterMemberDto>
{
    public async ValueTask<ClusterMemberDto> Handle(AddClusterMember command, CancellationToken cancellationToken)
    {
        var cluster = await MemberCommands.LoadAsync(db, command.ClusterId, cancellationToken);
        var member = cluster.AddMember(new MemberData(command.Name, command.Nip, command.Type, command.Size, command.VoivodeshipTeryt, command.JoinedOn, command.Employment));
        return MemberCommands.ToDto(member);
    }
}

public sealed class UpdateClusterMemberHandler(IAppDbContext db) : ICommandHandler<UpdateClusterMember, ClusterMemberDto>
{
    public async ValueTask<ClusterMemberDto> Handle(UpdateClusterMember command, CancellationToken cancellationToken)
    {
        var cluster = await MemberCommands.LoadAsync(db, command.ClusterId, cancellationToken);
        var member = cluster.Members.FirstOrDefault(m => m.Id == command.MemberId) ?? throw new NotFoundException(nameof(ClusterMember), command.MemberId);
        db.ExpectVersion(member, command.Version);
        var before = MemberCommands.ToDto(member);
        cluster.EditMember(command.MemberId, new MemberData(command.Name, command.Nip, command.Type, command.Size, command.VoivodeshipTeryt, command.JoinedOn, command.Employment));
        var after = MemberCommands.ToDto(member);
        return after == before ? after : after with { Version = member.Version + 1 };
    }
}

public sealed class RemoveClusterMemberHandler(IAppDbContext db) : ICommandHandler<RemoveClusterMember, bool>
{
    public async ValueTask<bool> Handle(RemoveClusterMember command, CancellationToken cancellationToken)
    {
        var cluster = await MemberCommands.LoadAsync(db, command.ClusterId, cancellationToken);
        if (cluster.Members.All(m => m.Id != command.MemberId))
        {
            throw new NotFoundException(nameof(ClusterMember), command.MemberId);
        }

        cluster.RemoveMember(command.MemberId);
        return true;
    }
}

internal static class MemberCommands
{
    /// <summary>The cluster with its members: the aggregate checks the NIPs against all of them.</summary>
    public static async Task<Cluster> LoadAsync(IAppDbContext db, Guid clusterId, CancellationToken cancellationToken) =>
        await db.Clusters.Include(c => c.Members).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken)
        ?? throw new NotFoundException(nameof(Cluster), clusterId);

    public static ClusterMemberDto ToDto(ClusterMember m) =>
        new(m.Id, m.Name, m.Nip, m.Type, m.Size, m.VoivodeshipTeryt, m.JoinedOn, m.Employment, m.Version);
}
