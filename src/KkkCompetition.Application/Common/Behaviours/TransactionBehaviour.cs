using KkkCompetition.Application.Common.Persistence;
using Mediator;

namespace KkkCompetition.Application.Common.Behaviours;

/// <summary>Commands run in one database transaction; queries run without one.</summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return next(message, cancellationToken);
        }

        return new ValueTask<TResponse>(unitOfWork.InTransactionAsync(async () => await next(message, cancellationToken), cancellationToken));
    }
}
