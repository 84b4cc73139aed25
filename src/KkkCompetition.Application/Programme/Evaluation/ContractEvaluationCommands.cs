using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Evaluation;

// The commands on one contract's evaluation. Each takes the phase evaluation's row lock first (closing the phase and a
// commission's voting read every evaluation of it), carries the version last read where a person edits (409 on a stale
// one) and answers the evaluation's new version.

/// <summary>
/// Computes the quantitative part again — a report accepted since the evaluation opened — until the decision (409
/// <c>phase_evaluation.decision_made</c> after it). Officials.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RefreshPhaseQuantitative(Guid EvaluationId) : ICommand<int>, IContractEvaluationRequest;

/// <summary>
/// Assigns the expert or official who scores the qualitative part (officials), before it is submitted (409
/// <c>phase_evaluation.already_scored</c>). A user who holds neither the Expert nor the Official role is 409
/// <c>phase_evaluation.evaluator_not_eligible</c> (a fact about the user's roles, not the request's shape). The evaluator is told.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record AssignPhaseEvaluator(Guid EvaluationId, Guid UserId, int Version) : ICommand<int>, IContractEvaluationRequest;

/// <summary>
/// The assigned evaluator saves the qualitative scores as a draft or submits them (<c>ContractEvaluation.SaveScores</c>): a
/// score outside 0 to the criterion's maximum is 409 <c>phase_evaluation.score_out_of_range</c>; on submit every criterion
/// needs a score (409 <c>phase_evaluation.scores_incomplete</c>) and a justification (409
/// <c>phase_evaluation.score_justification_required</c>). Anyone not assigned — an official too — gets 404.
/// </summary>
[AllowedRoles(Roles.Expert, Roles.Official)]
public sealed record SaveQualitativeScores(Guid EvaluationId, IReadOnlyList<QualitativeScore> Scores, bool Submit, int Version) : ICommand<int>, IContractEvaluationRequest;

/// <summary>
/// The official's decision (<c>ContractEvaluation.Decide</c>): Continue, Conditional with remediation items and a review date
/// after today, or Terminate, each with a justification of at least 10 characters (409
/// <c>phase_evaluation.decision_justification_required</c>); before the qualitative part is submitted 409
/// <c>phase_evaluation.not_scored</c>. It takes effect only when the commission approves it.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record DecidePhaseEvaluation(
    Guid EvaluationId,
    PhaseDecision Decision,
    string? Justification,
    IReadOnlyList<string>? RemediationItems,
    DateOnly? ReviewOn,
    int Version) : ICommand<int>, IContractEvaluationRequest;

public sealed class RefreshPhaseQuantitativeAuthorizer(IAppDbContext db) : ContractEvaluationReaderAuthorizer<RefreshPhaseQuantitative>(db);

public sealed class AssignPhaseEvaluatorAuthorizer(IAppDbContext db) : ContractEvaluationReaderAuthorizer<AssignPhaseEvaluator>(db);

public sealed class SaveQualitativeScoresAuthorizer(IAppDbContext db) : ContractEvaluatorAuthorizer<SaveQualitativeScores>(db);

public sealed class DecidePhaseEvaluationAuthorizer(IAppDbContext db) : ContractEvaluationReaderAuthorizer<DecidePhaseEvaluation>(db);

public sealed class RefreshPhaseQuantitativeValidator : AbstractValidator<RefreshPhaseQuantitative>
{
    public RefreshPhaseQuantitativeValidator() => RuleFor(x => x.EvaluationId).NotEmpty();
}

