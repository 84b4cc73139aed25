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
    decimal PassThreshold = 100m) : ICommand<CompetitionCreated>;

public sealed record CompetitionCreated(Guid Id, int Round, int Version);

public sealed class CreateCompetitionValidator : AbstractValidator<CreateCompetition>
{
    public CreateCompetitionValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Year).InclusiveBetween(2020, 2100);
        RuleFor(x => x.OpensAt).GreaterThanOrEqualTo(x => x.AnnouncementAt);
        RuleFor(x => x.ClosesAt).GreaterThan(x => x.OpensAt);
        RuleFor(x => x.FormalReviewDeadline).GreaterThanOrEqualTo(x => x.ClosesAt);
        RuleFor(x => x.EvaluationDeadline).GreaterThanOrEqualTo(x => x.FormalReviewDeadline);
        RuleFor(x => x.PanelAt).GreaterThanOrEqualTo(x => x.EvaluationDeadline);
        RuleFor(x => x.DecisionAt).GreaterThanOrEqualTo(x => x.PanelAt);
        RuleFor(x => x.PassThreshold).GreaterThan(0);
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
            command.Name,
            command.Year,
            roundsThisYear + 1,
            new CompetitionTimeline(command.AnnouncementAt, command.OpensAt, command.ClosesAt, command.FormalReviewDeadline, command.EvaluationDeadline, command.PanelAt, command.DecisionAt),
            command.PassThreshold,
            template);
        db.Competitions.Add(competition);
        return new CompetitionCreated(competition.Id, competition.Round, competition.Version);
    }
}
