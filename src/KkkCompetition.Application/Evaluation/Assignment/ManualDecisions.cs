using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// An official assigns an expert of his choice to an application (officials). The hard rules still hold and a refusal names
/// the one broken (409): <c>assignment.conflict_of_interest</c> (with the conflicting <c>nip</c>), <c>assignment.conflict_declared</c>,
/// <c>assignment.seen_before</c>, <c>assignment.pair_forbidden</c>, <c>assignment.over_capacity</c>, <c>assignment.already_assigned</c>,
/// <c>assignment.expert_not_assignable</c>, <c>assignment.application_not_assignable</c>. The expert is notified.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record AssignManually(Guid CompetitionId, Guid ApplicationId, Guid ExpertId) : ICommand<ManualAssignment>;

public sealed record ManualAssignment(Guid AssignmentId, DateTimeOffset Deadline);

public sealed class AssignManuallyValidator : AbstractValidator<AssignManually>
{
    public AssignManuallyValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.ExpertId).NotEmpty();
    }
}

public sealed class AssignManuallyHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<AssignManually, ManualAssignment>
{
    public async ValueTask<ManualAssignment> Handle(AssignManually command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await StaffingState.LockAsync(db, command.CompetitionId, cancellationToken);
        var pair = await PairChecks.LoadAsync(db, command.CompetitionId, command.ApplicationId, command.ExpertId, now, cancellationToken);
        pair.Ensure(extraLoad: 0, forbidOverridesCount: true);

        var facts = pair.State.Facts[pair.Application.Id];
        var (kis, otherRegion) = (facts.KisCodes.Count(pair.Expert.KisCodes.Contains), !string.Equals(facts.Voivodeship, pair.Expert.VoivodeshipTeryt, StringComparison.Ordinal));
        var assignment = ExpertAssignment.Create(
            pair.State.Competition.Id, pair.Application.Id, pair.Expert.Id, AssignmentOrigin.Manual,
            new AssignmentReasons(kis, otherRegion, pair.State.Load(pair.Expert.Id) + 1, false),
            now, ScoringDeadline.For(now, pair.State.Competition.ScoringWindowDays), user.UserId, pair.Application.EvaluationRound);
        db.ExpertAssignments.Add(assignment);
        pair.Application.StartEvaluation(now);
        await outbox.EnqueueAsync(AssignmentNotices.Assigned([assignment], pair.State.Competition, pair.State.Facts, _ => pair.Expert), cancellationToken);
        return new ManualAssignment(assignment.Id, assignment.Deadline);
    }
}

/// <summary>
/// Pins an expert to an application (officials, with a reason): the next run puts him there whatever he costs. The same hard
/// rules as a manual assignment are checked now, counting the expert's other waiting pins toward his load; a forbidding
/// decision on the same pair is replaced.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record PinPair(Guid CompetitionId, Guid ApplicationId, Guid ExpertId, string Reason) : ICommand<Guid>;

/// <summary>
/// Forbids a pair (officials, with a reason): no run assigns that expert to that application. An expert already on the
/// application must be released first (409 <c>assignment.pair_active</c>); a pin on the same pair is replaced.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ForbidPair(Guid CompetitionId, Guid ApplicationId, Guid ExpertId, string Reason) : ICommand<Guid>;

/// <summary>Withdraws a pin or a prohibition (officials); what runs assigned meanwhile stays.</summary>
[AllowedRoles(Roles.Official)]
public sealed record RemoveOverride(Guid CompetitionId, Guid OverrideId) : ICommand<Unit>;

public sealed class PinPairValidator : AbstractValidator<PinPair>
{
    public PinPairValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.ExpertId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ExpertAssignment.MaxReasonLength);
    }
}

public sealed class ForbidPairValidator : AbstractValidator<ForbidPair>
{
    public ForbidPairValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.ExpertId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ExpertAssignment.MaxReasonLength);
    }
}

public sealed class RemoveOverrideValidator : AbstractValidator<RemoveOverride>
{
    public RemoveOverrideValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.OverrideId).NotEmpty();
    }
}

