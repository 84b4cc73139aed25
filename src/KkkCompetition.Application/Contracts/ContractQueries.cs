using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

public enum ContractSort
{
    Number,
    ClusterName,
    Voivodeship,
    Status,
    StartsOn,
}

/// <summary>Every contract (officials): filter by status, phase, voivodeship, search number or cluster; sort (the voivodeship by its TERYT code, as the registry does); page — all on the server.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListContracts(
    ContractStatus? Status = null,
    Guid? PhaseId = null,
    string? Voivodeship = null,
    string? Search = null,
    ContractSort SortBy = ContractSort.Number,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PagedResult<ContractRow>>;

/// <summary>The contracts of the caller's own clusters, newest phase first (applicants).</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ListMyContracts(int Page = 1, int PageSize = 25) : IQuery<PagedResult<ContractRow>>;

/// <summary>One contract with its current plan, versions and pending amendment (the coordinator his or her own; officials any).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetContract(Guid ContractId) : IQuery<ContractView>, IContractRequest;

/// <summary>One version of a contract's plan, as it was approved: every version stays readable (the coordinator and officials).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetContractVersion(Guid ContractId, int Number) : IQuery<PlanView>, IContractRequest;

public sealed class GetContractAuthorizer(IAppDbContext db) : ContractAuthorizer<GetContract>(db);

public sealed class GetContractVersionAuthorizer(IAppDbContext db) : ContractAuthorizer<GetContractVersion>(db);

public sealed class ListContractsValidator : AbstractValidator<ListContracts>
{
    public ListContractsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.PhaseId).NotEqual(Guid.Empty);
        RuleFor(x => x.Voivodeship).Matches("^[0-9]{2}$");
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyContractsValidator : AbstractValidator<ListMyContracts>
{
    public ListMyContractsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetContractValidator : AbstractValidator<GetContract>
{
    public GetContractValidator() => RuleFor(x => x.ContractId).NotEmpty();
}

public sealed class GetContractVersionValidator : AbstractValidator<GetContractVersion>
{
    public GetContractVersionValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Number).GreaterThanOrEqualTo(1);
    }
}

/// <summary>A contract with what its row needs of the phase and the voivodeship, joined in the database.</summary>
/// <remarks>An initialised class, not a positional record: EF translates the members of what a query builds by member initialisation.</remarks>
internal sealed class ContractJoin
{
    public required ProgrammeContract Contract { get; init; }
    public required int PhaseNumber { get; init; }
    public string? VoivodeshipName { get; init; }
}

/// <summary>The rows of the lists: joined, then sorted and paged by the caller, then projected in the database.</summary>
internal static class ContractRows
{
    public static IQueryable<ContractJoin> Join(IAppDbContext db, IQueryable<ProgrammeContract> contracts) =>
        from c in contracts
        join p in db.ProgrammePhases on c.PhaseId equals p.Id
        join v in db.Voivodeships on c.VoivodeshipTeryt equals v.Teryt into vs
        from v in vs.DefaultIfEmpty()
        select new ContractJoin { Contract = c, PhaseNumber = p.Number, VoivodeshipName = v == null ? null : v.Name };

    public static IQueryable<ContractRow> Project(IQueryable<ContractJoin> rows) =>
        rows.Select(r => new ContractRow(
            r.Contract.Id, r.Contract.Number, r.Contract.ClusterName, r.Contract.CoordinatorName, r.Contract.VoivodeshipTeryt,
            r.VoivodeshipName ?? r.Contract.VoivodeshipTeryt, r.PhaseNumber, r.Contract.StartsOn, r.Contract.EndsOn, r.Contract.Status,
            r.Contract.AchievementPercent, r.Contract.Version));
}

public sealed class ListContractsHandler(IAppDbContext db) : IQueryHandler<ListContracts, PagedResult<ContractRow>>
{
    public async ValueTask<PagedResult<ContractRow>> Handle(ListContracts query, CancellationToken cancellationToken)
    {
        // Versions are not needed for a row: they stay out of the query.
        var contracts = db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status)
        {
            contracts = contracts.Where(c => c.Status == status);
        }