public sealed class AssignPhaseEvaluatorValidator : AbstractValidator<AssignPhaseEvaluator>
{
    public AssignPhaseEvaluatorValidator()
    {
        RuleFor(x => x.EvaluationId).NotEmpty();
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SaveQualitativeScoresValidator : AbstractValidator<SaveQualitativeScores>
{
    public SaveQualitativeScoresValidator()
    {
        RuleFor(x => x.EvaluationId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);

        // Only the shape; the range of a score and what a submission needs are the domain's rules (409).
        RuleFor(x => x.Scores).NotNull();
        RuleForEach(x => x.Scores).NotNull().ChildRules(score =>
        {
            score.RuleFor(s => s.CriterionCode).NotEmpty().MaximumLength(QualitativeCriterion.MaxCodeLength);
            score.RuleFor(s => s.Justification).MaximumLength(QualitativeScore.MaxJustificationLength);
        });
    }
}

public sealed class DecidePhaseEvaluationValidator : AbstractValidator<DecidePhaseEvaluation>
{
    public DecidePhaseEvaluationValidator()
    {
        RuleFor(x => x.EvaluationId).NotEmpty();
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);

        // A missing or short justification and an incomplete plan are the domain's rules (409), so they are learnt in one place.
        RuleFor(x => x.Justification).MaximumLength(ContractEvaluation.MaxJustificationLength);
        RuleForEach(x => x.RemediationItems).MaximumLength(ContractEvaluation.MaxRemediationItemLength);
    }
}

/// <summary>Loading an evaluation to change, its phase evaluation's row locked first.</summary>
internal static class EvaluationEdit
{
    public static async Task<(ContractEvaluation Evaluation, PhaseEvaluation Phase)> LoadAsync(IAppDbContext db, Guid evaluationId, int? version, CancellationToken cancellationToken)
    {
        var phaseEvaluationId = await db.ContractEvaluations.Where(e => e.Id == evaluationId).Select(e => (Guid?)e.PhaseEvaluationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ContractEvaluation", evaluationId);
        await PhaseEvaluationData.LockAsync(db, phaseEvaluationId, cancellationToken);
        var evaluation = await PhaseEvaluationData.LoadEvaluationAsync(db, evaluationId, cancellationToken);
        if (version is { } expected)
        {
            db.ExpectVersion(evaluation, expected);
        }

        return (evaluation, await PhaseEvaluationData.LoadAsync(db, phaseEvaluationId, cancellationToken));
    }
}

public sealed class RefreshPhaseQuantitativeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RefreshPhaseQuantitative, int>
{
    public async ValueTask<int> Handle(RefreshPhaseQuantitative command, CancellationToken cancellationToken)
    {
        var (evaluation, phase) = await EvaluationEdit.LoadAsync(db, command.EvaluationId, null, cancellationToken);
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == evaluation.ContractId, cancellationToken);
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var quantitative = await PhaseQuantitative.ComputeAsync(db, contract, bands, ContractData.Today(clock), cancellationToken);
        evaluation.RecordQuantitative(phase, quantitative.Achievement, quantitative.Missing, clock.GetUtcNow());
        return evaluation.Version + 1;
    }
}

public sealed class AssignPhaseEvaluatorHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<AssignPhaseEvaluator, int>
{
    public async ValueTask<int> Handle(AssignPhaseEvaluator command, CancellationToken cancellationToken)
    {
        var (evaluation, phase) = await EvaluationEdit.LoadAsync(db, command.EvaluationId, command.Version, cancellationToken);

        // The roles come from the identity store's join, which is read whole as elsewhere (its projection does not filter in SQL).
        var eligible = (await db.UserRoles.ToListAsync(cancellationToken))
            .Any(r => r.UserId == command.UserId && r.Role is Roles.Expert or Roles.Official);
        if (!eligible)
        {
            throw new BusinessRuleViolation("phase_evaluation.evaluator_not_eligible", "Only an expert or an official scores the qualitative part.");
        }

        evaluation.AssignEvaluator(command.UserId, clock.GetUtcNow());
        await outbox.EnqueueAsync(PhaseEvaluationNotices.EvaluatorAssigned(phase, evaluation, command.UserId), cancellationToken);
        return evaluation.Version + 1;
    }
}

public sealed class SaveQualitativeScoresHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaveQualitativeScores, int>
{
    public async ValueTask<int> Handle(SaveQualitativeScores command, CancellationToken cancellationToken)
    {
        var (evaluation, phase) = await EvaluationEdit.LoadAsync(db, command.EvaluationId, command.Version, cancellationToken);
        evaluation.SaveScores(phase, command.Scores, command.Submit, clock.GetUtcNow());
        return evaluation.Version + 1;
    }
}

public sealed class DecidePhaseEvaluationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DecidePhaseEvaluation, int>
{
    public async ValueTask<int> Handle(DecidePhaseEvaluation command, CancellationToken cancellationToken)
    {
        var (evaluation, phase) = await EvaluationEdit.LoadAsync(db, command.EvaluationId, command.Version, cancellationToken);
        phase.EnsureOpen();
        evaluation.Decide(
            command.Decision,
            command.Justification ?? "",
            command.RemediationItems ?? [],
            command.ReviewOn,
            user.UserId ?? throw new UnauthenticatedException(),
            ContractData.Today(clock),
            clock.GetUtcNow());
        return evaluation.Version + 1;
    }
}
