using FluentValidation;
using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Certification;

/// <summary>
/// The commission through the pipeline: members, the recommendation list, votes, the close with its resolution, decisions,
/// statuses and notices; each refusal leaves the database as it was.
/// </summary>
public abstract class CommissionTests(DatabaseFixture database) : FunctionalTest(database)
{
    private CommissionArrange Arrange => new(Services, Database.Clock);

    private async Task<(Guid CompetitionId, IReadOnlyList<SubmittedApplication> Apps, IReadOnlyList<(Common.Security.FixedUser User, CommissionMemberDto Member)> Members)> ScenarioAsync(int members = 3)
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var apps = await Arrange.EvaluatedAsync(competitionId, [new("Klaster Alfa"), new("Klaster Beta"), new("Klaster Gamma", Passes: false)], cancellationToken: Ct);
        var appointed = await Arrange.MembersAsync(competitionId, members, Ct);
        return (competitionId, apps, appointed);
    }

    [Fact]
    public async Task The_official_appoints_members_who_get_the_role_and_cannot_be_appointed_twice()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var person = await Arrange.PersonAsync("Ewa Regionalna", cancellationToken: Ct);
        var nip = (await Arrange.Assignment.NipsAsync((await Arrange.EvaluatedAsync(competitionId, [new("Klaster Alfa")], cancellationToken: Ct))[0].Id, Ct)).Coordinator;

        var member = await Send(TestUsers.Official, new AddCommissionMember(competitionId, person.UserName.ToUpperInvariant(), "Ewa Regionalna", CommissionSide.Regional, "22", [nip]));

        Assert.Equal((person.UserId!.Value, CommissionSide.Regional, "22"), (member.UserId, member.Side, member.VoivodeshipTeryt));
        Assert.Equal([nip], member.AffiliationNips);
        Assert.Contains(Roles.CommissionMember, await Read(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.UserId select r.Name).ToListAsync(Ct)));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new AddCommissionMember(competitionId, person.UserName, "Ewa Regionalna", CommissionSide.Ministry, null, [])));
        Assert.Equal("commission.member_exists", twice.Code);
        var nobody = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            Send(TestUsers.Official, new AddCommissionMember(competitionId, "nikt@test.kkk.gov.pl", "Nikt", CommissionSide.Ministry, null, [])));
        Assert.Equal("commission.account_not_found", nobody.Code);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            Send(TestUsers.Official, new AddCommissionMember(competitionId, person.UserName, "Ewa", CommissionSide.Regional, null, ["123"])));
        Assert.Contains(invalid.Errors, e => e.PropertyName == "VoivodeshipTeryt");
        Assert.Contains(invalid.Errors, e => e.PropertyName == "AffiliationNips[0]");

        var view = await Send(TestUsers.Official, new ListCommissionMembers(competitionId));
        Assert.Equal(["Ewa Regionalna"], view.Members.Items.Select(m => m.FullName));
        Assert.False(view.VotingOpen);

        // With no voting open the member can be removed; a stale version is refused.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new RemoveCommissionMember(member.Id, member.Version + 1)));
        await Send(TestUsers.Official, new RemoveCommissionMember(member.Id, view.Members.Items[0].Version));
        Assert.Equal(0, await Read(db => db.CommissionMembers.CountAsync(Ct)));
    }

    [Fact]
    public async Task Submitting_the_list_opens_a_voting_in_ranking_order_puts_the_applications_before_the_commission_and_notifies_the_members()
    {
        var s = await ScenarioAsync();

        var voting = await Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId));

        Assert.Equal((3, 3, VotingStatus.Open), (voting.Applications, voting.MemberCount, voting.Status));
        var statuses = await Read(db => db.Applications.IgnoreAutoIncludes().ToDictionaryAsync(a => a.Id, a => a.Status, Ct));
        Assert.Equal([ApplicationStatus.Recommended, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended], s.Apps.Select(a => statuses[a.Id]));
        var progress = await Send(TestUsers.Official, new GetVotingProgress(voting.Id));
        Assert.Equal([1, 2, 3], progress.Rows.Select(r => r.RankingPosition));
        Assert.Equal([true, true, false], progress.Rows.Select(r => r.Passed));
        Assert.Equal((2, false), (progress.Quorum, progress.CanClose));
        var notices = await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == CommissionMessages.VotingOpened).ToListAsync(Ct));
        Assert.Equal(s.Members.Select(m => m.User.UserId!.Value).Order(), notices.Select(n => n.RecipientUserId).Order());
        Assert.All(notices, n => Assert.Equal(CommissionLinks.MyVotes, n.Link));
        Assert.Contains(await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(SubmitRecommendationList)).Select(e => e.EntityType).ToListAsync(Ct)), t => t == nameof(CommissionVoting));

        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId)));
        Assert.Equal("commission.voting_already_open", again.Code);
        var fixedCommission = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Arrange.MemberAsync(s.CompetitionId, "Spóźniony Członek", cancellationToken: Ct));
        Assert.Equal(CommissionRules.VotingOpen, fixedCommission.Code);
        var removal = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RemoveCommissionMember(s.Members[0].Member.Id, s.Members[0].Member.Version)));
        Assert.Equal(CommissionRules.VotingOpen, removal.Code);
    }

    [Fact]
    public async Task A_list_is_refused_without_evaluated_applications_or_without_members()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        await Arrange.EvaluatedAsync(competitionId, [new("Klaster Alfa")], cancellationToken: Ct);
        var noMembers = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new SubmitRecommendationList(competitionId)));
        Assert.Equal("commission.no_members", noMembers.Code);

        var empty = await Arrange.CompetitionAsync(year: 2029, cancellationToken: Ct);
        await Arrange.MemberAsync(empty, "Jan Członek", cancellationToken: Ct);
        var nothing = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new SubmitRecommendationList(empty)));
        Assert.Equal("commission.nothing_evaluated", nothing.Code);

        Assert.Equal(0, await Read(db => db.CommissionVotings.CountAsync(Ct)));
        Assert.All(await Read(db => db.Applications.IgnoreAutoIncludes().Select(a => a.Status).ToListAsync(Ct)), st => Assert.Equal(ApplicationStatus.Evaluated, st));
    }

    [Fact]
    public async Task Members_vote_once_conflicted_members_and_outsiders_cannot_and_members_see_no_counts_before_the_close()
    {
        var s = await ScenarioAsync(members: 2);
        var nips = await Arrange.Assignment.NipsAsync(s.Apps[0].Id, Ct);
        var conflicted = await Arrange.MemberAsync(s.CompetitionId, "Zofia Konfliktowa", [nips.Members[0]], cancellationToken: Ct);
        var voting = await Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId));
        var (alice, _) = s.Members[0];

        await Send(alice, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For, "Silny klaster."));

        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(alice, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.Against)));
        Assert.Equal("commission.already_voted", twice.Code);
        var conflict = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(conflicted.User, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For)));
        Assert.Equal(CommissionRules.ConflictOfInterest, conflict.Code);
        Assert.Equal([nips.Members[0]], conflict.Arguments);
        var outsider = await Arrange.PersonAsync("Ktoś Spoza", cancellationToken: Ct);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(outsider, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For)));
        var otherCompetition = await Arrange.CompetitionAsync(year: 2029, cancellationToken: Ct);
        var elsewhere = await Arrange.MemberAsync(otherCompetition, "Członek Innej Komisji", cancellationToken: Ct);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(elsewhere.User, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For)));
        Assert.Equal(1, await Read(db => db.CommissionVotes.CountAsync(Ct)));

        var mine = await Send(alice, new GetMyVotes());
        Assert.Equal(3, mine.TotalCount);
        var card = mine.Items[0];
        Assert.Equal((s.Apps[0].Id, "Klaster Alfa", 1, true, VoteChoice.For, "Silny klaster."), (card.ApplicationId, card.ClusterName, card.RankingPosition, card.Passed, card.MyVote, card.MyComment));
        Assert.Equal(CommissionLinks.EvaluationCard(voting.Id, s.Apps[0].Id), card.EvaluationCardLink);
        Assert.All(mine.Items, c => Assert.Null(c.Counts));
        var theirs = await Send(conflicted.User, new GetMyVotes());
        Assert.Equal(nips.Members[0], theirs.Items.Single(c => c.ApplicationId == s.Apps[0].Id).ConflictNip);

        var progress = await Send(TestUsers.Official, new GetVotingProgress(voting.Id));
        var row = progress.Rows[0];
        Assert.Equal((1, 1, 0, 0, false), (row.VotesCast, row.For, row.Against, row.Abstained, row.QuorumReached));
        Assert.Equal(["Zofia Konfliktowa"], row.Conflicted.Select(c => c.FullName));
    }

    [Fact]
    public async Task Closing_without_quorum_is_refused_and_nothing_changes()
    {
        var s = await ScenarioAsync();
        var voting = await Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId));
        foreach (var (user, _) in s.Members.Take(2))
        {
            await Send(user, new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For));
            await Send(user, new CastVote(voting.Id, s.Apps[1].Id, VoteChoice.For));
        }

        await Send(s.Members[0].User, new CastVote(voting.Id, s.Apps[2].Id, VoteChoice.Against));
        var version = (await Send(TestUsers.Official, new GetVotingProgress(voting.Id))).Version;

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new CloseVoting(voting.Id, version)));

        Assert.Equal("commission.no_quorum", refused.Code);
        Assert.Equal([1, 1, 2, 3], refused.Arguments);
        Assert.Equal(VotingStatus.Open, await Read(db => db.CommissionVotings.Select(v => v.Status).SingleAsync(Ct)));
        Assert.Equal(0, await Read(db => db.CertificationDecisions.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.KkkStatuses.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.CommissionResolutions.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.OutboxMessages.CountAsync(m => m.TemplateKey == CommissionMessages.DecisionAvailable, Ct)));
    }

    [Fact]
    public async Task Closing_records_the_resolution_decisions_statuses_and_notices()
    {
        var s = await ScenarioAsync();
        var voting = await Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId));
        var m = s.Members.Select(x => x.User).ToList();

        // Alfa: for, for, abstain — positive. Beta: for, against, against — negative by vote. Gamma (96 points): for, for — negative, below the threshold.
        await Send(m[0], new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For));
        await Send(m[1], new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.For));
        await Send(m[2], new CastVote(voting.Id, s.Apps[0].Id, VoteChoice.Abstain));
        await Send(m[0], new CastVote(voting.Id, s.Apps[1].Id, VoteChoice.For));
        await Send(m[1], new CastVote(voting.Id, s.Apps[1].Id, VoteChoice.Against, "Słabe powiązania z uczelniami."));
        await Send(m[2], new CastVote(voting.Id, s.Apps[1].Id, VoteChoice.Against));
        await Send(m[0], new CastVote(voting.Id, s.Apps[2].Id, VoteChoice.For));
        await Send(m[1], new CastVote(voting.Id, s.Apps[2].Id, VoteChoice.For));
        var progress = await Send(TestUsers.Official, new GetVotingProgress(voting.Id));
        Assert.True(progress.CanClose);

        var resolution = await Send(TestUsers.Official, new CloseVoting(voting.Id, progress.Version));

        Assert.Equal($"1/{TestClock.Start.Year}/KKK", resolution.Number);
        Assert.Equal((1, 2, 3), (resolution.Positive, resolution.Negative, resolution.MemberCount));
        Assert.Equal([DecisionOutcome.Positive, DecisionOutcome.Negative, DecisionOutcome.Negative], resolution.Outcomes.Select(o => o.Outcome));
        Assert.Equal((2, 0, 1), (resolution.Outcomes[0].VotesFor, resolution.Outcomes[0].VotesAgainst, resolution.Outcomes[0].VotesAbstained));

        var decisions = await Read(db => db.CertificationDecisions.AsNoTracking().ToDictionaryAsync(d => d.ApplicationId, Ct));
        Assert.Equal(resolution.Number, decisions[s.Apps[0].Id].ResolutionNumber);
        Assert.Contains("za — 2, przeciw — 0, wstrzymało się — 1", decisions[s.Apps[0].Id].Justification, StringComparison.Ordinal);
        Assert.Contains("104 pkt", decisions[s.Apps[0].Id].Justification, StringComparison.Ordinal);
        Assert.Contains("nie uzyskał większości", decisions[s.Apps[1].Id].Justification, StringComparison.Ordinal);
        Assert.Contains("Słabe powiązania z uczelniami.", decisions[s.Apps[1].Id].Justification, StringComparison.Ordinal);
        Assert.Contains("suma 96 pkt poniżej progu 100 pkt", decisions[s.Apps[2].Id].Justification, StringComparison.Ordinal);
        Assert.Contains("nie osiągnął progu", decisions[s.Apps[2].Id].Justification, StringComparison.Ordinal);
        Assert.All(decisions.Values, d => Assert.Equal(14, d.AppealWindowDays));

        var statuses = await Read(db => db.Applications.IgnoreAutoIncludes().ToDictionaryAsync(a => a.Id, a => a.Status, Ct));
        Assert.Equal([ApplicationStatus.Certified, ApplicationStatus.Rejected, ApplicationStatus.Rejected], s.Apps.Select(a => statuses[a.Id]));

        var status = await Read(db => db.KkkStatuses.AsNoTracking().SingleAsync(Ct));
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(TestClock.Start);
        Assert.Equal(($"KKK/C/{today.Year}/0001", "Klaster Alfa", "Stowarzyszenie Klaster Alfa", today, today.AddYears(3).AddDays(-1)),
            (status.CertificateNumber, status.ClusterName, status.CoordinatorName, status.ValidFrom, status.ValidTo));
        Assert.Equal((await Arrange.Assignment.NipsAsync(s.Apps[0].Id, Ct)).Coordinator, status.CoordinatorNip);
        Assert.Equal(decisions[s.Apps[0].Id].Id, status.DecisionId);

        var notices = await Read(db => db.OutboxMessages.AsNoTracking().Where(n => n.TemplateKey == CommissionMessages.DecisionAvailable).ToListAsync(Ct));
        Assert.Equal(s.Apps.Select(a => a.Owner.UserId!.Value).Order(), notices.Select(n => n.RecipientUserId).Order());
        var alfaNotice = notices.Single(n => n.RecipientUserId == s.Apps[0].Owner.UserId);
        Assert.Equal(CommissionLinks.Decision(decisions[s.Apps[0].Id].Id), alfaNotice.Link);
        Assert.DoesNotContain("pozytyw", alfaNotice.Subject, StringComparison.OrdinalIgnoreCase);

        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(CloseVoting)).Select(e => e.EntityType).Distinct().ToListAsync(Ct));
        Assert.Superset(new HashSet<string> { nameof(CommissionResolution), nameof(CertificationDecision), nameof(KkkStatus), nameof(KkkApplication), nameof(CommissionVoting) }, audited.ToHashSet());

        // After the close the members see the counts; the voting takes no more votes and cannot be closed again.
        var mine = await Send(m[0], new GetMyVotes(IncludeClosed: true));
        Assert.Equal(new VoteCount(2, 0, 1), mine.Items.Single(c => c.ApplicationId == s.Apps[0].Id).Counts);
        Assert.Empty((await Send(m[0], new GetMyVotes())).Items);
        var late = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(m[2], new CastVote(voting.Id, s.Apps[2].Id, VoteChoice.For)));
        Assert.Equal("commission.voting_closed", late.Code);
        var closedAgain = await Assert.ThrowsAsync<BusinessRuleViolation>(async () =>
            await Send(TestUsers.Official, new CloseVoting(voting.Id, (await Send(TestUsers.Official, new GetVotingProgress(voting.Id))).Version)));
        Assert.Equal("commission.voting_closed", closedAgain.Code);

        var listed = await Send(TestUsers.Official, new ListResolutions(s.CompetitionId));
        Assert.Equal([resolution.Number], listed.Items.Select(r => r.Number));
        Assert.Equal(resolution.Outcomes, (await Send(TestUsers.Official, new GetResolution(resolution.Id))).Outcomes);
    }

    [Fact]
    public async Task A_competition_tied_to_a_programme_phase_grants_statuses_valid_to_the_phase_end()
    {
        var s = await ScenarioAsync();
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(TestClock.Start);
        var phase = await Send(TestUsers.Official, new Application.Programme.DefineProgrammePhase(1, today.AddYears(-1), Domain.Programme.ProgrammePhase.EndOf(today.AddYears(-1), 3)));
        // The arrangement announces the competition, after which the tie is frozen; set it on the row as an earlier draft edit would have.
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.KkkDbContext>();
            var competition = await db.Competitions.SingleAsync(c => c.Id == s.CompetitionId, Ct);
            db.Entry(competition).Property(c => c.ProgrammePhaseId).CurrentValue = phase.Id;
            await db.SaveChangesAsync(Ct);
        }

        var voting = await Send(TestUsers.Official, new SubmitRecommendationList(s.CompetitionId));
        foreach (var member in s.Members.Take(2).Select(x => x.User))
        {
            foreach (var app in s.Apps)
            {
                await Send(member, new CastVote(voting.Id, app.Id, VoteChoice.For));
            }
        }

        await Send(TestUsers.Official, new CloseVoting(voting.Id, (await Send(TestUsers.Official, new GetVotingProgress(voting.Id))).Version));

        var statuses = await Read(db => db.KkkStatuses.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, x => Assert.Equal((today, phase.EndsOn), (x.ValidFrom, x.ValidTo)));
        Assert.NotEqual(today.AddYears(3).AddDays(-1), phase.EndsOn);
    }

    [Fact]
    public async Task A_later_list_after_re_evaluation_holds_only_that_application_numbers_continue_and_the_earlier_negative_decision_is_superseded()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var apps = await Arrange.EvaluatedAsync(competitionId, [new("Klaster Alfa"), new("Klaster Beta")], cancellationToken: Ct);
        var member = (await Arrange.MembersAsync(competitionId, 1, Ct))[0].User;
        var first = await Send(TestUsers.Official, new SubmitRecommendationList(competitionId));
        await Send(member, new CastVote(first.Id, apps[0].Id, VoteChoice.For));
        await Send(member, new CastVote(first.Id, apps[1].Id, VoteChoice.Against));
        await Send(TestUsers.Official, new CloseVoting(first.Id, (await Send(TestUsers.Official, new GetVotingProgress(first.Id))).Version));
        var rejected = await Read(db => db.CertificationDecisions.AsNoTracking().SingleAsync(d => d.ApplicationId == apps[1].Id, Ct));

        // The appeals slice returns an upheld application to Evaluated; here the domain's way, straight in the database.
        await Read(db => db.Applications.Where(a => a.Id == apps[1].Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Evaluated), Ct));
        Database.Clock.Advance(TimeSpan.FromDays(30));
        var second = await Send(TestUsers.Official, new SubmitRecommendationList(competitionId));
        Assert.Equal(1, second.Applications);
        await Send(member, new CastVote(second.Id, apps[1].Id, VoteChoice.For));
        var resolution = await Send(TestUsers.Official, new CloseVoting(second.Id, (await Send(TestUsers.Official, new GetVotingProgress(second.Id))).Version));

        Assert.Equal($"2/{TestClock.Start.Year}/KKK", resolution.Number);
        var newDecision = await Read(db => db.CertificationDecisions.AsNoTracking().SingleAsync(d => d.ApplicationId == apps[1].Id && d.Id != rejected.Id, Ct));
        Assert.Equal(newDecision.Id, (await Read(db => db.CertificationDecisions.AsNoTracking().SingleAsync(d => d.Id == rejected.Id, Ct))).SupersededBy);
        Assert.Equal(
            [$"KKK/C/{TestClock.Start.Year}/0001", $"KKK/C/{TestClock.Start.Year}/0002"],
            await Read(db => db.KkkStatuses.OrderBy(x => x.GrantedAt).Select(x => x.CertificateNumber).ToListAsync(Ct)));
    }
}

public sealed class CommissionTestsOnSqlite(SqliteDatabaseFixture database) : CommissionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CommissionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CommissionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
