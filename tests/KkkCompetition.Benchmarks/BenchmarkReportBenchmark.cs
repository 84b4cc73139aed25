using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Programme.Benchmark;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 8 budget: the benchmark report over 1,250 clusters and 155,000 members with their applications' indicators, through the
/// whole pipeline on SQLite — the report under 1 s, its PDF with charts (every cluster's positions) under 3 s; and the XLSX.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class BenchmarkReportBenchmark
{
    public const string DatabaseName = "benchmark-report-1250";

    private ServiceProvider _services = null!;
    private Guid _phaseId;

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            DatabaseName,
            services => new DataGenerator().AddBenchmarkGroupAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await using var scope = _services.CreateAsyncScope();
        _phaseId = await scope.ServiceProvider.GetRequiredService<IAppDbContext>().ProgrammePhases.Select(p => p.Id).SingleAsync();
        var report = await SendAsync(new GetBenchmarkReport(PhaseId: _phaseId));
        if (report.Clusters != DataGenerator.EuropeanPlatformClusters || report.Members != DataGenerator.EuropeanPlatformMembers)
        {
            throw new InvalidOperationException($"The benchmark database holds {report.Clusters} clusters and {report.Members} members.");
        }
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public Task<BenchmarkReport> Report() => SendAsync(new GetBenchmarkReport(PhaseId: _phaseId));

    [Benchmark]
    public Task<ExportedFile> Pdf() => SendAsync(new ExportBenchmarkReport(BenchmarkFileFormat.Pdf, PhaseId: _phaseId));

    [Benchmark]
    public Task<ExportedFile> Xlsx() => SendAsync(new ExportBenchmarkReport(BenchmarkFileFormat.Xlsx, PhaseId: _phaseId));

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.ScopeAs(TestUsers.Official);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }
}