public sealed class PinPairHandler(IAppDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<PinPair, Guid>
{
    public async ValueTask<Guid> Handle(PinPair command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await StaffingState.LockAsync(db, command.CompetitionId, cancellationToken);
        var pair = await PairChecks.LoadAsync(db, command.CompetitionId, command.ApplicationId, command.ExpertId, now, cancellationToken);
        var active = pair.State.Assignments.Where(a => a.IsActive).Select(a => (a.ApplicationId, a.ExpertId)).ToHashSet();
        var waitingPins = pair.State.Overrides.Count(o => o.Kind == OverrideKind.Pin && o.ExpertId == pair.Expert.Id
            && o.ApplicationId != pair.Application.Id && !active.Contains((o.ApplicationId, o.ExpertId)));
        pair.Ensure(extraLoad: waitingPins, forbidOverridesCount: false);
        return Overrides.Replace(db, pair, OverrideKind.Pin, command.Reason, user, now);
    }
}

public sealed class ForbidPairHandler(IAppDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<ForbidPair, Guid>
{
    public async ValueTask<Guid> Handle(ForbidPair command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pair = await PairChecks.LoadAsync(db, command.CompetitionId, command.ApplicationId, command.ExpertId, now, cancellationToken, anyStatus: true);
        if (pair.History.Any(a => a.IsActive))
        {
            throw new BusinessRuleViolation(PairChecks.PairActive, "The expert is assigned to this application: release the assignment first.");
        }

        return Overrides.Replace(db, pair, OverrideKind.Forbid, command.Reason, user, now);
    }
}

public sealed class RemoveOverrideHandler(IAppDbContext db) : ICommandHandler<RemoveOverride, Unit>
{
    public async ValueTask<Unit> Handle(RemoveOverride command, CancellationToken cancellationToken)
    {
        var decision = await db.AssignmentOverrides.SingleOrDefaultAsync(o => o.Id == command.OverrideId && o.CompetitionId == command.CompetitionId, cancellationToken)
            ?? throw new NotFoundException("AssignmentOverride", command.OverrideId);
        db.AssignmentOverrides.Remove(decision);
        return Unit.Value;
    }
}

internal static class Overrides
{
    /// <summary>One decision per pair (a unique index): the new one takes the place of the old.</summary>
    public static Guid Replace(IAppDbContext db, PairChecks.Pair pair, OverrideKind kind, string reason, ICurrentUser user, DateTimeOffset now)
    {
        foreach (var old in pair.State.Overrides.Where(o => o.ApplicationId == pair.Application.Id && o.ExpertId == pair.Expert.Id))
        {
            db.AssignmentOverrides.Remove(old);
        }

        var decision = AssignmentOverride.Create(pair.State.Competition.Id, pair.Application.Id, pair.Expert.Id, kind, reason, user.UserId ?? Guid.Empty, now);
        db.AssignmentOverrides.Add(decision);
        return decision.Id;
    }
}

/// <summary>Loads one expert–application pair with the competition's assignment state, and checks it by the domain's pair rules.</summary>
internal static class PairChecks
{
    public const string ApplicationNotAssignable = "assignment.application_not_assignable";
    public const string PairActive = "assignment.pair_active";

    public sealed record Pair(StaffingState State, KkkApplication Application, Expert Expert)
    {
        public List<ExpertAssignment> History => State.Assignments.Where(a => a.ApplicationId == Application.Id && a.ExpertId == Expert.Id).ToList();

        /// <summary>
        /// Throws the broken rule, if any. A conflict of interest is answered with the conflicting NIP as a problem-details
        /// member (<c>nip</c>) besides the message, so a client can show which organisation it is.
        /// </summary>
        public void Ensure(int extraLoad, bool forbidOverridesCount)
        {
            var forbidden = forbidOverridesCount && State.Overrides.Any(o => o.ApplicationId == Application.Id && o.ExpertId == Expert.Id && o.Kind == OverrideKind.Forbid);
            var obstacle = AssignmentPairRules.Check(Expert, State.Facts[Application.Id].Nips, History, forbidden, State.Load(Expert.Id) + extraLoad, State.Today, Application.EvaluationRound);
            if (obstacle is null)
            {
                return;
            }

            throw obstacle.Nip is { } nip
                ? new DetailedRuleViolation(obstacle.Code, obstacle.Message, new Dictionary<string, object?> { ["nip"] = nip }, [.. obstacle.Arguments])
                : obstacle.ToViolation();
        }
    }

    /// <summary>
    /// The application in the competition named by the caller (another competition's application is "not found") with the
    /// competition's assignment state. Unless <paramref name="anyStatus"/>, the application must be one that gets experts
    /// (formally accepted or under evaluation).
    /// </summary>
    public static async Task<(StaffingState State, KkkApplication Application)> LoadApplicationAsync(
        IAppDbContext db, Guid competitionId, Guid applicationId, DateTimeOffset now, CancellationToken cancellationToken, bool anyStatus = false)
    {
        var status = await db.Applications.IgnoreAutoIncludes().Where(a => a.Id == applicationId && a.CompetitionId == competitionId && a.Number != null)
            .Select(a => (ApplicationStatus?)a.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", applicationId);
        if (!ExpertStaffing.AssignableStatuses.Contains(status) && !anyStatus)
        {
            throw new BusinessRuleViolation(ApplicationNotAssignable, "Only a formally accepted application or one under evaluation gets experts.", status.ToString());
        }

        var state = await StaffingState.LoadAsync(db, competitionId, [applicationId], now, cancellationToken, includeAnyStatus: anyStatus);
        return (state, state.Applications.Single());
    }

    /// <summary>The pair: the application as <see cref="LoadApplicationAsync"/> reads it, and the expert (any status; unknown is "not found").</summary>
    public static async Task<Pair> LoadAsync(IAppDbContext db, Guid competitionId, Guid applicationId, Guid expertId, DateTimeOffset now, CancellationToken cancellationToken, bool anyStatus = false)
    {
        var (state, application) = await LoadApplicationAsync(db, competitionId, applicationId, now, cancellationToken, anyStatus);
        var expert = state.FindExpert(expertId)
            ?? await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == expertId, cancellationToken)
            ?? throw new NotFoundException("Expert", expertId);
        return new Pair(state, application, expert);
    }
}
