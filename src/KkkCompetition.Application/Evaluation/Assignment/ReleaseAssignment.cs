using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// An official takes an assignment back before its sheet is submitted (overdue, illness), with a reason: the expert is told,
/// and in the same command the solver fills the place with a replacement (never anyone who has seen the application).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ReleaseAssignment(Guid AssignmentId, string Reason, int Version) : ICommand<ReleaseOutcome>;

/// <param name="Replacements">The experts who took the place (none when nobody could: <paramref name="Missing"/> says how many are lacking and <paramref name="ReasonCodes"/> why).</param>
public sealed record ReleaseOutcome(IReadOnlyList<Replacement> Replacements, int Missing, IReadOnlyList<string> ReasonCodes);

public sealed record Replacement(Guid AssignmentId, Guid ExpertId, string ExpertName, DateTimeOffset Deadline);

public sealed class ReleaseAssignmentValidator : AbstractValidator<ReleaseAssignment>
{
    public ReleaseAssignmentValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ExpertAssignment.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ReleaseAssignmentHandler(IAppDbContext db, ExpertStaffing staffing, IOutbox outbox, TimeProvider clock)
    : ICommandHandler<ReleaseAssignment, ReleaseOutcome>
{
    public async ValueTask<ReleaseOutcome> Handle(ReleaseAssignment command, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAccess.LoadAsync(db, command.AssignmentId, cancellationToken);
        db.ExpectVersion(assignment, command.Version);
        assignment.Release(command.Reason, clock.GetUtcNow());
        await AssignmentAccess.RemovePinAsync(db, assignment, cancellationToken);

        var expertUserId = await db.Experts.Where(e => e.Id == assignment.ExpertId).Select(e => e.UserId).SingleAsync(cancellationToken);
        var competitionName = await db.Competitions.IgnoreAutoIncludes().Where(c => c.Id == assignment.CompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);
        var names = await AssignmentReads.ApplicationNamesAsync(db, [assignment.ApplicationId], cancellationToken);
        var (number, cluster) = names[assignment.ApplicationId];
        await outbox.EnqueueAsync(AssignmentNotices.Released(number, cluster, competitionName, assignment.ReleaseReason!, expertUserId), cancellationToken);

        var run = await staffing.RunAsync(assignment.CompetitionId, [assignment.ApplicationId], AssignmentOrigin.Replacement, cancellationToken);
        var experts = await AssignmentReads.ExpertNamesAsync(db, run.Outcome.Created.Select(a => a.ExpertId).ToList(), cancellationToken);
        var shortfall = run.Outcome.Shortfalls.SingleOrDefault();
        return new ReleaseOutcome(
            run.Outcome.Created.Select(a => new Replacement(a.Id, a.ExpertId, experts[a.ExpertId], a.Deadline)).ToList(),
            shortfall?.Missing ?? 0,
            shortfall?.ReasonCodes ?? []);
    }
}
