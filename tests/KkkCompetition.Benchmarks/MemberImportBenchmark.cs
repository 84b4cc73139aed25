using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Clusters;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 4 budget: importing 10,000 members from a file takes under 5 s and under 200 MB of extra memory — the whole
/// command through the pipeline: content check, parsing, every row checked, the members saved in one transaction
/// with the (summarised) audit entry. SQLite; one cluster whose members each iteration removes first.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class MemberImportBenchmark
{
    public const int Rows = 10_000;

    private static readonly FixedUser Applicant = new(Guid.Parse("0195f000-0000-7000-8000-00000000be01"), "applicant@bench", [Roles.Applicant]);

    private ServiceProvider _services = null!;
    private Guid _clusterId;
    private byte[] _csv = [];
    private byte[] _xlsx = [];

    [GlobalSetup]
    public async Task SetUp()
    {
        _services = await BenchmarkDatabase.OpenAsync("member-import", GenerateAsync);
        await using (var scope = _services.CreateAsyncScope())
        {
            _clusterId = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Clusters
                .Where(c => scope.ServiceProvider.GetRequiredService<KkkDbContext>().Organisations.Any(o => o.Id == c.OrganisationId && o.OwnerUserId == Applicant.UserId))
                .Select(c => c.Id).SingleAsync();
        }

        var file = MemberFileBuilder.Valid(Rows);
        _csv = file.ToCsv();
        _xlsx = file.ToXlsx();
    }

    private static async Task GenerateAsync(IServiceProvider services)
    {
        await using var scope = services.ScopeAs(Applicant);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await sender.Send(new RegisterOrganisation("Fundacja Benchmark", Domain.Identifiers.PolishIdentifiers.CompleteNip("525999001"), null, null, "fundacja", "Warszawa", "14"));
        await using var second = services.ScopeAs(Applicant);
        await second.ServiceProvider.GetRequiredService<ISender>().Send(new FoundCluster("Klaster Benchmark", new DateOnly(2018, 1, 1), "14", ["KIS1"], null, null));
    }

    [IterationSetup]
    public void EmptyTheCluster()
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<KkkDbContext>().ClusterMembers.Where(m => m.ClusterId == _clusterId).ExecuteDelete();
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public Task<MemberImportResult> ImportXlsx10000() => ImportAsync(_xlsx, "czlonkowie.xlsx");

    [Benchmark]
    public Task<MemberImportResult> ImportCsv10000() => ImportAsync(_csv, "czlonkowie.csv");

    private async Task<MemberImportResult> ImportAsync(byte[] content, string fileName)
    {
        await using var scope = _services.ScopeAs(Applicant);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ImportClusterMembers(_clusterId, fileName, new MemoryStream(content), MemberImportMode.Replace));
        if (!result.Succeeded || result.Imported != Rows)
        {
            throw new InvalidOperationException($"Imported {result.Imported} of {Rows}: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row} {e.Column} {e.Code}"))}");
        }

        return result;
    }
}
