using System.Reflection;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using Mediator;

namespace KkkCompetition.Application.Common.Behaviours;

/// <summary>
/// Checks the roles declared on the request type, then the resource check of the request, if it has one.
/// A request type with no declaration is refused: access is never granted by omission.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, IEnumerable<IResourceAuthorizer<TMessage>> authorizers)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        RequestAccess.Demand(typeof(TMessage), user);
        foreach (var authorizer in authorizers)
        {
            if (!await authorizer.IsAllowedAsync(message, user, cancellationToken))
            {
                throw new NotFoundException(typeof(TMessage).Name, "resource");
            }
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>The role rule of a request type, shared by the pipeline and the UI (which hides what a role cannot do).</summary>
public static class RequestAccess
{
    public static bool IsAllowed(Type requestType, ICurrentUser user) => Check(requestType, user) is null;

    public static void Demand(Type requestType, ICurrentUser user)
    {
        var failure = Check(requestType, user);
        if (failure is not null)
        {
            throw failure;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Declaration> Declarations = new();

    private static Exception? Check(Type requestType, ICurrentUser user)
    {
        var declaration = Declarations.GetOrAdd(requestType, Declare);
        if (declaration.IsPublic)
        {
            return null;
        }

        if (!user.IsAuthenticated)
        {
            return new UnauthenticatedException();
        }

        if (declaration.AnyAuthenticatedUser)
        {
            return null;
        }

        return declaration.Roles.Any(user.IsInRole) ? null : new ForbiddenException(requestType.Name);
    }

    private static Declaration Declare(Type requestType) => new(
        requestType.GetCustomAttribute<PublicRequestAttribute>() is not null,
        requestType.GetCustomAttribute<AnyAuthenticatedUserAttribute>() is not null,
        requestType.GetCustomAttribute<AllowedRolesAttribute>()?.Roles ?? []);

    private sealed record Declaration(bool IsPublic, bool AnyAuthenticatedUser, IReadOnlyList<string> Roles);
}
