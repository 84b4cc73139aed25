using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// Autosave of one year's indicators (the owner, while the section may be edited: a draft, or a section a correction
/// reopens). <see cref="Version"/> is the application's version last read; a stale one is 409 <c>concurrency.stale_version</c>,
/// so a second tab cannot overwrite the first silently. Answers the new version (the same when nothing changed).
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SaveApplicationIndicators(Guid ApplicationId, int Year, IndicatorValues Values, int Version) : ICommand<int>, IApplicationRequest;

public sealed class SaveApplicationIndicatorsValidator : AbstractValidator<SaveApplicationIndicators>
{
    public SaveApplicationIndicatorsValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Values).NotNull().ChildRules(values =>
        {
            values.RuleFor(v => v.Employment).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.Revenue).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
            values.RuleFor(v => v.RdSpending).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
            values.RuleFor(v => v.Patents).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.ProductInnovations).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.ProcessInnovations).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.JointProjects).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.JointProjectsValue).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
            values.RuleFor(v => v.InternationalAgreements).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.InternshipsAndTrainings).GreaterThanOrEqualTo(0);
            values.RuleFor(v => v.ExportSharePercent).InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        });
    }
}

public sealed class SaveApplicationIndicatorsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaveApplicationIndicators, int>
{
    public async ValueTask<int> Handle(SaveApplicationIndicators command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        return application.SaveIndicators(command.Year, command.Values, clock.GetUtcNow()) ? application.Version + 1 : application.Version;
    }
}

/// <summary>
/// Autosave of the narrative of one criteria area (the owner, while the section may be edited). <see cref="Version"/>
/// as for <see cref="SaveApplicationIndicators"/>; answers the new version.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SaveApplicationNarrative(Guid ApplicationId, string AreaCode, string Text, int Version) : ICommand<int>, IApplicationRequest;

public sealed class SaveApplicationNarrativeValidator : AbstractValidator<SaveApplicationNarrative>
{
    public SaveApplicationNarrativeValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.AreaCode).NotEmpty().MaximumLength(10);
        RuleFor(x => x.Text).NotNull().MaximumLength(ApplicationNarrative.MaxLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SaveApplicationNarrativeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaveApplicationNarrative, int>
{
    public async ValueTask<int> Handle(SaveApplicationNarrative command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        return application.SaveNarrative(command.AreaCode, command.Text, clock.GetUtcNow()) ? application.Version + 1 : application.Version;
    }
}