        if (query.PhaseId is { } phaseId)
        {
            contracts = contracts.Where(c => c.PhaseId == phaseId);
        }

        if (query.Voivodeship is { } voivodeship)
        {
            contracts = contracts.Where(c => c.VoivodeshipTeryt == voivodeship);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            contracts = contracts.Where(c => c.Number.ToLower().Contains(text) || c.ClusterName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var total = await contracts.CountAsync(cancellationToken);
        var rows = ContractRows.Join(db, contracts);
        var sorted = query.SortBy switch
        {
            ContractSort.ClusterName => rows.SortBy(r => r.Contract.ClusterName, r => r.Contract.Number, query.Descending),
            ContractSort.Voivodeship => rows.SortBy(r => r.Contract.VoivodeshipTeryt, r => r.Contract.Number, query.Descending),
            ContractSort.Status => rows.SortBy(r => r.Contract.Status, r => r.Contract.Number, query.Descending),
            ContractSort.StartsOn => rows.SortBy(r => r.Contract.StartsOn, r => r.Contract.Number, query.Descending),
            _ => rows.SortBy(r => r.Contract.Number, r => r.Contract.Id, query.Descending),
        };
        var items = await ContractRows.Project(sorted.Page(query.Page, query.PageSize)).ToListAsync(cancellationToken);
        return new PagedResult<ContractRow>(items, total, query.Page, query.PageSize);
    }
}

public sealed class ListMyContractsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyContracts, PagedResult<ContractRow>>
{
    public async ValueTask<PagedResult<ContractRow>> Handle(ListMyContracts query, CancellationToken cancellationToken)
    {
        var own = ContractData.OwnContracts(db, user.UserId ?? throw new UnauthenticatedException()).AsNoTracking().IgnoreAutoIncludes();
        var total = await own.CountAsync(cancellationToken);
        var page = ContractRows.Join(db, own).SortBy(r => r.Contract.StartsOn, r => r.Contract.Number, descending: true).Page(query.Page, query.PageSize);
        var items = await ContractRows.Project(page).ToListAsync(cancellationToken);
        return new PagedResult<ContractRow>(items, total, query.Page, query.PageSize);
    }
}

public sealed class GetContractHandler(IAppDbContext db) : IQueryHandler<GetContract, ContractView>
{
    public async ValueTask<ContractView> Handle(GetContract query, CancellationToken cancellationToken) =>
        await ContractViews.LoadAsync(db, query.ContractId, cancellationToken);
}

public sealed class GetContractVersionHandler(IAppDbContext db) : IQueryHandler<GetContractVersion, PlanView>
{
    public async ValueTask<PlanView> Handle(GetContractVersion query, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", query.ContractId);
        var version = contract.Versions.SingleOrDefault(v => v.Number == query.Number)
            ?? throw new NotFoundException("ContractVersion", query.Number);
        var numbers = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == contract.Id).ToDictionaryAsync(a => a.Id, a => a.Number, cancellationToken);
        return ContractViews.Plan(contract, version, numbers);
    }
}

public sealed record KpiCatalogueEntry(string Code, string NamePl, string NameEn, string Unit, KpiDirection Direction, KpiAggregation Aggregation, bool IsMandatory, decimal? Minimum);

/// <summary>The KPI catalogue, mandatory ones first: what an official adds to a draft from (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListKpiCatalogue : IQuery<IReadOnlyList<KpiCatalogueEntry>>;

public sealed class ListKpiCatalogueHandler(IAppDbContext db) : IQueryHandler<ListKpiCatalogue, IReadOnlyList<KpiCatalogueEntry>>
{
    public async ValueTask<IReadOnlyList<KpiCatalogueEntry>> Handle(ListKpiCatalogue query, CancellationToken cancellationToken) =>
        await db.KpiDefinitions.AsNoTracking()
            .OrderByDescending(k => k.IsMandatory).ThenBy(k => k.Code)
            .Select(k => new KpiCatalogueEntry(k.Code, k.NamePl, k.NameEn, k.Unit, k.Direction, k.Aggregation, k.IsMandatory, k.Minimum))
            .ToListAsync(cancellationToken);
}
