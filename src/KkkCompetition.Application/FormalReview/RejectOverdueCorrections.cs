using System.Globalization;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// Run by a recurring job (System): every application whose correction request is still unanswered at its deadline is
/// formally rejected with the reason in both languages, and its owner is notified. Audited like any command.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record RejectOverdueCorrections : ICommand<OverdueCorrectionsRejected>;

public sealed record OverdueCorrectionsRejected(IReadOnlyList<Guid> ApplicationIds)
{
    public int Count => ApplicationIds.Count;
}

public sealed class RejectOverdueCorrectionsHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock)
    : ICommandHandler<RejectOverdueCorrections, OverdueCorrectionsRejected>
{
    /// <summary>How many applications one run rejects at most; the next run takes the rest.</summary>
    public const int BatchSize = 200;

    public async ValueTask<OverdueCorrectionsRejected> Handle(RejectOverdueCorrections command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Found by the deadline index; only these few are loaded whole.
        var overdueIds = await db.CorrectionRequests.AsNoTracking()
            .Where(c => c.AnsweredAt == null && c.DeadlineAt <= now)
            .Join(db.Applications.Where(a => a.Status == ApplicationStatus.CorrectionRequested), c => c.ApplicationId, a => a.Id, (c, a) => new { a.Id, c.DeadlineAt })
            .OrderBy(x => x.DeadlineAt).ThenBy(x => x.Id)
            .Select(x => x.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (overdueIds.Count == 0)
        {
            return new OverdueCorrectionsRejected([]);
        }

        var applications = await db.Applications.AsSplitQuery().Where(a => overdueIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var competitionIds = applications.Select(a => a.CompetitionId).Distinct().ToList();
        var competitions = await db.Competitions.AsNoTracking().Where(c => competitionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var clusterIds = applications.Select(a => a.ClusterId).Distinct().ToList();
        var clusterNames = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var notices = new List<OutboxEnvelope>(applications.Count);
        foreach (var application in applications.OrderBy(a => a.Number, StringComparer.Ordinal))
        {
            var lastDay = FormalReviewRules.LastDay(application.Correction!.DeadlineAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            application.RejectForUnansweredCorrection(
                $"Brak odpowiedzi na wezwanie do uzupełnienia w terminie (do {lastDay}). / No answer to the correction request by its deadline ({lastDay}).",
                now);
            notices.Add(FormalReviewData.OutcomeNotice(application, clusterNames[application.ClusterId], competitions[application.CompetitionId]));
        }

        await outbox.EnqueueAsync(notices, cancellationToken);
        return new OverdueCorrectionsRejected(applications.Select(a => a.Id).ToList());
    }
}
