using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

/// <summary>A request about one phase evaluation (the whole phase's).</summary>
public interface IPhaseEvaluationRequest
{
    Guid PhaseEvaluationId { get; }
}

/// <summary>A request about one contract's evaluation.</summary>
public interface IContractEvaluationRequest
{
    Guid EvaluationId { get; }
}

/// <summary>
/// Who reads a contract's evaluation: officials any; the expert or official assigned to score it; the coordinator of the
/// evaluated cluster his or her own. Anybody else's is "not found".
/// </summary>
public abstract class ContractEvaluationReaderAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IContractEvaluationRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId
            && (await db.ContractEvaluations.AnyAsync(e => e.Id == request.EvaluationId && e.EvaluatorUserId == userId, cancellationToken)
                || await PhaseEvaluationData.OwnEvaluations(db, userId).AnyAsync(e => e.Id == request.EvaluationId, cancellationToken)));
}

/// <summary>Who scores the qualitative part: the assigned expert or official only (an official not assigned is refused too).</summary>
public abstract class ContractEvaluatorAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IContractEvaluationRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
        && await db.ContractEvaluations.AnyAsync(e => e.Id == request.EvaluationId && e.EvaluatorUserId == userId, cancellationToken);
}

/// <summary>Loading, locking and links shared by the phase evaluation use cases.</summary>
public static class PhaseEvaluationData
{
    public static string BoardLink(Guid phaseEvaluationId) => $"/programme/evaluations/{phaseEvaluationId}";

    public static string EvaluationLink(Guid evaluationId) => $"/programme/contract-evaluations/{evaluationId}";

    /// <summary>The evaluations of the clusters whose organisation <paramref name="userId"/> owns.</summary>
    public static IQueryable<ContractEvaluation> OwnEvaluations(IAppDbContext db, Guid userId) =>
        from e in db.ContractEvaluations
        join cluster in db.Clusters on e.ClusterId equals cluster.Id
        join o in db.Organisations on cluster.OrganisationId equals o.Id
        where o.OwnerUserId == userId
        select e;

    public static async Task<PhaseEvaluation> LoadAsync(IAppDbContext db, Guid phaseEvaluationId, CancellationToken cancellationToken) =>
        await db.PhaseEvaluations.SingleOrDefaultAsync(e => e.Id == phaseEvaluationId, cancellationToken)
        ?? throw new NotFoundException("PhaseEvaluation", phaseEvaluationId);

    public static async Task<ContractEvaluation> LoadEvaluationAsync(IAppDbContext db, Guid evaluationId, CancellationToken cancellationToken) =>
        await db.ContractEvaluations.SingleOrDefaultAsync(e => e.Id == evaluationId, cancellationToken)
        ?? throw new NotFoundException("ContractEvaluation", evaluationId);

    /// <summary>
    /// Locks the phase evaluation's row first, so the commands that change its contracts' evaluations, its votings and its
    /// close run one after the other (closing checks every decision; a voting takes the decided ones).
    /// </summary>
    public static async Task LockAsync(IAppDbContext db, Guid phaseEvaluationId, CancellationToken cancellationToken)
    {
        if (await db.PhaseEvaluations.Where(e => e.Id == phaseEvaluationId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OpenedAt, e => e.OpenedAt), cancellationToken) == 0)
        {
            throw new NotFoundException("PhaseEvaluation", phaseEvaluationId);
        }
    }
}

/// <summary>
/// The quantitative part of a contract's phase evaluation (domain guide, section 7): the contract's KPI achievement over the
/// phase from its accepted annual reports, through the domain's calculator, where every annual report due by
/// <c>today</c> and not accepted counts as zero achievement and is listed.
/// </summary>
public static class PhaseQuantitative
{
    public sealed record Result(ContractAchievement Achievement, IReadOnlyList<MissingReport> Missing);

    public static async Task<Result> ComputeAsync(IAppDbContext db, ProgrammeContract contract, AchievementBands bands, DateOnly today, CancellationToken cancellationToken)
    {
        var reports = await db.KpiReports.AsNoTracking()
            .Where(r => r.ContractId == contract.Id && r.Kind == ReportKind.Annual)
            .Select(r => new { r.Year, r.DueOn, r.Status, r.Lines })
            .ToListAsync(cancellationToken);
        var accepted = reports
            .Where(r => r.Status == KpiReportStatus.Accepted)
            .Select(r => new ReportedYear(r.Year!.Value, r.Lines.ToDictionary(l => l.KpiCode, l => l.Actual, StringComparer.Ordinal)))
            .ToList();
        var missing = reports
            .Where(r => r.Status != KpiReportStatus.Accepted && r.DueOn < today)
            .Select(r => new MissingReport(r.Year!.Value, r.DueOn, r.Status))
            .OrderBy(m => m.Year)
            .ToList();
        var achievement = ContractAchievementCalculator.Compute(contract, accepted, bands, [.. missing.Select(m => m.Year)]);
        return new Result(achievement, missing);
    }
}
