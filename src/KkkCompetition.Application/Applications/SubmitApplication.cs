using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// Submits the draft (the owner): only while the competition accepts submissions (the closing instant refused), only when
/// complete (409 <c>application.incomplete</c> with the <c>missing</c> items). Freezes the snapshot, gives the next number of
/// the competition and answers the receipt; the owner gets a notice with the receipt's link. Submitting a submitted
/// application changes nothing and answers the same receipt.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SubmitApplication(Guid ApplicationId) : ICommand<SubmissionReceiptDto>, IApplicationRequest;

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplication>
{
    public SubmitApplicationValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class SubmitApplicationHandler(IAppDbContext db, ISubmissionNumbers numbers, IOutbox outbox, TimeProvider clock)
    : ICommandHandler<SubmitApplication, SubmissionReceiptDto>
{
    public async ValueTask<SubmissionReceiptDto> Handle(SubmitApplication command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        if (application.IsSubmitted)
        {
            var frozen = await SubmissionSnapshots.FindAsync(db, application.Id, cancellationToken);
            return new SubmissionReceiptDto(application.Id, application.Number!, application.SubmittedAt!.Value, frozen.Sha256, application.Version);
        }

        var competition = await db.Competitions.SingleAsync(c => c.Id == application.CompetitionId, cancellationToken);

        // Whole microseconds, the finest precision every database keeps: the receipt answered now is the one read back later.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % 10));
        try
        {
            application.EnsureSubmittable(competition, now);
        }
        catch (BusinessRuleViolation incomplete) when (incomplete.Code == "application.incomplete")
        {
            throw new DetailedRuleViolation(
                incomplete.Code,
                incomplete.Message,
                new Dictionary<string, object?> { ["missing"] = application.CheckCompleteness().Missing },
                [.. incomplete.Arguments]);
        }

        var sequence = await numbers.NextAsync(competition.Id, cancellationToken);
        var number = KkkApplication.FormatNumber(competition.Year, competition.Round, sequence);
        var snapshot = await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Submission, number, now, cancellationToken);
        application.Submit(competition, sequence, snapshot.Sha256, now);

        var content = ApplicationSnapshots.Read(snapshot);
        await outbox.EnqueueAsync(
            new OutboxEnvelope(
                ApplicationMessages.Submitted,
                [application.OwnerUserId],
                new Dictionary<string, string>
                {
                    ["number"] = number,
                    ["competitionName"] = content.Competition.Name,
                    ["clusterName"] = content.Cluster.Name,
                    ["submittedAt"] = ApplicationLinks.WarsawTime(now),
                    ["sha256"] = snapshot.Sha256,
                },
                ApplicationLinks.Receipt(application.Id)),
            cancellationToken);
        return new SubmissionReceiptDto(application.Id, number, now, snapshot.Sha256, application.Version + 1);
    }
}

/// <summary>Where the UI shows an application and serves its files (deep links in notices point here).</summary>
public static class ApplicationLinks
{
    /// <summary>Downloads for the signed-in browser (the API serves the same under /api/v1/applications).</summary>
    public const string FilesPrefix = "/files/applications";

    public static string Page(Guid applicationId) => $"/applications/{applicationId}";

    public static string Receipt(Guid applicationId) => $"{FilesPrefix}/{applicationId}/receipt";

    public static string Attachment(Guid applicationId, Guid attachmentId) => $"{FilesPrefix}/{applicationId}/attachments/{attachmentId}";

    /// <summary>An instant as the Polish administration states it: Warsaw wall-clock time to the second.</summary>
    public static string WarsawTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (Europe/Warsaw)";
}

internal static class SubmissionSnapshots
{
    /// <summary>The snapshot frozen at submission (a later correction adds another; the receipt stays with the first).</summary>
    public static async Task<ApplicationSnapshot> FindAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.ApplicationSnapshots.AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && s.Kind == SnapshotKind.Submission)
            .OrderBy(s => s.TakenAt)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException($"Application {applicationId} is submitted but has no submission snapshot.");
}
