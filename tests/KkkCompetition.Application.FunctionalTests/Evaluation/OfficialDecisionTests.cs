using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The official's hand on the assignment: pins and prohibitions honoured by reruns, manual assignments under the same rules, releases with a replacement.</summary>
public abstract class OfficialDecisionTests(DatabaseFixture database) : AssignmentTest(database)
{
    private static readonly ExpertShape SameRegionOtherField = new() { Voivodeship = "14", KisCodes = ["KIS9"] };

    [Fact]
    public async Task A_pinned_expert_is_assigned_whatever_he_costs_and_a_forbidden_one_never()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var good = await ExpertsAsync(3, prefix: "Dobry");
        var dear = await Arrange.ExpertAsync("Drogi", SameRegionOtherField, Ct);
        var application = applications[0].Id;

        await Send(TestUsers.Official, new PinPair(competitionId, application, dear.Id, "Jedyny specjalista od tej technologii."));
        await Send(TestUsers.Official, new ForbidPair(competitionId, application, good[0].Id, "Zgłosił telefonicznie wspólny projekt z koordynatorem."));
        var summary = await RunAsync(competitionId);

        var experts = summary.Pairs.Select(p => p.ExpertId).ToHashSet();
        Assert.Contains(dear.Id, experts);
        Assert.DoesNotContain(good[0].Id, experts);
        Assert.Equal(2, experts.Count);
        var pinned = summary.Pairs.Single(p => p.ExpertId == dear.Id);
        Assert.Equal(new PairReasons(0, false, 1, 10, true), pinned.Reasons);
        Assert.True((await AssignmentOfAsync(application, dear.Id)).Pinned);
        Assert.Empty(summary.PinsNotHonoured);

