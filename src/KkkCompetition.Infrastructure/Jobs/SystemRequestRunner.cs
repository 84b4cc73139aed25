using KkkCompetition.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Sends a request in a fresh scope as the system user: what jobs and start-up tasks use.</summary>
public sealed class SystemRequestRunner(IServiceScopeFactory scopes)
{
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    /// <summary>For a request that is not one transaction but sends commands of its own (the outbox dispatch).</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }
}
