using FluentValidation;
using FluentValidation.Results;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Appeals;

public sealed record AppealLodged(Guid AppealId, DateTimeOffset LodgedAt);

/// <summary>
/// The applicant appeals against the commission's negative decision on his application (applicants; anybody else's decision
/// is "not found"): in time (strictly before the deadline counted from delivery), once per decision, pointing at criteria of
/// the competition with reasons. The applicant is told the appeal is in and the ruling will follow; the officials get a new case.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record LodgeAppeal(Guid DecisionId, string Statement, IReadOnlyList<AppealGroundInput> Grounds) : ICommand<AppealLodged>, IOwnDecisionRequest;

public sealed class LodgeAppealValidator : AbstractValidator<LodgeAppeal>
{
    public LodgeAppealValidator(IAppDbContext db, ICurrentUser user)
    {
        RuleFor(x => x.DecisionId).NotEmpty();
        RuleFor(x => x.Statement).NotEmpty().MaximumLength(Appeal.MaxStatementLength);
        RuleFor(x => x.Grounds).NotEmpty();
        RuleForEach(x => x.Grounds).ChildRules(ground =>
        {
            ground.RuleFor(g => g.CriterionCode).NotEmpty();
            ground.RuleFor(g => g.Reason).NotEmpty().MinimumLength(Appeal.MinReasonLength).MaximumLength(Appeal.MaxReasonLength);
        });

        // The criteria are the decision's competition's. Only the caller's own decisions are looked at: for anybody else's
        // the authorization answers "not found", and this check must not tell that it exists.
        RuleFor(x => x).CustomAsync(async (command, context, cancellationToken) =>
        {
            if (user.UserId is not { } userId || command.Grounds is null)
            {
                return;
            }

            var competitionId = await AppealData.OwnDecisions(db, userId).Where(d => d.Id == command.DecisionId)
                .Select(d => (Guid?)d.CompetitionId).SingleOrDefaultAsync(cancellationToken);
            if (competitionId is null)
            {
                return;
            }

            var codes = await db.Competitions.AsNoTracking().Where(c => c.Id == competitionId)
                .SelectMany(c => c.Criteria.Select(k => k.Code)).ToListAsync(cancellationToken);
            for (var i = 0; i < command.Grounds.Count; i++)
            {
                var code = command.Grounds[i]?.CriterionCode;
                if (!string.IsNullOrWhiteSpace(code) && !codes.Contains(code))
                {
                    context.AddFailure(new ValidationFailure($"{nameof(LodgeAppeal.Grounds)}[{i}].{nameof(AppealGroundInput.CriterionCode)}", "The competition has no such criterion.")
                    {
                        ErrorCode = "appeal.criterion_unknown",
                        AttemptedValue = code,
                    });
                }
            }
        });
    }
}

public sealed class LodgeAppealAuthorizer(IAppDbContext db) : OwnDecisionAuthorizer<LodgeAppeal>(db);

public sealed class LodgeAppealHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<LodgeAppeal, AppealLodged>
{
    public async ValueTask<AppealLodged> Handle(LodgeAppeal command, CancellationToken cancellationToken)
    {
        var applicationId = await db.CertificationDecisions.Where(d => d.Id == command.DecisionId).Select(d => (Guid?)d.ApplicationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Decision", command.DecisionId);
        await AppealData.LockApplicationAsync(db, applicationId, cancellationToken);

        var decision = await db.CertificationDecisions.AsNoTracking().SingleAsync(d => d.Id == command.DecisionId, cancellationToken);
        var application = await ApplicationAccess.LoadAsync(db, applicationId, cancellationToken);
        var competition = await AppealData.LoadCompetitionAsync(db, decision.CompetitionId, cancellationToken);
        var alreadyAppealed = await db.Appeals.AnyAsync(a => a.DecisionId == decision.Id, cancellationToken);
        var now = clock.GetUtcNow();

        var appeal = Appeal.Lodge(
            decision, application, user.UserId!.Value, alreadyAppealed, command.Statement, command.Grounds, competition.Criteria.Select(c => c.Code).ToList(), now);
        db.Appeals.Add(appeal);

        var clusterName = await AppealData.ClusterNameAsync(db, application, cancellationToken);
        await outbox.EnqueueAsync(AppealData.Received(appeal, application, clusterName, competition), cancellationToken);
        await outbox.EnqueueAsync(AppealData.Lodged(appeal, application, clusterName, competition, await AppealData.OfficialsAsync(db, cancellationToken)), cancellationToken);
        return new AppealLodged(appeal.Id, now);
    }
}
