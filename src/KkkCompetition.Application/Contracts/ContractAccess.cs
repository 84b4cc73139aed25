using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

/// <summary>A request about one programme contract.</summary>
public interface IContractRequest
{
    Guid ContractId { get; }
}

/// <summary>A request about one KPI report.</summary>
public interface IKpiReportRequest
{
    Guid ReportId { get; }
}

/// <summary>
/// Officials reach every contract; the coordinator — the owner of the cluster's organisation — his or her own; anybody
/// else's contract is "not found".
/// </summary>
public abstract class ContractAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IContractRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId && await ContractData.OwnContracts(db, userId).AnyAsync(c => c.Id == request.ContractId, cancellationToken));
}

/// <summary>The same rule for a report: officials any, the coordinator the reports of his or her own contracts.</summary>
public abstract class KpiReportAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IKpiReportRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId
            && await (from r in db.KpiReports
                      join c in ContractData.OwnContracts(db, userId) on r.ContractId equals c.Id
                      where r.Id == request.ReportId
                      select r.Id).AnyAsync(cancellationToken));
}

/// <summary>Loading and locking, shared by the contract and report use cases.</summary>
public static class ContractData
{
    public static string ContractLink(Guid contractId) => $"/contracts/{contractId}";

    public static string ReportLink(Guid reportId) => $"/reports/{reportId}";

    /// <summary>The contracts of the clusters whose organisation <paramref name="userId"/> owns.</summary>
    public static IQueryable<ProgrammeContract> OwnContracts(IAppDbContext db, Guid userId) =>
        from c in db.ProgrammeContracts
        join cluster in db.Clusters on c.ClusterId equals cluster.Id
        join o in db.Organisations on cluster.OrganisationId equals o.Id
        where o.OwnerUserId == userId
        select c;

    /// <summary>The coordinator of a contract: the owner of its cluster's organisation.</summary>
    public static Task<Guid> CoordinatorAsync(IAppDbContext db, Guid clusterId, CancellationToken cancellationToken) =>
        (from cluster in db.Clusters
         join o in db.Organisations on cluster.OrganisationId equals o.Id
         where cluster.Id == clusterId
         select o.OwnerUserId).SingleAsync(cancellationToken);

    public static async Task<ProgrammeContract> LoadAsync(IAppDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        await db.ProgrammeContracts.SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken)
        ?? throw new NotFoundException("ProgrammeContract", contractId);

    public static async Task<KpiReport> LoadReportAsync(IAppDbContext db, Guid reportId, CancellationToken cancellationToken) =>
        await db.KpiReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken)
        ?? throw new NotFoundException("KpiReport", reportId);

    /// <summary>
    /// Locks the contract's row first, so commands that change the contract, its amendments or its reports run one after the
    /// other (an approval and a report's acceptance both recompute the achievement).
    /// </summary>
    public static Task LockAsync(IAppDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        db.ProgrammeContracts.Where(c => c.Id == contractId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, c => c.UpdatedAt), cancellationToken);

    public static DateOnly Today(TimeProvider clock) => WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());

    /// <summary>
    /// Who hears of a contract's business on the ministry's side (proposals, signatures, reports to review): the official in
    /// charge while he or she still holds the role, otherwise every official, so nothing is addressed to nobody.
    /// </summary>
    public static async Task<IReadOnlyCollection<Guid>> OfficialsInChargeAsync(IAppDbContext db, ProgrammeContract contract, CancellationToken cancellationToken) =>
        OfficialsInCharge(await Certification.Appeals.AppealData.OfficialsAsync(db, cancellationToken), contract.ResponsibleOfficialId);

    /// <summary>The same choice among <paramref name="officials"/> (the holders of the role), read once for many contracts.</summary>
    public static IReadOnlyCollection<Guid> OfficialsInCharge(IReadOnlyCollection<Guid> officials, Guid responsibleOfficialId) =>
        officials.Contains(responsibleOfficialId) ? [responsibleOfficialId] : officials;
}

/// <summary>The programme's settings: the stored row, or the defaults until an official first saves them.</summary>
public static class ProgrammeSettingsData
{
    public static async Task<ProgrammeSettings> ReadAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.ProgrammeSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ProgrammeSettings.SingletonId, cancellationToken)
        ?? ProgrammeSettings.Defaults();

    /// <summary>The tracked row to change; added when there is none yet.</summary>
    public static async Task<ProgrammeSettings> LoadForUpdateAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.ProgrammeSettings.SingleOrDefaultAsync(s => s.Id == ProgrammeSettings.SingletonId, cancellationToken) is { } settings)
        {
            return settings;
        }

        settings = ProgrammeSettings.Defaults();
        db.ProgrammeSettings.Add(settings);
        return settings;
    }
}

/// <summary>
/// A contract's achievement from its accepted annual reports, through the domain's calculator. <see cref="RefreshAsync"/>
/// stores the overall figure on the contract for the programme dashboard; call it in every command that accepts a report or
/// approves an amendment.
/// </summary>
public static class ContractAchievements
{
    public static async Task<ContractAchievement> ComputeAsync(IAppDbContext db, ProgrammeContract contract, AchievementBands bands, CancellationToken cancellationToken) =>
        ContractAchievementCalculator.Compute(contract, await AcceptedYearsAsync(db, contract.Id, null, cancellationToken), bands);

    /// <summary>
    /// Recomputes and stores the contract's achievement. <paramref name="justAccepted"/>: a report accepted in this command,
    /// not saved yet, counted as accepted.
    /// </summary>
    public static async Task<ContractAchievement> RefreshAsync(IAppDbContext db, ProgrammeContract contract, KpiReport? justAccepted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var achievement = ContractAchievementCalculator.Compute(contract, await AcceptedYearsAsync(db, contract.Id, justAccepted, cancellationToken), bands);
        contract.RecordAchievement(achievement.Percent, achievement.Reports, now);
        return achievement;
    }

    private static async Task<IReadOnlyList<ReportedYear>> AcceptedYearsAsync(IAppDbContext db, Guid contractId, KpiReport? justAccepted, CancellationToken cancellationToken)
    {
        var rows = await db.KpiReports.AsNoTracking()
            .Where(r => r.ContractId == contractId && r.Kind == ReportKind.Annual && r.Status == KpiReportStatus.Accepted)
            .Select(r => new { r.Id, r.Year, r.Lines })
            .ToListAsync(cancellationToken);
        var years = rows.Where(r => r.Id != justAccepted?.Id).Select(r => Reported(r.Year!.Value, r.Lines)).ToList();
        if (justAccepted is { Kind: ReportKind.Annual, Status: KpiReportStatus.Accepted })
        {
            years.Add(Reported(justAccepted.Year!.Value, justAccepted.Lines));
        }

        return years;
    }

    private static ReportedYear Reported(int year, IEnumerable<KpiReportLine> lines) =>
        new(year, lines.ToDictionary(l => l.KpiCode, l => l.Actual, StringComparer.Ordinal));
}
