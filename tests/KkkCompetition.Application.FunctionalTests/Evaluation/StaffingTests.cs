using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The assignment run through the pipeline: the hard rules, the preferences, the shortfalls, the deadline and the notices.</summary>
public abstract class StaffingTests(DatabaseFixture database) : AssignmentTest(database)
{
    [Fact]
    public async Task A_run_gives_every_application_its_experts_within_every_load_and_balanced()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta", "Klaster Gamma");
        var experts = await ExpertsAsync(4);

        var summary = await RunAsync(competitionId);

        Assert.True(summary.IsComplete);
        Assert.Equal((3, 4, 6), (summary.ApplicationsConsidered, summary.ExpertsInPool, summary.Pairs.Count));
        var assignments = await AssignmentsAsync();
        Assert.Equal(6, assignments.Count);
        foreach (var application in applications)
        {
            var own = assignments.Where(a => a.ApplicationId == application.Id).ToList();
            Assert.Equal(2, own.Select(a => a.ExpertId).Distinct().Count());
            Assert.Equal(ApplicationStatus.UnderEvaluation, await StatusAsync(application.Id));
        }

        // Six places over four experts who could each take ten: the load is spread, 2-2-1-1.
        var loads = experts.Select(e => assignments.Count(a => a.ExpertId == e.Id)).Order().ToList();
        Assert.Equal([1, 1, 2, 2], loads);
        Assert.All(assignments, a => Assert.Equal((AssignmentStatus.Assigned, AssignmentOrigin.Solver, (Guid?)null), (a.Status, a.Origin, a.AssignedBy)));
        Assert.All(summary.Pairs, p => Assert.Equal((1, true, 10), (p.Reasons.KisMatches, p.Reasons.OtherVoivodeship, p.Reasons.MaxLoad)));
        Assert.All(summary.Pairs, p => Assert.InRange(p.Reasons.LoadAfter, 1, 2));
        Assert.Equal(summary.Pairs.Select(p => p.AssignmentId).Order(), assignments.Select(a => a.Id).Order());

