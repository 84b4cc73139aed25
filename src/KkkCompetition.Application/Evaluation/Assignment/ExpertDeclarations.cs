using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// The expert signs the declaration of impartiality on his assignment (experts, own assignment only): the moment is
/// recorded (and audited), and from then on the application's content is shown to him.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record SignDeclaration(Guid AssignmentId, int Version) : ICommand<DeclarationSigned>, IAssignmentRequest;

public sealed record DeclarationSigned(DateTimeOffset SignedAt, int Version);

public sealed class SignDeclarationValidator : AbstractValidator<SignDeclaration>
{
    public SignDeclarationValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SignDeclarationHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SignDeclaration, DeclarationSigned>
{
    public async ValueTask<DeclarationSigned> Handle(SignDeclaration command, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAccess.LoadAsync(db, command.AssignmentId, cancellationToken);
        db.ExpectVersion(assignment, command.Version);
        assignment.SignDeclaration(clock.GetUtcNow());
        return new DeclarationSigned(assignment.DeclarationSignedAt!.Value, assignment.Version + 1);
    }
}

/// <summary>
/// The expert declares a conflict of interest instead (experts, own assignment only; before the sheet is submitted): the
/// assignment is released with the reason and, in the same command, the solver looks for a replacement who has neither a
/// conflict nor seen the application. The expert is not told who replaces him.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record DeclareConflict(Guid AssignmentId, string Reason, int Version) : ICommand<ConflictDeclared>, IAssignmentRequest;

/// <param name="ReplacementFound">Whether the place was filled again (when not, the officials see the application short on their board).</param>
public sealed record ConflictDeclared(DateTimeOffset DeclaredAt, bool ReplacementFound);

public sealed class DeclareConflictValidator : AbstractValidator<DeclareConflict>
{
    public DeclareConflictValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ExpertAssignment.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class DeclareConflictHandler(IAppDbContext db, IExpertStaffing staffing, TimeProvider clock) : ICommandHandler<DeclareConflict, ConflictDeclared>
{
    public async ValueTask<ConflictDeclared> Handle(DeclareConflict command, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAccess.LoadAsync(db, command.AssignmentId, cancellationToken);
        db.ExpectVersion(assignment, command.Version);
        var now = clock.GetUtcNow();
        assignment.DeclareConflict(command.Reason, now);
        await AssignmentAccess.RemovePinAsync(db, assignment, cancellationToken);
        var outcome = await staffing.FillAsync(assignment.CompetitionId, [assignment.ApplicationId], AssignmentOrigin.Replacement, cancellationToken);
        return new ConflictDeclared(now, outcome.Created.Count > 0);
    }
}
