using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 7 budget: one contract's achievement (10 KPIs × 4 years, four accepted annual reports) by the domain's calculator,
/// mean under 5 ms; and the same through <see cref="ContractAchievements.ComputeAsync"/> from the database — reading the
/// contract with its plan versions and the accepted reports — as a contract's page and every acceptance do.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class ContractAchievementBenchmark
{
    private ServiceProvider _services = null!;
    private ProgrammeContract _contract = null!;
    private IReadOnlyList<ReportedYear> _accepted = [];
    private Guid _contractId;

    [GlobalSetup]
    public async Task SetUp()
    {
        _services = await ProgrammeDashboardBenchmark.OpenAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        _contract = await db.ProgrammeContracts.AsNoTracking().OrderBy(c => c.Number).Skip(ProgrammeDashboardBenchmark.Contracts / 2).FirstAsync();
        _contractId = _contract.Id;
        var reports = await db.KpiReports.AsNoTracking()
            .Where(r => r.ContractId == _contractId && r.Kind == ReportKind.Annual && r.Status == KpiReportStatus.Accepted)
            .Select(r => new { r.Year, r.Lines })
            .ToListAsync();
        _accepted = [.. reports.Select(r => new ReportedYear(r.Year!.Value, r.Lines.ToDictionary(l => l.KpiCode, l => l.Actual, StringComparer.Ordinal)))];
        if (_accepted.Count != 4 || _contract.CurrentVersion.Kpis.Count != 10)
        {
            throw new InvalidOperationException("The benchmark contract should have 10 KPIs and 4 accepted annual reports.");
        }
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public ContractAchievement Calculator() => ContractAchievementCalculator.Compute(_contract, _accepted, AchievementBands.Default);

    [Benchmark]
    public async Task<ContractAchievement> ComputeFromDatabase()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == _contractId);
        return await ContractAchievements.ComputeAsync(db, contract, AchievementBands.Default, CancellationToken.None);
    }
}
