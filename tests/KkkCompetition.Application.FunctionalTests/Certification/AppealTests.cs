using KkkCompetition.Application.Certification.Appeals;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Application.FunctionalTests.Evaluation.Scoring;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Certification;

/// <summary>
/// Appeals through the use cases: an application evaluated by two experts (the scoring tests' arrangement), rejected by the
/// commission and its negative decision delivered (arranged through the domain, the commission being another slice).
/// </summary>
public abstract class AppealTests(DatabaseFixture database) : ScoringTest(database)
{
    private const string Reason = "Ekspert pominął wskaźniki za drugi rok podane w załączniku nr 3, co zaniżyło ocenę tego kryterium.";
    private const string Ruling = "Zarzut jest zasadny: ocena pominęła dane z załącznika nr 3.";

    private sealed record Rejected(ScoringSetup Setup, Guid DecisionId, FixedUser Official);

    private async Task<Rejected> RejectedAsync()
    {
        var official = await Arrange.OfficialAccountAsync(cancellationToken: Ct);
        var setup = await SetupAsync();
        await ScoreAsync(setup.Experts[0], setup.Assignments[0], setup.Criteria, 1m);
        await ScoreAsync(setup.Experts[1], setup.Assignments[1], setup.Criteria, 1m);

        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = Database.Clock.GetUtcNow();
        var application = await db.Applications.AsSplitQuery().SingleAsync(a => a.Id == setup.Application.Id, Ct);
        var result = await db.EvaluationResults.SingleAsync(r => r.ApplicationId == application.Id, Ct);
        Assert.False(result.Passed);
        application.PutBeforeCommission(result.Passed, now);
        application.RecordDecision(false, now);
        var decision = CertificationDecision.Record(
            setup.CompetitionId, application.Id, application.ClusterId, Guid.CreateVersion7(), "1/2027", DecisionOutcome.Negative,
            "Wniosek nie uzyskał wymaganej liczby punktów.", (1, 4, 0), 14, now);
        decision.MarkOpenedInPortal(now.AddHours(1));
        db.CertificationDecisions.Add(decision);
        await db.SaveChangesAsync(Ct);
        Database.Clock.Advance(TimeSpan.FromDays(1));
        return new Rejected(setup, decision.Id, official);
    }

    private LodgeAppeal Appeal(Rejected r) => new(r.DecisionId, "Wnoszę o ponowną ocenę wniosku.", [new AppealGroundInput(r.Setup.Criteria[0].Code, Reason)]);

    private Task<Appeal> AppealAsync(Guid id) => Read(db => db.Appeals.AsNoTracking().SingleAsync(a => a.Id == id, Ct));

