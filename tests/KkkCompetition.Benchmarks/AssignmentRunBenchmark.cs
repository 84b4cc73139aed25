using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 5 budget, end to end: the official's assignment run (<see cref="RunAssignment"/>) for 300 formally accepted
/// applications (60 members each) × 3 experts from a pool of 200 experts with 5% conflicts, through the whole pipeline on
/// SQLite — reading the competition's state and every application's snapshot NIPs, the OR-Tools solver, 900 assignments with
/// their deadlines, the start of 300 evaluations, 900 notices in the outbox, the audit and the commit: under 2 s.
/// (<see cref="AssignmentSolverBenchmark"/> measures the solver alone.) Every iteration starts from the unassigned state.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class AssignmentRunBenchmark
{
    public const int Applications = 300;
    public const int ExpertsPerApplication = 3;
    public const int Pool = 200;
    public const double ConflictRate = 0.05;

    private ServiceProvider _services = null!;
    private Guid _competitionId;

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            "assignment-run",
            services => GenerateAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await using (var scope = _services.CreateAsyncScope())
        {
            _competitionId = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Competitions
                .Where(c => c.ExpertsPerApplication == ExpertsPerApplication).Select(c => c.Id).SingleAsync();
        }

        await ResetAsync();
        var summary = await RunAssignment();
        if (!summary.IsComplete || summary.Pairs.Count != Applications * ExpertsPerApplication)
        {
            throw new InvalidOperationException($"The benchmark's competition should be staffed completely: {summary.Pairs.Count} pairs, {summary.Shortfalls.Count} applications short.");
        }
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [IterationSetup]
    public void Reset() => ResetAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<AssignmentRunSummary> RunAssignment()
    {
        await using var scope = _services.ScopeAs(TestUsers.Official);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunAssignment(_competitionId));
    }

    /// <summary>Back to before the run: no assignments, no notices, the applications formally accepted (the audit log just grows).</summary>
    private async Task ResetAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        await db.ExpertAssignments.Where(a => a.CompetitionId == _competitionId).ExecuteDeleteAsync();
        await db.OutboxMessages.Where(m => m.TemplateKey == AssignmentMessages.Assigned).ExecuteDeleteAsync();
        await db.Applications.Where(a => a.CompetitionId == _competitionId && a.Status == ApplicationStatus.UnderEvaluation)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.FormallyAccepted));
    }

    /// <summary>
    /// The applications the domain's way (<see cref="AssignmentArrange"/>); 200 experts from a fixed seed — 16 voivodeships,
    /// 20 KIS codes, maximum loads of 5 to 7 — each affiliated, for 5% of the applications, with one of their members.
    /// </summary>
    private static async Task GenerateAsync(IServiceProvider services, TestClock clock)
    {
        var arrange = new AssignmentArrange(services, clock);
        var competitionId = await arrange.CompetitionAsync(ExpertsPerApplication);
        var applications = await arrange.AcceptedAsync(competitionId, [.. Enumerable.Range(1, Applications).Select(i => $"Klaster {i:000}")]);
        var members = new List<IReadOnlyList<string>>(applications.Count);
        foreach (var application in applications)
        {
            members.Add((await arrange.NipsAsync(application.Id)).Members);
        }

        var random = new Random(20270115);
        var regions = Enumerable.Range(1, 16).Select(i => (i * 2).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var kis = Enumerable.Range(1, 20).Select(i => $"KIS{i}").ToArray();
        var experts = Enumerable.Range(1, Pool).Select(i =>
        {
            var conflicts = members.Where(_ => random.NextDouble() < ConflictRate).Select(m => m[random.Next(m.Count)]).Distinct().ToList();
            return ($"Ekspert {i:000}", new ExpertShape
            {
                Voivodeship = regions[random.Next(regions.Length)],
                KisCodes = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => kis[random.Next(kis.Length)]).Distinct()],
                MaxLoad = random.Next(5, 8),
                AffiliationNips = conflicts,
            });
        }).ToList();
        await arrange.ExpertsAsync(experts);
    }
}
