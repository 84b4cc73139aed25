using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme;

public sealed record ProgrammePhaseDto(Guid Id, int Number, DateOnly StartsOn, DateOnly EndsOn, int CompetitionCount, int Version);

/// <summary>The programme's phases, in order (officials). There are a handful (one every 3–4 years), so no paging.</summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember, Roles.Administrator)]
public sealed record ListProgrammePhases : IQuery<IReadOnlyList<ProgrammePhaseDto>>;

public sealed class ListProgrammePhasesHandler(IAppDbContext db) : IQueryHandler<ListProgrammePhases, IReadOnlyList<ProgrammePhaseDto>>
{
    public async ValueTask<IReadOnlyList<ProgrammePhaseDto>> Handle(ListProgrammePhases query, CancellationToken cancellationToken) =>
        await db.ProgrammePhases.AsNoTracking()
            .OrderBy(p => p.Number)
            .Select(p => new ProgrammePhaseDto(p.Id, p.Number, p.StartsOn, p.EndsOn, db.Competitions.Count(c => c.ProgrammePhaseId == p.Id), p.Version))
            .ToListAsync(cancellationToken);
}

/// <summary>Defines a phase of the programme: its number and dates, 3 to 4 years, not overlapping another (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record DefineProgrammePhase(int Number, DateOnly StartsOn, DateOnly EndsOn) : ICommand<ProgrammePhaseDto>, IProgrammePhaseFields;

/// <summary>Changes a phase's number or dates under the same rules (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ChangeProgrammePhase(Guid PhaseId, int Number, DateOnly StartsOn, DateOnly EndsOn, int Version) : ICommand<ProgrammePhaseDto>, IProgrammePhaseFields;

/// <summary>What defining and changing a phase share, so one validator checks both.</summary>
public interface IProgrammePhaseFields
{
    int Number { get; }
    DateOnly StartsOn { get; }
    DateOnly EndsOn { get; }
}

public sealed class ProgrammePhaseFieldsValidator : AbstractValidator<IProgrammePhaseFields>
{
    public const int MaxNumber = 99;

    public ProgrammePhaseFieldsValidator()
    {
        RuleFor(x => x.Number).InclusiveBetween(1, MaxNumber);
        RuleFor(x => x.StartsOn).NotEmpty();
        RuleFor(x => x.EndsOn).GreaterThan(x => x.StartsOn);
    }
}

public sealed class DefineProgrammePhaseValidator : AbstractValidator<DefineProgrammePhase>
{
    public DefineProgrammePhaseValidator() => Include(new ProgrammePhaseFieldsValidator());
}

public sealed class ChangeProgrammePhaseValidator : AbstractValidator<ChangeProgrammePhase>
{
    public ChangeProgrammePhaseValidator()
    {
        RuleFor(x => x.PhaseId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        Include(new ProgrammePhaseFieldsValidator());
    }
}

public sealed class DefineProgrammePhaseHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<DefineProgrammePhase, ProgrammePhaseDto>
{
    public async ValueTask<ProgrammePhaseDto> Handle(DefineProgrammePhase command, CancellationToken cancellationToken)
    {
        var others = await db.ProgrammePhases.ToListAsync(cancellationToken);
        var phase = ProgrammePhase.Define(command.Number, command.StartsOn, command.EndsOn, others, clock.GetUtcNow());
        db.ProgrammePhases.Add(phase);
        return new ProgrammePhaseDto(phase.Id, phase.Number, phase.StartsOn, phase.EndsOn, 0, 0);
    }
}

public sealed class ChangeProgrammePhaseHandler(IAppDbContext db) : ICommandHandler<ChangeProgrammePhase, ProgrammePhaseDto>
{
    public async ValueTask<ProgrammePhaseDto> Handle(ChangeProgrammePhase command, CancellationToken cancellationToken)
    {
        var others = await db.ProgrammePhases.ToListAsync(cancellationToken);
        var phase = others.SingleOrDefault(p => p.Id == command.PhaseId) ?? throw new NotFoundException("ProgrammePhase", command.PhaseId);
        db.ExpectVersion(phase, command.Version);
        phase.Change(command.Number, command.StartsOn, command.EndsOn, others);
        var competitions = await db.Competitions.CountAsync(c => c.ProgrammePhaseId == phase.Id, cancellationToken);
        return new ProgrammePhaseDto(phase.Id, phase.Number, phase.StartsOn, phase.EndsOn, competitions, phase.Version + 1);
    }
}

/// <summary>Ties a draft competition to a programme phase, or unties it with a null phase (officials). Returns the new version.</summary>
[AllowedRoles(Roles.Official)]
public sealed record TieCompetitionToPhase(Guid CompetitionId, Guid? PhaseId, int Version) : ICommand<int>;

public sealed class TieCompetitionToPhaseValidator : AbstractValidator<TieCompetitionToPhase>
{
    public TieCompetitionToPhaseValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.PhaseId).NotEqual(Guid.Empty);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class TieCompetitionToPhaseHandler(IAppDbContext db) : ICommandHandler<TieCompetitionToPhase, int>
{
    public async ValueTask<int> Handle(TieCompetitionToPhase command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        if (command.PhaseId is { } phaseId && !await db.ProgrammePhases.AnyAsync(p => p.Id == phaseId, cancellationToken))
        {
            throw new NotFoundException("ProgrammePhase", phaseId);
        }

        competition.TieToPhase(command.PhaseId);
        return competition.Version + 1;
    }
}
