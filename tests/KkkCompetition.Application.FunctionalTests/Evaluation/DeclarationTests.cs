using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The expert's side: his assignments, the declaration of impartiality before the content, a declared conflict and its replacement.</summary>
public abstract class DeclarationTests(DatabaseFixture database) : AssignmentTest(database)
{
    private async Task<(SubmittedApplication Application, IReadOnlyList<PoolExpert> Experts, AssignmentRunSummary Run)> AssignedAsync(int experts = 2)
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var pool = await ExpertsAsync(experts);
        return (applications[0], pool, await RunAsync(competitionId));
    }

    [Fact]
    public async Task The_content_is_hidden_until_the_declaration_is_signed()
    {
        var (application, experts, run) = await AssignedAsync();
        var pair = run.Pairs[0];
        var expert = experts.Single(e => e.Id == pair.ExpertId);

        var before = await Send(expert.Caller, new GetAssignedApplication(pair.AssignmentId));

        Assert.Null(before.Content);
        Assert.Equal((application.Number, "Klaster Alfa", $"Stowarzyszenie Klaster Alfa"), (before.Summary.Number, before.Summary.ClusterName, before.Summary.CoordinatorName));
        Assert.Equal((AssignmentStatus.Assigned, (DateTimeOffset?)null), (before.Status, before.DeclarationSignedAt));

        Database.Clock.Advance(TimeSpan.FromHours(3));
        var signed = await SignAsync(expert, pair.AssignmentId);

        Assert.Equal(Database.Clock.GetUtcNow(), signed.SignedAt);
        var after = await Send(expert.Caller, new GetAssignedApplication(pair.AssignmentId));
        Assert.Equal(AssignmentStatus.Accepted, after.Status);
        Assert.NotNull(after.DeclarationSignedAt);
        var content = Assert.IsType<AssignedApplicationContent>(after.Content);
        Assert.Equal(60, content.Members.Count);
        Assert.Contains(content.Narratives, n => n.Text.StartsWith("Opis obszaru", StringComparison.Ordinal));
        Assert.Equal(2, content.Indicators.Count);

        // The signature is in the audit log under the expert's name.
        var audit = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(SignDeclaration)).ToListAsync(Ct));
        Assert.Contains(audit, e => e.EntityType == nameof(ExpertAssignment) && e.UserId == expert.UserId && e.EntityId == pair.AssignmentId.ToString());
    }

    [Fact]
    public async Task Signing_twice_or_with_a_stale_version_is_refused()
    {
        var (_, experts, run) = await AssignedAsync();
        var pair = run.Pairs[0];
        var expert = experts.Single(e => e.Id == pair.ExpertId);
        var version = (await AssignmentAsync(pair.AssignmentId)).Version;

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(expert.Caller, new SignDeclaration(pair.AssignmentId, version + 3)));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);

        var signed = await Send(expert.Caller, new SignDeclaration(pair.AssignmentId, version));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(expert.Caller, new SignDeclaration(pair.AssignmentId, signed.Version)));
        Assert.Equal("evaluation.declaration_not_pending", twice.Code);
    }

    [Fact]
    public async Task Someone_elses_assignment_is_not_found()
    {
        var (_, experts, run) = await AssignedAsync(3);
        var pair = run.Pairs[0];
        var stranger = experts.First(e => e.Id != pair.ExpertId);
        Assert.NotEqual(pair.ExpertId, stranger.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(stranger.Caller, new GetAssignedApplication(pair.AssignmentId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(stranger.Caller, new SignDeclaration(pair.AssignmentId, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(stranger.Caller, new DeclareConflict(pair.AssignmentId, "Nie moje.", 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Expert, new GetAssignedApplication(Guid.NewGuid())));
        // Other roles may not send the expert's requests at all, so the applicant never reaches an assignment.
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new GetAssignedApplication(pair.AssignmentId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new SignDeclaration(pair.AssignmentId, 0)));
        Assert.Equal(AssignmentStatus.Assigned, (await AssignmentAsync(pair.AssignmentId)).Status);
    }

    [Fact]
    public async Task My_assignments_are_the_callers_only_with_status_and_deadline()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        var experts = await ExpertsAsync(2);
        await RunAsync(competitionId);
        var mine = experts[0];

        var page = await Send(mine.Caller, new MyAssignments());

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(applications.Select(a => a.Number).Order(), page.Items.Select(i => i.ApplicationNumber).Order());
        Assert.All(page.Items, i => Assert.Equal((AssignmentStatus.Assigned, new DateTimeOffset(2027, 1, 29, 22, 59, 59, TimeSpan.Zero), false), (i.Status, i.Deadline, i.IsOverdue)));
        Assert.Empty((await Send(TestUsers.Expert, new MyAssignments())).Items);

        await DeclareConflictAsync(mine, page.Items[0].AssignmentId);
        var open = await Send(mine.Caller, new MyAssignments(OnlyOpen: true));
        Assert.Equal([page.Items[1].AssignmentId], open.Items.Select(i => i.AssignmentId));
        var all = await Send(mine.Caller, new MyAssignments(SortBy: MyAssignmentSort.Number, Descending: true, PageSize: 1));
        Assert.Equal((2, 1), (all.TotalCount, all.Items.Count));
        Assert.Equal(applications.Select(a => a.Number).Max(), all.Items[0].ApplicationNumber);

        // Past the deadline an open assignment shows as overdue.
        Database.Clock.Set(new DateTimeOffset(2027, 1, 29, 23, 0, 0, TimeSpan.Zero));
        Assert.True((await Send(mine.Caller, new MyAssignments(OnlyOpen: true))).Items.Single().IsOverdue);
    }

    [Fact]
    public async Task A_declared_conflict_brings_a_replacement_who_has_not_seen_the_application()
    {
        var (application, experts, run) = await AssignedAsync(4);
        var first = run.Pairs[0];
        var second = run.Pairs[1];
        var firstExpert = experts.Single(e => e.Id == first.ExpertId);
        var secondExpert = experts.Single(e => e.Id == second.ExpertId);

        // The first expert reads the application and is then released: he has seen it, so he can never come back.
        await SignAsync(firstExpert, first.AssignmentId);
        var released = await ReleaseAsync(first.AssignmentId);
        var third = Assert.Single(released.Replacements);
        Assert.DoesNotContain(third.ExpertId, new[] { first.ExpertId, second.ExpertId });

        Database.Clock.Advance(TimeSpan.FromDays(1));
        var declared = await DeclareConflictAsync(secondExpert, second.AssignmentId);

        Assert.True(declared.ReplacementFound);
        var conflicted = await AssignmentAsync(second.AssignmentId);
        Assert.Equal((AssignmentStatus.ConflictDeclared, "Pracowałem dla członka klastra w 2025 r."), (conflicted.Status, conflicted.ConflictReason));
        var active = await ActiveAsync(application.Id);
        Assert.Equal(2, active.Count);
        var replacement = active.Single(a => a.ExpertId != third.ExpertId);
        var expected = experts.Select(e => e.Id).Except([first.ExpertId, second.ExpertId, third.ExpertId]).Single();
        Assert.Equal((expected, AssignmentOrigin.Replacement), (replacement.ExpertId, replacement.Origin));
        // The replacement has a window of his own, from the day he was assigned.
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 22, 59, 59, TimeSpan.Zero), replacement.Deadline);
        var replacementUser = experts.Single(e => e.Id == expected).UserId;
        Assert.Contains(await OutboxAsync(AssignmentMessages.Assigned), m => m.RecipientUserId == replacementUser && m.Link == AssignmentNotices.AssignmentLink(replacement.Id));

        // Nobody is left who may take the place: the conflict is still recorded and the application left short.
        var lastExpert = experts.Single(e => e.Id == expected);
        var noOne = await DeclareConflictAsync(lastExpert, replacement.Id);
        Assert.False(noOne.ReplacementFound);
        Assert.Single(await ActiveAsync(application.Id));
    }

    [Fact]
    public async Task A_conflict_needs_a_reason()
    {
        var (_, experts, run) = await AssignedAsync();
        var pair = run.Pairs[0];
        var expert = experts.Single(e => e.Id == pair.ExpertId);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Send(expert.Caller, new DeclareConflict(pair.AssignmentId, " ", 0)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(DeclareConflict.Reason));
        Assert.Equal(AssignmentStatus.Assigned, (await AssignmentAsync(pair.AssignmentId)).Status);
    }
}

public sealed class DeclarationTestsOnSqlite(SqliteDatabaseFixture database) : DeclarationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DeclarationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DeclarationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
