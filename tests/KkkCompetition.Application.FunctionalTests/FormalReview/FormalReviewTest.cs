using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

/// <summary>Base of the formal-review tests: submitted applications built the domain's way, and the official's usual steps.</summary>
public abstract class FormalReviewTest(DatabaseFixture database) : FunctionalTest(database)
{
    protected static readonly string[] RuleCodes =
        [EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers, EligibilityPreCheck.MandatoryAttachments];

    protected static readonly CorrectionItemInput[] StatuteItem = [new("attachments:Statute", "Statut bez podpisów zarządu.")];

    protected SubmittedApplications Applications => new(Services, Database.Clock);

    protected async Task<SubmittedApplication> SubmittedAsync(string clusterName = "Klaster Alfa", ApplicationShape? shape = null)
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        return await Applications.SubmitAsync(competitionId, clusterName, shape, Ct);
    }

    protected Task<FormalReviewDto> ReviewAsync(Guid applicationId) => Send(TestUsers.Official, new GetFormalReview(applicationId));

    /// <summary>Records one finding with the version just read; returns the new version.</summary>
    protected async Task<int> CheckAsync(Guid applicationId, string rule, FormalCheckOutcome outcome, string? comment = null)
    {
        // An official's clicks are seconds apart; on a frozen clock a finding would leave the application's
        // UpdatedAt as it was, so its version would not move although the command answers the next one.
        Database.Clock.Advance(TimeSpan.FromSeconds(1));
        var review = await ReviewAsync(applicationId);
        return await Send(TestUsers.Official, new RecordFormalCheck(applicationId, rule, outcome, comment ?? (outcome == FormalCheckOutcome.Pass ? null : "Do poprawy."), review.Version));
    }

    protected async Task<int> PassAllAsync(Guid applicationId)
    {
        var version = 0;
        foreach (var rule in RuleCodes)
        {
            version = await CheckAsync(applicationId, rule, FormalCheckOutcome.Pass);
        }

        return version;
    }

    /// <summary>Attachments fixable, the rest passed, and the correction request sent at the clock's now.</summary>
    protected async Task<CorrectionRequested> RequestCorrectionAsync(Guid applicationId)
    {
        foreach (var rule in RuleCodes)
        {
            await CheckAsync(applicationId, rule, rule == EligibilityPreCheck.MandatoryAttachments ? FormalCheckOutcome.Fixable : FormalCheckOutcome.Pass);
        }

        var review = await ReviewAsync(applicationId);
        return await Send(TestUsers.Official, new RequestCorrection(applicationId, StatuteItem, review.Version));
    }

    protected Task<KkkApplication> ApplicationAsync(Guid id) =>
        Read(db => db.Applications.AsNoTracking().AsSplitQuery().SingleAsync(a => a.Id == id, Ct));

    protected Task<List<OutboxMessage>> OutboxAsync(string? templateKey = null) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => templateKey == null || m.TemplateKey == templateKey).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Ct));

    protected Task<int> AuditCountAsync() => Read(db => db.AuditEntries.CountAsync(Ct));
}
