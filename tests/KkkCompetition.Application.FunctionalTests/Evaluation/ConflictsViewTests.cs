using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The officials' conflicts view of a competition: automatic exclusions by affiliation NIPs and the conflicts experts declared.</summary>
public abstract class ConflictsViewTests(DatabaseFixture database) : AssignmentTest(database)
{
    /// <summary>The test clock's day in Warsaw (2027-01-15) less the 3-year look-back: an affiliation ended on it still counts.</summary>
    private static readonly DateOnly WindowStart = new(2024, 1, 15);

    /// <summary>An expert of the pool whose affiliations an official sets, dates and all.</summary>
    private async Task<PoolExpert> ExpertWithAsync(string name, params ExpertAffiliation[] affiliations)
    {
        var expert = await Arrange.ExpertAsync(name, cancellationToken: Ct);
        var version = await Read(db => db.Experts.Where(e => e.Id == expert.Id).Select(e => e.Version).SingleAsync(Ct));
        await Send(TestUsers.Official, new UpdateExpertProfile(expert.Id, name, "02", ["KIS1"], 10, true, affiliations, version));
        return expert;
    }

    private static ExpertAffiliation Affiliation(string nip, DateOnly? until = null) => new(nip, $"Organizacja {nip}", new DateOnly(2019, 5, 1), until);

    private Task<string> MemberNameAsync(string nip) =>
        Read(db => db.ClusterMembers.Where(m => m.Nip == nip).Select(m => m.Name).SingleAsync(Ct));

    private async Task<Listed> ListAsync(ListCompetitionConflicts query)
    {
        var page = await Send(TestUsers.Official, query);
        return new Listed(page.Items, page.TotalCount);
    }

    private sealed record Listed(IReadOnlyList<CompetitionConflict> Items, int Total)
    {
        public IEnumerable<(string Expert, string Number)> Pairs => Items.Select(r => (r.ExpertName, r.ApplicationNumber));
    }

    [Fact]
    public async Task An_expert_sharing_a_members_or_the_coordinators_nip_is_listed_with_whose_nip_it_is()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        var (alfa, beta) = (applications[0], applications[1]);
        var alfaNips = await Arrange.NipsAsync(alfa.Id, Ct);
        var betaNips = await Arrange.NipsAsync(beta.Id, Ct);
        var member = await ExpertWithAsync("Anna Członkowska", Affiliation("1132853869"), Affiliation(alfaNips.Members[5]));
        var coordinator = await ExpertWithAsync("Bogdan Koordynatorski", Affiliation(betaNips.Coordinator, new DateOnly(2025, 6, 30)));
        var atTheEdge = await ExpertWithAsync("Ewa Graniczna", Affiliation(betaNips.Members[0], WindowStart));
        await ExpertWithAsync("Dawid Dawny", Affiliation(alfaNips.Coordinator, WindowStart.AddDays(-1)), Affiliation(betaNips.Members[1], new DateOnly(2020, 12, 31)));
        await ExpertWithAsync("Celina Czysta", Affiliation("1132853869"));
        var retired = await ExpertWithAsync("Feliks Odsunięty", Affiliation(alfaNips.Members[0]));
        var retiredVersion = await Read(db => db.Experts.Where(e => e.Id == retired.Id).Select(e => e.Version).SingleAsync(Ct));
        await Send(TestUsers.Official, new DeactivateExpert(retired.Id, retiredVersion));

        var conflicts = await ListAsync(new ListCompetitionConflicts(competitionId));

