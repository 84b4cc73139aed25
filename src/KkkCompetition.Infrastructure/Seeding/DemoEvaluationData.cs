using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// Demo data of the merit evaluation, on the formally accepted applications of the demo formal-review queue: the demo
/// official pins the demo expert to one of them and runs the assignment; then the experts of the pool act through the use
/// cases. Each accepted application is left in a state worth seeing:
/// <list type="bullet">
/// <item>the first: both sheets submitted and close, so a result from the mean of all sheets;</item>
/// <item>the second: the demo expert's assignment waits for his declaration of impartiality (the demo expert login has
/// work to do), the other sheet is submitted;</item>
/// <item>the third: two sheets far apart, so the staffing called a third expert, whose sheet decides the result from the
/// two closest.</item>
/// </list>
/// Each start does only what is still missing.
/// </summary>
public static class DemoEvaluationData
{
    private const string Opinion = "Klaster o dojrzałej strukturze i wyraźnej specjalizacji; wniosek spójny z danymi za dwa ostatnie lata.";

    private const string Justification =
        "Ocena wynika z danych we wniosku: wskaźniki za dwa lata, opis wspólnych projektów członków oraz plan działań na kolejne lata. "
        + "Mocne strony przeważają nad słabymi, choć nie wszystkie cele mają mierniki.";

    /// <summary>
    /// The share of each criterion's maximum the experts give, by the accepted application's place in the queue: one entry
    /// per expert of the run other than the demo expert, and the last for an expert added after divergence.
    /// </summary>
    private static readonly decimal[][] Shares =
    [
        [0.80m, 0.74m],
        [0.70m],
        [0.86m, 0.34m, 0.72m],
    ];

    public static async Task EnsureAsync(IServiceScopeFactory scopes, Guid competitionId, CancellationToken cancellationToken)
    {
        var accepted = await AcceptedApplicationsAsync(scopes, competitionId, cancellationToken);
        if (accepted.Count < Shares.Length || accepted.Any(a => a.Status is not (ApplicationStatus.FormallyAccepted or ApplicationStatus.UnderEvaluation or ApplicationStatus.Evaluated)))
        {
            return;
        }

        var official = await DemoRequests.DemoOfficialAsync(scopes, cancellationToken);
        var demoExpert = await ExpertAsync(scopes, DemoExperts.Pool[0].Email, cancellationToken);
        if (!await AnyAssignmentAsync(scopes, competitionId, cancellationToken))
        {
            // The demo expert gets the second application only, so the others' sheets (made here) decide their results.
            await DemoRequests.SendAsync(scopes, official, new PinPair(competitionId, accepted[1].Id, demoExpert.ExpertId, "Ekspert wskazany przez instytucję: specjalizacja ICT."), cancellationToken);
            foreach (var other in new[] { accepted[0].Id, accepted[2].Id })
            {
                await DemoRequests.SendAsync(scopes, official, new ForbidPair(competitionId, other, demoExpert.ExpertId, "Ekspert zarezerwowany dla wniosku z branży ICT."), cancellationToken);
            }

            await DemoRequests.SendAsync(scopes, official, new RunAssignment(competitionId), cancellationToken);
        }

        for (var i = 0; i < Shares.Length; i++)
        {
            await ScoreAsync(scopes, accepted[i].Id, Shares[i], demoExpert.ExpertId, cancellationToken);
        }
    }

