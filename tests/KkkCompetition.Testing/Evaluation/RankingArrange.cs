using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Evaluation;

/// <summary>
/// One expert's sheet to arrange: the expert's name, the points per criterion (missing criteria get <c>0</c>), the opinion,
/// and the account the expert signs in with (none unless given).
/// </summary>
public sealed record ArrangedSheet(
    string ExpertName,
    IReadOnlyDictionary<string, decimal> Points,
    string Opinion = "Klaster dojrzały, z wyraźną strategią i aktywnymi członkami.",
    Guid? UserId = null);

/// <summary>What <see cref="RankingArrange.ScoreAsync"/> made: the result and the submitted assignments (in submission order).</summary>
public sealed record ArrangedResult(Guid ResultId, Guid ApplicationId, IReadOnlyList<Guid> AssignmentIds, IReadOnlyList<Guid> ExpertIds);

/// <summary>
/// Merit results built the domain's way for the ranking's tests and benchmark: experts (<c>Expert.Invite</c>, accepted,
/// profiled), their assignments signed, scored and submitted (<c>ExpertAssignment</c>), the outcome from
/// <see cref="EvaluationCalculator.Evaluate"/> or given outright, and <c>EvaluationResult.Create</c> with
/// <see cref="EvaluationOutcome.Computed"/>; the panel's changes through <c>EvaluationResult.ChangeByPanel</c>.
/// </summary>
public sealed class RankingArrange(IServiceProvider services, TimeProvider clock)
{
    /// <summary>At least the 100 characters a justification needs by default, with Polish letters.</summary>
    public const string Justification =
        "Uzasadnienie oceny: klaster przedstawił spójne dane, zaświadczenia i opis działań; zgodność z kryterium potwierdzają załączniki źródłowe.";