        Assert.Equal(3, conflicts.Total);
        Assert.All(conflicts.Items, c => Assert.Equal((ConflictKind.Automatic, null, null, null), (c.Kind, c.Reason, c.DeclaredAt, c.ReplacementAssigned)));
        var byMember = Assert.Single(conflicts.Items, c => c.ExpertId == member.Id);
        Assert.Equal((alfa.Id, alfa.Number, "Klaster Alfa", alfaNips.Members[5]), (byMember.ApplicationId, byMember.ApplicationNumber, byMember.ClusterName, byMember.Nip));
        Assert.Equal(new NipHolder(NipHolderKind.Member, await MemberNameAsync(alfaNips.Members[5])), byMember.NipHolder);
        var byCoordinator = Assert.Single(conflicts.Items, c => c.ExpertId == coordinator.Id);
        Assert.Equal((beta.Id, betaNips.Coordinator), (byCoordinator.ApplicationId, byCoordinator.Nip));
        Assert.Equal(new NipHolder(NipHolderKind.Coordinator, "Stowarzyszenie Klaster Beta"), byCoordinator.NipHolder);
        var edge = Assert.Single(conflicts.Items, c => c.ExpertId == atTheEdge.Id);
        Assert.Equal((beta.Id, betaNips.Members[0], NipHolderKind.Member), (edge.ApplicationId, edge.Nip, edge.NipHolder!.Kind));

