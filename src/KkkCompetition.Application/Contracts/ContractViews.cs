using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

/// <summary>
/// The names of a contract's statuses in documents and exports (the pages take the same words from the resources,
/// <c>Contracts.Status.*</c>).
/// </summary>
public static class ContractStatusNames
{
    public static string Of(ContractStatus status, string language) => (status, language == "en") switch
    {
        (ContractStatus.Draft, var en) => en ? "draft" : "projekt",
        (ContractStatus.Signed, var en) => en ? "signed" : "zawarty",
        (ContractStatus.Active, var en) => en ? "in force" : "w realizacji",
        (ContractStatus.Suspended, var en) => en ? "suspended" : "zawieszony",
        (ContractStatus.Completed, var en) => en ? "completed" : "zakończony",
        (_, var en) => en ? "terminated" : "rozwiązany",
    };
}

/// <summary>A KPI's target for one calendar year of the contract; no row for a year without a target yet.</summary>
public sealed record YearTarget(int Year, decimal Value);

/// <summary>One KPI of a plan version with its targets per year, in the order of the contract's years.</summary>
public sealed record KpiPlanView(
    string Code,
    string NamePl,
    string NameEn,
    string Unit,
    KpiDirection Direction,
    KpiAggregation Aggregation,
    bool IsMandatory,
    decimal? Minimum,
    decimal? Baseline,
    decimal Weight,
    IReadOnlyList<YearTarget> Targets);

/// <summary>
/// One version of the contract's plan: its KPIs with targets per year and the budget per year (each with its institutional
/// total, cascade pool and SME share). <see cref="AmendmentNumber"/>: the amendment it comes from (none for version 1).
/// </summary>
public sealed record PlanView(
    int Number,
    DateOnly EffectiveFrom,
    DateTimeOffset CreatedAt,
    Guid? AmendmentId,
    int? AmendmentNumber,
    IReadOnlyList<KpiPlanView> Kpis,
    IReadOnlyList<BudgetYear> Budget);

/// <summary>A version in the contract's list of versions.</summary>
public sealed record ContractVersionItem(int Number, DateOnly EffectiveFrom, DateTimeOffset CreatedAt, Guid? AmendmentId, int? AmendmentNumber);

/// <summary>The pages and files of a contract: the schedule and achievement pages belong to the reports and dashboard.</summary>
public sealed record ContractLinks(string Self, string Amendments, string Schedule, string Achievement, string Pdf);

/// <summary>
/// A contract as its page shows it: header, parties, dates, status with its reason, terms, the current plan (and, for a
/// draft, what it still lacks before it can be signed), every version, the pending amendment and the links.
/// </summary>
public sealed record ContractView(
    Guid Id,
    string Number,
    Guid PhaseId,
    int PhaseNumber,
    DateOnly PhaseStartsOn,
    DateOnly PhaseEndsOn,
    Guid KkkStatusId,
    Guid ClusterId,
    Guid ApplicationId,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    IReadOnlyList<string> KisCodes,
    string StatePartyPl,
    string StatePartyEn,
    string RegionPartyPl,
    string RegionPartyEn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<int> Years,
    ContractStatus Status,
    string? StatusReason,
    DateTimeOffset? StatusChangedAt,
    DateOnly? TerminatedOn,
    ReportingTerms Terms,
    Guid ResponsibleOfficialId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CoordinatorSignedAt,
    DateOnly? SignedOn,
    DateTimeOffset? ActivatedAt,
    decimal? AchievementPercent,
    PlanView Plan,
    IReadOnlyList<PlanGap> Gaps,
    IReadOnlyList<ContractVersionItem> Versions,
    AmendmentView? PendingAmendment,
    ContractLinks Links,
    int Version);

/// <summary>A row of the contract lists.</summary>
public sealed record ContractRow(
    Guid Id,
    string Number,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    int PhaseNumber,
    DateOnly StartsOn,
    DateOnly EndsOn,
    ContractStatus Status,
    decimal? AchievementPercent,
    int Version);

/// <summary>An amendment: the targets and budget years it changes, its reason, and the decision on it.</summary>
public sealed record AmendmentView(
    Guid Id,
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    int Number,
    int BasedOnVersion,
    string Reason,
    IReadOnlyList<KpiTarget> Targets,
    IReadOnlyList<BudgetYear> Budget,
    AmendmentState State,
    Guid ProposedBy,
    DateTimeOffset ProposedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    int? ResultingVersion,
    int Version);

