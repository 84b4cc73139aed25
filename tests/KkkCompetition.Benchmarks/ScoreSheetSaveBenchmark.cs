using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 5 budget: saving a scoring sheet (the expert's autosave of the whole sheet, 13 criteria with justifications and the
/// opinion) through the whole pipeline — validation, the own-sheet check, the transaction, the version check and the chained
/// audit — takes under 20 ms on average on SQLite. Data: a competition of 100 formally accepted applications of clusters
/// of 60 members, each with two experts from a pool of 20 whose sheets are filled as drafts. Each call changes the points
/// (two sheets in turn) and sends the version the previous call answered.
/// </summary>
[MemoryDiagnoser]
public class ScoreSheetSaveBenchmark
{
    private const int Applications = 100;
    private const int Experts = 20;
    private const string CompetitionName = "Benchmark: karty oceny";

    private ServiceProvider _services = null!;
    private FixedUser _expert = null!;
    private Guid _assignmentId;
    private int _version;
    private int _call;
    private List<CriterionScoreInput>[] _sheets = [];

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        _services = await BenchmarkDatabase.OpenAsync(
            "score-sheet-save",
            services => GenerateAsync(services, clock),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

        // The competition's first assignment, at the version it has now (earlier runs saved it many times).
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Name == CompetitionName);
        var first = await (from a in db.ExpertAssignments.AsNoTracking()
                           join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                           where a.CompetitionId == competition.Id
                           orderby a.AssignedAt, a.Id
                           select new { a.Id, a.Version, e.UserId, e.Email }).FirstAsync();
        (_assignmentId, _version) = (first.Id, first.Version);
        _expert = new FixedUser(first.UserId, first.Email, [Roles.Expert]);
        var criteria = competition.Criteria.OrderBy(c => c.Order).ToList();
        _sheets = [ScoringArrange.Sheet(criteria, 8m, "(a)"), ScoringArrange.Sheet(criteria, 7m, "(b)")];
    }

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public async Task<int> SaveScoreSheetDraft()
    {
        await using var scope = _services.ScopeAs(_expert);
        var saved = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new SaveScoreSheetDraft(_assignmentId, _sheets[_call++ % 2], ScoringArrange.Opinion, _version));
        _version = saved.Version;
        return _version;
    }

    private static async Task GenerateAsync(IServiceProvider services, TestClock clock)
    {
        var arrange = new ScoringArrange(services, clock);
        var competitionId = await arrange.Applications.CompetitionAsync(CompetitionName);
        var criteria = await arrange.CriteriaAsync(competitionId);
        var pool = new List<ArrangedExpert>(Experts);
        for (var i = 0; i < Experts; i++)
        {
            pool.Add(await arrange.ExpertAsync($"Ekspert {i + 1}"));
        }

        for (var i = 0; i < Applications; i++)
        {
            var application = await arrange.AcceptedApplicationAsync(competitionId, $"Klaster {i + 1:D3}");
            for (var j = 0; j < 2; j++)
            {
                var expert = pool[((2 * i) + j) % Experts];
                var assignmentId = await arrange.AssignAsync(application.Id, expert);
                var sheet = await services.SendAsAsync(expert.User, new GetScoreSheet(assignmentId));
                await services.SendAsAsync(expert.User, new SaveScoreSheetDraft(assignmentId, ScoringArrange.Sheet(criteria, 6m + j), ScoringArrange.Opinion, sheet.Version));
            }
        }
    }
}
