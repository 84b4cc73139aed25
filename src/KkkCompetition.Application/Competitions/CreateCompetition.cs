using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

/// <summary>Creates a draft competition from the default criteria template; the round number is the next free one of the year.</summary>
[AllowedRoles(Roles.Official, Roles.System)]
public sealed record CreateCompetition(
    string Name,
    int Year,
    DateTimeOffset AnnouncementAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset FormalReviewDeadline,
    DateTimeOffset EvaluationDeadline,
    DateTimeOffset PanelAt,
    DateTimeOffset DecisionAt,
    decimal PassThreshold = 100m) : ICommand<CompetitionCreated>, ITimelineFields;

public sealed record CompetitionCreated(Guid Id, int Round, int Version);

public sealed class CreateCompetitionValidator : AbstractValidator<CreateCompetition>
{
    public const int MinYear = 2020;
    public const int MaxYear = 2100;

    public CreateCompetitionValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CompetitionFieldRules.MaxNameLength);
        RuleFor(x => x.Year).InclusiveBetween(MinYear, MaxYear);
        Include(new TimelineFieldsValidator());
        RuleFor(x => x.PassThreshold).GreaterThan(0).PrecisionScale(6, 1, ignoreTrailingZeros: true);
    }
}

public sealed class CreateCompetitionHandler(IAppDbContext db) : ICommandHandler<CreateCompetition, CompetitionCreated>
{
    public async ValueTask<CompetitionCreated> Handle(CreateCompetition command, CancellationToken cancellationToken)
    {
        var roundsThisYear = await db.Competitions.CountAsync(c => c.Year == command.Year, cancellationToken);
        if (roundsThisYear >= Competition.MaxRoundsPerYear)
        {
            throw new BusinessRuleViolation("competition.too_many_rounds", $"A year has at most {Competition.MaxRoundsPerYear} rounds.", Competition.MaxRoundsPerYear);
        }

        var template = await db.CriterionTemplates.AsNoTracking().ToListAsync(cancellationToken);
        var competition = Competition.CreateFromTemplate(
            command.Name.Trim(),
            command.Year,
            roundsThisYear + 1,
            command.ToTimeline(),
            command.PassThreshold,
            template);
        db.Competitions.Add(competition);
        return new CompetitionCreated(competition.Id, competition.Round, competition.Version);
    }
}