/// <summary>Builds the views from loaded aggregates, so every query and command answers the same shape.</summary>
public static class ContractViews
{
    public static ContractLinks Links(Guid contractId)
    {
        var self = ContractData.ContractLink(contractId);
        return new ContractLinks(self, $"{self}/amendments", $"{self}/schedule", $"{self}/achievement", $"/api/v1/contracts/{contractId}/pdf");
    }

    public static PlanView Plan(ProgrammeContract contract, ContractVersion version, IReadOnlyDictionary<Guid, int> amendmentNumbers)
    {
        var years = contract.Years;
        var kpis = version.Kpis
            .Select(k => new KpiPlanView(
                k.Code, k.NamePl, k.NameEn, k.Unit, k.Direction, k.Aggregation, k.IsMandatory, k.Minimum, k.Baseline, k.Weight,
                [.. years.Select(y => version.TargetOf(k.Code, y) is { } value ? new YearTarget(y, value) : null).OfType<YearTarget>()]))
            .ToList();
        return new PlanView(
            version.Number,
            version.EffectiveFrom,
            version.CreatedAt,
            version.AmendmentId,
            version.AmendmentId is { } id && amendmentNumbers.TryGetValue(id, out var number) ? number : null,
            kpis,
            [.. version.Budget.OrderBy(b => b.Year)]);
    }

    public static AmendmentView Amendment(ContractAmendment amendment, string contractNumber, string clusterName) => new(
        amendment.Id,
        amendment.ContractId,
        contractNumber,
        clusterName,
        amendment.Number,
        amendment.BasedOnVersion,
        amendment.Reason,
        [.. amendment.Targets.OrderBy(t => t.KpiCode, StringComparer.Ordinal).ThenBy(t => t.Year)],
        [.. amendment.Budget.OrderBy(b => b.Year)],
        amendment.State,
        amendment.ProposedBy,
        amendment.ProposedAt,
        amendment.DecidedAt,
        amendment.DecisionReason,
        amendment.ResultingVersion,
        amendment.Version);

    /// <summary>The contract's page: read without tracking, with its phase, voivodeship and amendments.</summary>
    public static async Task<ContractView> LoadAsync(IAppDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", contractId);
        var phase = await db.ProgrammePhases.AsNoTracking().SingleAsync(p => p.Id == contract.PhaseId, cancellationToken);
        var voivodeship = await VoivodeshipNameAsync(db, contract.VoivodeshipTeryt, cancellationToken);
        var amendments = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == contractId).ToListAsync(cancellationToken);
        var numbers = amendments.ToDictionary(a => a.Id, a => a.Number);
        var pending = amendments.SingleOrDefault(a => a.State == AmendmentState.Proposed);
        return new ContractView(
            contract.Id,
            contract.Number,
            phase.Id,
            phase.Number,
            phase.StartsOn,
            phase.EndsOn,
            contract.KkkStatusId,
            contract.ClusterId,
            contract.ApplicationId,
            contract.ClusterName,
            contract.CoordinatorName,
            contract.CoordinatorNip,
            contract.VoivodeshipTeryt,
            voivodeship,
            contract.KisCodes,
            ContractParties.StatePl,
            ContractParties.StateEn,
            contract.RegionParty,
            ContractParties.RegionEn(voivodeship),
            contract.StartsOn,
            contract.EndsOn,
            contract.Years,
            contract.Status,
            contract.StatusReason,
            contract.StatusChangedAt,
            contract.TerminatedOn,
            contract.Terms,
            contract.ResponsibleOfficialId,
            contract.CreatedAt,
            contract.CoordinatorSignedAt,
            contract.SignedOn,
            contract.ActivatedAt,
            contract.AchievementPercent,
            Plan(contract, contract.CurrentVersion, numbers),
            contract.IsDraft ? contract.Gaps() : [],
            [.. contract.Versions.OrderBy(v => v.Number).Select(v => new ContractVersionItem(
                v.Number, v.EffectiveFrom, v.CreatedAt, v.AmendmentId, v.AmendmentId is { } id && numbers.TryGetValue(id, out var n) ? n : null))],
            pending is null ? null : Amendment(pending, contract.Number, contract.ClusterName),
            Links(contract.Id),
            contract.Version);
    }

    public static async Task<string> VoivodeshipNameAsync(IAppDbContext db, string teryt, CancellationToken cancellationToken) =>
        await db.Voivodeships.AsNoTracking().Where(v => v.Teryt == teryt).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken) ?? teryt;

    /// <summary>The phase a contract belongs to (every contract has one: the foreign key keeps it).</summary>
    public static Task<ProgrammePhase> PhaseAsync(IAppDbContext db, Guid phaseId, CancellationToken cancellationToken) =>
        db.ProgrammePhases.AsNoTracking().SingleAsync(p => p.Id == phaseId, cancellationToken);
}
