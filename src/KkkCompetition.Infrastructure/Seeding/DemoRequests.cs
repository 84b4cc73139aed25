using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// How the demo data acts as a person: each request goes through the whole pipeline (validation, authorization, audit,
/// outbox) in a scope of its own, as the given user, exactly as that person's click would.
/// </summary>
internal static class DemoRequests
{
    public static async Task<T> SendAsync<T>(IServiceScopeFactory scopes, ICurrentUser user, ICommand<T> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public static async Task<T> SendAsync<T>(IServiceScopeFactory scopes, ICurrentUser user, IQuery<T> query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    /// <summary>The demo official (the seeded login), as the requests see him.</summary>
    public static async Task<FixedUser> DemoOfficialAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var email = DemoData.Users.Single(u => u.Role == Roles.Official).Email;
        await using var scope = scopes.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellationToken);
        return new FixedUser(id, email, [Roles.Official]);
    }
}