    /// <summary>
    /// An announced competition from the default template (13 criteria, 150 points, threshold 100, tie-break C.1, C.2,
    /// B.1); <paramref name="minimums"/> sets criteria minimums and <paramref name="tieBreak"/> another tie-break order.
    /// </summary>
    public Task<Guid> CompetitionAsync(
        IReadOnlyDictionary<string, decimal>? minimums = null,
        IReadOnlyList<string>? tieBreak = null,
        string name = "Konkurs o status KKK — nabór testowy",
        int? year = null,
        CancellationToken cancellationToken = default) =>
        new SubmittedApplications(services, clock).CompetitionAsync(name, year, whileDraft: async (id, version) =>
        {
            foreach (var (code, minimum) in minimums ?? new Dictionary<string, decimal>())
            {
                var c = await CriterionAsync(id, code, cancellationToken);
                version = await services.SendAsAsync(TestUsers.Official, new UpdateCompetitionCriterion(
                    id, c.Code, c.AreaCode, null, null, c.NamePl, c.NameEn, c.Guidance, c.MaxPoints, c.HalfPointsAllowed, c.Weight, minimum,
                    c.JustificationRequired, c.MinimumJustificationLength, version), cancellationToken);
            }

            if (tieBreak is not null)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
                var c = await db.Competitions.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
                var s = c.Settings;
                version = await services.SendAsAsync(TestUsers.Official, new UpdateCompetitionSettings(
                    id, c.Name, c.PassThreshold, s.ExpertsPerApplication, s.DivergenceThresholdPercent, s.HoldsPanel, s.CorrectionWindowDays,
                    s.AppealWindowDays, s.StatusValidityYears, s.ScoringWindowDays, tieBreak, version), cancellationToken);
            }

            return version;
        }, cancellationToken: cancellationToken);

    /// <summary>Every criterion of the default template at <paramref name="each"/> points, with the given exceptions.</summary>
    public static Dictionary<string, decimal> Points(decimal each, params (string Code, decimal Points)[] except)
    {
        var points = TemplateCodes.ToDictionary(c => c, _ => each, StringComparer.Ordinal);
        foreach (var (code, value) in except)
        {
            points[code] = value;
        }

        return points;
    }

    public static readonly IReadOnlyList<string> TemplateCodes = ["A.1", "A.2", "A.3", "B.1", "B.2", "B.3", "C.1", "C.2", "C.3", "D.1", "D.2", "E.1", "E.2"];

    /// <summary>A result of the given points straight from the domain, with no sheets behind it (the ranking needs none).</summary>
    public async Task<Guid> ResultAsync(Guid applicationId, IReadOnlyDictionary<string, decimal> points, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var competition = await CompetitionOfAsync(db, applicationId, cancellationToken);
        var result = EvaluationResult.Create(competition, applicationId, new EvaluationOutcome.Computed(ResultMethod.MeanOfAll, [], points), clock.GetUtcNow());
        db.EvaluationResults.Add(result);
        await db.SaveChangesAsync(cancellationToken);
        return result.Id;
    }

    /// <summary>
    /// Experts score the application (one minute apart, in the order given) and the result is computed from their sheets
    /// as the calculator says; <paramref name="extraExpert"/> treats the last sheet as the one called after divergence.
    /// </summary>
    public async Task<ArrangedResult> ScoreAsync(Guid applicationId, IReadOnlyList<ArrangedSheet> sheets, bool extraExpert = false, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var competition = await CompetitionOfAsync(db, applicationId, cancellationToken);
        var assignments = new List<ExpertAssignment>();
        var experts = new List<Expert>();
        var now = clock.GetUtcNow();
        foreach (var (sheet, i) in sheets.Select((s, i) => (s, i)))
        {
            var expert = NewExpert(sheet.ExpertName, now, sheet.UserId);
            var assignment = ExpertAssignment.Create(competition.Id, applicationId, expert.Id, AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), now, now.AddDays(14));
            assignment.SignDeclaration(now.AddMinutes(i));
            assignment.SaveDraft(
                competition.Criteria.Select(c => new CriterionScoreInput(c.Code, sheet.Points.GetValueOrDefault(c.Code), Justification)).ToList(),
                sheet.Opinion,
                competition.Criteria,
                now.AddMinutes(i));
            assignment.Submit(competition.Criteria, now.AddMinutes(i + 1));
            experts.Add(expert);
            assignments.Add(assignment);
        }

        var outcome = EvaluationCalculator.Evaluate(
            competition.Criteria,
            assignments.Select(a => new SubmittedSheet(a.Id, a.Scores.ToDictionary(s => s.CriterionCode, s => s.Points!.Value), a.SubmittedAt!.Value)).ToList(),
            extraExpert ? sheets.Count - 1 : sheets.Count,
            competition.DivergenceThresholdPercent,
            extraExpert);
        var computed = outcome as EvaluationOutcome.Computed
            ?? throw new InvalidOperationException($"The sheets give {outcome}, not a result: arrange sheets that agree, or an extra expert.");
        var result = EvaluationResult.Create(competition, applicationId, computed, now.AddMinutes(sheets.Count + 1));
        db.Experts.AddRange(experts);
        db.ExpertAssignments.AddRange(assignments);
        db.EvaluationResults.Add(result);
        await db.SaveChangesAsync(cancellationToken);
        return new ArrangedResult(result.Id, applicationId, assignments.Select(a => a.Id).ToList(), experts.Select(e => e.Id).ToList());
    }

    /// <summary>The panel changes one criterion of the application's result.</summary>
    public async Task PanelChangeAsync(Guid applicationId, string criterionCode, decimal points, string justification, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var result = await db.EvaluationResults.SingleAsync(r => r.ApplicationId == applicationId, cancellationToken);
        var competition = await db.Competitions.SingleAsync(c => c.Id == result.CompetitionId, cancellationToken);
        result.ChangeByPanel(competition, criterionCode, points, justification, TestUsers.Official.UserId!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An active expert of the pool (no account behind it unless <paramref name="userId"/> is given).</summary>
    public static Expert NewExpert(string fullName, DateTimeOffset now, Guid? userId = null)
    {
        var token = Guid.NewGuid().ToString("N");
        var expert = Expert.Invite($"{Guid.NewGuid():N}@eksperci.example.pl", fullName, token, TestUsers.Official.UserId!.Value, now.AddDays(-1), now.AddDays(13));
        expert.AcceptInvitation(token, userId ?? Guid.NewGuid(), now.AddDays(-1));
        expert.UpdateProfile(new ExpertProfile(fullName, "02", ["KIS1"], 10, true, []), now.AddDays(-1));
        return expert;
    }

    private static Task<Competition> CompetitionOfAsync(KkkDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Competitions.SingleAsync(c => c.Id == db.Applications.Where(a => a.Id == applicationId).Select(a => a.CompetitionId).Single(), cancellationToken);

    private async Task<CompetitionCriterion> CriterionAsync(Guid competitionId, string code, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == competitionId, cancellationToken);
        return competition.FindCriterion(code) ?? throw new InvalidOperationException($"No criterion {code}.");
    }
}
