using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>What opening a decision did: <see cref="DeliveredNow"/> when this opening was the delivery.</summary>
public sealed record DecisionOpened(bool DeliveredNow, DateTimeOffset? DeliveredAt, DeliveryMethod? DeliveredBy, DateTimeOffset? AppealDeadline);

/// <summary>
/// Someone opens a decision to read it. The first opening by the applicant who owns the application is the delivery in the
/// portal (domain guide, section 4): it starts the appeal window, and as a change of the decision it is audited. A query
/// must not change state, so the page and the API send this command before <see cref="GetDecision"/>. An official's
/// opening delivers nothing (officials are not the addressee), nor does any later opening.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record OpenDecision(Guid DecisionId) : ICommand<DecisionOpened>, IDecisionRequest;

public sealed class OpenDecisionValidator : AbstractValidator<OpenDecision>
{
    public OpenDecisionValidator() => RuleFor(x => x.DecisionId).NotEmpty();
}

public sealed class OpenDecisionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenDecision, DecisionOpened>
{
    public async ValueTask<DecisionOpened> Handle(OpenDecision command, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.SingleOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken)
            ?? throw new NotFoundException("CertificationDecision", command.DecisionId);
        var byAddressee = user.UserId is { } userId && await DecisionAccess.IsOwnedBy(db, decision.Id, userId, cancellationToken);
        var deliveredNow = byAddressee && decision.MarkOpenedInPortal(clock.GetUtcNow());
        return new DecisionOpened(deliveredNow, decision.DeliveredAt, decision.DeliveredBy, decision.AppealDeadline);
    }
}
