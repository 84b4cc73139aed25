using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 6 budgets: the registry's open data for 1,250 certified clusters (the European platform's size) through the
/// whole pipeline on SQLite, as JSON — what the endpoint serialises — mean under 30 ms; the CSV export of the same under
/// 100 ms; and the public page's first page for comparison. Every cluster holds one current status; a tenth also an
/// expired earlier one, so the current-only filter has rows to skip.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class RegistryBenchmark
{
    public const int Clusters = 1_250;

    private ServiceProvider _services = null!;
    private System.Text.Json.JsonSerializerOptions _json = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            "registry-1250",
            services => GenerateAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public async Task<byte[]> OpenDataJson()
    {
        var dataset = await SendAsync(new ExportRegistry());
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(dataset, _json);
    }

    [Benchmark]
    public async Task<byte[]> OpenDataCsv()
    {
        var dataset = await SendAsync(new ExportRegistry());
        return _services.GetRequiredService<IRegistryCsvWriter>().Write(dataset);
    }

    [Benchmark]
    public Task<RegistryPage> PageFilteredByVoivodeship() => SendAsync(new ListRegistry(Voivodeship: "14", PageSize: 25));

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.ScopeAs(TestUsers.Anonymous);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    private static async Task GenerateAsync(IServiceProvider services, TestClock clock)
    {
        string[] voivodeships = ["02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32"];
        var random = new Random(2026);
        var clusters = new CertifiedClusters(services, clock);
        var shapes = Enumerable.Range(1, Clusters).Select(i => new CertifiedShape
        {
            ClusterName = $"Klaster {i:D4}",
            Voivodeship = voivodeships[random.Next(voivodeships.Length)],
            KisCodes = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"KIS{1 + random.Next(13)}").Distinct()],
            Members = 2,
            CertificateDate = new DateOnly(2024, 1, 1).AddDays(random.Next(900)),
        }).ToList();
        var granted = await clusters.GrantManyAsync(shapes);
        await clusters.GrantManyAsync(granted.Where((_, i) => i % 10 == 0)
            .Select(g => new CertifiedShape { ClusterName = g.ClusterName, ExistingClusterId = g.ClusterId, Members = 0, CertificateDate = new DateOnly(2019, 6, 1) })
            .ToList());
    }
}
