using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>What officials see of the assignment (the board, overdue assignments, candidates) and the scoring-deadline reminders.</summary>
public abstract class AssignmentBoardTests(DatabaseFixture database) : AssignmentTest(database)
{
    private static readonly DateTimeOffset Deadline = new(2027, 1, 29, 22, 59, 59, TimeSpan.Zero);

    [Fact]
    public async Task The_board_shows_each_applications_experts_with_reasons_and_the_totals()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta", "Klaster Gamma");
        var experts = await ExpertsAsync(5, new ExpertShape { MaxLoad = 1 });
        var run = await RunAsync(competitionId);
        Assert.Single(run.Shortfalls);

        var board = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId));

        Assert.Equal(new BoardTotals(3, 2, 1, 0, 5, 2), board.Totals);
        Assert.Equal(applications.Select(a => a.Number), board.Applications.Items.Select(a => a.Number));
        var row = board.Applications.Items.First(a => a.ActiveExperts == 2);
        Assert.Equal(2, row.ExpertsNeeded);
        Assert.All(row.Assignments, a =>
        {
            Assert.Equal((AssignmentStatus.Assigned, AssignmentOrigin.Solver, 1, true, 1, 1, Deadline, false), (a.Status, a.Origin, a.KisMatches, a.OtherVoivodeship, a.LoadAfter, a.MaxLoad, a.Deadline, a.IsOverdue));
            Assert.StartsWith("Ekspert", a.ExpertName, StringComparison.Ordinal);
        });

        var understaffed = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId, AssignmentBoardFilter.Understaffed));
        Assert.Equal(run.Shortfalls[0].ApplicationId, Assert.Single(understaffed.Applications.Items).ApplicationId);
        var byMissing = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId, SortBy: AssignmentBoardSort.Missing, Descending: true, PageSize: 1));
        Assert.Equal((3, run.Shortfalls[0].ApplicationId), (byMissing.Applications.TotalCount, byMissing.Applications.Items.Single().ApplicationId));
        var search = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId, Search: "gamma"));
        Assert.Equal("Klaster Gamma", Assert.Single(search.Applications.Items).ClusterName);
        var complete = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId, AssignmentBoardFilter.Complete, SortBy: AssignmentBoardSort.Cluster, Descending: true));
        Assert.Equal(2, complete.Applications.TotalCount);
        Assert.Equal(experts.Count, board.Totals.ExpertsInPool);
    }

    [Fact]
    public async Task The_board_keeps_released_and_declined_assignments_and_the_decisions_beside_them()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await ExpertsAsync(4);
        var run = await RunAsync(competitionId);
        var declined = experts.Single(e => e.Id == run.Pairs[0].ExpertId);
        await DeclareConflictAsync(declined, run.Pairs[0].AssignmentId, "Znam prezesa koordynatora.");
        var taken = (await ActiveAsync(applications[0].Id)).Select(a => a.ExpertId).Append(declined.Id).ToList();
        var spare = experts.Single(e => !taken.Contains(e.Id));
        await Send(TestUsers.Official, new ForbidPair(competitionId, applications[0].Id, spare.Id, "Konflikt zgłoszony mailem."));

        var row = (await Send(TestUsers.Official, new GetAssignmentBoard(competitionId))).Applications.Items.Single();

        Assert.Equal(3, row.Assignments.Count);
        var old = row.Assignments.Single(a => a.ExpertId == declined.Id);
        Assert.Equal((AssignmentStatus.ConflictDeclared, "Znam prezesa koordynatora."), (old.Status, old.ConflictReason));
        Assert.Single(row.Assignments, a => a.Origin == AssignmentOrigin.Replacement);
        var decision = Assert.Single(row.Overrides);
        Assert.Equal((spare.Id, spare.Name, OverrideKind.Forbid, false), (decision.ExpertId, decision.ExpertName, decision.Kind, decision.Honoured));
    }

    [Fact]
    public async Task Overdue_assignments_are_listed_for_the_official_until_released()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        var experts = await ExpertsAsync(5);
        var run = await RunAsync(competitionId);
        Assert.Empty((await Send(TestUsers.Official, new ListOverdueAssignments(competitionId))).Items);

        // Signed or not, an assignment without a submitted sheet past its last day is overdue.
        var signer = experts.Single(e => e.Id == run.Pairs[0].ExpertId);
        await SignAsync(signer, run.Pairs[0].AssignmentId);
        Database.Clock.Set(Deadline.AddDays(3));

        var overdue = await Send(TestUsers.Official, new ListOverdueAssignments(competitionId));

        Assert.Equal(4, overdue.TotalCount);
        Assert.All(overdue.Items, o => Assert.Equal((Deadline, 3), (o.Deadline, o.DaysOverdue)));
        Assert.Contains(overdue.Items, o => o.AssignmentId == run.Pairs[0].AssignmentId && o.Status == AssignmentStatus.Accepted);
        var byExpert = await Send(TestUsers.Official, new ListOverdueAssignments(competitionId, OverdueSort.Expert, PageSize: 2));
        Assert.Equal(2, byExpert.Items.Count);
        Assert.True(string.CompareOrdinal(byExpert.Items[0].ExpertName, byExpert.Items[1].ExpertName) <= 0);
        var board = await Send(TestUsers.Official, new GetAssignmentBoard(competitionId, AssignmentBoardFilter.Overdue));
        Assert.Equal((2, 4), (board.Applications.TotalCount, board.Totals.OverdueAssignments));

        // Released with a reason: it leaves the list and a replacement gets a fresh window.
        var outcome = await ReleaseAsync(overdue.Items[0].AssignmentId, "Termin minął.");
        var after = await Send(TestUsers.Official, new ListOverdueAssignments(competitionId));
        Assert.Equal(3, after.TotalCount);
        Assert.DoesNotContain(after.Items, o => o.AssignmentId == overdue.Items[0].AssignmentId);
        Assert.True(Assert.Single(outcome.Replacements).Deadline > Database.Clock.GetUtcNow());
        Assert.Equal(2, applications.Count);
    }

    [Fact]
    public async Task Candidates_show_who_may_take_the_application_and_why_not()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var nips = await Arrange.NipsAsync(applications[0].Id, Ct);
        var conflicted = await Arrange.ExpertAsync("Anna Konflikt", new ExpertShape { AffiliationNips = [nips.Members[3]] }, Ct);
        var best = await Arrange.ExpertAsync("Bartosz Najlepszy", cancellationToken: Ct);
        var local = await Arrange.ExpertAsync("Celina Lokalna", new ExpertShape { Voivodeship = "14" }, Ct);

        var page = await Send(TestUsers.Official, new ListAssignmentCandidates(competitionId, applications[0].Id));

        Assert.Equal([best.Id, local.Id, conflicted.Id], page.Items.Select(c => c.ExpertId));
        var blocked = page.Items[^1];
        Assert.Equal((AssignmentPairRules.ConflictOfInterest, nips.Members[3]), (blocked.ObstacleCode, blocked.ConflictNip));
        Assert.Equal((1, true, 0, 10, (string?)null), (page.Items[0].KisMatches, page.Items[0].OtherVoivodeship, page.Items[0].Load, page.Items[0].MaxLoad, page.Items[0].ObstacleCode));
        Assert.Equal(2, (await Send(TestUsers.Official, new ListAssignmentCandidates(competitionId, applications[0].Id, OnlyEligible: true))).TotalCount);
        Assert.Equal(local.Id, (await Send(TestUsers.Official, new ListAssignmentCandidates(competitionId, applications[0].Id, Search: "celina"))).Items.Single().ExpertId);
    }

    [Fact]
    public async Task The_scoring_deadline_reminds_the_expert_before_and_copies_the_official_after()
    {
        await Arrange.EnsureUserAsync(TestUsers.Official, "Urzędnik Testowy", cancellationToken: Ct);
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await ExpertsAsync(3);
        var run = await RunAsync(competitionId);
        var watched = run.Pairs[0];
        var expert = experts.Single(e => e.Id == watched.ExpertId);
        var other = run.Pairs[1];

        var sent = new List<int>();
        for (var day = new DateOnly(2027, 1, 16); day <= new DateOnly(2027, 2, 5); day = day.AddDays(1))
        {
            Database.Clock.Set(Domain.Calendar.WorkingDayCalendar.FromWarsaw(day.ToDateTime(new TimeOnly(7, 0))));
            if (day == new DateOnly(2027, 1, 27))
            {
                // Released before the last reminders: they stop for that assignment.
                await ReleaseAsync(other.AssignmentId);
            }

            sent.Add((await Services.SendAsAsync(TestUsers.System, new RunReminderScan(), Ct)).Dispatched);
        }

        var dispatches = await Read(db => db.ReminderDispatches.AsNoTracking().Where(d => d.RuleKey == ReminderCatalogue.ExpertScoringDeadline).ToListAsync(Ct));
        var watchedKey = ScoringDeadlineReminderSource.SubjectKey(watched.AssignmentId);
        Assert.Equal([-5, -1, 1], dispatches.Where(d => d.SubjectKey == watchedKey).OrderBy(d => d.OffsetDays).Select(d => d.OffsetDays));
        Assert.Equal([-5], dispatches.Where(d => d.SubjectKey == ScoringDeadlineReminderSource.SubjectKey(other.AssignmentId)).Select(d => d.OffsetDays));
        var messages = await OutboxAsync(ReminderCatalogue.ExpertScoringDeadline);
        var toExpert = messages.Where(m => m.RecipientUserId == expert.UserId).ToList();
        Assert.Equal(3, toExpert.Count);
        Assert.All(toExpert, m => Assert.Equal(AssignmentNotices.AssignmentLink(watched.AssignmentId), m.Link));
        Assert.Contains(toExpert, m => m.Text.Contains("za 5 dni", StringComparison.Ordinal) && m.Text.Contains("2027-01-29", StringComparison.Ordinal));
        // After the deadline the official who invited the expert is copied (the solver's pairs have no official of their own).
        Assert.Contains(messages, m => m.RecipientUserId == TestUsers.Official.UserId && m.Text.Contains("1 dzień po terminie", StringComparison.Ordinal));
        Assert.Equal(sent.Sum(), dispatches.Count);
    }
}

public sealed class AssignmentBoardTestsOnSqlite(SqliteDatabaseFixture database) : AssignmentBoardTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AssignmentBoardTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AssignmentBoardTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
