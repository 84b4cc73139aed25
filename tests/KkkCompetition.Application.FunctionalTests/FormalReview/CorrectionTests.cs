using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

/// <summary>
/// The correction request from both sides. The clock starts on Friday 15 January 2027, 10:30 in Warsaw: sent then, a
/// request is deemed delivered on Friday 29 January and its 7 days end on Friday 5 February.
/// </summary>
public abstract class CorrectionTests(DatabaseFixture database) : FormalReviewTest(database)
{
    private static readonly DateTimeOffset DeemedDeadline = new(2027, 2, 5, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_correction_request_notifies_the_owner_who_sees_its_items_and_deadline()
    {
        var application = await SubmittedAsync();

        var requested = await RequestCorrectionAsync(application.Id);

        Assert.Equal(DeemedDeadline, requested.DeadlineAt);
        Assert.Equal(new DateOnly(2027, 2, 5), requested.LastDay);
        var view = await Send(application.Owner, new GetCorrectionRequest(application.Id));
        Assert.Equal(ApplicationStatus.CorrectionRequested, view.Status);
        Assert.True(view.CanAnswer);
        var item = Assert.Single(view.Correction.Items);
        Assert.Equal("attachments:Statute", item.Section);
        Assert.Equal("Statut bez podpisów zarządu.", item.Description);
        Assert.Equal("Załączniki: statut lub regulamin klastra", item.SectionNamePl);
        Assert.Null(view.Correction.DeliveredAt);

        var notice = Assert.Single(await OutboxAsync(FormalReviewNotices.CorrectionRequested));
        Assert.Equal(application.Owner.UserId, notice.RecipientUserId);
        Assert.Equal($"/applications/{application.Id}/correction", notice.Link);
        Assert.Contains("- Załączniki: statut lub regulamin klastra: Statut bez podpisów zarządu.", notice.Text, StringComparison.Ordinal);
        Assert.Contains("najpóźniej do 2027-02-05", notice.Text, StringComparison.Ordinal);
        var outcome = await Send(application.Owner, new GetFormalOutcome(application.Id));
        Assert.True(outcome.CorrectionPending);
        Assert.Equal(new DateOnly(2027, 2, 5), outcome.CorrectionLastDay);
    }

    [Fact]
    public async Task Opening_the_request_is_its_delivery_once_audited_and_the_deadline_runs_from_it()
    {
        var application = await SubmittedAsync();
        await RequestCorrectionAsync(application.Id);

        // Opened on Tuesday 19 January: 7 days end on Tuesday 26 January.
        Database.Clock.Set(new DateTimeOffset(2027, 1, 19, 8, 0, 0, TimeSpan.Zero));
        var auditBefore = await AuditCountAsync();
        var first = await Send(application.Owner, new OpenCorrectionRequest(application.Id));
        var auditAfterFirst = await AuditCountAsync();
        Database.Clock.Advance(TimeSpan.FromDays(1));
        var second = await Send(application.Owner, new OpenCorrectionRequest(application.Id));

        Assert.True(first.DeliveryRecorded);
        Assert.Equal(new DateOnly(2027, 1, 26), first.LastDay);
        Assert.False(second.DeliveryRecorded);
        Assert.Equal(first.DeadlineAt, second.DeadlineAt);
        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > auditBefore).ToListAsync(Ct));
        var entry = Assert.Single(audited);
        Assert.Equal(nameof(OpenCorrectionRequest), entry.Command);
        Assert.Equal(nameof(CorrectionRequest), entry.EntityType);
        Assert.Equal(auditAfterFirst, await AuditCountAsync());
        var view = await Send(TestUsers.Official, new GetCorrectionRequest(application.Id));
        Assert.Equal(new DateTimeOffset(2027, 1, 19, 8, 0, 0, TimeSpan.Zero).UtcTicks / 10_000, view.Correction.DeliveredAt!.Value.UtcTicks / 10_000);
    }

    [Fact]
    public async Task Someone_elses_correction_request_is_not_found()
    {
        var application = await SubmittedAsync();
        await RequestCorrectionAsync(application.Id);
        var version = (await ApplicationAsync(application.Id)).Version;

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetCorrectionRequest(application.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new OpenCorrectionRequest(application.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new AnswerCorrection(application.Id, "Nie moje.", version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new AnswerCorrection(application.Id, "Nie moje.", version)));

        var stored = await ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.CorrectionRequested, stored.Status);
        Assert.Null(stored.Correction!.DeliveredAt);
    }

    [Fact]
    public async Task An_answer_in_time_freezes_a_corrected_snapshot_with_the_reopened_section_changed()
    {
        var application = await SubmittedAsync();
        await RequestCorrectionAsync(application.Id);
        Database.Clock.Advance(TimeSpan.FromDays(2));
        await Send(application.Owner, new OpenCorrectionRequest(application.Id));

        // What the applicant's editor does with a reopened section (its own use case, in the applications slice).
        await using (var scope = Database.CreateScope(out var db))
        {
            var stored = await db.Applications.AsSplitQuery().SingleAsync(a => a.Id == application.Id, Ct);
            stored.AddAttachment(AttachmentKind.Statute, "Statut-podpisany.pdf", "application/pdf", 90_000, new string('e', 64), Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var before = await ApplicationAsync(application.Id);
        var answered = await Send(application.Owner, new AnswerCorrection(application.Id, "Dodano podpisany statut.", before.Version));

        var after = await ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.Corrected, after.Status);
        Assert.Equal(before.Version + 1, answered.Version);
        Assert.Equal("Dodano podpisany statut.", after.Correction!.Answer);
        Assert.Equal(before.SubmissionHash, after.SubmissionHash);
        Assert.Equal(answered.SnapshotSha256, after.CorrectionHash);
        var snapshots = await Read(db => db.ApplicationSnapshots.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderBy(s => s.TakenAt).ToListAsync(Ct));
        Assert.Equal([SnapshotKind.Submission, SnapshotKind.Correction], snapshots.Select(s => s.Kind));
        Assert.Equal(answered.SnapshotSha256, snapshots[1].Sha256);

        var review = await ReviewAsync(application.Id);
        Assert.Equal(SnapshotKind.Correction, review.Snapshot.Kind);
        Assert.Contains(review.Snapshot.Attachments, a => a.FileName == "Statut-podpisany.pdf");
        Assert.Equal("Dodano podpisany statut.", review.Correction!.Answer);
        Assert.True(review.IsOpen);
    }

    [Fact]
    public async Task Answering_after_the_deadline_is_refused_and_nothing_changes()
    {
        var application = await SubmittedAsync();
        await RequestCorrectionAsync(application.Id);
        var before = await ApplicationAsync(application.Id);
        var auditBefore = await AuditCountAsync();

        Database.Clock.Set(DeemedDeadline);
        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(application.Owner, new AnswerCorrection(application.Id, "Za późno.", before.Version)));

        Assert.Equal("application.correction_deadline_passed", ex.Code);
        var after = await ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.CorrectionRequested, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Correction!.AnsweredAt);
        Assert.Null(after.CorrectionHash);
        Assert.Equal(1, await Read(db => db.ApplicationSnapshots.CountAsync(s => s.ApplicationId == application.Id, Ct)));
        Assert.Equal(auditBefore, await AuditCountAsync());
        Assert.False((await Send(application.Owner, new GetCorrectionRequest(application.Id))).CanAnswer);
    }

    [Fact]
    public async Task A_second_request_or_one_with_a_failed_rule_is_refused()
    {
        var application = await SubmittedAsync();
        await RequestCorrectionAsync(application.Id);
        var version = (await ApplicationAsync(application.Id)).Version;
        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RequestCorrection(application.Id, StatuteItem, version)));
        Assert.Equal("application.correction_already_requested", twice.Code);
        Assert.Single(await OutboxAsync(FormalReviewNotices.CorrectionRequested));

        var other = await Applications.SubmitAsync(application.CompetitionId, "Klaster Beta", cancellationToken: Ct);
        await CheckAsync(other.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, "Za mało członków.");
        await CheckAsync(other.Id, EligibilityPreCheck.MandatoryAttachments, FormalCheckOutcome.Fixable, "Brak podpisu.");
        var otherVersion = (await ApplicationAsync(other.Id)).Version;
        var failed = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RequestCorrection(other.Id, StatuteItem, otherVersion)));
        Assert.Equal("application.correction_with_failed_rule", failed.Code);
        Assert.Null((await ApplicationAsync(other.Id)).Correction);
    }
}

public sealed class CorrectionTestsOnSqlite(SqliteDatabaseFixture database) : CorrectionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CorrectionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CorrectionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
