using KkkCompetition.Application.Common.Security;
using KkkCompetition.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KkkCompetition.Web.Components;

/// <summary>
/// How pages send use cases: the same Mediator requests as the API, each in a fresh DI scope (a fresh
/// DbContext, as a circuit lives long) and as the circuit's signed-in user.
/// </summary>
public sealed class UiSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, CircuitClient client)
{
    public async Task<T> Send<T>(IQuery<T> query, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task<T> Send<T>(ICommand<T> command, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<ICurrentUser> CurrentUserAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return HttpAmbientUser.FromPrincipal(state.User, client.IpAddress, client.CorrelationId);
    }

    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(await CurrentUserAsync());
        return scope;
    }
}

/// <summary>The address of the browser behind a circuit, captured when the circuit connects (for the audit log).</summary>
public sealed class CircuitClient
{
    public string? IpAddress { get; set; }
    public string CorrelationId { get; } = Guid.CreateVersion7().ToString("N");
}

public sealed class CircuitClientHandler(CircuitClient client, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.IpAddress ??= accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