        // The decisions are audited with their commands and the official's name.
        var audit = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(AssignmentOverride)).ToListAsync(Ct));
        Assert.Equal([nameof(PinPair), nameof(ForbidPair)], audit.OrderBy(e => e.Sequence).Select(e => e.Command));
        Assert.All(audit, e => Assert.Equal(TestUsers.Official.UserId, e.UserId));
    }

    [Fact]
    public async Task A_pin_after_the_run_is_honoured_by_the_rerun_and_removing_it_changes_nothing_assigned()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        await ExpertsAsync(2, prefix: "Dobry");
        var dear = await Arrange.ExpertAsync("Drogi", SameRegionOtherField, Ct);
        var application = applications[0].Id;
        Assert.DoesNotContain((await RunAsync(competitionId)).Pairs, p => p.ExpertId == dear.Id);

        var pinId = await Send(TestUsers.Official, new PinPair(competitionId, application, dear.Id, "Na prośbę przewodniczącego panelu."));
        var rerun = await RunAsync(competitionId);

        // A pin adds its expert even to an application that has its N: the official asked for him.
        Assert.Equal(dear.Id, Assert.Single(rerun.Pairs).ExpertId);
        Assert.Equal(3, (await ActiveAsync(application)).Count);

        await Send(TestUsers.Official, new RemoveOverride(competitionId, pinId));
        Assert.Empty(await Read(db => db.AssignmentOverrides.ToListAsync(Ct)));
        Assert.Empty((await RunAsync(competitionId)).Pairs);
        Assert.Equal(3, (await ActiveAsync(application)).Count);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new RemoveOverride(competitionId, pinId)));
    }

    [Fact]
    public async Task A_pin_breaking_a_hard_rule_is_refused_and_names_the_conflicting_nip()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var nips = await Arrange.NipsAsync(applications[0].Id, Ct);
        var conflicted = await Arrange.ExpertAsync("Konflikt", new ExpertShape { AffiliationNips = [nips.Members[5]] }, Ct);
        var busy = await Arrange.ExpertAsync("Zajęty", new ExpertShape { MaxLoad = 1 }, Ct);
        var others = await Arrange.AcceptedAsync(competitionId, ["Klaster Beta"], cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<DetailedRuleViolation>(() => Send(TestUsers.Official, new PinPair(competitionId, applications[0].Id, conflicted.Id, "Proszę.")));
        Assert.Equal(AssignmentPairRules.ConflictOfInterest, refused.Code);
        Assert.Equal(nips.Members[5], refused.Details["nip"]);
        Assert.Equal(nips.Members[5], refused.Arguments[0]);

        // A waiting pin counts toward the load: a second pin would take the expert over his maximum.
        await Send(TestUsers.Official, new PinPair(competitionId, applications[0].Id, busy.Id, "Proszę."));
        var over = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new PinPair(competitionId, others[0].Id, busy.Id, "Proszę.")));
        Assert.Equal(AssignmentPairRules.OverCapacity, over.Code);

        // Another competition's application is not found through this one.
        var (otherCompetition, _) = await AcceptedAsync(2, "Klaster Gamma");
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new PinPair(otherCompetition, applications[0].Id, busy.Id, "Proszę.")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new PinPair(competitionId, applications[0].Id, busy.Id, "Proszę.")));
    }

    [Fact]
    public async Task An_assigned_pair_must_be_released_before_it_is_forbidden_and_a_pin_replaces_a_prohibition()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await ExpertsAsync(3);
        var run = await RunAsync(competitionId);
        var assigned = run.Pairs[0];
        var free = experts.Single(e => run.Pairs.All(p => p.ExpertId != e.Id));

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new ForbidPair(competitionId, applications[0].Id, assigned.ExpertId, "Nie.")));
        Assert.Equal("assignment.pair_active", refused.Code);

        await Send(TestUsers.Official, new ForbidPair(competitionId, applications[0].Id, free.Id, "Nie."));
        await Send(TestUsers.Official, new PinPair(competitionId, applications[0].Id, free.Id, "Jednak tak."));
        var decision = Assert.Single(await Read(db => db.AssignmentOverrides.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal((OverrideKind.Pin, "Jednak tak."), (decision.Kind, decision.Reason));
    }

    [Fact]
    public async Task An_official_assigns_by_hand_under_the_same_rules()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var application = applications[0].Id;
        var nips = await Arrange.NipsAsync(application, Ct);
        var chosen = await Arrange.ExpertAsync("Wybrany", SameRegionOtherField, Ct);
        var conflicted = await Arrange.ExpertAsync("Koordynator", new ExpertShape { AffiliationNips = [nips.Coordinator] }, Ct);
        var full = await Arrange.ExpertAsync("Pełny", new ExpertShape { MaxLoad = 1 }, Ct);
        var forbidden = await Arrange.ExpertAsync("Zakazany", cancellationToken: Ct);
        await Arrange.AcceptedAsync(competitionId, ["Klaster Beta"], cancellationToken: Ct);
        var beta = (await Read(db => db.Applications.Where(a => a.CompetitionId == competitionId && a.Id != application).Select(a => a.Id).SingleAsync(Ct)));

        var manual = await Send(TestUsers.Official, new AssignManually(competitionId, application, chosen.Id));

        var assignment = await AssignmentAsync(manual.AssignmentId);
        Assert.Equal((AssignmentOrigin.Manual, TestUsers.Official.UserId, AssignmentStatus.Assigned), (assignment.Origin, assignment.AssignedBy, assignment.Status));
        Assert.Equal(new AssignmentReasons(0, false, 1, false), assignment.Reasons);
        Assert.Equal(new DateTimeOffset(2027, 1, 29, 22, 59, 59, TimeSpan.Zero), manual.Deadline);
        Assert.Equal(ApplicationStatus.UnderEvaluation, await StatusAsync(application));
        Assert.Contains(await OutboxAsync(AssignmentMessages.Assigned), m => m.RecipientUserId == chosen.UserId);

        async Task<string> RefusedAsync(Guid app, Guid expert) =>
            (await Assert.ThrowsAnyAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new AssignManually(competitionId, app, expert)))).Code;

        Assert.Equal(AssignmentPairRules.AlreadyAssigned, await RefusedAsync(application, chosen.Id));
        var conflict = await Assert.ThrowsAsync<DetailedRuleViolation>(() => Send(TestUsers.Official, new AssignManually(competitionId, application, conflicted.Id)));
        Assert.Equal((AssignmentPairRules.ConflictOfInterest, (object?)nips.Coordinator), (conflict.Code, conflict.Details["nip"]));
        await Send(TestUsers.Official, new AssignManually(competitionId, beta, full.Id));
        Assert.Equal(AssignmentPairRules.OverCapacity, await RefusedAsync(application, full.Id));
        await Send(TestUsers.Official, new ForbidPair(competitionId, application, forbidden.Id, "Nie."));
        Assert.Equal(AssignmentPairRules.PairForbidden, await RefusedAsync(application, forbidden.Id));

        // Someone who has read the application and left it never comes back, not even by hand.
        await SignAsync(chosen, manual.AssignmentId);
        await ReleaseAsync(manual.AssignmentId);
        Assert.Equal(AssignmentPairRules.SeenBefore, await RefusedAsync(application, chosen.Id));

        // An application not formally accepted gets no experts.
        var submitted = await Arrange.Submitted.SubmitAsync(competitionId, "Klaster Delta", cancellationToken: Ct);
        Assert.Equal("assignment.application_not_assignable", await RefusedAsync(submitted.Id, forbidden.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new AssignManually(competitionId, application, Guid.NewGuid())));
    }

    [Fact]
    public async Task A_released_assignment_is_refilled_and_the_expert_told_why()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await ExpertsAsync(3);
        var run = await RunAsync(competitionId);
        var released = run.Pairs[0];
        var releasedExpert = experts.Single(e => e.Id == released.ExpertId);
        var spare = experts.Single(e => run.Pairs.All(p => p.ExpertId != e.Id));

        var outcome = await ReleaseAsync(released.AssignmentId, "Termin oceny minął bez odpowiedzi.");

        var replacement = Assert.Single(outcome.Replacements);
        Assert.Equal((spare.Id, spare.Name, 0), (replacement.ExpertId, replacement.ExpertName, outcome.Missing));
        Assert.Equal(AssignmentOrigin.Replacement, (await AssignmentAsync(replacement.AssignmentId)).Origin);
        var old = await AssignmentAsync(released.AssignmentId);
        Assert.Equal((AssignmentStatus.Released, "Termin oceny minął bez odpowiedzi."), (old.Status, old.ReleaseReason));
        var notice = Assert.Single(await OutboxAsync(AssignmentMessages.Released));
        Assert.Equal(releasedExpert.UserId, notice.RecipientUserId);
        Assert.Contains("Termin oceny minął bez odpowiedzi.", notice.Text, StringComparison.Ordinal);

        // Released without having read it, the expert is still not brought straight back by a rerun.
        Assert.Empty((await RunAsync(competitionId)).Pairs);
        Assert.Equal(2, (await ActiveAsync(applications[0].Id)).Count);

        // Nobody left: the release stands and says what is missing.
        var second = await ReleaseAsync(replacement.AssignmentId);
        Assert.Empty(second.Replacements);
        Assert.Equal(1, second.Missing);
        Assert.Equal([ShortfallReasons.NoCandidatesLeft], second.ReasonCodes);
        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => ReleaseAsync(released.AssignmentId));
        Assert.Equal("evaluation.release_not_possible", again.Code);
    }
}

public sealed class OfficialDecisionTestsOnSqlite(SqliteDatabaseFixture database) : OfficialDecisionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class OfficialDecisionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OfficialDecisionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
