using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

/// <summary>The correction deadline as it runs out: reminders before it, automatic formal rejection after it.</summary>
public abstract class OverdueCorrectionTests(DatabaseFixture database) : FormalReviewTest(database)
{
    [Fact]
    public async Task The_job_rejects_exactly_the_unanswered_requests_past_their_deadline_and_notifies_their_owners()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var apps = await Applications.SubmitManyAsync(competitionId, ["Klaster Alfa", "Klaster Beta", "Klaster Gamma", "Klaster Delta"], cancellationToken: Ct);
        foreach (var app in apps.Take(3))
        {
            await RequestCorrectionAsync(app.Id);
        }

        // Alfa opens it on Monday 18 January (deadline Monday 25 January); Beta answers; Gamma never opens it (deadline 5 February).
        Database.Clock.Set(new DateTimeOffset(2027, 1, 18, 9, 0, 0, TimeSpan.Zero));
        await Send(apps[0].Owner, new OpenCorrectionRequest(apps[0].Id));
        await Send(apps[1].Owner, new AnswerCorrection(apps[1].Id, "Poprawione.", (await ApplicationAsync(apps[1].Id)).Version));

        Database.Clock.Set(new DateTimeOffset(2027, 1, 25, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Send(TestUsers.System, new RejectOverdueCorrections())).Count);

        Database.Clock.Set(new DateTimeOffset(2027, 1, 25, 23, 5, 0, TimeSpan.Zero));
        var auditBefore = await AuditCountAsync();
        var rejected = await Send(TestUsers.System, new RejectOverdueCorrections());

        Assert.Equal([apps[0].Id], rejected.ApplicationIds);
        var alfa = await ApplicationAsync(apps[0].Id);
        Assert.Equal(ApplicationStatus.FormallyRejected, alfa.Status);
        Assert.Contains("2027-01-25", alfa.FormalDecisionReasons, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Corrected, (await ApplicationAsync(apps[1].Id)).Status);
        Assert.Equal(ApplicationStatus.CorrectionRequested, (await ApplicationAsync(apps[2].Id)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(apps[3].Id)).Status);
        var notice = Assert.Single(await OutboxAsync(FormalReviewNotices.FormallyRejected));
        Assert.Equal(apps[0].Owner.UserId, notice.RecipientUserId);
        Assert.Contains("Brak odpowiedzi na wezwanie", notice.Text, StringComparison.Ordinal);
        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > auditBefore).ToListAsync(Ct));
        Assert.Contains(audited, e => e.Command == nameof(RejectOverdueCorrections) && e.EntityId == apps[0].Id.ToString() && e.Role == "System");

        // A second run finds nothing more; after Gamma's deadline it takes Gamma.
        Assert.Equal(0, (await Send(TestUsers.System, new RejectOverdueCorrections())).Count);
        Database.Clock.Set(new DateTimeOffset(2027, 2, 5, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal([apps[2].Id], (await Send(TestUsers.System, new RejectOverdueCorrections())).ApplicationIds);
        Assert.Equal(2, (await OutboxAsync(FormalReviewNotices.FormallyRejected)).Count);
    }

    [Fact]
    public async Task Only_the_system_runs_the_overdue_rejection() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new RejectOverdueCorrections()));

    [Fact]
    public async Task The_reminder_scan_reminds_the_owner_three_days_and_one_day_before_the_deadline_once_each()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var apps = await Applications.SubmitManyAsync(competitionId, ["Klaster Alfa", "Klaster Beta"], cancellationToken: Ct);
        await RequestCorrectionAsync(apps[0].Id);
        await RequestCorrectionAsync(apps[1].Id);
        await Send(apps[1].Owner, new AnswerCorrection(apps[1].Id, "Poprawione.", (await ApplicationAsync(apps[1].Id)).Version));

        // Daily scans at 07:00 in Warsaw (some twice) from the request to after its deadline, the last day being Friday 5 February.
        for (var day = new DateOnly(2027, 1, 15); day <= new DateOnly(2027, 2, 12); day = day.AddDays(1))
        {
            Database.Clock.Set(WorkingDayCalendar.FromWarsaw(day.ToDateTime(new TimeOnly(7, 0))));
            await Send(TestUsers.System, new RunReminderScan());
            if (day.Day % 2 == 0)
            {
                await Send(TestUsers.System, new RunReminderScan());
            }
        }

        var dispatches = await Read(db => db.ReminderDispatches.AsNoTracking().Where(d => d.RuleKey == ReminderCatalogue.CorrectionRequest).OrderBy(d => d.OffsetDays).ToListAsync(Ct));
        Assert.Equal([-3, -1], dispatches.Select(d => d.OffsetDays));
        Assert.All(dispatches, d => Assert.Equal(CorrectionRequestReminderSource.SubjectKey(apps[0].Id), d.SubjectKey));
        Assert.Equal(
            [WorkingDayCalendar.FromWarsaw(new DateTime(2027, 2, 2, 7, 0, 0)), WorkingDayCalendar.FromWarsaw(new DateTime(2027, 2, 4, 7, 0, 0))],
            dispatches.Select(d => new DateTimeOffset(d.DispatchedAt.UtcTicks / 10_000 * 10_000, TimeSpan.Zero)));

        var reminders = await OutboxAsync(ReminderCatalogue.CorrectionRequest);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r =>
        {
            Assert.Equal(apps[0].Owner.UserId, r.RecipientUserId);
            Assert.Equal($"/applications/{apps[0].Id}/correction", r.Link);
            Assert.Contains($"wniosek {apps[0].Number} klastra Klaster Alfa", r.Text, StringComparison.Ordinal);
            Assert.Contains("2027-02-05", r.Text, StringComparison.Ordinal);
        });
        Assert.Contains(reminders, r => r.Text.Contains("za 3 dni", StringComparison.Ordinal));
        Assert.Contains(reminders, r => r.Text.Contains("za 1 dzień", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reminder_source_answers_only_for_the_window_asked()
    {
        var application = await SubmittedAsync();
        var requested = await RequestCorrectionAsync(application.Id);
        await using var scope = Database.CreateScope(out var db);
        var source = new CorrectionRequestReminderSource(db);

        var lastDay = WorkingDayCalendar.StartOfWarsawDay(requested.LastDay);
        Assert.Single(await source.GetSubjectsDueAsync(lastDay, lastDay.AddDays(1), Ct));
        Assert.Empty(await source.GetSubjectsDueAsync(lastDay.AddDays(1), lastDay.AddDays(2), Ct));
        Assert.Empty(await source.GetSubjectsDueAsync(lastDay.AddDays(-1), lastDay, Ct));
        var subject = (await source.GetSubjectsDueAsync(lastDay, lastDay.AddDays(1), Ct))[0];
        Assert.Equal(requested.LastDay, WorkingDayCalendar.ToWarsawDate(subject.DueAt));
        Assert.Equal([application.Owner.UserId!.Value], subject.ResponsibleUserIds);
    }
}

public sealed class OverdueCorrectionTestsOnSqlite(SqliteDatabaseFixture database) : OverdueCorrectionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class OverdueCorrectionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OverdueCorrectionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
