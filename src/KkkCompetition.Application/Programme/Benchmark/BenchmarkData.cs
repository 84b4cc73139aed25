using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Benchmark;

/// <summary>The scope of a benchmark request: exactly one of a phase, a competition or a day.</summary>
public interface IBenchmarkScope
{
    Guid? PhaseId { get; }
    Guid? CompetitionId { get; }
    DateOnly? Date { get; }
}

/// <summary>Exactly one scope: none names <c>phaseId</c>, a second one names itself.</summary>
public sealed class BenchmarkScopeValidator : AbstractValidator<IBenchmarkScope>
{
    public const string OneScopeCode = "benchmark.one_scope";
    private const string Message = "Choose exactly one scope: phaseId, competitionId or date.";

    public BenchmarkScopeValidator()
    {
        RuleFor(x => x.PhaseId).Must((x, _) => x.PhaseId is not null || x.CompetitionId is not null || x.Date is not null)
            .WithErrorCode(OneScopeCode).WithMessage(Message);
        RuleFor(x => x.PhaseId).NotEqual(Guid.Empty).When(x => x.PhaseId is not null);
        RuleFor(x => x.CompetitionId).Must((x, _) => x.PhaseId is null).When(x => x.CompetitionId is not null)
            .WithErrorCode(OneScopeCode).WithMessage(Message);
        RuleFor(x => x.CompetitionId).NotEqual(Guid.Empty).When(x => x.CompetitionId is not null);
        RuleFor(x => x.Date).Must((x, _) => x.PhaseId is null && x.CompetitionId is null).When(x => x.Date is not null)
            .WithErrorCode(OneScopeCode).WithMessage(Message);
    }
}

/// <summary>
/// Which clusters a scope holds and what the report reads about them. Everything is read with a handful of set-based,
/// untracked queries that project only the columns needed (members grouped by cluster, type and size in the database), so the
/// cost does not grow with round trips; the arithmetic is then done in memory by <see cref="BenchmarkCalculator"/>.
/// </summary>
public static class BenchmarkData
{
    public const string InternshipsKpiCode = "KPI-SKL";

    /// <summary>The clusters of the scope, as a subquery (an unknown phase or competition holds none).</summary>
    public static IQueryable<Guid> ClusterIds(IAppDbContext db, IBenchmarkScope scope)
    {
        if (scope.PhaseId is { } phaseId)
        {
            // A draft is not a contract yet; a contract signed in the phase counts whatever became of it later.
            return db.ProgrammeContracts.Where(c => c.PhaseId == phaseId && c.Status != ContractStatus.Draft).Select(c => c.ClusterId).Distinct();
        }

        if (scope.CompetitionId is { } competitionId)
        {
            return SubmittedApplications(db).Where(a => a.CompetitionId == competitionId).Select(a => a.ClusterId).Distinct();
        }

        return db.KkkStatuses.Current(scope.Date!.Value).Select(s => s.ClusterId).Distinct();
    }

    /// <summary>The cluster the applicant's organisation runs (one at most), or none.</summary>
    public static IQueryable<Guid> OwnCluster(IAppDbContext db, Guid userId) =>
        from c in db.Clusters
        join o in db.Organisations on c.OrganisationId equals o.Id
        where o.OwnerUserId == userId
        select c.Id;

    /// <summary>The scope as shown, or 404 for an unknown phase or competition.</summary>
    public static async Task<BenchmarkScopeView> ViewAsync(IAppDbContext db, IBenchmarkScope scope, CancellationToken cancellationToken)
    {
        if (scope.PhaseId is { } phaseId)
        {
            var phase = await db.ProgrammePhases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => new { p.Number, p.StartsOn, p.EndsOn }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("ProgrammePhase", phaseId);
            return new BenchmarkScopeView(BenchmarkScopeKind.Phase, phaseId, phase.Number, phase.StartsOn, phase.EndsOn, null, null, null);
        }

        if (scope.CompetitionId is { } competitionId)
        {
            var name = await db.Competitions.AsNoTracking().Where(c => c.Id == competitionId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Competition", competitionId);
            return new BenchmarkScopeView(BenchmarkScopeKind.Competition, null, null, null, null, competitionId, name, null);
        }

        return new BenchmarkScopeView(BenchmarkScopeKind.Date, null, null, null, null, null, null, scope.Date);
    }

    /// <summary>The whole group's report for the scope.</summary>
    public static async Task<BenchmarkReport> ReportAsync(IAppDbContext db, IBenchmarkScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(db, scope, cancellationToken);
        var (clusters, mix) = await ReadAsync(db, scope, cancellationToken);
        return BenchmarkCalculator.Compute(view, now, clusters, mix);
    }

    /// <summary>
    /// The group's clusters and member mix. Members: those recorded now, for a date scope only those who joined by that day.
    /// Indicators: the later indicator year of the cluster's latest submitted application (in a competition scope its application
    /// to that competition; in a date scope the latest submitted by that day); internships from the latest accepted annual KPI
    /// report (accepted by that day in a date scope) whose period ends after that year, when it gives a KPI-SKL actual.
    /// </summary>
    public static async Task<(IReadOnlyList<BenchmarkClusterData> Clusters, MemberMix Mix)> ReadAsync(IAppDbContext db, IBenchmarkScope scope, CancellationToken cancellationToken)
    {
        var ids = ClusterIds(db, scope);
        DateTimeOffset? knownBefore = scope.Date is { } day ? WorkingDayCalendar.StartOfWarsawDay(day.AddDays(1)) : null;

        var clusters = await db.Clusters.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.VoivodeshipTeryt })
            .ToListAsync(cancellationToken);
        var index = new Dictionary<Guid, int>(clusters.Count);
        for (var i = 0; i < clusters.Count; i++)
        {
            index[clusters[i].Id] = i;
        }

