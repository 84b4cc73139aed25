using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Documents;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>Where a demo application is left in the formal review.</summary>
public enum DemoReviewState
{
    /// <summary>Submitted, waiting for the official.</summary>
    Awaiting,

    /// <summary>A correction request sent for the development strategy, not opened by the applicant yet.</summary>
    CorrectionRequested,

    /// <summary>Every eligibility rule passed and the application formally accepted.</summary>
    Accepted,
}

/// <summary>One demo cluster of the formal review, with its own coordinator (who can sign in with the demo password).</summary>
public sealed record DemoSubmission(
    string Email,
    string CoordinatorName,
    string OrganisationName,
    string NipPrefix,
    string ClusterName,
    string Voivodeship,
    string Kis,
    int MemberNipBase,
    DemoReviewState State);

/// <summary>
/// Demo data of the formal review: applications of three more demo clusters submitted to the demo competition that
/// accepts submissions, so the demo official's queue has one awaiting review, one with a correction request and one
/// formally accepted. Built the product's way (the domain for the organisation and cluster, then the use cases as the
/// coordinator and as the demo official), step by step: each start does only what is still missing, and an application
/// whose competition has closed before it could be submitted is left as it is.
/// </summary>
public static class DemoFormalReviewData
{
    public static readonly IReadOnlyList<DemoSubmission> Submissions =
    [
        new($"koordynator.pomorze@{DemoData.EmailDomain}", "Paweł Pomorski", "Stowarzyszenie Pomorski Klaster Morski", "583000001",
            "Pomorski Klaster Morski Demo", "22", "KIS7", 610_000_000, DemoReviewState.Awaiting),
        new($"koordynator.slask@{DemoData.EmailDomain}", "Sabina Śląska", "Fundacja Śląski Klaster Energii", "634000001",
            "Śląski Klaster Energii Demo", "24", "KIS8", 620_000_000, DemoReviewState.CorrectionRequested),
        new($"koordynator.wielkopolska@{DemoData.EmailDomain}", "Wojciech Wielkopolski", "Stowarzyszenie Wielkopolski Klaster Żywności", "778000001",
            "Wielkopolski Klaster Żywności Demo", "30", "KIS2", 630_000_000, DemoReviewState.Accepted),
        new($"koordynator.mazowsze@{DemoData.EmailDomain}", "Marta Mazowiecka", "Fundacja Mazowiecki Klaster ICT", "521000001",
            "Mazowiecki Klaster ICT Demo", "14", "KIS10", 640_000_000, DemoReviewState.Accepted),
        new($"koordynator.podkarpacie@{DemoData.EmailDomain}", "Piotr Podkarpacki", "Stowarzyszenie Podkarpacki Klaster Lotniczy", "813000001",
            "Podkarpacki Klaster Lotniczy Demo", "18", "KIS5", 650_000_000, DemoReviewState.Accepted),
    ];

    private static readonly IndicatorValues Indicators = new(620, 98_400_000m, 2_150_000m, 3, 9, 6, 7, 12_800_000m, 4, 85, 31.5m);

    public static async Task EnsureAsync(IServiceScopeFactory scopes, Guid openCompetitionId, CancellationToken cancellationToken)
    {
        var official = await DemoRequests.DemoOfficialAsync(scopes, cancellationToken);
        foreach (var submission in Submissions)
        {
            var owner = await EnsureCoordinatorAsync(scopes, submission, cancellationToken);
            var applicationId = await EnsureSubmittedAsync(scopes, owner, openCompetitionId, cancellationToken);
            if (applicationId is { } id)
            {
                await EnsureStateAsync(scopes, official, id, submission.State, cancellationToken);
            }
        }
    }

