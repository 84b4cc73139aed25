using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing;

/// <summary>Fake callers, one per role, each with a fixed user id, IP address and correlation id the audit log records.</summary>
public static class TestUsers
{
    public static FixedUser Applicant { get; } = InRole(Roles.Applicant);
    public static FixedUser Expert { get; } = InRole(Roles.Expert);
    public static FixedUser Official { get; } = InRole(Roles.Official);
    public static FixedUser CommissionMember { get; } = InRole(Roles.CommissionMember);
    public static FixedUser Administrator { get; } = InRole(Roles.Administrator);
    public static FixedUser IntegrationClient { get; } = InRole(Roles.IntegrationClient);

    /// <summary>The identity background jobs run under (no user id).</summary>
    public static FixedUser System { get; } = FixedUser.System with { IpAddress = "127.0.0.1", CorrelationId = "test-system" };

    public static FixedUser Anonymous { get; } = FixedUser.Anonymous;

    /// <summary>A user holding <paramref name="roles"/>; the id is derived from the first role, so it is stable across runs.</summary>
    public static FixedUser InRole(params string[] roles) => new(
        StableId(string.Join(',', roles)),
        $"{string.Join('-', roles).ToLowerInvariant()}@test.kkk.gov.pl",
        roles,
        "192.0.2.10",
        $"test-{string.Join('-', roles).ToLowerInvariant()}");

    /// <summary>Sends a command through the whole pipeline as <paramref name="user"/>, in a fresh DI scope.</summary>
    public static async Task<TResponse> SendAsAsync<TResponse>(this IServiceProvider services, ICurrentUser user, ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    /// <summary>Sends a query through the whole pipeline as <paramref name="user"/>, in a fresh DI scope.</summary>
    public static async Task<TResponse> SendAsAsync<TResponse>(this IServiceProvider services, ICurrentUser user, IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    /// <summary>Sends a request that is neither command nor query (it sends commands of its own) as <paramref name="user"/>, in a fresh DI scope.</summary>
    public static async Task<TResponse> SendAsAsync<TResponse>(this IServiceProvider services, ICurrentUser user, IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }

    private static Guid StableId(string seed)
    {
        var bytes = global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.UTF8.GetBytes(seed));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
