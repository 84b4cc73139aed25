using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using Mediator;

namespace KkkCompetition.Application.Contracts;

/// <summary>
/// The programme's settings: the reporting terms copied into each new contract and the achievement bands the dashboards
/// colour with, and how many days before a phase's last day its evaluation may be opened. <see cref="Version"/> is 0 until an
/// official first saves them (the defaults are shown until then).
/// </summary>
public sealed record ProgrammeSettingsDto(ReportingTerms Terms, AchievementBands Bands, DateTimeOffset? UpdatedAt, int Version, int EvaluationLeadDays);

[AllowedRoles(Roles.Official)]
public sealed record GetProgrammeSettings : IQuery<ProgrammeSettingsDto>;

/// <summary>
/// Changes the settings (officials). A due day that is not a day of its month, a final report due outside 1–365 days, a
/// percentage outside 0–100, amber not below green or evaluation lead days outside 1–365 is 409 <c>settings.*</c>; a stale
/// version 409. Contracts already drafted keep the terms they were given. <see cref="EvaluationLeadDays"/> left out keeps the
/// current number.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateProgrammeSettings(
    int AnnualDueMonth,
    int AnnualDueDay,
    int FinalDueDays,
    decimal JustificationBelowPercent,
    decimal GreenFromPercent,
    decimal AmberFromPercent,
    int Version,
    int? EvaluationLeadDays = null) : ICommand<ProgrammeSettingsDto>;

public sealed class UpdateProgrammeSettingsValidator : AbstractValidator<UpdateProgrammeSettings>
{
    public UpdateProgrammeSettingsValidator()
    {
        // Only the shape; the ranges are the settings' own rules (409), so a client learns them from one place.
        RuleFor(x => x.JustificationBelowPercent).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.GreenFromPercent).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.AmberFromPercent).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetProgrammeSettingsHandler(IAppDbContext db) : IQueryHandler<GetProgrammeSettings, ProgrammeSettingsDto>
{
    public async ValueTask<ProgrammeSettingsDto> Handle(GetProgrammeSettings query, CancellationToken cancellationToken)
    {
        var settings = await ProgrammeSettingsData.ReadAsync(db, cancellationToken);
        return new ProgrammeSettingsDto(settings.Terms, settings.Bands, settings.UpdatedAt, settings.Version, settings.EvaluationLeadDays);
    }
}

public sealed class UpdateProgrammeSettingsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateProgrammeSettings, ProgrammeSettingsDto>
{
    public async ValueTask<ProgrammeSettingsDto> Handle(UpdateProgrammeSettings command, CancellationToken cancellationToken)
    {
        var settings = await ProgrammeSettingsData.LoadForUpdateAsync(db, cancellationToken);

        // Only a saved row has a time of change: the defaults have none until this first save adds them.
        var stored = settings.UpdatedAt is not null;
        db.ExpectVersion(settings, command.Version);
        var now = clock.GetUtcNow();
        settings.Change(
            new ReportingTerms(command.AnnualDueMonth, command.AnnualDueDay, command.FinalDueDays, command.JustificationBelowPercent),
            new AchievementBands(command.GreenFromPercent, command.AmberFromPercent),
            now);
        if (command.EvaluationLeadDays is { } leadDays)
        {
            settings.ChangeEvaluationLeadDays(leadDays, now);
        }

        // An added row keeps version 0; a changed one moves by one.
        return new ProgrammeSettingsDto(settings.Terms, settings.Bands, now, stored ? settings.Version + 1 : settings.Version, settings.EvaluationLeadDays);
    }
}
