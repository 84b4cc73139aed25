using KkkCompetition.Application.Common.Persistence;
using Mediator;

namespace KkkCompetition.Application.Common.Behaviours;

/// <summary>
/// Last in the pipeline, inside the transaction: names the command for the audit trail, lets the handler
/// change the aggregates, then saves once; the save appends one chained audit entry per changed entity.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, IAuditTrail auditTrail)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        auditTrail.BeginCommand(typeof(TMessage).Name);
        var response = await next(message, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
