using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

/// <summary>A certified cluster the official may draft a contract for in the chosen phase.</summary>
public sealed record ContractCandidate(
    Guid StatusId,
    Guid ClusterId,
    string ClusterName,
    string CoordinatorName,
    string CertificateNumber,
    string VoivodeshipTeryt,
    DateOnly ValidFrom,
    DateOnly ValidTo);

/// <summary>
/// The KKK statuses in force today whose cluster has no contract in the phase yet — what an official drafts a contract
/// from (officials). Search by cluster name, coordinator or certificate number; sorted by cluster name; paged.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ListContractCandidates(Guid PhaseId, string? Search = null, int Page = 1, int PageSize = 25) : IQuery<PagedResult<ContractCandidate>>;

public sealed class ListContractCandidatesValidator : AbstractValidator<ListContractCandidates>
{
    public ListContractCandidatesValidator()
    {
        RuleFor(x => x.PhaseId).NotEmpty();
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListContractCandidatesHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListContractCandidates, PagedResult<ContractCandidate>>
{
    public async ValueTask<PagedResult<ContractCandidate>> Handle(ListContractCandidates query, CancellationToken cancellationToken)
    {
        if (!await db.ProgrammePhases.AnyAsync(p => p.Id == query.PhaseId, cancellationToken))
        {
            throw new NotFoundException("ProgrammePhase", query.PhaseId);
        }

        var today = ContractData.Today(clock);
        var statuses = db.KkkStatuses.AsNoTracking()
            .Where(s => s.State == KkkStatusState.Active && s.ValidFrom <= today && s.ValidTo >= today)
            .Where(s => !db.ProgrammeContracts.Any(c => c.PhaseId == query.PhaseId && c.ClusterId == s.ClusterId));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            statuses = statuses.Where(s => s.ClusterName.ToLower().Contains(text) || s.CoordinatorName.ToLower().Contains(text) || s.CertificateNumber.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var total = await statuses.CountAsync(cancellationToken);
        var items = await statuses.SortBy(s => s.ClusterName, s => s.CertificateNumber, descending: false)
            .Page(query.Page, query.PageSize)
            .Select(s => new ContractCandidate(s.Id, s.ClusterId, s.ClusterName, s.CoordinatorName, s.CertificateNumber, s.VoivodeshipTeryt, s.ValidFrom, s.ValidTo))
            .ToListAsync(cancellationToken);
        return new PagedResult<ContractCandidate>(items, total, query.Page, query.PageSize);
    }
}

public sealed record DraftedContract(Guid Id, string Number, int Version);

/// <summary>
/// The official drafts the contract of a certified cluster for a phase (officials): numbered <c>KP/{phase}/{0001}</c> within
/// the phase, with the State and the region (the cluster's voivodeship board) as parties, the programme's reporting terms,
/// and the catalogue's mandatory KPIs with baselines from the certified application. Dates default to the phase's. Refused:
/// a status not in force (409 <c>contract.status_not_current</c>), a contract already in the phase
/// (<c>contract.already_exists</c>), dates outside the phase (<c>contract.dates_outside_phase</c>). The coordinator is told
/// the draft awaits his or her review and signature.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record DraftContract(Guid KkkStatusId, Guid PhaseId, DateOnly? StartsOn = null, DateOnly? EndsOn = null) : ICommand<DraftedContract>;

public sealed class DraftContractValidator : AbstractValidator<DraftContract>
{
    public DraftContractValidator()
    {
        RuleFor(x => x.KkkStatusId).NotEmpty();
        RuleFor(x => x.PhaseId).NotEmpty();
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn!.Value).When(x => x.StartsOn is not null && x.EndsOn is not null);
    }
}

public sealed class DraftContractHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<DraftContract, DraftedContract>
{
    public async ValueTask<DraftedContract> Handle(DraftContract command, CancellationToken cancellationToken)
    {
        var phase = await ContractNumbering.LockPhaseAsync(db, command.PhaseId, cancellationToken);
        var status = await db.KkkStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.KkkStatusId, cancellationToken)
            ?? throw new NotFoundException("KkkStatus", command.KkkStatusId);
        var now = clock.GetUtcNow();
        var today = ContractData.Today(clock);
        var inPhase = await db.ProgrammeContracts.AnyAsync(c => c.PhaseId == phase.Id && c.ClusterId == status.ClusterId, cancellationToken);
        var voivodeship = await ContractViews.VoivodeshipNameAsync(db, status.VoivodeshipTeryt, cancellationToken);
        var terms = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Terms;
        var baselines = await ContractBaselines.ForAsync(db, status.ApplicationId, status.ClusterId, cancellationToken);
        var mandatory = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsMandatory).OrderBy(k => k.Code).ToListAsync(cancellationToken);

        var contract = ProgrammeContract.Draft(
            await ContractNumbering.NextAsync(db, phase, cancellationToken),
            phase,
            status,
            ContractParties.RegionPl(voivodeship),
            command.StartsOn ?? phase.StartsOn,
            command.EndsOn ?? phase.EndsOn,
            terms,
            [.. mandatory.Select(k => ContractKpi.FromCatalogue(k, baselines.GetValueOrDefault(k.Code)))],
            inPhase,
            user.UserId ?? throw new UnauthenticatedException(),
            today,
            now);
        db.ProgrammeContracts.Add(contract);
        await outbox.EnqueueAsync(ContractNotices.DraftReady(contract, phase.Number, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return new DraftedContract(contract.Id, contract.Number, contract.Version);
    }
}

/// <summary>How a new contract of a phase gets its number, shared by the first draft and the next phase's draft.</summary>
public static class ContractNumbering
{
    /// <summary>
    /// Locks the phase's row first: two drafts in one phase take their numbers one after the other (the unique index on the
    /// number stays the backstop), and two drafts for one cluster meet the "already exists" check in turn.
    /// </summary>
    public static async Task<ProgrammePhase> LockPhaseAsync(IAppDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        if (await db.ProgrammePhases.Where(p => p.Id == phaseId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, p => p.CreatedAt), cancellationToken) == 0)
        {
            throw new NotFoundException("ProgrammePhase", phaseId);
        }

        return await db.ProgrammePhases.AsNoTracking().SingleAsync(p => p.Id == phaseId, cancellationToken);
    }

    /// <summary>The next number of the phase: one above the highest given (numbers are zero-padded, so they sort as text).</summary>
    public static async Task<string> NextAsync(IAppDbContext db, ProgrammePhase phase, CancellationToken cancellationToken)
    {
        var last = await db.ProgrammeContracts.Where(c => c.PhaseId == phase.Id).OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        var sequence = last is null ? 0 : int.Parse(last[(last.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        return ProgrammeContract.FormatNumber(phase.Number, sequence + 1);
    }
}

/// <summary>
/// The baselines the certified application gives the catalogue's KPIs: its latest year of indicators, and the members of its
/// latest snapshot (the cluster's current members when it has none). KPIs with nothing to match (FDI, SME share, CO2) have none.
/// </summary>
public static class ContractBaselines
{
    public static async Task<IReadOnlyDictionary<string, decimal?>> ForAsync(IAppDbContext db, Guid applicationId, Guid clusterId, CancellationToken cancellationToken)
    {
        var latest = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.Id == applicationId)
            .SelectMany(a => a.Indicators)
            .OrderByDescending(i => i.Year)
            .Select(i => i.Values)
            .FirstOrDefaultAsync(cancellationToken);
        var snapshot = await db.ApplicationSnapshots.AsNoTracking()
            .Where(s => s.ApplicationId == applicationId)
            .OrderByDescending(s => s.TakenAt)
            .FirstOrDefaultAsync(cancellationToken);
        var members = snapshot is not null
            ? ApplicationSnapshots.Read(snapshot).Members.Count
            : await db.ClusterMembers.CountAsync(m => m.ClusterId == clusterId, cancellationToken);

        // Innovations are counted product and process together; a half-filled pair gives no baseline rather than half of one.
        return new Dictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["KPI-EMP"] = latest?.Employment,
            ["KPI-INN"] = latest is { ProductInnovations: { } product, ProcessInnovations: { } process } ? product + process : null,
            ["KPI-RD"] = latest?.JointProjects,
            ["KPI-PAT"] = latest?.Patents,
            ["KPI-INT"] = latest?.InternationalAgreements,
            ["KPI-SKL"] = latest?.InternshipsAndTrainings,
            ["KPI-MEM"] = members,
        };
    }
}
