using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 4 budget: the official's formal review queue for a competition of 300 submitted applications (60 members each),
/// filtered and paged, through the whole pipeline on SQLite: mean under 30 ms. The applications are in every state of the
/// review (submitted, findings recorded, correction requested, accepted), built the domain's way.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class FormalReviewQueueBenchmark
{
    public const int Applications = 300;
    private const string CompetitionName = "Benchmark: ocena formalna";

    private ServiceProvider _services = null!;
    private Guid _competitionId;

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            "formal-review-queue",
            services => GenerateAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await using var scope = _services.CreateAsyncScope();
        _competitionId = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Competitions
            .Where(c => c.Name == CompetitionName).Select(c => c.Id).SingleAsync();
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    /// <summary>What the page shows first: what is still to decide, by number, 25 a page.</summary>
    [Benchmark]
    public Task<PagedResult<FormalReviewQueueItem>> OpenOnlyFirstPage() =>
        SendAsync(new ListFormalReviewQueue(_competitionId, OnlyOpen: true, PageSize: 25));

    /// <summary>One status, newest first, third page.</summary>
    [Benchmark]
    public Task<PagedResult<FormalReviewQueueItem>> StatusFilterThirdPage() =>
        SendAsync(new ListFormalReviewQueue(_competitionId, Status: ApplicationStatus.FormalReview, SortBy: FormalReviewQueueSort.SubmittedAt, Descending: true, Page: 3, PageSize: 10));

    /// <summary>A search on the cluster's name, in the lifecycle order.</summary>
    [Benchmark]
    public Task<PagedResult<FormalReviewQueueItem>> SearchSortedByStatus() =>
        SendAsync(new ListFormalReviewQueue(_competitionId, Search: "klaster 1", SortBy: FormalReviewQueueSort.Status, PageSize: 25));

    private async Task<PagedResult<FormalReviewQueueItem>> SendAsync(ListFormalReviewQueue query)
    {
        await using var scope = _services.ScopeAs(TestUsers.Official);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    private static async Task GenerateAsync(IServiceProvider services, TestClock clock)
    {
        var builder = new SubmittedApplications(services, clock);
        var competitionId = await builder.CompetitionAsync(CompetitionName);
        var names = Enumerable.Range(1, Applications).Select(i => $"Klaster {i:D3}").ToList();
        var apps = new List<SubmittedApplication>(Applications);
        foreach (var chunk in names.Chunk(50))
        {
            apps.AddRange(await builder.SubmitManyAsync(competitionId, chunk));
        }

        string[] rules = [EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers, EligibilityPreCheck.MandatoryAttachments];
        for (var i = 0; i < apps.Count; i++)
        {
            // A third untouched, a third with a finding, a sixth waiting for a correction, a sixth accepted.
            var state = i % 6;
            if (state < 2)
            {
                continue;
            }

            var toRecord = state is 2 or 3 ? rules.Take(1) : rules;
            foreach (var rule in toRecord)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                var fixable = state == 4 && rule == EligibilityPreCheck.MandatoryAttachments;
                await services.SendAsAsync(TestUsers.Official, new RecordFormalCheck(apps[i].Id, rule, fixable ? FormalCheckOutcome.Fixable : FormalCheckOutcome.Pass, fixable ? "Brak podpisu." : null, await VersionAsync(services, apps[i].Id)));
            }

            clock.Advance(TimeSpan.FromSeconds(1));
            if (state == 4)
            {
                await services.SendAsAsync(TestUsers.Official, new RequestCorrection(apps[i].Id, [new("attachments:Statute", "Dołącz podpisany statut.")], await VersionAsync(services, apps[i].Id)));
            }
            else if (state == 5)
            {
                await services.SendAsAsync(TestUsers.Official, new AcceptFormally(apps[i].Id, null, await VersionAsync(services, apps[i].Id)));
            }
        }
    }

    private static async Task<int> VersionAsync(IServiceProvider services, Guid applicationId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Applications.IgnoreAutoIncludes()
            .Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync();
    }
}
