using System.Reflection;
using KkkCompetition.Application.Common.Behaviours;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.UnitTests.Security;

/// <summary>
/// Walks every request type of the Application assembly × every role (and anonymous): each type declares exactly
/// one access rule, and <see cref="RequestAccess"/> answers as declared. New request types are covered on their own.
/// </summary>
public sealed class RequestAccessMatrixTests
{
    private const string Anonymous = "(anonymous)";

    private static readonly string[] Callers =
    [
        Roles.Applicant, Roles.Expert, Roles.Official, Roles.CommissionMember, Roles.Administrator, Roles.System, Roles.IntegrationClient, Anonymous,
    ];

    private static readonly Assembly ApplicationAssembly = typeof(DependencyInjection).Assembly;

    public static IReadOnlyList<Type> RequestTypes { get; } = ApplicationAssembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IMessage).IsAssignableFrom(t) || typeof(IStreamMessage).IsAssignableFrom(t)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> RequestTypeNames() => new(RequestTypes.Select(t => t.FullName!));

    public static TheoryData<string, string> RequestTypesAndCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in RequestTypes)
        {
            foreach (var caller in Callers)
            {
                data.Add(type.FullName!, caller);
            }
        }

        return data;
    }

    private static Type Resolve(string fullName) => ApplicationAssembly.GetType(fullName, throwOnError: true)!;

    private static ICurrentUser UserFor(string caller) =>
        caller == Anonymous ? FixedUser.Anonymous : new FixedUser(caller == Roles.System ? null : Guid.CreateVersion7(), caller, [caller]);

    [Fact]
    public void The_walk_finds_the_known_request_types()
    {
        var names = RequestTypes.Select(t => t.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "CreateCompetition", "AnnounceCompetition", "SearchAuditLog", "VerifyAuditChain", "ImportReferenceData", "GetMe", "ListPublicCompetitions" }, names);
        Assert.All(RequestTypes, t => Assert.True(typeof(IBaseRequest).IsAssignableFrom(t) || typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t) || typeof(IStreamMessage).IsAssignableFrom(t), t.Name));
    }

    [Theory]
    [MemberData(nameof(RequestTypeNames))]
    public void Each_request_type_declares_exactly_one_access_rule(string requestType)
    {
        var type = Resolve(requestType);
        var declarations = new[]
        {
            type.GetCustomAttribute<AllowedRolesAttribute>() is not null,
            type.GetCustomAttribute<PublicRequestAttribute>() is not null,
            type.GetCustomAttribute<AnyAuthenticatedUserAttribute>() is not null,
        };
        Assert.Equal(1, declarations.Count(d => d));

        if (type.GetCustomAttribute<AllowedRolesAttribute>() is { } allowed)
        {
            Assert.NotEmpty(allowed.Roles);
            Assert.All(allowed.Roles, r => Assert.Contains(r, Callers));
        }
    }

    [Theory]
    [MemberData(nameof(RequestTypesAndCallers))]
    public void Request_access_answers_as_declared(string requestType, string caller)
    {
        var type = Resolve(requestType);
        var user = UserFor(caller);
        var isPublic = type.GetCustomAttribute<PublicRequestAttribute>() is not null;
        var anySignedIn = type.GetCustomAttribute<AnyAuthenticatedUserAttribute>() is not null;
        var roles = type.GetCustomAttribute<AllowedRolesAttribute>()?.Roles ?? [];
        var expected = isPublic || (caller != Anonymous && (anySignedIn || roles.Contains(caller)));

        Assert.Equal(expected, RequestAccess.IsAllowed(type, user));

        if (expected)
        {
            RequestAccess.Demand(type, user);
        }
        else if (caller == Anonymous)
        {
            Assert.Throws<UnauthenticatedException>(() => RequestAccess.Demand(type, user));
        }
        else
        {
            Assert.Throws<ForbiddenException>(() => RequestAccess.Demand(type, user));
        }
    }
}
