using KkkCompetition.Application.Common.Behaviours;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Application.UnitTests.Behaviours;

public sealed class AuthorizationBehaviourTests
{
    private static Task<string> Send(ICurrentUser user, NextStep<TestCommand> next, params IResourceAuthorizer<TestCommand>[] authorizers) =>
        new AuthorizationBehaviour<TestCommand, string>(user, authorizers)
            .Handle(new TestCommand("x"), next.Delegate, TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task An_allowed_role_reaches_the_handler()
    {
        var next = new NextStep<TestCommand>();
        Assert.Equal("handled", await Send(FakeUser.InRole(Roles.Official), next));
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var next = new NextStep<TestCommand>();
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Send(FakeUser.Anonymous, next));
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task A_wrong_role_is_forbidden()
    {
        var next = new NextStep<TestCommand>();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(FakeUser.InRole(Roles.Applicant), next));
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task A_user_with_no_roles_is_forbidden()
    {
        var next = new NextStep<TestCommand>();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new FakeUser(Guid.CreateVersion7()), next));
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task A_refusal_of_the_resource_check_is_not_found()
    {
        var next = new NextStep<TestCommand>();
        var refusing = new FakeAuthorizer(allow: false);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(FakeUser.InRole(Roles.Official), next, new FakeAuthorizer(allow: true), refusing));

        Assert.Equal(1, refusing.Calls);
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task The_resource_check_runs_only_after_the_role_check()
    {
        var next = new NextStep<TestCommand>();
        var authorizer = new FakeAuthorizer(allow: true);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(FakeUser.InRole(Roles.Expert), next, authorizer));

        Assert.Equal(0, authorizer.Calls);
    }

    [Fact]
    public async Task An_approving_resource_check_lets_the_request_through()
    {
        var next = new NextStep<TestCommand>();
        var authorizer = new FakeAuthorizer(allow: true);

        await Send(FakeUser.InRole(Roles.Official), next, authorizer);

        Assert.Equal(1, authorizer.Calls);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public void Public_requests_are_allowed_to_anonymous_callers() =>
        Assert.True(RequestAccess.IsAllowed(typeof(PublicTestQuery), FakeUser.Anonymous));

    [Fact]
    public void Any_authenticated_user_requests_refuse_anonymous_and_allow_a_role_less_user()
    {
        Assert.Throws<UnauthenticatedException>(() => RequestAccess.Demand(typeof(SignedInTestQuery), FakeUser.Anonymous));
        Assert.True(RequestAccess.IsAllowed(typeof(SignedInTestQuery), new FakeUser(Guid.CreateVersion7())));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.System)]
    public void An_undeclared_request_is_refused_even_to_the_most_powerful(string role) =>
        Assert.Throws<ForbiddenException>(() => RequestAccess.Demand(typeof(UndeclaredTestQuery), FakeUser.InRole(role)));

    [Fact]
    public void The_system_user_is_authenticated_without_a_user_id() =>
        Assert.True(RequestAccess.IsAllowed(typeof(TestCommand), new FakeUser(null, Roles.Official)));
}