        // The view and a manual assignment name the same NIP: one rule for both.
        var candidates = await Send(TestUsers.Official, new ListAssignmentCandidates(competitionId, alfa.Id));
        var candidate = Assert.Single(candidates.Items, c => c.ExpertId == member.Id);
        Assert.Equal((AssignmentPairRules.ConflictOfInterest, alfaNips.Members[5]), (candidate.ObstacleCode, candidate.ConflictNip));
        Assert.Single(candidates.Items, c => c.ObstacleCode == AssignmentPairRules.ConflictOfInterest);
    }

    [Fact]
    public async Task A_declared_conflict_is_listed_with_its_reason_time_and_whether_it_was_replaced()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa");
        var experts = await ExpertsAsync(3);
        var run = await RunAsync(competitionId);
        var first = experts.Single(e => e.Id == run.Pairs[0].ExpertId);
        var firstAt = new DateTimeOffset(2027, 1, 18, 10, 15, 0, TimeSpan.Zero);
        Database.Clock.Set(firstAt);
        Assert.True((await DeclareConflictAsync(first, run.Pairs[0].AssignmentId, "Doradzałem koordynatorowi w 2025 r.")).ReplacementFound);

        // The replacement declines too: nobody is left who has neither a conflict nor a place on it.
        var replacement = (await ActiveAsync(applications[0].Id)).Single(a => a.Origin == AssignmentOrigin.Replacement);
        var secondAt = firstAt.AddDays(1);
        Database.Clock.Set(secondAt);
        Assert.False((await DeclareConflictAsync(experts.Single(e => e.Id == replacement.ExpertId), replacement.Id, "Jestem członkiem zarządu klastra.")).ReplacementFound);

        var conflicts = await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Declared, SortBy: ConflictSort.Kind));

        Assert.Equal(2, conflicts.Total);
        var replaced = Assert.Single(conflicts.Items, c => c.AssignmentId == run.Pairs[0].AssignmentId);
        Assert.Equal(
            (ConflictKind.Declared, first.Id, first.Name, applications[0].Id, applications[0].Number, "Klaster Alfa", "Doradzałem koordynatorowi w 2025 r.", firstAt, true),
            (replaced.Kind, replaced.ExpertId, replaced.ExpertName, replaced.ApplicationId, replaced.ApplicationNumber, replaced.ClusterName, replaced.Reason, replaced.DeclaredAt, replaced.ReplacementAssigned));
        Assert.Equal((null, null), (replaced.Nip, replaced.NipHolder));
        var unreplaced = Assert.Single(conflicts.Items, c => c.AssignmentId == replacement.Id);
        Assert.Equal(("Jestem członkiem zarządu klastra.", secondAt, false), (unreplaced.Reason, unreplaced.DeclaredAt, unreplaced.ReplacementAssigned));
        Assert.Empty((await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Automatic))).Items);
    }

    [Fact]
    public async Task The_list_is_filtered_by_kind_expert_and_application_sorted_and_paged()
    {
        var (competitionId, applications) = await AcceptedAsync(2, "Klaster Alfa", "Klaster Beta");
        var (alfa, beta) = (applications[0], applications[1]);
        Assert.True(string.CompareOrdinal(alfa.Number, beta.Number) < 0);
        var alfaNips = await Arrange.NipsAsync(alfa.Id, Ct);
        var betaNips = await Arrange.NipsAsync(beta.Id, Ct);
        await ExpertWithAsync("Zofia Beta", Affiliation(betaNips.Coordinator), Affiliation(alfaNips.Members[1]));
        await ExpertWithAsync("Adam Alfa", Affiliation(alfaNips.Members[0]));
        var marek = await Arrange.ExpertAsync("Marek Zwykły", cancellationToken: Ct);
        var assigned = await Send(TestUsers.Official, new AssignManually(competitionId, alfa.Id, marek.Id));
        await DeclareConflictAsync(marek, assigned.AssignmentId, "Recenzowałem strategię klastra.");

        var byExpert = await ListAsync(new ListCompetitionConflicts(competitionId));
        Assert.Equal([("Adam Alfa", alfa.Number), ("Marek Zwykły", alfa.Number), ("Zofia Beta", alfa.Number), ("Zofia Beta", beta.Number)], byExpert.Pairs);
        Assert.Equal([ConflictKind.Automatic, ConflictKind.Declared, ConflictKind.Automatic, ConflictKind.Automatic], byExpert.Items.Select(c => c.Kind));
        var byExpertDescending = await ListAsync(new ListCompetitionConflicts(competitionId, Descending: true));
        Assert.Equal(byExpert.Pairs.Reverse(), byExpertDescending.Pairs);
        var byApplication = await ListAsync(new ListCompetitionConflicts(competitionId, SortBy: ConflictSort.Application, Descending: true));
        Assert.Equal([("Zofia Beta", beta.Number), ("Zofia Beta", alfa.Number), ("Marek Zwykły", alfa.Number), ("Adam Alfa", alfa.Number)], byApplication.Pairs);
        var byKind = await ListAsync(new ListCompetitionConflicts(competitionId, SortBy: ConflictSort.Kind, Descending: true));
        Assert.Equal([ConflictKind.Declared, ConflictKind.Automatic, ConflictKind.Automatic, ConflictKind.Automatic], byKind.Items.Select(c => c.Kind));

        var secondPage = await ListAsync(new ListCompetitionConflicts(competitionId, Page: 2, PageSize: 3));
        Assert.Equal(4, secondPage.Total);
        Assert.Equal([("Zofia Beta", beta.Number)], secondPage.Pairs);
        var declared = await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Declared));
        Assert.Equal([("Marek Zwykły", alfa.Number)], declared.Pairs);
        Assert.Equal(3, (await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Automatic))).Total);
        Assert.Equal([("Zofia Beta", alfa.Number), ("Zofia Beta", beta.Number)], (await ListAsync(new ListCompetitionConflicts(competitionId, Expert: " zofia "))).Pairs);
        Assert.Equal([("Zofia Beta", beta.Number)], (await ListAsync(new ListCompetitionConflicts(competitionId, Expert: "ZOF", Application: "beta"))).Pairs);
        Assert.Equal(3, (await ListAsync(new ListCompetitionConflicts(competitionId, Application: alfa.Number))).Total);
        Assert.Equal([("Marek Zwykły", alfa.Number)], (await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Declared, "marek", "Klaster Alfa"))).Pairs);
        Assert.Empty((await ListAsync(new ListCompetitionConflicts(competitionId, ConflictKind.Declared, Application: "beta"))).Items);
    }

    [Fact]
    public async Task Only_officials_see_the_conflicts_of_a_competition_that_exists_with_a_valid_page()
    {
        var (competitionId, _) = await AcceptedAsync(2, "Klaster Alfa");
        var expert = await Arrange.ExpertAsync("Ekspert Ciekawski", cancellationToken: Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new ListCompetitionConflicts(competitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(expert.Caller, new ListCompetitionConflicts(competitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.CommissionMember, new ListCompetitionConflicts(competitionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new ListCompetitionConflicts(Guid.NewGuid())));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new ListCompetitionConflicts(competitionId, PageSize: 0)));
        Assert.Equal(nameof(ListCompetitionConflicts.PageSize), Assert.Single(invalid.Errors).PropertyName);
        Assert.Empty((await Send(TestUsers.Official, new ListCompetitionConflicts(competitionId))).Items);
    }
}

public sealed class ConflictsViewTestsOnSqlite(SqliteDatabaseFixture database) : ConflictsViewTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ConflictsViewTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ConflictsViewTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
