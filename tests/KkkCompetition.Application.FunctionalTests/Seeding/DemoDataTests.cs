using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Seeding;

public abstract class DemoDataTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task Demo_data_seeds_users_an_announced_competition_and_a_draft_application_once()
    {
        var demo = Services.GetRequiredService<DemoData>();

        var created = await demo.EnsureAsync(Ct);
        var again = await demo.EnsureAsync(Ct);

        Assert.Equal(DemoData.Users.Count, created.Count);
        Assert.Empty(again);
        var users = await Read(db => ((Application.Common.Persistence.IAppDbContext)db).UserRoles.ToListAsync(Ct));
        // The demo logins, the coordinators of the demo formal-review queue, the demo expert pool beyond the demo expert login,
        // and the commission beyond the demo commission login.
        var coordinators = DemoFormalReviewData.Submissions.Select(_ => Roles.Applicant);
        var experts = Enumerable.Repeat(Roles.Expert, DemoExperts.Pool.Count - 1);
        var commission = Enumerable.Repeat(Roles.CommissionMember, DemoCertificationData.OtherMembers.Count);
        var certified = DemoProgrammeHistory.Clusters.Select(_ => Roles.Applicant);
        Assert.Equal(DemoData.Users.Select(u => u.Role).Concat(coordinators).Concat(experts).Concat(commission).Concat(certified).Order(), users.Select(u => u.Role).Order());
        var competition = Assert.Single(await Read(db => db.Competitions.AsNoTracking().Where(c => c.ProgrammePhaseId == null).ToListAsync(Ct)));
        Assert.Equal(CompetitionStatus.Announced, competition.Status);
        Assert.Equal(13, competition.Criteria.Count);
        var applicantId = await Read(db => db.Users.Where(u => u.Email == DemoData.Users[0].Email).Select(u => u.Id).SingleAsync(Ct));
        var application = Assert.Single(await Read(db => db.Applications.AsNoTracking().Where(a => a.OwnerUserId == applicantId).ToListAsync(Ct)));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(competition.Id, application.CompetitionId);
        var demoClusters = 1 + DemoFormalReviewData.Submissions.Count + DemoProgrammeHistory.Clusters.Count;
        Assert.Equal(demoClusters, await Read(db => db.Applications.CountAsync(Ct)));
        Assert.Equal(demoClusters * 60, await Read(db => db.ClusterMembers.CountAsync(Ct)));
        Assert.Equal(demoClusters, await Read(db => db.Organisations.CountAsync(Ct)));

        var verification = await Services.SendAsAsync(TestUsers.Administrator, new Application.Auditing.VerifyAuditChain(), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_demo_programme_has_its_first_phase_and_five_clusters_certified_in_an_earlier_round_once()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        await demo.EnsureAsync(Ct);

        // The test clock's day is 15 January 2027: the phase runs 2026–2029, the earlier round was in 2025.
        var phase = Assert.Single(await Read(db => db.ProgrammePhases.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal((1, new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31)), (phase.Number, phase.StartsOn, phase.EndsOn));
        var round = await Read(db => db.Competitions.AsNoTracking().SingleAsync(c => c.ProgrammePhaseId == phase.Id, Ct));
        Assert.Equal(2025, round.Year);

        var statuses = await Read(db => db.KkkStatuses.AsNoTracking().OrderBy(s => s.CertificateNumber).ToListAsync(Ct));
        Assert.Equal(DemoProgrammeHistory.Clusters.Select(c => c.ClusterName), statuses.Select(s => s.ClusterName));
        Assert.All(statuses, s => Assert.True(s.IsCurrentOn(new DateOnly(2027, 1, 15))));
        Assert.All(statuses, s => Assert.Equal(phase.EndsOn, s.ValidTo));
        Assert.Equal("KKK/C/2025/0001", statuses[0].CertificateNumber);
        var applications = await Read(db => db.Applications.AsNoTracking().Where(a => a.CompetitionId == round.Id).ToListAsync(Ct));
        Assert.Equal(5, applications.Count);
        Assert.All(applications, a => Assert.Equal(ApplicationStatus.Certified, a.Status));
        Assert.Equal(5, await Read(db => db.ApplicationSnapshots.CountAsync(s => applications.Select(a => a.Id).Contains(s.ApplicationId), Ct)));

        var registry = await Send(TestUsers.Anonymous, new Application.Certification.Registry.ListRegistry());
        Assert.Equal(5, registry.TotalCount);
    }

    [Fact]
    public async Task The_demo_contracts_are_in_force_with_last_years_reports_accepted_in_three_colours_one_to_review_and_one_returned_once()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        await demo.EnsureAsync(Ct);

        var contracts = await Read(db => db.ProgrammeContracts.AsNoTracking().OrderBy(c => c.Number).ToListAsync(Ct));
        Assert.Equal(DemoProgrammeHistory.Clusters.Count, contracts.Count);
        Assert.All(contracts, c => Assert.Equal(ContractStatus.Active, c.Status));
        Assert.Equal("KP/1/0001", contracts[0].Number);
        Assert.Equal(7, contracts[0].CurrentVersion.Kpis.Count);

        var official = await DemoOfficialAsync();
        var dashboard = await Send(official, new Application.Contracts.Achievement.GetProgrammeDashboard());
        Assert.Equal(5, dashboard.Contracts.TotalCount);
        Assert.Equal(
            [(Application.Contracts.Achievement.DashboardColour.Green, 1), (Application.Contracts.Achievement.DashboardColour.Amber, 1), (Application.Contracts.Achievement.DashboardColour.Red, 1), (Application.Contracts.Achievement.DashboardColour.NoData, 2)],
            dashboard.Summary.Colours.Select(c => (c.Colour, c.Count)).OrderBy(c => c.Colour));

        var reports = await Read(db => db.KpiReports.AsNoTracking().Where(r => r.Year == 2026).ToListAsync(Ct));
        Assert.Equal([KpiReportStatus.Submitted, KpiReportStatus.Returned, KpiReportStatus.Accepted, KpiReportStatus.Accepted, KpiReportStatus.Accepted], reports.Select(r => r.Status).Order());
        var queue = await Send(official, new Application.Contracts.Reports.ListKpiReportsForReview());
        Assert.Equal(1, queue.TotalCount);
        Assert.Equal(1, await Read(db => db.ContractAmendments.CountAsync(a => a.State == AmendmentState.Proposed, Ct)));
    }

    [Fact]
    public async Task The_demo_official_has_a_formal_review_queue_with_an_awaiting_a_corrected_and_three_accepted_applications_made_once()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        var official = await DemoOfficialAsync();
        var competitionId = await Read(db => db.Competitions.Where(c => c.ProgrammePhaseId == null).Select(c => c.Id).SingleAsync(Ct));

        var queue = await Send(official, new ListFormalReviewQueue(competitionId));

        var year = WorkingDayCalendar.ToWarsawDate(TestClock.Start).Year;
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"KKK/{year}/1/{n:D4}"), queue.Items.Select(i => i.Number));
        Assert.Equal(DemoFormalReviewData.Submissions.Select(s => s.ClusterName), queue.Items.Select(i => i.ClusterName));
        // The accepted ones went on to the merit evaluation (DemoEvaluationData): two have their results and are before the
        // commission (DemoCertificationData), one waits for the demo expert.
        Assert.Equal(
            [ApplicationStatus.Submitted, ApplicationStatus.CorrectionRequested, ApplicationStatus.Recommended, ApplicationStatus.UnderEvaluation, ApplicationStatus.Recommended],
            queue.Items.Select(i => i.Status));
        Assert.Equal(0, queue.Items[0].ChecksRecorded);
        Assert.NotNull(queue.Items[1].CorrectionDeadlineAt);
        Assert.NotNull(queue.Items[2].FormalDecisionAt);

        // The correction request is the coordinator's to read, with the section it reopens; the coordinator can sign in.
        var slask = DemoFormalReviewData.Submissions[1];
        var coordinator = await Read(db => db.Users.SingleAsync(u => u.Email == slask.Email, Ct));
        var owner = new FixedUser(coordinator.Id, slask.Email, [Roles.Applicant]);
        var correction = await Send(owner, new GetCorrectionRequest(queue.Items[1].ApplicationId));
        Assert.Equal("attachments:DevelopmentStrategy", Assert.Single(correction.Correction.Items).Section);
        Assert.True(correction.CanAnswer);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.AppUser>>();
            Assert.True(await users.CheckPasswordAsync(coordinator, DemoData.Password));
        }

        var accepted = await Send(official, new GetFormalOutcome(queue.Items[2].ApplicationId));
        Assert.Equal(FormalOutcome.Accepted, accepted.Outcome);
        Assert.All(accepted.Rules, r => Assert.Equal(FormalCheckOutcome.Pass, r.Outcome));

        // A later start, also after the competition has closed, changes nothing.
        var before = await CountsAsync();
        await demo.EnsureAsync(Ct);
        Database.Clock.Advance(TimeSpan.FromDays(61));
        await demo.EnsureAsync(Ct);
        Assert.Equal(before, await CountsAsync());
        var again = await Send(official, new ListFormalReviewQueue(competitionId));
        Assert.Equal(queue.Items.Select(i => (i.Number, i.Status, i.Version)), again.Items.Select(i => (i.Number, i.Status, i.Version)));

        var verification = await Services.SendAsAsync(TestUsers.Administrator, new Application.Auditing.VerifyAuditChain(), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_demo_evaluation_has_a_result_a_divergent_case_a_ranking_and_work_for_the_demo_expert_made_once()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        var official = await DemoOfficialAsync();
        var competitionId = await Read(db => db.Competitions.Where(c => c.ProgrammePhaseId == null).Select(c => c.Id).SingleAsync(Ct));
        var queue = await Send(official, new ListFormalReviewQueue(competitionId));
        var (agreeing, pending, divergent) = (queue.Items[2].ApplicationId, queue.Items[3].ApplicationId, queue.Items[4].ApplicationId);

        // Close sheets: the mean of all of them.
        var first = await Send(official, new GetEvaluationResult(agreeing));
        Assert.Equal(2, first.SheetsSubmitted);
        Assert.Null(first.DivergenceDetectedAt);
        Assert.Equal(ResultMethod.MeanOfAll, first.Result!.Method);

        // Far apart: a third expert, then the two closest.
        var third = await Send(official, new GetEvaluationResult(divergent));
        Assert.NotNull(third.DivergenceDetectedAt);
        Assert.Equal(3, third.SheetsSubmitted);
        Assert.Equal(ResultMethod.TwoClosest, third.Result!.Method);
        Assert.Equal(2, third.Sheets.Count(s => s.UsedInResult));

        // The demo expert was pinned to the ICT cluster and has to sign his declaration; the other sheet is in.
        var expertEmail = DemoData.Users.Single(u => u.Role == Roles.Expert).Email;
        var expertUser = new FixedUser(await Read(db => db.Users.Where(u => u.Email == expertEmail).Select(u => u.Id).SingleAsync(Ct)), expertEmail, [Roles.Expert]);
        var mine = await Send(expertUser, new MyAssignments());
        var only = Assert.Single(mine.Items);
        Assert.Equal(queue.Items[3].Number, only.ApplicationNumber);
        Assert.Equal(AssignmentStatus.Assigned, only.Status);
        var waiting = await Send(official, new GetEvaluationResult(pending));
        Assert.Equal(1, waiting.SheetsSubmitted);
        Assert.Null(waiting.Result);

        var ranking = await Send(official, new GetRanking(competitionId));
        Assert.Equal(2, ranking.RankedCount);
        Assert.Equal(new[] { agreeing, divergent }.Order(), ranking.Rows.Items.Select(r => r.ApplicationId).Order());

        // A later start changes nothing.
        var before = await Read(async db => (await db.ExpertAssignments.CountAsync(Ct), await db.EvaluationResults.CountAsync(Ct), await db.OutboxMessages.CountAsync(Ct)));
        await demo.EnsureAsync(Ct);
        Assert.Equal(before, await Read(async db => (await db.ExpertAssignments.CountAsync(Ct), await db.EvaluationResults.CountAsync(Ct), await db.OutboxMessages.CountAsync(Ct))));

        var verification = await Services.SendAsAsync(TestUsers.Administrator, new Application.Auditing.VerifyAuditChain(), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_demo_commission_votes_with_the_quorum_reached_and_the_demo_member_left_to_vote_made_once()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        var official = await DemoOfficialAsync();
        var competitionId = await Read(db => db.Competitions.Where(c => c.ProgrammePhaseId == null).Select(c => c.Id).SingleAsync(Ct));

        var members = await Send(official, new Application.Certification.Commission.ListCommissionMembers(competitionId));
        Assert.Equal(3, members.Members.TotalCount);
        Assert.True(members.VotingOpen);
        var voting = Assert.Single(await Send(official, new Application.Certification.Commission.ListCompetitionVotings(competitionId)));
        var progress = await Send(official, new Application.Certification.Commission.GetVotingProgress(voting.Id));
        Assert.Equal(2, progress.Rows.Count);
        Assert.True(progress.CanClose);

        var memberEmail = DemoData.Users.Single(u => u.Role == Roles.CommissionMember).Email;
        var member = new FixedUser(await Read(db => db.Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync(Ct)), memberEmail, [Roles.CommissionMember]);
        var cards = await Send(member, new Application.Certification.Commission.GetMyVotes());
        Assert.Equal(2, cards.Items.Count);
        Assert.All(cards.Items, c => Assert.Null(c.MyVote));

        var before = await Read(async db => (await db.CommissionVotes.CountAsync(Ct), await db.CommissionVotings.CountAsync(Ct), await db.OutboxMessages.CountAsync(Ct)));
        await demo.EnsureAsync(Ct);
        Assert.Equal((4, 1), (before.Item1, before.Item2));
        Assert.Equal(before, await Read(async db => (await db.CommissionVotes.CountAsync(Ct), await db.CommissionVotings.CountAsync(Ct), await db.OutboxMessages.CountAsync(Ct))));
    }

    private async Task<FixedUser> DemoOfficialAsync()
    {
        var email = DemoData.Users.Single(u => u.Role == Roles.Official).Email;
        return new FixedUser(await Read(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct)), email, [Roles.Official]);
    }

    private Task<(int Applications, int Snapshots, int Organisations, int Members, int Messages)> CountsAsync() => Read(async db =>
        (await db.Applications.CountAsync(Ct),
         await db.ApplicationSnapshots.CountAsync(Ct),
         await db.Organisations.CountAsync(Ct),
         await db.ClusterMembers.CountAsync(Ct),
         await db.OutboxMessages.CountAsync(Ct)));
}

public sealed class DemoDataTestsOnSqlite(SqliteDatabaseFixture database) : DemoDataTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DemoDataTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DemoDataTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
