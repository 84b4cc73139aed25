using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 7 budget: the officials' programme dashboard for 1,250 active contracts × 10 KPIs × 4 years (every annual report
/// accepted) through the whole pipeline on SQLite — the first page with the charts' figures, mean under 150 ms — with and
/// without a voivodeship filter; and the XLSX export of all of them, which computes each KPI's cumulative achievement.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class ProgrammeDashboardBenchmark
{
    public const int Contracts = 1_250;
    public const string DatabaseName = "programme-contracts-1250";

    private ServiceProvider _services = null!;

    [GlobalSetup]
    public async Task SetUp() => _services = await OpenAsync();

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    /// <summary>The database both achievement benchmarks read, generated on the first run.</summary>
    public static Task<ServiceProvider> OpenAsync()
    {
        var clock = new TestClock();
        return BenchmarkDatabase.OpenAsync(
            DatabaseName,
            services => new DataGenerator().AddProgrammeContractsAsync(services, clock, Contracts),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    /// <summary>What the page shows first: every contract's figures for the charts, the first 25 by number.</summary>
    [Benchmark]
    public Task<ProgrammeDashboard> FirstPage() => SendAsync(new GetProgrammeDashboard(PageSize: 25));

    /// <summary>One voivodeship, worst achievement first.</summary>
    [Benchmark]
    public Task<ProgrammeDashboard> FirstPageOfVoivodeshipByAchievement() =>
        SendAsync(new GetProgrammeDashboard(Voivodeship: "14", SortBy: ProgrammeDashboardSort.Achievement, PageSize: 25));

    /// <summary>All 1,250 contracts with the cumulative achievement of the catalogue's KPIs, as XLSX.</summary>
    [Benchmark]
    public Task<ExportedFile> ExportXlsx() => SendAsync(new ExportProgrammeDashboard());

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.ScopeAs(TestUsers.Official);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }
}
