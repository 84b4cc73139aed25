using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation.Scoring;

/// <summary>One formally accepted application in merit evaluation, with its experts and their (signed) assignments.</summary>
public sealed record ScoringSetup(
    Guid CompetitionId,
    SubmittedApplication Application,
    IReadOnlyList<ArrangedExpert> Experts,
    IReadOnlyList<Guid> Assignments,
    IReadOnlyList<CompetitionCriterion> Criteria);

/// <summary>Base of the scoring tests: the arranged state and the expert's usual steps through the use cases.</summary>
public abstract class ScoringTest(DatabaseFixture database) : FunctionalTest(database)
{
    protected ScoringArrange Arrange => new(Services, Database.Clock);

    /// <summary>A competition, one accepted application and <paramref name="experts"/> experts assigned with their declarations signed.</summary>
    protected async Task<ScoringSetup> SetupAsync(int experts = 2, bool holdsPanel = true, string clusterName = "Klaster Alfa")
    {
        var competitionId = await Arrange.CompetitionAsync(holdsPanel, cancellationToken: Ct);
        var application = await Arrange.AcceptedApplicationAsync(competitionId, clusterName, Ct);
        var pool = new List<ArrangedExpert>();
        var assignments = new List<Guid>();
        for (var i = 0; i < experts; i++)
        {
            var expert = await Arrange.ExpertAsync($"Ekspert {(char)('A' + i)}", cancellationToken: Ct);
            pool.Add(expert);
            assignments.Add(await Arrange.AssignAsync(application.Id, expert, cancellationToken: Ct));
        }

        return new ScoringSetup(competitionId, application, pool, assignments, await Arrange.CriteriaAsync(competitionId, Ct));
    }

    protected Task<ScoreSheetView> SheetAsync(ArrangedExpert expert, Guid assignmentId) => Send(expert.User, new GetScoreSheet(assignmentId));

    /// <summary>Saves a draft with the version just read; answers what the save answered.</summary>
    protected async Task<ScoreSheetSaved> SaveAsync(ArrangedExpert expert, Guid assignmentId, IReadOnlyList<CriterionScoreInput> scores, string? opinion = ScoringArrange.Opinion)
    {
        Database.Clock.Advance(TimeSpan.FromSeconds(1));
        var sheet = await SheetAsync(expert, assignmentId);
        return await Send(expert.User, new SaveScoreSheetDraft(assignmentId, scores, opinion, sheet.Version));
    }

    /// <summary>Fills the whole sheet with <paramref name="points"/> per criterion (see <see cref="ScoringArrange.Sheet"/>) and submits it.</summary>
    protected async Task<ScoreSheetSubmitted> ScoreAsync(ArrangedExpert expert, Guid assignmentId, IReadOnlyList<CompetitionCriterion> criteria, decimal points,
        string marker = "", IReadOnlyDictionary<string, decimal>? overrides = null)
    {
        var saved = await SaveAsync(expert, assignmentId, ScoringArrange.Sheet(criteria, points, marker, overrides));
        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        return await Send(expert.User, new SubmitScoreSheet(assignmentId, saved.Version));
    }

    protected Task<EvaluationResultView> ResultAsync(Guid applicationId) => Send(TestUsers.Official, new GetEvaluationResult(applicationId));

    protected Task<KkkApplication> ApplicationAsync(Guid id) =>
        Read(db => db.Applications.AsNoTracking().AsSplitQuery().SingleAsync(a => a.Id == id, Ct));

    protected Task<List<ExpertAssignment>> AssignmentsAsync(Guid applicationId) =>
        Read(db => db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.AssignedAt).ThenBy(a => a.Id).ToListAsync(Ct));

    protected Task<List<OutboxMessage>> OutboxAsync(string templateKey) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == templateKey).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Ct));
}
