using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// The official's finding on one eligibility rule: pass, fail or fixable, with a comment (required unless it passes).
/// The first finding starts the formal review. <see cref="Version"/> is the application's version last read.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RecordFormalCheck(Guid ApplicationId, string RuleCode, FormalCheckOutcome Outcome, string? Comment, int Version) : ICommand<int>;

public sealed class RecordFormalCheckValidator : AbstractValidator<RecordFormalCheck>
{
    public RecordFormalCheckValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.RuleCode).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Comment).MaximumLength(FormalCheck.MaxCommentLength);
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Outcome != FormalCheckOutcome.Pass)
            .WithMessage("Say what is wrong when a rule is not met.");
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RecordFormalCheckHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordFormalCheck, int>
{
    public async ValueTask<int> Handle(RecordFormalCheck command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        if (FormalReviewRules.EligibilityRulesOf(competition).All(r => r.Code != command.RuleCode))
        {
            throw new BusinessRuleViolation("application.formal_rule_unknown", "The competition has no such eligibility rule.", command.RuleCode);
        }

        var officialId = user.UserId ?? throw new ForbiddenException(nameof(RecordFormalCheck));
        application.RecordFormalCheck(command.RuleCode, command.Outcome, command.Comment, officialId, clock.GetUtcNow());
        return application.Version + 1;
    }
}
