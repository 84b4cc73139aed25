using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Appeals;

public sealed record AppealSettingsView(Guid CompetitionId, AppealRuling RuledBy, int ReEvaluationExperts, int Version);

/// <summary>A competition's appeal settings: who rules, and how many experts re-evaluate (officials and commission members read them).</summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember)]
public sealed record GetAppealSettings(Guid CompetitionId) : IQuery<AppealSettingsView>;

/// <summary>The official sets who rules on the competition's appeals and how many experts re-evaluate after an upheld one.</summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateAppealSettings(Guid CompetitionId, AppealRuling RuledBy, int ReEvaluationExperts, int Version) : ICommand<int>;

public sealed class GetAppealSettingsValidator : AbstractValidator<GetAppealSettings>
{
    public GetAppealSettingsValidator() => RuleFor(x => x.CompetitionId).NotEmpty();
}

public sealed class UpdateAppealSettingsValidator : AbstractValidator<UpdateAppealSettings>
{
    public UpdateAppealSettingsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.RuledBy).IsInEnum();
        RuleFor(x => x.ReEvaluationExperts).InclusiveBetween(1, CompetitionSettings.MaxExperts);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetAppealSettingsHandler(IAppDbContext db) : IQueryHandler<GetAppealSettings, AppealSettingsView>
{
    public async ValueTask<AppealSettingsView> Handle(GetAppealSettings query, CancellationToken cancellationToken) =>
        await db.Competitions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == query.CompetitionId)
            .Select(c => new AppealSettingsView(c.Id, c.AppealRuledBy, c.ReEvaluationExperts, c.Version)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Competition", query.CompetitionId);
}

public sealed class UpdateAppealSettingsHandler(IAppDbContext db) : ICommandHandler<UpdateAppealSettings, int>
{
    public async ValueTask<int> Handle(UpdateAppealSettings command, CancellationToken cancellationToken)
    {
        var competition = await db.Competitions.IgnoreAutoIncludes().SingleOrDefaultAsync(c => c.Id == command.CompetitionId, cancellationToken)
            ?? throw new NotFoundException("Competition", command.CompetitionId);
        db.ExpectVersion(competition, command.Version);
        competition.ChangeAppealSettings(command.RuledBy, command.ReEvaluationExperts);
        return competition.Version + 1;
    }
}
