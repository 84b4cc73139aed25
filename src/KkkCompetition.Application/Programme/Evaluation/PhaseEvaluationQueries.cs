using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>A phase's evaluation in the officials' list: the phase, its status and how far its contracts are.</summary>
public sealed record PhaseEvaluationRow(
    Guid Id,
    Guid PhaseId,
    int PhaseNumber,
    DateOnly PhaseStartsOn,
    DateOnly PhaseEndsOn,
    PhaseEvaluationStatus Status,
    DateTimeOffset OpenedAt,
    int Contracts,
    int Scored,
    int Approved);

/// <summary>How far a phase's evaluation is: contracts by status and by decision, and whether the phase can be closed.</summary>
public sealed record PhaseEvaluationProgress(
    int Total,
    IReadOnlyDictionary<ContractEvaluationStatus, int> ByStatus,
    IReadOnlyDictionary<PhaseDecision, int> ByDecision,
    int WithoutEvaluator,
    int Approved,
    bool CanClose);

public sealed record PhaseEvaluationHeader(
    Guid Id,
    Guid PhaseId,
    int PhaseNumber,
    DateOnly PhaseStartsOn,
    DateOnly PhaseEndsOn,
    PhaseEvaluationStatus Status,
    Guid CommissionCompetitionId,
    string CommissionCompetitionName,
    IReadOnlyList<QualitativeCriterion> Criteria,
    decimal QuantitativeWeightPercent,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    PhaseEvaluationProgress Progress,
    int Version);

/// <summary>One contract's evaluation as a row of the board or of an evaluator's list.</summary>
public sealed record ContractEvaluationRow(
    Guid Id,
    Guid PhaseEvaluationId,
    int PhaseNumber,
    string ContractNumber,
    string ClusterName,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    decimal? QuantitativePercent,
    int MissingReports,
    decimal? QualitativePercent,
    decimal? OverallPercent,
    DashboardColour OverallColour,
    Guid? EvaluatorUserId,
    string? EvaluatorName,
    ContractEvaluationStatus Status,
    PhaseDecision? Decision,
    int Version);

public sealed record PhaseEvaluationBoard(PhaseEvaluationHeader Header, PagedResult<ContractEvaluationRow> Contracts);

public enum ContractEvaluationSort
{
    ContractNumber,
    ClusterName,
    Voivodeship,
    QuantitativePercent,
    QualitativePercent,
    OverallPercent,
    Status,
}

/// <summary>
/// The coordinator's row of his or her evaluations: the quantitative part always; the overall rating and the decision only
/// once the commission has approved it (<see cref="Decision"/> and <see cref="OverallPercent"/> null before).
/// </summary>
public sealed record MyContractEvaluationRow(
    Guid Id,
    int PhaseNumber,
    DateOnly PhaseEndsOn,
    string ContractNumber,
    string ClusterName,
    ContractEvaluationStatus Status,
    decimal? QuantitativePercent,
    int MissingReports,
    decimal? OverallPercent,
    PhaseDecision? Decision,
    DateOnly? ReviewOn);

/// <summary>
/// One contract's evaluation for its form. The KPI rows are computed live (the stored quantitative figure is what the
/// rating uses, refreshed on request). <see cref="QualitativeHidden"/>: the coordinator reads the quantitative part and the
/// missing reports always, but the qualitative scores, the ratings, the evaluator and the decision only once the commission
/// approved it — the fields are then null or empty.
/// </summary>
public sealed record ContractEvaluationView(
    Guid Id,
    Guid PhaseEvaluationId,
    int PhaseNumber,
    DateOnly PhaseEndsOn,
    PhaseEvaluationStatus PhaseStatus,
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    string VoivodeshipTeryt,
    ContractEvaluationStatus Status,
    decimal? QuantitativePercent,
    DashboardColour QuantitativeColour,
    int AcceptedReports,
    IReadOnlyList<MissingReport> MissingReports,
    DateTimeOffset QuantitativeAt,
    IReadOnlyList<KpiAchievementView> Kpis,
    IReadOnlyList<QualitativeCriterion> Criteria,
    decimal QuantitativeWeightPercent,
    bool QualitativeHidden,
    Guid? EvaluatorUserId,
    string? EvaluatorName,
    IReadOnlyList<QualitativeScore> Scores,
    decimal? QualitativePercent,
    DateTimeOffset? ScoredAt,
    decimal? OverallPercent,
    DashboardColour OverallColour,
    PhaseDecision? Decision,
    string? DecisionJustification,
    IReadOnlyList<string> RemediationItems,
    DateOnly? ReviewOn,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? CommissionRefusedAt,
    DateTimeOffset? ApprovedAt,
    bool CanScore,
    bool CanAssign,
    bool CanDecide,
    bool CanRefresh,
    int Version);

