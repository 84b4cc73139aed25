using System.Security.Cryptography;
using System.Text;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Applications;

public abstract class SubmissionTests(DatabaseFixture database) : ApplicationTest(database)
{
    private async Task<(Guid CompetitionId, Guid ApplicationId)> FilledDraftAsync(DateTimeOffset? closesAt = null)
    {
        var competitionId = await ArrangeAsync(closesAt);
        var started = await StartDraftAsync(competitionId);
        await FillAsync(started.ApplicationId);
        return (competitionId, started.ApplicationId);
    }

    [Fact]
    public async Task A_complete_draft_is_submitted_with_the_first_number_and_the_hash_of_its_stored_snapshot()
    {
        var (_, id) = await FilledDraftAsync();
        Database.Clock.Advance(TimeSpan.FromMinutes(5));

        var receipt = await As(Applicant, new SubmitApplication(id));

        Assert.Equal("KKK/2027/1/0001", receipt.Number);
        Assert.Equal(Now.AddTicks(-(Now.UtcTicks % 10)), receipt.SubmittedAt);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(receipt.Number, application.Number);
        Assert.Equal(receipt.Sha256, application.SubmissionHash);
        Assert.Equal(application.Version, receipt.Version);

        var snapshot = await Read(db => db.ApplicationSnapshots.AsNoTracking().SingleAsync(s => s.ApplicationId == id, Ct));
        Assert.Equal(SnapshotKind.Submission, snapshot.Kind);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot.Json))), receipt.Sha256);
        var content = ApplicationSnapshots.Read(snapshot);
        Assert.Equal("KKK/2027/1/0001", content.Number);
        Assert.Equal(60, content.Members.Count);
        Assert.Equal(3, content.Attachments.Count);
        Assert.Equal(5, content.Narratives.Count);
        Assert.Equal("Klaster Testowy 1", content.Cluster.Name);
        Assert.Equal(1, await Read(db => db.SubmissionCounters.Where(c => c.CompetitionId == content.Competition.Id).Select(c => c.LastNumber).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_owner_gets_a_notice_with_the_receipt_link_and_the_submission_is_audited()
    {
        var (_, id) = await FilledDraftAsync();

        var receipt = await As(Applicant, new SubmitApplication(id));

        var notice = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == ApplicationMessages.Submitted).ToListAsync(Ct)));
        Assert.Equal(Applicant.UserId, notice.RecipientUserId);
        Assert.Equal("Wniosek KKK/2027/1/0001 został złożony", notice.Subject);
        Assert.Contains(receipt.Sha256, notice.Text, StringComparison.Ordinal);
        Assert.Equal(ApplicationLinks.Receipt(id), notice.Link);
        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(SubmitApplication)).Select(e => e.EntityType).ToListAsync(Ct));
        Assert.Contains(nameof(KkkApplication), audited);
        Assert.Contains(nameof(ApplicationSnapshot), audited);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Submitting_at_the_closing_instant_or_a_second_later_is_refused_and_nothing_changes(int secondsAfterClosing)
    {
        var closesAt = new DateTimeOffset(2027, 2, 1, 11, 0, 0, TimeSpan.Zero);
        var (competitionId, id) = await FilledDraftAsync(closesAt);
        var before = await LoadAsync(id);
        var auditBefore = await Read(db => db.AuditEntries.CountAsync(Ct));
        Database.Clock.Set(closesAt.AddSeconds(secondsAfterClosing));

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new SubmitApplication(id)));

        Assert.Equal("application.submission_closed", ex.Code);
        var after = await LoadAsync(id);
        Assert.Equal(ApplicationStatus.Draft, after.Status);
        Assert.Null(after.Number);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(0, await Read(db => db.ApplicationSnapshots.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.SubmissionCounters.Where(c => c.CompetitionId == competitionId).Select(c => c.LastNumber).SingleOrDefaultAsync(Ct)));
        Assert.Equal(0, await Read(db => db.OutboxMessages.CountAsync(Ct)));
        Assert.Equal(auditBefore, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Submitting_one_second_before_the_close_is_accepted()
    {
        var closesAt = new DateTimeOffset(2027, 2, 1, 11, 0, 0, TimeSpan.Zero);
        var (_, id) = await FilledDraftAsync(closesAt);
        Database.Clock.Set(closesAt.AddSeconds(-1));

        var receipt = await As(Applicant, new SubmitApplication(id));

        Assert.Equal(closesAt.AddSeconds(-1), receipt.SubmittedAt);
    }

    [Fact]
    public async Task Submitting_twice_answers_the_same_receipt_and_changes_nothing()
    {
        var (_, id) = await FilledDraftAsync();
        var first = await As(Applicant, new SubmitApplication(id));
        var auditAfterFirst = await Read(db => db.AuditEntries.CountAsync(Ct));
        Database.Clock.Advance(TimeSpan.FromHours(3));

        var second = await As(Applicant, new SubmitApplication(id));

        Assert.Equal(first, second);
        Assert.Equal(1, await Read(db => db.ApplicationSnapshots.CountAsync(Ct)));
        Assert.Equal(1, await Read(db => db.OutboxMessages.CountAsync(m => m.TemplateKey == ApplicationMessages.Submitted, Ct)));
        Assert.Equal(auditAfterFirst, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_incomplete_draft_is_409_with_the_missing_items_and_nothing_changes()
    {
        var competitionId = await ArrangeAsync();
        var started = await StartDraftAsync(competitionId);
        await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Opis.", started.Version));

        var ex = await Assert.ThrowsAsync<DetailedRuleViolation>(() => As(Applicant, new SubmitApplication(started.ApplicationId)));

        Assert.Equal("application.incomplete", ex.Code);
        var missing = Assert.IsAssignableFrom<IReadOnlyList<MissingItem>>(ex.Details["missing"]);
        Assert.Contains(new MissingItem("narrative:B", "text"), missing);
        Assert.Contains(new MissingItem("attachments:Statute", "file"), missing);
        Assert.DoesNotContain(missing, m => m.Section == "narrative:A");
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(started.ApplicationId)).Status);
        Assert.Equal(0, await Read(db => db.SubmissionCounters.CountAsync(Ct)));
    }

    [Fact]
    public async Task After_submission_the_sections_are_not_editable()
    {
        var (_, id) = await FilledDraftAsync();
        var receipt = await As(Applicant, new SubmitApplication(id));

        var narrative = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new SaveApplicationNarrative(id, "A", "Po terminie.", receipt.Version)));
        var indicators = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new SaveApplicationIndicators(id, 2025, ApplicationArrange.Indicators with { Patents = 99 }, receipt.Version)));
        var upload = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(id, AttachmentKind.Other, "nowy.pdf", SampleFiles.Pdf("nowy")));
        var attachmentId = (await LoadAsync(id)).Attachments[0].Id;
        var remove = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new RemoveApplicationAttachment(id, attachmentId)));

        Assert.All(new[] { narrative, indicators, upload, remove }, e => Assert.Equal("application.not_editable", e.Code));
        var after = await LoadAsync(id);
        Assert.Equal(receipt.Version, after.Version);
        Assert.Equal(3, after.Attachments.Count);
        Assert.Equal(3, StoredFiles().Count);
    }

    [Fact]
    public async Task The_receipt_pdf_is_the_same_file_on_every_download()
    {
        var (_, id) = await FilledDraftAsync();
        await As(Applicant, new SubmitApplication(id));

        var first = await As(Applicant, new GetSubmissionReceipt(id));
        Database.Clock.Advance(TimeSpan.FromDays(1));
        var second = await As(Applicant, new GetSubmissionReceipt(id));
        var official = await As(TestUsers.Official, new GetSubmissionReceipt(id));

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(first.Content, 0, 5), StringComparison.Ordinal);
        Assert.Equal(first.Content, second.Content);
        Assert.Equal(first.Content, official.Content);
        Assert.Equal("UPO-KKK-2027-1-0001.pdf", first.FileName);
    }

    [Fact]
    public async Task A_draft_has_no_receipt()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new GetSubmissionReceipt(started.ApplicationId)));
        Assert.Equal("application.not_submitted", ex.Code);
    }

    [Fact]
    public async Task Numbers_follow_one_another_within_a_competition()
    {
        var (competitionId, first) = await FilledDraftAsync();
        await ApplicationArrange.CreateClusterAsync(App, OtherApplicant.UserId!.Value, seed: 2, cancellationToken: Ct);
        var other = await StartDraftAsync(competitionId, OtherApplicant);
        await FillAsync(other.ApplicationId, OtherApplicant);

        var a = await As(Applicant, new SubmitApplication(first));
        var b = await As(OtherApplicant, new SubmitApplication(other.ApplicationId));

        Assert.Equal("KKK/2027/1/0001", a.Number);
        Assert.Equal("KKK/2027/1/0002", b.Number);
    }

    [Fact]
    public async Task A_submitted_application_is_withdrawn_with_a_reason_audited_and_noticed()
    {
        var (_, id) = await FilledDraftAsync();
        var receipt = await As(Applicant, new SubmitApplication(id));
        Database.Clock.Advance(TimeSpan.FromDays(2));

        var version = await As(Applicant, new WithdrawApplication(id, "Klaster złoży wniosek w kolejnym naborze.", receipt.Version));

        var application = await LoadAsync(id);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(version, application.Version);
        Assert.Equal("Klaster złoży wniosek w kolejnym naborze.", application.WithdrawalReason);
        Assert.Equal(Now, application.WithdrawnAt!.Value, TimeSpan.FromMicroseconds(1));
        var entry = await Read(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Command == nameof(WithdrawApplication) && e.EntityType == nameof(KkkApplication), Ct));
        Assert.Contains("Withdrawn", entry.After!, StringComparison.Ordinal);
        var notice = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == ApplicationMessages.Withdrawn).ToListAsync(Ct)));
        Assert.Contains("Klaster złoży wniosek w kolejnym naborze.", notice.Text, StringComparison.Ordinal);
        Assert.Equal(ApplicationLinks.Page(id), notice.Link);
        Assert.Equal(receipt, await As(Applicant, new SubmitApplication(id)) with { Version = receipt.Version });
    }

    [Fact]
    public async Task Withdrawal_of_a_draft_a_stale_version_or_without_reason_is_refused()
    {
        var (_, id) = await FilledDraftAsync();
        var version = (await LoadAsync(id)).Version;
        var draft = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new WithdrawApplication(id, "powód", version)));
        Assert.Equal("application.cannot_withdraw", draft.Code);

        var receipt = await As(Applicant, new SubmitApplication(id));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As(Applicant, new WithdrawApplication(id, "powód", receipt.Version - 1)));
        var empty = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => As(Applicant, new WithdrawApplication(id, "", receipt.Version)));
        Assert.Contains(empty.Errors, e => e.PropertyName == nameof(WithdrawApplication.Reason));
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(id)).Status);
        Assert.Equal(0, await Read(db => db.OutboxMessages.CountAsync(m => m.TemplateKey == ApplicationMessages.Withdrawn, Ct)));
    }

    /// <summary>Row locks under concurrent transactions are what this checks: run on PostgreSQL only (SQLite runs one writer at a time).</summary>
    protected async Task Two_concurrent_submissions_get_different_numbers()
    {
        var competitionId = await ArrangeAsync();
        var applicants = new[] { Applicant }.Concat(Enumerable.Range(2, 5).Select(i =>
            new Common.Security.FixedUser(Guid.CreateVersion7(), $"applicant{i}@test.kkk.gov.pl", [Roles.Applicant]))).ToList();
        var ids = new List<Guid>();
        for (var i = 0; i < applicants.Count; i++)
        {
            if (i > 0)
            {
                await ApplicationArrange.CreateClusterAsync(App, applicants[i].UserId!.Value, seed: 10 + i, members: 5, cancellationToken: Ct);
            }

            var started = await StartDraftAsync(competitionId, applicants[i]);
            await FillAsync(started.ApplicationId, applicants[i]);
            ids.Add(started.ApplicationId);
        }

        var receipts = await Task.WhenAll(applicants.Select((a, i) => Task.Run(() => As(a, new SubmitApplication(ids[i])), Ct)));

        Assert.Equal(
            Enumerable.Range(1, applicants.Count).Select(n => $"KKK/2027/1/{n:0000}"),
            receipts.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.Equal(applicants.Count, await Read(db => db.SubmissionCounters.Where(c => c.CompetitionId == competitionId).Select(c => c.LastNumber).SingleAsync(Ct)));
    }
}

public sealed class SubmissionTestsOnSqlite(SqliteDatabaseFixture database) : SubmissionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class SubmissionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : SubmissionTests(database), IClassFixture<PostgreSqlDatabaseFixture>
{
    [Fact]
    public Task Two_concurrent_submissions_in_one_competition_get_different_numbers() => Two_concurrent_submissions_get_different_numbers();
}
