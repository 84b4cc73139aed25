using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 5 budget: the ranking of a competition of 300 evaluated applications with 1,000 submitted sheets, through the
/// whole pipeline on SQLite: mean under 50 ms. 200 applications have three sheets (the mean of all), 100 have four (the
/// two closest, after divergence); every tenth result was changed by the panel; points are drawn so that totals tie
/// and the tie-break criteria decide. Built the domain's way (<see cref="RankingArrange"/>).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class RankingBenchmark
{
    public const int Applications = 300;
    public const int Sheets = 1_000;
    private const string CompetitionName = "Benchmark: ranking";

    private ServiceProvider _services = null!;
    private Guid _competitionId;

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            "ranking",
            services => GenerateAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        _competitionId = await db.Competitions.Where(c => c.Name == CompetitionName).Select(c => c.Id).SingleAsync();
        var sheets = await db.ExpertAssignments.CountAsync(a => a.CompetitionId == _competitionId);
        var results = await db.EvaluationResults.CountAsync(r => r.CompetitionId == _competitionId);
        if ((sheets, results) != (Sheets, Applications))
        {
            throw new InvalidOperationException($"The benchmark database holds {results} results and {sheets} sheets; delete {BenchmarkDatabase.FileFor("ranking")}* to rebuild it.");
        }
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    /// <summary>What the page shows first: the top 25 in ranking order.</summary>
    [Benchmark]
    public Task<RankingView> FirstPage() => SendAsync(new GetRanking(_competitionId, PageSize: 25));

    /// <summary>Passed only, a search on the cluster's name, third page.</summary>
    [Benchmark]
    public Task<RankingView> PassedOnlySearchThirdPage() => SendAsync(new GetRanking(_competitionId, PassedOnly: true, Search: "klaster 1", Page: 3, PageSize: 10));

    /// <summary>Sorted by cluster, descending, the largest page.</summary>
    [Benchmark]
    public Task<RankingView> ByClusterLargestPage() => SendAsync(new GetRanking(_competitionId, SortBy: RankingSort.Cluster, Descending: true, PageSize: 200));

    /// <summary>The whole ranking as XLSX (not in the budget; for the record).</summary>
    [Benchmark]
    public Task<ExportedFile> ExportXlsx() => SendAsync(new ExportRanking(_competitionId, ListExportFormat.Xlsx));

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.ScopeAs(TestUsers.Official);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    private static async Task GenerateAsync(IServiceProvider services, TestClock clock)
    {
        var arrange = new RankingArrange(services, clock);
        var competitionId = await arrange.CompetitionAsync(minimums: new Dictionary<string, decimal> { ["C.1"] = 5m }, name: CompetitionName);
        var builder = new SubmittedApplications(services, clock);
        var apps = new List<SubmittedApplication>(Applications);
        foreach (var chunk in Enumerable.Range(1, Applications).Select(i => $"Klaster {i:D3}").Chunk(50))
        {
            apps.AddRange(await builder.SubmitManyAsync(competitionId, chunk, new ApplicationShape { Members = 2 }));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var random = new Random(20270515);
        for (var i = 0; i < apps.Count; i++)
        {
            // A level per application, each sheet a half point or so around it: totals cluster and tie.
            var level = 5 + (random.Next(0, 9) * 0.5m);
            var count = i % 3 == 0 ? 4 : 3;
            var sheets = Enumerable.Range(1, count)
                .Select(e => new ArrangedSheet(
                    $"Ekspert {i:D3}-{e}",
                    RankingArrange.TemplateCodes.ToDictionary(c => c, _ => level + (random.Next(-1, 2) * 0.5m))))
                .ToList();
            await arrange.ScoreAsync(apps[i].Id, sheets, extraExpert: count == 4);
            if (i % 10 == 0)
            {
                await arrange.PanelChangeAsync(apps[i].Id, "C.1", 10m, "Panel podniósł ocenę po prezentacji wspólnych projektów.");
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