    [Fact]
    public async Task An_appeal_in_time_is_lodged_and_notified_to_the_applicant_and_the_officials()
    {
        var r = await RejectedAsync();

        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));

        var appeal = await AppealAsync(lodged.AppealId);
        Assert.Equal(AppealState.Lodged, appeal.State);
        Assert.Equal(ApplicationStatus.Appealed, (await ApplicationAsync(r.Setup.Application.Id)).Status);
        Assert.Equal(r.Setup.Application.Owner.UserId, Assert.Single(await OutboxAsync(AppealMessages.Received)).RecipientUserId);
        Assert.Equal(r.Official.UserId, Assert.Single(await OutboxAsync(AppealMessages.Lodged)).RecipientUserId);

        var view = await Send(r.Setup.Application.Owner, new GetAppeal(lodged.AppealId));
        Assert.False(view.MayRule);
        Assert.Null(view.EarlierTotal);
        var form = await Send(r.Setup.Application.Owner, new GetAppealForm(r.DecisionId));
        Assert.Equal((lodged.AppealId, false), (form.ExistingAppealId!.Value, form.InTime));
    }

    [Fact]
    public async Task An_appeal_after_the_deadline_twice_or_on_someone_elses_decision_is_refused()
    {
        var r = await RejectedAsync();
        var other = new FixedUser(Guid.CreateVersion7(), "inny@klaster.example.pl", [Roles.Applicant], "192.0.2.99", "other");
        await Assert.ThrowsAsync<NotFoundException>(() => Send(other, Appeal(r)));

        var unknown = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Send(r.Setup.Application.Owner, Appeal(r) with { Grounds = [new AppealGroundInput("Z.9", Reason)] }));
        Assert.Equal("Grounds[0].CriterionCode", Assert.Single(unknown.Errors).PropertyName);

        await Send(r.Setup.Application.Owner, Appeal(r));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(r.Setup.Application.Owner, Appeal(r)));
        Assert.Equal("appeal.already_lodged", twice.Code);
    }

    [Fact]
    public async Task An_appeal_after_the_deadline_is_refused_with_the_last_day()
    {
        var r = await RejectedAsync();
        Database.Clock.Advance(TimeSpan.FromDays(30));

        var late = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(r.Setup.Application.Owner, Appeal(r)));

        Assert.Equal("appeal.deadline_passed", late.Code);
        Assert.IsType<DateOnly>(Assert.Single(late.Arguments));
        Assert.Equal(ApplicationStatus.Rejected, (await ApplicationAsync(r.Setup.Application.Id)).Status);
    }

    [Fact]
    public async Task The_queue_filters_by_competition_and_state_sorts_and_pages_on_the_server()
    {
        var r = await RejectedAsync();
        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));

        var lodgedPage = await Send(r.Official, new ListAppeals(r.Setup.CompetitionId, AppealState.Lodged, AppealSort.ApplicationNumber, Descending: true));
        var row = Assert.Single(lodgedPage.Items);
        Assert.Equal((lodged.AppealId, r.Setup.Application.Number, 1), (row.Id, row.ApplicationNumber, lodgedPage.TotalCount));
        Assert.Empty((await Send(r.Official, new ListAppeals(State: AppealState.Dismissed))).Items);
        Assert.Empty((await Send(r.Official, new ListAppeals(Guid.CreateVersion7()))).Items);
        var secondPage = await Send(r.Official, new ListAppeals(Page: 2, PageSize: 1));
        Assert.Equal((1, 0), (secondPage.TotalCount, secondPage.Items.Count));
    }

    [Fact]
    public async Task A_dismissal_is_final_and_tells_the_applicant_the_reasons()
    {
        var r = await RejectedAsync();
        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));
        var view = await Send(r.Official, new GetAppeal(lodged.AppealId));
        Assert.True(view.MayRule);

        await Send(r.Official, new DismissAppeal(lodged.AppealId, Ruling, view.Version));

        Assert.Equal(AppealState.Dismissed, (await AppealAsync(lodged.AppealId)).State);
        Assert.Equal(ApplicationStatus.Rejected, (await ApplicationAsync(r.Setup.Application.Id)).Status);
        var notice = Assert.Single(await OutboxAsync(AppealMessages.Dismissed));
        Assert.Equal(r.Setup.Application.Owner.UserId, notice.RecipientUserId);
        Assert.Contains(Ruling, notice.Text, StringComparison.Ordinal);

        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(r.Official, new UpholdAppeal(lodged.AppealId, Ruling, view.Version + 1)));
        Assert.Equal("appeal.already_ruled", again.Code);
    }

    [Fact]
    public async Task Where_the_commission_rules_the_official_may_not()
    {
        var r = await RejectedAsync();
        var settings = await Send(r.Official, new GetAppealSettings(r.Setup.CompetitionId));
        await Send(r.Official, new UpdateAppealSettings(r.Setup.CompetitionId, Domain.Competitions.AppealRuling.Commission, 1, settings.Version));
        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));

        var version = (await AppealAsync(lodged.AppealId)).Version;
        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(r.Official, new DismissAppeal(lodged.AppealId, Ruling, version)));
        Assert.Equal(AppealRulers.NotYoursCode, refused.Code);

        // The role alone is not enough: only a member of this competition's commission sees and rules on its appeals.
        var outsider = TestUsers.InRole(Roles.CommissionMember);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(outsider, new DismissAppeal(lodged.AppealId, Ruling, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(outsider, new GetAppeal(lodged.AppealId)));
        Assert.Equal(0, (await Send(outsider, new ListAppeals())).TotalCount);
        var commission = new CommissionArrange(Services, TimeProvider.System);
        var (member, _) = await commission.MemberAsync(r.Setup.CompetitionId, "Członek Rozstrzygający", cancellationToken: Ct);
        Assert.Equal(lodged.AppealId, Assert.Single((await Send(member, new ListAppeals())).Items).Id);
        await Send(member, new DismissAppeal(lodged.AppealId, Ruling, version));
        Assert.Equal(Domain.Competitions.AppealRuling.Commission, (await AppealAsync(lodged.AppealId)).RuledAs);
    }

    [Fact]
    public async Task An_upheld_appeal_is_re_evaluated_by_a_new_expert_and_the_application_is_evaluated_again()
    {
        var r = await RejectedAsync();
        var fresh = await Arrange.ExpertAsync("Ekspert Nowy", cancellationToken: Ct);
        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));
        var earlier = await Read(db => db.EvaluationResults.AsNoTracking().SingleAsync(x => x.ApplicationId == r.Setup.Application.Id, Ct));

        var upheld = await Send(r.Official, new UpholdAppeal(lodged.AppealId, Ruling, (await AppealAsync(lodged.AppealId)).Version));

        Assert.Equal(0, upheld.ExpertsMissing);
        var assignments = await AssignmentsAsync(r.Setup.Application.Id);
        var added = Assert.Single(assignments, a => a.Id == Assert.Single(upheld.AssignmentIds));
        Assert.Equal((fresh.ExpertId, 2, AssignmentOrigin.Appeal), (added.ExpertId, added.Round, added.Origin));
        Assert.Equal(ApplicationStatus.UnderEvaluation, (await ApplicationAsync(r.Setup.Application.Id)).Status);
        Assert.Equal(r.Setup.Application.Owner.UserId, Assert.Single(await OutboxAsync(AppealMessages.Upheld)).RecipientUserId);
        Assert.False(await Read(db => db.EvaluationResults.AnyAsync(x => x.ApplicationId == r.Setup.Application.Id, Ct)));

        // An expert who scored it in the first round is refused by hand too.
        var manual = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new AssignManually(r.Setup.CompetitionId, r.Setup.Application.Id, r.Setup.Experts[0].ExpertId)));
        Assert.Equal(AssignmentPairRules.SeenBefore, manual.Code);

        // The board and the progress show the re-evaluation's place, the first round's sheets listed beside it as history.
        var board = Assert.Single((await Send(TestUsers.Official, new GetAssignmentBoard(r.Setup.CompetitionId))).Applications.Items);
        Assert.Equal((1, 1, 3), (board.ExpertsNeeded, board.ActiveExperts, board.Assignments.Count));
        var progress = Assert.Single((await Send(TestUsers.Official, new ListEvaluationProgress(r.Setup.CompetitionId))).Items);
        Assert.Equal((0, 1, (decimal?)null), (progress.SheetsSubmitted, progress.SheetsExpected, progress.Total));

        await Arrange.SignDeclarationAsync(added.Id, Ct);
        await ScoreAsync(fresh, added.Id, r.Setup.Criteria, 8m);
        progress = Assert.Single((await Send(TestUsers.Official, new ListEvaluationProgress(r.Setup.CompetitionId))).Items);
        Assert.Equal((1, 1, ApplicationStatus.Evaluated), (progress.SheetsSubmitted, progress.SheetsExpected, progress.Status));

        var application = await ApplicationAsync(r.Setup.Application.Id);
        Assert.Equal(ApplicationStatus.Evaluated, application.Status);
        var results = await Read(db => db.EvaluationResults.IgnoreQueryFilters().AsNoTracking().Where(x => x.ApplicationId == application.Id).OrderBy(x => x.Round).ToListAsync(Ct));
        Assert.Equal([1, 2], results.Select(x => x.Round));
        Assert.Equal(earlier.Total, results[0].Total);
        Assert.NotNull(results[0].SupersededAt);
        Assert.Equal([added.Id], results[1].SheetsUsed);
        Assert.True(results[1].Total > results[0].Total);

        var appeal = await AppealAsync(lodged.AppealId);
        Assert.Equal((AppealState.ReEvaluated, results[1].Id), (appeal.State, appeal.ReEvaluationResultId!.Value));
        Assert.Equal(r.Official.UserId, Assert.Single(await OutboxAsync(AppealMessages.ReEvaluationDone)).RecipientUserId);
        var view = await Send(r.Official, new GetAppeal(lodged.AppealId));
        Assert.Equal((earlier.Total, results[1].Total), (view.EarlierTotal, view.ReEvaluationTotal));
    }

    [Fact]
    public async Task Re_evaluation_is_never_assigned_to_an_expert_who_scored_it_before()
    {
        // The only experts in the pool scored it in the first round: the solver leaves the place open rather than reuse them.
        var r = await RejectedAsync();
        var lodged = await Send(r.Setup.Application.Owner, Appeal(r));

        var upheld = await Send(r.Official, new UpholdAppeal(lodged.AppealId, Ruling, (await AppealAsync(lodged.AppealId)).Version));

        Assert.Empty(upheld.AssignmentIds);
        Assert.Equal(1, upheld.ExpertsMissing);
        Assert.All(await AssignmentsAsync(r.Setup.Application.Id), a => Assert.Equal(1, a.Round));
    }
}

public sealed class AppealTestsOnSqlite(SqliteDatabaseFixture database) : AppealTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AppealTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AppealTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