/// <summary>A user who may be assigned to score: holds the Expert or the Official role.</summary>
public sealed record EvaluatorCandidate(Guid UserId, string Name, bool IsOfficial);

/// <summary>Every phase evaluation, newest phase first (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListPhaseEvaluations : IQuery<IReadOnlyList<PhaseEvaluationRow>>;

/// <summary>
/// The board of a phase's evaluation (officials): the header with its criteria, weight, commission and progress, and its
/// contracts' evaluations searched (contract number or cluster), filtered by status and decision, sorted and paged on the server.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetPhaseEvaluationBoard(
    Guid PhaseEvaluationId,
    string? Search = null,
    ContractEvaluationStatus? Status = null,
    PhaseDecision? Decision = null,
    ContractEvaluationSort SortBy = ContractEvaluationSort.ContractNumber,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IQuery<PhaseEvaluationBoard>, IPhaseEvaluationRequest;

/// <summary>The evaluations assigned to the caller to score, those awaiting scores first (experts and officials).</summary>
[AllowedRoles(Roles.Expert, Roles.Official)]
public sealed record ListMyPhaseEvaluations(int Page = 1, int PageSize = 25) : IQuery<PagedResult<ContractEvaluationRow>>;

/// <summary>The evaluations of the caller's own clusters' contracts, newest phase first (applicants).</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ListMyContractEvaluations(int Page = 1, int PageSize = 25) : IQuery<PagedResult<MyContractEvaluationRow>>;

/// <summary>One contract's evaluation (officials; the assigned evaluator; the coordinator his or her own — anyone else's is 404).</summary>
[AllowedRoles(Roles.Applicant, Roles.Expert, Roles.Official)]
public sealed record GetContractEvaluation(Guid EvaluationId) : IQuery<ContractEvaluationView>, IContractEvaluationRequest;

/// <summary>Who may be assigned to score the qualitative part: the holders of the Expert or Official role, by name (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListEvaluatorCandidates : IQuery<IReadOnlyList<EvaluatorCandidate>>;

public sealed class GetContractEvaluationAuthorizer(IAppDbContext db) : ContractEvaluationReaderAuthorizer<GetContractEvaluation>(db);