    /// <summary>The coordinator's account, organisation and cluster (60 members), whichever of them is missing.</summary>
    private static async Task<FixedUser> EnsureCoordinatorAsync(IServiceScopeFactory scopes, DemoSubmission submission, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(submission.Email);
        if (user is null)
        {
            audit.BeginCommand("SeedDemoUsers");
            user = await UserAccounts.CreateAsync(users, submission.Email, submission.CoordinatorName, DemoData.Password, Roles.Applicant);
        }

        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        if (!await db.Organisations.AnyAsync(o => o.OwnerUserId == user.Id, cancellationToken))
        {
            audit.BeginCommand("SeedDemoFormalReview");
            var organisation = Organisation.Register(
                user.Id,
                submission.OrganisationName,
                PolishIdentifiers.CompleteNip(submission.NipPrefix),
                DemoClusters.CompleteRegon(submission.NipPrefix[..8]),
                null,
                "stowarzyszenie",
                "ul. Klastrowa 10, 00-001 Warszawa",
                submission.Voivodeship);
            var cluster = Cluster.Found(organisation.Id, submission.ClusterName, new DateOnly(2017, 9, 1), submission.Voivodeship, [submission.Kis], null);
            DemoClusters.AddMembers(cluster, submission.MemberNipBase, submission.MemberNipBase);
            db.Organisations.Add(organisation);
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new FixedUser(user.Id, submission.Email, [Roles.Applicant]);
    }

    /// <summary>
    /// The coordinator's submitted application: started in the open competition when there is none, filled and submitted
    /// through the use cases while its competition accepts submissions. Null when it cannot be submitted any more.
    /// </summary>
    private static async Task<Guid?> EnsureSubmittedAsync(IServiceScopeFactory scopes, FixedUser owner, Guid openCompetitionId, CancellationToken cancellationToken)
    {
        Guid? existing;
        await using (var scope = scopes.CreateAsyncScope())
        {
            existing = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Applications.AsNoTracking()
                .Where(a => a.OwnerUserId == owner.UserId)
                .OrderBy(a => a.CreatedAt)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var applicationId = existing ?? (await DemoRequests.SendAsync(scopes, owner, new StartApplicationDraft(openCompetitionId), cancellationToken)).ApplicationId;
        var application = await DemoRequests.SendAsync(scopes, owner, new GetApplication(applicationId), cancellationToken);
        if (application.Status != ApplicationStatus.Draft)
        {
            return applicationId;
        }

        if (!application.Competition.AcceptsSubmissionsNow)
        {
            return null;
        }

        var version = application.Version;
        foreach (var year in application.Indicators.Where(y => y.Values != Indicators))
        {
            version = await DemoRequests.SendAsync(scopes, owner, new SaveApplicationIndicators(applicationId, year.Year, Indicators, version), cancellationToken);
        }

        foreach (var narrative in application.Narratives.Where(n => string.IsNullOrWhiteSpace(n.Text)))
        {
            var text = $"Obszar {narrative.AreaCode} ({narrative.AreaNamePl}): zasoby klastra, wspólne projekty członków, wyniki ostatnich dwóch lat i plan działań na kolejne trzy lata.";
            version = await DemoRequests.SendAsync(scopes, owner, new SaveApplicationNarrative(applicationId, narrative.AreaCode, text, version), cancellationToken);
        }

        foreach (var kind in ApplicationAttachment.MandatoryKinds.Where(k => application.Attachments.All(a => a.Kind != k)))
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var staged = await scope.ServiceProvider.GetRequiredService<IAttachmentStore>()
                .StageAsync(new MemoryStream(AttachmentPdf(kind, application.Cluster.Name)), cancellationToken);
            await DemoRequests.SendAsync(scopes, owner, new UploadApplicationAttachment(applicationId, kind, $"{kind}.pdf", staged), cancellationToken);
        }

        await DemoRequests.SendAsync(scopes, owner, new SubmitApplication(applicationId), cancellationToken);
        return applicationId;
    }

    /// <summary>Takes a submitted application as far as <paramref name="state"/>, as the demo official; further on, nothing.</summary>
    private static async Task EnsureStateAsync(IServiceScopeFactory scopes, FixedUser official, Guid applicationId, DemoReviewState state, CancellationToken cancellationToken)
    {
        var review = await DemoRequests.SendAsync(scopes, official, new GetFormalReview(applicationId), cancellationToken);
        if (state == DemoReviewState.Awaiting || review.Status is not (ApplicationStatus.Submitted or ApplicationStatus.FormalReview))
        {
            return;
        }

        // Each command sends the version read just before it, not the one the previous command answered: a finding changes
        // only a row of its own, and within one tick of the clock (a frozen test clock) the application's row and version
        // stay as they were, so the answered version would be one ahead.
        foreach (var rule in review.Rules.Where(r => r.Outcome != FormalCheckOutcome.Pass))
        {
            var fixable = state == DemoReviewState.CorrectionRequested && rule.Code == EligibilityPreCheck.MandatoryAttachments;
            var version = await VersionAsync(scopes, official, applicationId, cancellationToken);
            var check = fixable
                ? new RecordFormalCheck(applicationId, rule.Code, FormalCheckOutcome.Fixable, "Strategia rozwoju nie zawiera planu działań.", version)
                : new RecordFormalCheck(applicationId, rule.Code, FormalCheckOutcome.Pass, null, version);
            await DemoRequests.SendAsync(scopes, official, check, cancellationToken);
        }

        var last = await VersionAsync(scopes, official, applicationId, cancellationToken);
        if (state == DemoReviewState.CorrectionRequested)
        {
            var item = new CorrectionItemInput(ApplicationSections.Attachments(AttachmentKind.DevelopmentStrategy), "Dołącz strategię rozwoju z planem działań na lata objęte wnioskiem.");
            await DemoRequests.SendAsync(scopes, official, new RequestCorrection(applicationId, [item], last), cancellationToken);
        }
        else
        {
            await DemoRequests.SendAsync(scopes, official, new AcceptFormally(applicationId, "Wszystkie kryteria formalne spełnione.", last), cancellationToken);
        }
    }

    private static async Task<int> VersionAsync(IServiceScopeFactory scopes, FixedUser official, Guid applicationId, CancellationToken cancellationToken) =>
        (await DemoRequests.SendAsync(scopes, official, new GetFormalReview(applicationId), cancellationToken)).Version;

    /// <summary>A one-page PDF standing in for a mandatory attachment (a real PDF, so the demo's downloads open).</summary>
    private static byte[] AttachmentPdf(AttachmentKind kind, string clusterName)
    {
        using var pdf = new PdfWriter($"{FormalReviewRules.AttachmentKindName(kind, "pl")} — {clusterName}")
            .Heading($"{clusterName}: {FormalReviewRules.AttachmentKindName(kind, "pl")}")
            .Paragraph("Dokument demonstracyjny systemu konkursu KKK.")
            .Small("A demo document of the KKK competition system.");
        return pdf.ToBytes();
    }
}