        var memberCount = new int[clusters.Count];
        var employment = new int[clusters.Count];
        var mix = new MemberMix();
        var members = db.ClusterMembers.AsNoTracking().Where(m => ids.Contains(m.ClusterId));
        if (scope.Date is { } joinedBy)
        {
            members = members.Where(m => m.JoinedOn <= joinedBy);
        }

        var groups = await members
            .GroupBy(m => new { m.ClusterId, m.Type, m.Size })
            .Select(g => new { g.Key.ClusterId, g.Key.Type, g.Key.Size, Count = g.Count(), Employment = g.Sum(m => m.Employment) })
            .ToListAsync(cancellationToken);
        foreach (var g in groups)
        {
            var i = index[g.ClusterId];
            memberCount[i] += g.Count;
            employment[i] += g.Employment;
            mix.Add(g.Type, g.Size, g.Count);
        }

        var applications = SubmittedApplications(db).Where(a => ids.Contains(a.ClusterId));
        if (scope.CompetitionId is { } competitionId)
        {
            applications = applications.Where(a => a.CompetitionId == competitionId);
        }

        if (knownBefore is { } before)
        {
            applications = applications.Where(a => a.SubmittedAt < before);
        }

        var years = await applications.IgnoreAutoIncludes()
            .SelectMany(a => a.Indicators, (a, i) => new
            {
                a.ClusterId,
                a.SubmittedAt,
                ApplicationId = a.Id,
                i.Year,
                i.Values.Revenue,
                i.Values.ProductInnovations,
                i.Values.ProcessInnovations,
                i.Values.JointProjects,
                i.Values.InternshipsAndTrainings,
            })
            .ToListAsync(cancellationToken);

        var reports = await (
                from r in db.KpiReports.AsNoTracking()
                join c in db.ProgrammeContracts.AsNoTracking() on r.ContractId equals c.Id
                where ids.Contains(c.ClusterId) && r.Kind == ReportKind.Annual && r.Status == KpiReportStatus.Accepted
                      && (knownBefore == null || r.AcceptedAt < knownBefore)
                select new { c.ClusterId, r.PeriodEnd, r.AcceptedAt, r.Lines })
            .ToListAsync(cancellationToken);
        var internshipReports = reports
            .Select(r => new { r.ClusterId, r.PeriodEnd, r.AcceptedAt, Actual = r.Lines.FirstOrDefault(l => l.KpiCode == InternshipsKpiCode)?.Actual })
            .Where(r => r.Actual is not null)
            .GroupBy(r => r.ClusterId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.AcceptedAt).First());

        var latest = years
            .GroupBy(y => y.ClusterId)
            .ToDictionary(g => g.Key, g =>
            {
                var application = g.OrderByDescending(y => y.SubmittedAt).First().ApplicationId;
                return g.Where(y => y.ApplicationId == application).OrderBy(y => y.Year).ToList();
            });
        var names = await RegistryData.VoivodeshipNamesAsync(db, cancellationToken);

        var result = new BenchmarkClusterData[clusters.Count];
        for (var i = 0; i < clusters.Count; i++)
        {
            var cluster = clusters[i];
            var rows = latest.GetValueOrDefault(cluster.Id);
            var earlier = rows?.Count >= 2 ? rows[0] : null;
            var later = rows?.Count >= 1 ? rows[^1] : null;
            decimal? growth = earlier is { Revenue: > 0 } && later?.Revenue is { } laterRevenue
                ? (laterRevenue - earlier.Revenue.Value) / earlier.Revenue.Value * 100m
                : null;
            var internships = later?.InternshipsAndTrainings;
            if (internshipReports.TryGetValue(cluster.Id, out var report) && (later is null || report.PeriodEnd > new DateOnly(later.Year, 12, 31)))
            {
                internships = (int)Math.Round(report.Actual!.Value, MidpointRounding.AwayFromZero);
            }

            result[i] = new BenchmarkClusterData(
                cluster.Id,
                cluster.Name,
                cluster.VoivodeshipTeryt,
                RegistryData.Name(names, cluster.VoivodeshipTeryt),
                memberCount[i],
                employment[i],
                growth,
                later?.ProductInnovations,
                later?.ProcessInnovations,
                later?.JointProjects,
                internships);
        }

        return (result, mix);
    }

    private static IQueryable<KkkApplication> SubmittedApplications(IAppDbContext db) =>
        db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null && a.Status != ApplicationStatus.Withdrawn);
}
