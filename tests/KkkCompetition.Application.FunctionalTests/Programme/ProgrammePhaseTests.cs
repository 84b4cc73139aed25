using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Application.Programme;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Programme;

/// <summary>Officials define the programme's phases and tie a draft competition to one, through Mediator on a real database.</summary>
public abstract class ProgrammePhaseTests(DatabaseFixture database) : FunctionalTest(database)
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    private Task<int> AuditCount() => Read(db => db.AuditEntries.CountAsync(Ct));

    [Fact]
    public async Task Phases_are_defined_changed_and_listed_in_order_each_audited()
    {
        var second = await Send(TestUsers.Official, new DefineProgrammePhase(2, new DateOnly(2031, 1, 1), ProgrammePhase.EndOf(new DateOnly(2031, 1, 1), 4)));
        var first = await Send(TestUsers.Official, new DefineProgrammePhase(1, Start, ProgrammePhase.EndOf(Start, 4)));
        var audit = await AuditCount();

        var changed = await Send(TestUsers.Official, new ChangeProgrammePhase(first.Id, 1, Start, ProgrammePhase.EndOf(Start, 3), 0));

        Assert.Equal(1, changed.Version);
        Assert.Equal(audit + 1, await AuditCount());
        var phases = await Send(TestUsers.CommissionMember, new ListProgrammePhases());
        Assert.Equal([(1, new DateOnly(2029, 12, 31)), (2, new DateOnly(2034, 12, 31))], phases.Select(p => (p.Number, p.EndsOn)));
        Assert.Equal(second.Id, phases[1].Id);
    }

    [Fact]
    public async Task Overlaps_taken_numbers_bad_lengths_stale_versions_and_bad_fields_are_refused_and_nothing_changes()
    {
        var first = await Send(TestUsers.Official, new DefineProgrammePhase(1, Start, ProgrammePhase.EndOf(Start, 4)));
        var audit = await AuditCount();

        async Task<string> CodeOf(DefineProgrammePhase command) =>
            (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, command))).Code;

        Assert.Equal("phase.overlaps", await CodeOf(new DefineProgrammePhase(2, new DateOnly(2030, 6, 1), ProgrammePhase.EndOf(new DateOnly(2030, 6, 1), 4))));
        Assert.Equal("phase.number_taken", await CodeOf(new DefineProgrammePhase(1, new DateOnly(2031, 1, 1), ProgrammePhase.EndOf(new DateOnly(2031, 1, 1), 4))));
        Assert.Equal("phase.length_out_of_range", await CodeOf(new DefineProgrammePhase(2, new DateOnly(2031, 1, 1), new DateOnly(2036, 1, 1))));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new DefineProgrammePhase(0, Start, Start)));
        Assert.Superset(new HashSet<string> { "Number", "EndsOn" }, invalid.Errors.Select(e => e.PropertyName).ToHashSet());
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new ChangeProgrammePhase(first.Id, 1, Start, ProgrammePhase.EndOf(Start, 3), 5)));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new ChangeProgrammePhase(Guid.CreateVersion7(), 1, Start, ProgrammePhase.EndOf(Start, 3), 0)));

        Assert.Equal(audit, await AuditCount());
        Assert.Equal(1, await Read(db => db.ProgrammePhases.CountAsync(Ct)));
        Assert.Equal(ProgrammePhase.EndOf(Start, 4), (await Send(TestUsers.Official, new ListProgrammePhases())).Single().EndsOn);
    }

    [Fact]
    public async Task A_draft_competition_is_tied_to_a_phase_and_untied_and_an_unknown_phase_is_404()
    {
        var phase = await Send(TestUsers.Official, new DefineProgrammePhase(1, Start, ProgrammePhase.EndOf(Start, 4)));
        var competition = await Send(TestUsers.Official, NewCompetition());

        var version = await Send(TestUsers.Official, new TieCompetitionToPhase(competition.Id, phase.Id, competition.Version));

        Assert.Equal(phase.Id, (await Send(TestUsers.Official, new GetCompetition(competition.Id))).ProgrammePhaseId);
        Assert.Equal(1, (await Send(TestUsers.Official, new ListProgrammePhases())).Single().CompetitionCount);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new TieCompetitionToPhase(competition.Id, Guid.CreateVersion7(), version)));
        await Send(TestUsers.Official, new TieCompetitionToPhase(competition.Id, null, version));
        Assert.Null((await Send(TestUsers.Official, new GetCompetition(competition.Id))).ProgrammePhaseId);
    }

    [Fact]
    public async Task Only_officials_define_phases_or_tie_competitions_to_them()
    {
        var competition = await Send(TestUsers.Official, NewCompetition());

        foreach (var user in new[] { TestUsers.Applicant, TestUsers.Expert, TestUsers.CommissionMember, TestUsers.Administrator })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Send(user, new DefineProgrammePhase(1, Start, ProgrammePhase.EndOf(Start, 4))));
            await Assert.ThrowsAsync<ForbiddenException>(() => Send(user, new TieCompetitionToPhase(competition.Id, null, 0)));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new ListProgrammePhases()));
        Assert.Equal(0, await Read(db => db.ProgrammePhases.CountAsync(Ct)));
    }
}

public sealed class ProgrammePhaseTestsOnSqlite(SqliteDatabaseFixture database) : ProgrammePhaseTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ProgrammePhaseTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ProgrammePhaseTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