        // One notice per expert, listing every application the run gave him, linking to his list when there are several.
        var notices = await OutboxAsync(AssignmentMessages.Assigned);
        Assert.Equal(4, notices.Count);
        foreach (var expert in experts)
        {
            var own = assignments.Where(a => a.ExpertId == expert.Id).ToList();
            var notice = notices.Single(n => n.RecipientUserId == expert.UserId);
            Assert.All(own, a => Assert.Contains(applications.Single(x => x.Id == a.ApplicationId).Number, notice.Text, StringComparison.Ordinal));
            Assert.Equal(own.Count == 1 ? AssignmentNotices.AssignmentLink(own[0].Id) : AssignmentNotices.MyAssignmentsLink, notice.Link);
        }
    }

    [Fact]
    public async Task The_deadline_is_the_end_of_the_windows_last_day_in_Warsaw()
    {
        // The clock starts on Friday 15 January 2027; 14 days end on Friday the 29th, a working day.
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa");
        await ExpertsAsync(2);

        var pairs = (await RunAsync(competitionId)).Pairs;

        var expected = new DateTimeOffset(2027, 1, 29, 22, 59, 59, TimeSpan.Zero);
        Assert.All(pairs, p => Assert.Equal(expected, p.Deadline));
        Assert.All(await AssignmentsAsync(), a => Assert.Equal(expected, a.Deadline));
    }

    [Fact]
    public async Task A_deadline_on_a_weekend_moves_to_the_next_working_day()
    {
        // One day from Friday 15 January ends on Saturday the 16th, which moves to Monday the 18th (KPA art. 57 § 4).
        var competitionId = await Arrange.CompetitionAsync(2, scoringWindowDays: 1, cancellationToken: Ct);
        await Arrange.AcceptedAsync(competitionId, "Klaster Alfa", cancellationToken: Ct);
        await ExpertsAsync(2);

        var pairs = (await RunAsync(competitionId)).Pairs;

        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(new DateTimeOffset(2027, 1, 18, 22, 59, 59, TimeSpan.Zero), p.Deadline));
    }

    [Fact]
    public async Task A_rerun_keeps_what_is_assigned_and_fills_only_free_places()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        await ExpertsAsync(3, new ExpertShape { MaxLoad = 1 });
        var first = await RunAsync(competitionId);
        Assert.Equal(3, first.Pairs.Count);
        Assert.Single(first.Shortfalls);

        var again = await RunAsync(competitionId);
        Assert.Empty(again.Pairs);
        Assert.Equal(first.Shortfalls.Single().ApplicationId, again.Shortfalls.Single().ApplicationId);
        Assert.Equal(3, (await AssignmentsAsync()).Count);

        // One more expert joins: the rerun gives the short application its missing expert and touches nothing else.
        var late = await Arrange.ExpertAsync("Ekspert późny", cancellationToken: Ct);
        var third = await RunAsync(competitionId);
        var added = Assert.Single(third.Pairs);
        Assert.Equal((late.Id, first.Shortfalls.Single().ApplicationId), (added.ExpertId, added.ApplicationId));
        Assert.True(third.IsComplete);
        foreach (var application in applications)
        {
            Assert.Equal(2, (await AssignmentsAsync(application.Id)).Count);
        }
    }

    [Fact]
    public async Task Two_runs_at_once_fill_each_place_once()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta", "Klaster Gamma");
        var experts = await ExpertsAsync(4, new ExpertShape { MaxLoad = 2 });

        var runs = await Task.WhenAll(RunAsync(competitionId), RunAsync(competitionId));

        // The second run waited for the first and found nothing left to fill.
        Assert.Equal([0, 6], runs.Select(r => r.Pairs.Count).Order());
        var assignments = await AssignmentsAsync();
        Assert.Equal(6, assignments.Count);
        Assert.All(applications, a => Assert.Equal(2, assignments.Count(x => x.ApplicationId == a.Id)));
        Assert.All(experts, e => Assert.InRange(assignments.Count(x => x.ExpertId == e.Id), 1, 2));
    }

    [Fact]
    public async Task Experts_affiliated_with_the_coordinator_or_a_member_are_never_assigned()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var nips = await Arrange.NipsAsync(applications[0].Id, Ct);
        var conflicted = await Arrange.ExpertsAsync(
        [
            ("Ekspert koordynatora", new ExpertShape { AffiliationNips = [nips.Coordinator] }),
            ("Ekspert członka", new ExpertShape { AffiliationNips = [nips.Members[17]] }),
        ], Ct);
        var clean = await ExpertsAsync(2, new ExpertShape { Voivodeship = "14" }, "Czysty");

        var summary = await RunAsync(competitionId);

        Assert.True(summary.IsComplete);
        Assert.Equal(clean.Select(e => e.Id).Order(), summary.Pairs.Select(p => p.ExpertId).Order());
        Assert.DoesNotContain(await AssignmentsAsync(), a => conflicted.Any(c => c.Id == a.ExpertId));

        // Even at a higher price (same region) the clean experts are the only choice.
        Assert.All(summary.Pairs, p => Assert.False(p.Reasons.OtherVoivodeship));
    }

    [Fact]
    public async Task The_solver_prefers_a_matching_specialisation_first_and_another_region_second()
    {
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await Arrange.ExpertsAsync(
        [
            ("Ta sama specjalizacja, ten sam region", new ExpertShape { Voivodeship = "14", KisCodes = ["KIS1"] }),
            ("Inna specjalizacja, inny region", new ExpertShape { Voivodeship = "02", KisCodes = ["KIS9"] }),
            ("Ta sama specjalizacja, inny region", new ExpertShape { Voivodeship = "02", KisCodes = ["KIS1", "KIS9"] }),
        ], Ct);

        var pairs = (await RunAsync(competitionId)).Pairs.ToDictionary(p => p.ExpertId);

        Assert.Equal(new[] { experts[0].Id, experts[2].Id }.Order(), pairs.Keys.Order());
        Assert.Equal(new PairReasons(1, true, 1, 10, false), pairs[experts[2].Id].Reasons);
        Assert.Equal(new PairReasons(1, false, 1, 10, false), pairs[experts[0].Id].Reasons);
        var saved = (await AssignmentsAsync()).Single(a => a.ExpertId == experts[2].Id);
        Assert.Equal(new AssignmentReasons(1, true, 1, false), saved.Reasons);
    }

    [Fact]
    public async Task An_application_left_without_enough_candidates_is_reported_with_the_exclusions()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var nips = await Arrange.NipsAsync(applications[0].Id, Ct);
        await Arrange.ExpertsAsync(
        [
            ("Konflikt 1", new ExpertShape { AffiliationNips = [nips.Coordinator] }),
            ("Konflikt 2", new ExpertShape { AffiliationNips = [nips.Members[0]] }),
            ("Wolny", new ExpertShape()),
        ], Ct);

        var summary = await RunAsync(competitionId);

        Assert.Single(summary.Pairs);
        var shortfall = Assert.Single(summary.Shortfalls);
        Assert.Equal((applications[0].Id, applications[0].Number, "Klaster Alfa", 1), (shortfall.ApplicationId, shortfall.ApplicationNumber, shortfall.ClusterName, shortfall.Missing));
        Assert.Equal(new ShortfallReason(ShortfallReasons.NoCandidatesLeft, 2, 3), Assert.Single(shortfall.Why));
    }

    [Fact]
    public async Task Applications_beyond_the_pools_capacity_are_reported()
    {
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        await ExpertsAsync(2, new ExpertShape { MaxLoad = 1 });

        var summary = await RunAsync(competitionId);

        Assert.Equal(2, summary.Pairs.Count);
        Assert.Equal(2, summary.Shortfalls.Sum(s => s.Missing));
        Assert.All(summary.Shortfalls, s => Assert.Contains(s.Why, w => w.Code == ShortfallReasons.CapacityExhausted));
    }

    [Fact]
    public async Task An_application_nobody_may_evaluate_stays_formally_accepted()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var nips = await Arrange.NipsAsync(applications[0].Id, Ct);
        await ExpertsAsync(2, new ExpertShape { AffiliationNips = [nips.Coordinator] });

        var summary = await RunAsync(competitionId);

        Assert.Empty(summary.Pairs);
        var shortfall = Assert.Single(summary.Shortfalls);
        Assert.Equal(2, shortfall.Missing);
        Assert.Equal(new ShortfallReason(ShortfallReasons.NoCandidatesLeft, 2, 2), Assert.Single(shortfall.Why));
        Assert.Equal(ApplicationStatus.FormallyAccepted, await StatusAsync(applications[0].Id));
        Assert.Empty(await OutboxAsync(AssignmentMessages.Assigned));
    }

    [Fact]
    public async Task Each_expert_gets_a_notice_without_the_applications_content()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var expert = (await ExpertsAsync(1, new ExpertShape { Language = "en" }))[0];
        await ExpertsAsync(1, prefix: "Polski");

        var pair = (await RunAsync(competitionId)).Pairs.Single(p => p.ExpertId == expert.Id);

        var notices = await OutboxAsync(AssignmentMessages.Assigned);
        Assert.Equal(2, notices.Count);
        var notice = notices.Single(n => n.RecipientUserId == expert.UserId);
        Assert.Equal((expert.UserId, "en"), (notice.RecipientUserId, notice.Language));
        Assert.Contains("(1)", notice.Subject, StringComparison.Ordinal);
        Assert.Contains(applications[0].Number, notice.Text, StringComparison.Ordinal);
        Assert.Contains("Klaster Alfa", notice.Text, StringComparison.Ordinal);
        Assert.Contains("2027-01-29", notice.Text, StringComparison.Ordinal);
        Assert.Equal(AssignmentNotices.AssignmentLink(pair.AssignmentId), notice.Link);
        // The narrative the applicant wrote is not in the notice (it starts "Opis obszaru").
        Assert.DoesNotContain("Opis obszaru", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_experts_and_other_competitions_applications_are_left_alone()
    {
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa");
        var (otherCompetition, otherApplications) = await AcceptedAsync(2, "Klaster Inny");
        await ExpertsAsync(1, new ExpertShape { Available = false }, "Niedostępny");
        var available = await ExpertsAsync(2);

        var summary = await RunAsync(competitionId);

        Assert.Equal(available.Select(e => e.Id).Order(), summary.Pairs.Select(p => p.ExpertId).Order());
        Assert.Equal(2, summary.ExpertsInPool);
        Assert.Empty(await AssignmentsAsync(otherApplications[0].Id));
        Assert.Equal(ApplicationStatus.FormallyAccepted, await StatusAsync(otherApplications[0].Id));
        Assert.NotEqual(competitionId, otherCompetition);
    }
}

public sealed class StaffingTestsOnSqlite(SqliteDatabaseFixture database) : StaffingTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class StaffingTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : StaffingTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
