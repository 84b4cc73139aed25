using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

public abstract class FormalDecisionTests(DatabaseFixture database) : FormalReviewTest(database)
{
    [Fact]
    public async Task The_review_shows_each_rule_with_the_systems_pre_check_from_the_snapshot()
    {
        // 40 members, founded a year before the competition closes: two rules the system sees as not met.
        var application = await SubmittedAsync(shape: new ApplicationShape { Members = 40, FoundedOn = new DateOnly(2026, 1, 1) });

        var review = await ReviewAsync(application.Id);

        Assert.Equal(application.Number, review.Number);
        Assert.Equal(ApplicationStatus.Submitted, review.Status);
        Assert.Equal(40, review.Snapshot.MemberCount);
        Assert.Equal(SnapshotKind.Submission, review.Snapshot.Kind);
        Assert.Equal(3, review.Snapshot.Attachments.Count);
        Assert.Equal(RuleCodes, review.Rules.Select(r => r.Code));
        var preChecks = review.Rules.ToDictionary(r => r.Code, r => r.PreCheck);
        Assert.Equal(PreCheckOutcome.NotMet, preChecks[EligibilityPreCheck.MemberCount].Outcome);
        Assert.Equal("40", preChecks[EligibilityPreCheck.MemberCount].Actual);
        Assert.Equal(PreCheckOutcome.NotMet, preChecks[EligibilityPreCheck.ClusterAge].Outcome);
        Assert.Equal("1", preChecks[EligibilityPreCheck.ClusterAge].Actual);
        Assert.Equal(PreCheckOutcome.Met, preChecks[EligibilityPreCheck.CoordinatorIdentifiers].Outcome);
        Assert.Equal(PreCheckOutcome.Met, preChecks[EligibilityPreCheck.MandatoryAttachments].Outcome);
        Assert.All(review.Rules, r => Assert.Null(r.Outcome));
        Assert.Contains(review.Sections, s => s.Key == "attachments:Statute" && s.NamePl == "Załączniki: statut lub regulamin klastra");
        Assert.Equal(7, review.CorrectionWindowDays);
    }