    /// <summary>
    /// The experts of one application sign and score, in the order they were assigned; those called after divergence come
    /// last, after the sheets that made them needed. The demo expert is left to the person trying the demo.
    /// </summary>
    private static async Task ScoreAsync(IServiceScopeFactory scopes, Guid applicationId, decimal[] shares, Guid demoExpertId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 2; round++)
        {
            var assignments = (await AssignmentsAsync(scopes, applicationId, cancellationToken)).Where(a => a.Assignment.ExpertId != demoExpertId).ToList();
            for (var i = 0; i < assignments.Count && i < shares.Length; i++)
            {
                var (assignment, expert) = assignments[i];
                if ((assignment.Origin == AssignmentOrigin.Divergence) == (round == 1))
                {
                    await ScoreOneAsync(scopes, assignment, expert, shares[i], cancellationToken);
                }
            }
        }
    }

    private static async Task ScoreOneAsync(IServiceScopeFactory scopes, ExpertAssignment assignment, FixedUser expert, decimal share, CancellationToken cancellationToken)
    {
        if (assignment.Status == AssignmentStatus.Assigned)
        {
            await DemoRequests.SendAsync(scopes, expert, new SignDeclaration(assignment.Id, assignment.Version), cancellationToken);
        }
        else if (assignment.Status != AssignmentStatus.Accepted)
        {
            return;
        }

        var sheet = await DemoRequests.SendAsync(scopes, expert, new GetScoreSheet(assignment.Id), cancellationToken);
        var scores = sheet.Criteria
            .Select(c => new CriterionScoreInput(c.Code, Points(c, share), JustificationFor(c)))
            .ToList();
        var saved = await DemoRequests.SendAsync(scopes, expert, new SaveScoreSheetDraft(assignment.Id, scores, Opinion, sheet.Version), cancellationToken);
        await DemoRequests.SendAsync(scopes, expert, new SubmitScoreSheet(assignment.Id, saved.Version), cancellationToken);
    }

    /// <summary>The share of the maximum, down to the criterion's step (half or whole points), never under its minimum.</summary>
    private static decimal Points(ScoreSheetCriterion criterion, decimal share)
    {
        var step = criterion.HalfPointsAllowed ? 0.5m : 1m;
        var points = Math.Floor(criterion.MaxPoints * share / step) * step;
        return Math.Max(points, criterion.MinimumPoints ?? 0m);
    }

    private static string JustificationFor(ScoreSheetCriterion criterion)
    {
        var text = $"{criterion.Code}: {Justification}";
        while (text.Length < criterion.MinimumJustificationLength)
        {
            text += " " + Justification;
        }

        return text.Length > criterion.MaxJustificationLength ? text[..criterion.MaxJustificationLength] : text;
    }

    /// <summary>The applications the demo accepted formally, in the queue's order, wherever they are now.</summary>
    private static async Task<List<(Guid Id, ApplicationStatus Status)>> AcceptedApplicationsAsync(IServiceScopeFactory scopes, Guid competitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var owners = DemoFormalReviewData.Submissions.Where(s => s.State == DemoReviewState.Accepted).Select(s => s.Email).ToList();
        var rows = await (from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                          join u in db.Users on a.OwnerUserId equals u.Id
                          where a.CompetitionId == competitionId && owners.Contains(u.Email!) && a.Number != null
                          orderby a.Number
                          select new { a.Id, a.Status }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Status)).ToList();
    }

    private static async Task<bool> AnyAssignmentAsync(IServiceScopeFactory scopes, Guid competitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().ExpertAssignments.AnyAsync(a => a.CompetitionId == competitionId, cancellationToken);
    }

    private static async Task<(Guid ExpertId, FixedUser User)> ExpertAsync(IServiceScopeFactory scopes, string email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var expert = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Experts.AsNoTracking().SingleAsync(e => e.Email == email, cancellationToken);
        return (expert.Id, new FixedUser(expert.UserId!.Value, email, [Roles.Expert]));
    }

    private static async Task<List<(ExpertAssignment Assignment, FixedUser Expert)>> AssignmentsAsync(IServiceScopeFactory scopes, Guid applicationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var rows = await (from a in db.ExpertAssignments.AsNoTracking()
                          join e in db.Experts.AsNoTracking() on a.ExpertId equals e.Id
                          where a.ApplicationId == applicationId && e.UserId != null
                          select new { Assignment = a, e.UserId, e.Email }).ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Assignment.Origin == AssignmentOrigin.Divergence).ThenBy(r => r.Assignment.AssignedAt).ThenBy(r => r.Assignment.Id)
            .Select(r => (r.Assignment, new FixedUser(r.UserId!.Value, r.Email, [Roles.Expert])))
            .ToList();
    }
}
