using FluentValidation;
using KkkCompetition.Application.Common.Security;
using Mediator;

namespace KkkCompetition.Application.UnitTests;

/// <summary>A request type of the tests' own, declared like the product's.</summary>
[AllowedRoles(Domain.Common.Roles.Official)]
public sealed record TestCommand(string Name) : ICommand<string>;

public sealed class TestCommandValidator : AbstractValidator<TestCommand>
{
    public TestCommandValidator() => RuleFor(x => x.Name).NotEmpty();
}

[PublicRequest]
public sealed record PublicTestQuery : IQuery<int>;

[AnyAuthenticatedUser]
public sealed record SignedInTestQuery : IQuery<int>;

/// <summary>No declaration at all: must be refused to everyone.</summary>
public sealed record UndeclaredTestQuery : IQuery<int>;

public sealed class FakeUser(Guid? userId, params string[] roles) : ICurrentUser
{
    public static FakeUser Anonymous => new(null);

    public static FakeUser InRole(string role) => new(Guid.CreateVersion7(), role);

    public Guid? UserId { get; } = userId;
    public string UserName => UserId is null ? "anonymous" : "user";
    public IReadOnlyCollection<string> Roles { get; } = roles;
    public string? IpAddress => "192.0.2.1";
    public string? CorrelationId => "test";
}

public sealed class FakeAuthorizer(bool allow) : IResourceAuthorizer<TestCommand>
{
    public int Calls { get; private set; }

    public ValueTask<bool> IsAllowedAsync(TestCommand request, ICurrentUser user, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(allow);
    }
}

/// <summary>The rest of the pipeline: records whether it ran.</summary>
public sealed class NextStep<TMessage>
    where TMessage : notnull, IMessage
{
    public int Calls { get; private set; }

    public MessageHandlerDelegate<TMessage, string> Delegate => (_, _) =>
    {
        Calls++;
        return ValueTask.FromResult("handled");
    };
}