    [Fact]
    public async Task The_competitions_own_rules_and_thresholds_drive_the_review()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct, whileDraft: async (id, version) =>
        {
            version = await Send(TestUsers.Official, new UpdateEligibilityThresholds(id, 5, 70, version));
            return await Send(TestUsers.Official, new AddEligibilityRule(id, "regional_strategy", "Zgodność ze strategią regionu", "Fit with the regional strategy", version));
        });
        var application = await Applications.SubmitAsync(competitionId, "Klaster Alfa", cancellationToken: Ct);

        var review = await ReviewAsync(application.Id);

        Assert.Equal([.. RuleCodes, "regional_strategy"], review.Rules.Select(r => r.Code));
        var custom = review.Rules[^1];
        Assert.Equal("Zgodność ze strategią regionu", custom.NamePl);
        Assert.Equal(PreCheckOutcome.NotChecked, custom.PreCheck.Outcome);
        var members = review.Rules.Single(r => r.Code == EligibilityPreCheck.MemberCount).PreCheck;
        Assert.Equal((PreCheckOutcome.NotMet, "60", "70"), (members.Outcome, members.Actual, members.Required));
        Assert.Equal("5", review.Rules.Single(r => r.Code == EligibilityPreCheck.ClusterAge).PreCheck.Required);

        // The four rules of the regulations are not enough: the competition's own rule must pass too.
        var version = await PassAllAsync(application.Id);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new AcceptFormally(application.Id, null, version)));
        Assert.Equal("regional_strategy", refused.Arguments[0]);
        version = await CheckAsync(application.Id, "regional_strategy", FormalCheckOutcome.Pass);
        await Send(TestUsers.Official, new AcceptFormally(application.Id, null, version));
        Assert.Equal(ApplicationStatus.FormallyAccepted, (await ApplicationAsync(application.Id)).Status);
    }

    [Fact]
    public async Task A_finding_is_recorded_audited_and_starts_the_review()
    {
        var application = await SubmittedAsync();
        var auditBefore = await AuditCountAsync();
        var before = (await ReviewAsync(application.Id)).Version;

        var version = await Send(TestUsers.Official, new RecordFormalCheck(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, "Tylko 40 członków.", before));

        Assert.Equal(before + 1, version);
        var review = await ReviewAsync(application.Id);
        Assert.Equal(ApplicationStatus.FormalReview, review.Status);
        Assert.Equal(version, review.Version);
        var rule = review.Rules.Single(r => r.Code == EligibilityPreCheck.MemberCount);
        Assert.Equal(FormalCheckOutcome.Fail, rule.Outcome);
        Assert.Equal("Tylko 40 członków.", rule.Comment);
        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > auditBefore).ToListAsync(Ct));
        Assert.Contains(audited, e => e.Command == nameof(RecordFormalCheck) && e.EntityType == nameof(FormalCheck) && e.Operation == "Added");
        Assert.Contains(audited, e => e.Command == nameof(RecordFormalCheck) && e.EntityType == nameof(KkkApplication) && e.EntityId == application.Id.ToString());
    }

    [Fact]
    public async Task Bad_findings_are_refused_and_nothing_changes()
    {
        var application = await SubmittedAsync();
        var auditBefore = await AuditCountAsync();
        var v = (await ReviewAsync(application.Id)).Version;

        var unknown = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RecordFormalCheck(application.Id, "no_such_rule", FormalCheckOutcome.Pass, null, v)));
        Assert.Equal("application.formal_rule_unknown", unknown.Code);
        var noComment = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new RecordFormalCheck(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fixable, null, v)));
        Assert.Contains(noComment.Errors, e => e.PropertyName == nameof(RecordFormalCheck.Comment));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new RecordFormalCheck(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, v + 3)));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(application.Owner, new RecordFormalCheck(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, v)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new RecordFormalCheck(Guid.CreateVersion7(), EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass, null, 0)));

        var stored = await ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Empty(stored.FormalChecks);
        Assert.Equal(v, stored.Version);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Formal_acceptance_needs_every_rule_passed_and_notifies_the_owner()
    {
        var application = await SubmittedAsync();
        await CheckAsync(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass);
        var version = (await ReviewAsync(application.Id)).Version;

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new AcceptFormally(application.Id, null, version)));
        Assert.Equal("application.formal_rules_not_passed", refused.Code);
        Assert.Equal(ApplicationStatus.FormalReview, (await ApplicationAsync(application.Id)).Status);
        Assert.Empty(await OutboxAsync());

        version = await PassAllAsync(application.Id);
        await Send(TestUsers.Official, new AcceptFormally(application.Id, "Wszystkie kryteria spełnione.", version));

        var stored = await ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.FormallyAccepted, stored.Status);
        Assert.Equal(Database.Clock.GetUtcNow().UtcTicks / 10_000, stored.FormalDecisionAt!.Value.UtcTicks / 10_000);
        var notice = Assert.Single(await OutboxAsync());
        Assert.Equal(FormalReviewNotices.FormallyAccepted, notice.TemplateKey);
        Assert.Equal(application.Owner.UserId, notice.RecipientUserId);
        Assert.Equal($"/applications/{application.Id}", notice.Link);
        Assert.Contains(application.Number, notice.Subject, StringComparison.Ordinal);
        Assert.Contains("Wszystkie kryteria spełnione.", notice.Text, StringComparison.Ordinal);

        var outcome = await Send(application.Owner, new GetFormalOutcome(application.Id));
        Assert.Equal(FormalOutcome.Accepted, outcome.Outcome);
        Assert.Equal(4, outcome.Rules.Count);
    }

    [Fact]
    public async Task Formal_rejection_needs_reasons_and_the_owner_sees_them()
    {
        var application = await SubmittedAsync(shape: new ApplicationShape { OwnerLanguage = "en" });
        var version = await CheckAsync(application.Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, "Tylko 40 członków.");

        var noReasons = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new RejectFormally(application.Id, " ", version)));
        Assert.Contains(noReasons.Errors, e => e.PropertyName == nameof(RejectFormally.Reasons));

        await Send(TestUsers.Official, new RejectFormally(application.Id, "Klaster ma 40 członków (wymagane 51).", version));

        var outcome = await Send(application.Owner, new GetFormalOutcome(application.Id));
        Assert.Equal(FormalOutcome.Rejected, outcome.Outcome);
        Assert.Equal("Klaster ma 40 członków (wymagane 51).", outcome.Reasons);
        Assert.Equal(FormalCheckOutcome.Fail, Assert.Single(outcome.Rules).Outcome);
        var notice = Assert.Single(await OutboxAsync());
        Assert.Equal(FormalReviewNotices.FormallyRejected, notice.TemplateKey);
        Assert.Equal("en", notice.Language);
        Assert.StartsWith($"Application {application.Number} formally rejected", notice.Subject, StringComparison.Ordinal);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetFormalOutcome(application.Id)));
    }

    [Fact]
    public async Task Each_finding_moves_the_version_even_within_one_clock_tick()
    {
        var application = await SubmittedAsync();
        var review = await ReviewAsync(application.Id);

        // The clock stands still: only the finding rows change after the first one, never the application's own columns.
        var first = await Send(TestUsers.Official, new RecordFormalCheck(application.Id, RuleCodes[0], FormalCheckOutcome.Pass, null, review.Version));
        var second = await Send(TestUsers.Official, new RecordFormalCheck(application.Id, RuleCodes[1], FormalCheckOutcome.Pass, null, first));
        var third = await Send(TestUsers.Official, new RecordFormalCheck(application.Id, RuleCodes[1], FormalCheckOutcome.Fixable, "Do poprawy.", second));

        Assert.Equal([first + 1, first + 2], new[] { second, third });
        Assert.Equal(third, (await ReviewAsync(application.Id)).Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Send(TestUsers.Official, new RecordFormalCheck(application.Id, RuleCodes[2], FormalCheckOutcome.Pass, null, second)));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        Assert.Equal(2, (await ApplicationAsync(application.Id)).FormalChecks.Count);
    }

    [Fact]
    public async Task Officials_only_decide_and_an_applicant_sees_no_review()
    {
        var application = await SubmittedAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(application.Owner, new GetFormalReview(application.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(application.Owner, new AcceptFormally(application.Id, null, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.CommissionMember, new RejectFormally(application.Id, "x", 0)));
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(application.Id)).Status);
    }
}

public sealed class FormalDecisionTestsOnSqlite(SqliteDatabaseFixture database) : FormalDecisionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class FormalDecisionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : FormalDecisionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