public sealed class GetPhaseEvaluationBoardValidator : AbstractValidator<GetPhaseEvaluationBoard>
{
    public GetPhaseEvaluationBoardValidator()
    {
        RuleFor(x => x.PhaseEvaluationId).NotEmpty();
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyPhaseEvaluationsValidator : AbstractValidator<ListMyPhaseEvaluations>
{
    public ListMyPhaseEvaluationsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class ListMyContractEvaluationsValidator : AbstractValidator<ListMyContractEvaluations>
{
    public ListMyContractEvaluationsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class GetContractEvaluationValidator : AbstractValidator<GetContractEvaluation>
{
    public GetContractEvaluationValidator() => RuleFor(x => x.EvaluationId).NotEmpty();
}

/// <summary>Rows of the lists: the page's evaluations read whole (their missing reports are JSON), then named.</summary>
internal static class EvaluationRows
{
    public static async Task<List<ContractEvaluationRow>> ProjectAsync(IAppDbContext db, IReadOnlyList<ContractEvaluation> page, CancellationToken cancellationToken)
    {
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var teryts = page.Select(e => e.VoivodeshipTeryt).Distinct().ToList();
        var voivodeships = await db.Voivodeships.AsNoTracking().Where(v => teryts.Contains(v.Teryt)).ToDictionaryAsync(v => v.Teryt, v => v.Name, cancellationToken);
        var names = await EvaluatorNamesAsync(db, [.. page.Select(e => e.EvaluatorUserId).OfType<Guid>().Distinct()], cancellationToken);
        var phaseIds = page.Select(e => e.PhaseId).Distinct().ToList();
        var phases = await db.ProgrammePhases.AsNoTracking().Where(p => phaseIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
        return [.. page.Select(e => new ContractEvaluationRow(
            e.Id,
            e.PhaseEvaluationId,
            phases.GetValueOrDefault(e.PhaseId),
            e.ContractNumber,
            e.ClusterName,
            e.VoivodeshipTeryt,
            voivodeships.GetValueOrDefault(e.VoivodeshipTeryt) ?? e.VoivodeshipTeryt,
            e.QuantitativePercent,
            e.MissingReports.Count,
            e.QualitativePercent,
            e.OverallPercent,
            AchievementColours.Of(e.OverallPercent, bands),
            e.EvaluatorUserId,
            e.EvaluatorUserId is { } id ? names.GetValueOrDefault(id) : null,
            e.Status,
            e.Decision,
            e.Version))];
    }

    public static async Task<Dictionary<Guid, string>> EvaluatorNamesAsync(IAppDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0
            ? []
            : await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName, cancellationToken);
}

public sealed class ListPhaseEvaluationsHandler(IAppDbContext db) : IQueryHandler<ListPhaseEvaluations, IReadOnlyList<PhaseEvaluationRow>>
{
    public async ValueTask<IReadOnlyList<PhaseEvaluationRow>> Handle(ListPhaseEvaluations query, CancellationToken cancellationToken)
    {
        var evaluations = await (from e in db.PhaseEvaluations.AsNoTracking()
                                 join p in db.ProgrammePhases.AsNoTracking() on e.PhaseId equals p.Id
                                 orderby p.Number descending
                                 select new { e.Id, e.PhaseId, p.Number, p.StartsOn, p.EndsOn, e.Status, e.OpenedAt })
            .ToListAsync(cancellationToken);
        var counts = await db.ContractEvaluations.AsNoTracking()
            .GroupBy(e => new { e.PhaseEvaluationId, e.Status })
            .Select(g => new { g.Key.PhaseEvaluationId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. evaluations.Select(e =>
        {
            var own = counts.Where(c => c.PhaseEvaluationId == e.Id).ToList();
            return new PhaseEvaluationRow(
                e.Id, e.PhaseId, e.Number, e.StartsOn, e.EndsOn, e.Status, e.OpenedAt,
                own.Sum(c => c.Count),
                own.Where(c => c.Status != ContractEvaluationStatus.AwaitingScores).Sum(c => c.Count),
                own.Where(c => c.Status == ContractEvaluationStatus.Approved).Sum(c => c.Count));
        })];
    }
}

public sealed class GetPhaseEvaluationBoardHandler(IAppDbContext db) : IQueryHandler<GetPhaseEvaluationBoard, PhaseEvaluationBoard>
{
    public async ValueTask<PhaseEvaluationBoard> Handle(GetPhaseEvaluationBoard query, CancellationToken cancellationToken)
    {
        var evaluation = await db.PhaseEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.PhaseEvaluationId, cancellationToken)
            ?? throw new NotFoundException("PhaseEvaluation", query.PhaseEvaluationId);
        var phase = await db.ProgrammePhases.AsNoTracking().SingleAsync(p => p.Id == evaluation.PhaseId, cancellationToken);
        var competition = await db.Competitions.AsNoTracking().Where(c => c.Id == evaluation.CommissionCompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);

        var all = db.ContractEvaluations.AsNoTracking().Where(e => e.PhaseEvaluationId == evaluation.Id);
        var tallies = await all
            .GroupBy(e => new { e.Status, e.Decision, Assigned = e.EvaluatorUserId != null })
            .Select(g => new { g.Key.Status, g.Key.Decision, g.Key.Assigned, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = tallies.Sum(t => t.Count);
        var approved = tallies.Where(t => t.Status == ContractEvaluationStatus.Approved).Sum(t => t.Count);
        var progress = new PhaseEvaluationProgress(
            total,
            Enum.GetValues<ContractEvaluationStatus>().ToDictionary(s => s, s => tallies.Where(t => t.Status == s).Sum(t => t.Count)),
            Enum.GetValues<PhaseDecision>().ToDictionary(d => d, d => tallies.Where(t => t.Decision == d).Sum(t => t.Count)),
            tallies.Where(t => !t.Assigned).Sum(t => t.Count),
            approved,
            evaluation.IsOpen && approved == total);
        var header = new PhaseEvaluationHeader(
            evaluation.Id, phase.Id, phase.Number, phase.StartsOn, phase.EndsOn, evaluation.Status, evaluation.CommissionCompetitionId, competition,
            evaluation.Criteria, evaluation.QuantitativeWeightPercent, evaluation.OpenedAt, evaluation.ClosedAt, progress, evaluation.Version);

        var filtered = all;
        if (query.Status is { } status)
        {
            filtered = filtered.Where(e => e.Status == status);
        }

        if (query.Decision is { } decision)
        {
            filtered = filtered.Where(e => e.Decision == decision);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            filtered = filtered.Where(e => e.ContractNumber.ToLower().Contains(text) || e.ClusterName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var count = await filtered.CountAsync(cancellationToken);
        var sorted = query.SortBy switch
        {
            ContractEvaluationSort.ClusterName => filtered.SortBy(e => e.ClusterName, e => e.ContractNumber, query.Descending),
            ContractEvaluationSort.Voivodeship => filtered.SortBy(e => e.VoivodeshipTeryt, e => e.ContractNumber, query.Descending),
            ContractEvaluationSort.QuantitativePercent => filtered.SortBy(e => e.QuantitativePercent, e => e.ContractNumber, query.Descending),
            ContractEvaluationSort.QualitativePercent => filtered.SortBy(e => e.QualitativePercent, e => e.ContractNumber, query.Descending),
            ContractEvaluationSort.OverallPercent => filtered.SortBy(e => e.OverallPercent, e => e.ContractNumber, query.Descending),
            ContractEvaluationSort.Status => filtered.SortBy(e => e.Status, e => e.ContractNumber, query.Descending),
            _ => filtered.SortBy(e => e.ContractNumber, e => e.Id, query.Descending),
        };
        var page = await sorted.Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var rows = await EvaluationRows.ProjectAsync(db, page, cancellationToken);
        return new PhaseEvaluationBoard(header, new PagedResult<ContractEvaluationRow>(rows, count, query.Page, query.PageSize));
    }
}

public sealed class ListMyPhaseEvaluationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyPhaseEvaluations, PagedResult<ContractEvaluationRow>>
{
    public async ValueTask<PagedResult<ContractEvaluationRow>> Handle(ListMyPhaseEvaluations query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        var mine = db.ContractEvaluations.AsNoTracking().Where(e => e.EvaluatorUserId == userId);
        var total = await mine.CountAsync(cancellationToken);

        // Those still to score first, then by contract number.
        var page = await mine
            .OrderBy(e => e.Status == ContractEvaluationStatus.AwaitingScores ? 0 : 1).ThenBy(e => e.ContractNumber).ThenBy(e => e.Id)
            .Page(query.Page, query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ContractEvaluationRow>(await EvaluationRows.ProjectAsync(db, page, cancellationToken), total, query.Page, query.PageSize);
    }
}

public sealed class ListMyContractEvaluationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyContractEvaluations, PagedResult<MyContractEvaluationRow>>
{
    public async ValueTask<PagedResult<MyContractEvaluationRow>> Handle(ListMyContractEvaluations query, CancellationToken cancellationToken)
    {
        var own = PhaseEvaluationData.OwnEvaluations(db, user.UserId ?? throw new UnauthenticatedException()).AsNoTracking();
        var total = await own.CountAsync(cancellationToken);
        var page = await (from e in own
                          join p in db.PhaseEvaluations.AsNoTracking() on e.PhaseEvaluationId equals p.Id
                          orderby p.PhaseEndsOn descending, e.ContractNumber
                          select new { Evaluation = e, p.PhaseNumber, p.PhaseEndsOn })
            .Page(query.Page, query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<MyContractEvaluationRow>(
            [.. page.Select(r =>
            {
                var e = r.Evaluation;
                var approved = e.Status == ContractEvaluationStatus.Approved;
                return new MyContractEvaluationRow(
                    e.Id, r.PhaseNumber, r.PhaseEndsOn, e.ContractNumber, e.ClusterName, e.Status, e.QuantitativePercent, e.MissingReports.Count,
                    approved ? e.OverallPercent : null, approved ? e.Decision : null, approved ? e.ReviewOn : null);
            })],
            total,
            query.Page,
            query.PageSize);
    }
}

public sealed class GetContractEvaluationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetContractEvaluation, ContractEvaluationView>
{
    public async ValueTask<ContractEvaluationView> Handle(GetContractEvaluation query, CancellationToken cancellationToken)
    {
        var e = await db.ContractEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == query.EvaluationId, cancellationToken)
            ?? throw new NotFoundException("ContractEvaluation", query.EvaluationId);
        var phase = await db.PhaseEvaluations.AsNoTracking().SingleAsync(p => p.Id == e.PhaseEvaluationId, cancellationToken);
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == e.ContractId, cancellationToken);
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var live = await PhaseQuantitative.ComputeAsync(db, contract, bands, ContractData.Today(clock), cancellationToken);

        var official = user.IsInRole(Roles.Official);
        var evaluator = e.EvaluatorUserId is { } assigned && assigned == user.UserId;

        // Only the coordinator reaches here besides officials and the evaluator (the authorizer); he or she waits for the approval.
        var hidden = !official && !evaluator && e.Status != ContractEvaluationStatus.Approved;
        var names = hidden || e.EvaluatorUserId is null ? [] : await EvaluationRows.EvaluatorNamesAsync(db, [e.EvaluatorUserId.Value], cancellationToken);
        var beforeDecision = e.Status is ContractEvaluationStatus.AwaitingScores or ContractEvaluationStatus.Scored;
        return new ContractEvaluationView(
            e.Id,
            phase.Id,
            phase.PhaseNumber,
            phase.PhaseEndsOn,
            phase.Status,
            e.ContractId,
            e.ContractNumber,
            e.ClusterName,
            e.VoivodeshipTeryt,
            e.Status,
            e.QuantitativePercent,
            AchievementColours.Of(e.QuantitativePercent, bands),
            e.AcceptedReports,
            e.MissingReports,
            e.QuantitativeAt,
            [.. live.Achievement.Kpis.Select(GetContractAchievementHandler.View)],
            phase.Criteria,
            phase.QuantitativeWeightPercent,
            hidden,
            hidden ? null : e.EvaluatorUserId,
            e.EvaluatorUserId is { } id ? names.GetValueOrDefault(id) : null,
            hidden ? [] : e.Scores,
            hidden ? null : e.QualitativePercent,
            hidden ? null : e.ScoredAt,
            hidden ? null : e.OverallPercent,
            hidden ? DashboardColour.NoData : AchievementColours.Of(e.OverallPercent, bands),
            hidden ? null : e.Decision,
            hidden ? null : e.DecisionJustification,
            hidden ? [] : e.RemediationItems,
            hidden ? null : e.ReviewOn,
            hidden ? null : e.DecidedAt,
            hidden ? null : e.CommissionRefusedAt,
            e.ApprovedAt,
            CanScore: evaluator && phase.IsOpen && beforeDecision,
            CanAssign: official && phase.IsOpen && e.Status == ContractEvaluationStatus.AwaitingScores,
            CanDecide: official && phase.IsOpen && e.Status is ContractEvaluationStatus.Scored or ContractEvaluationStatus.Decided,
            CanRefresh: official && beforeDecision,
            e.Version);
    }
}

public sealed class ListEvaluatorCandidatesHandler(IAppDbContext db) : IQueryHandler<ListEvaluatorCandidates, IReadOnlyList<EvaluatorCandidate>>
{
    public async ValueTask<IReadOnlyList<EvaluatorCandidate>> Handle(ListEvaluatorCandidates query, CancellationToken cancellationToken)
    {
        var links = (await db.UserRoles.ToListAsync(cancellationToken)).Where(r => r.Role is Roles.Expert or Roles.Official).ToList();
        var officials = links.Where(l => l.Role == Roles.Official).Select(l => l.UserId).ToHashSet();
        var names = await EvaluationRows.EvaluatorNamesAsync(db, [.. links.Select(l => l.UserId).Distinct()], cancellationToken);
        return [.. names.Select(n => new EvaluatorCandidate(n.Key, n.Value, officials.Contains(n.Key))).OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.UserId)];
    }
}
