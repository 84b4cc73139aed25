using FluentValidation;
using KkkCompetition.Application.Common.Behaviours;

namespace KkkCompetition.Application.UnitTests.Behaviours;

public sealed class ValidationBehaviourTests
{
    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var next = new NextStep<TestCommand>();
        var behaviour = new ValidationBehaviour<TestCommand, string>([new TestCommandValidator()]);

        var result = await behaviour.Handle(new TestCommand("ok"), next.Delegate, TestContext.Current.CancellationToken);

        Assert.Equal("handled", result);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task A_validation_failure_names_the_field_and_stops_the_handler()
    {
        var next = new NextStep<TestCommand>();
        var behaviour = new ValidationBehaviour<TestCommand, string>([new TestCommandValidator()]);

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(new TestCommand(""), next.Delegate, TestContext.Current.CancellationToken));

        Assert.Equal(0, next.Calls);
        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(TestCommand.Name));
    }

    [Fact]
    public async Task Failures_of_every_validator_are_reported_together()
    {
        var next = new NextStep<TestCommand>();
        var second = new InlineValidator<TestCommand>();
        second.RuleFor(x => x.Name).MinimumLength(3);
        var behaviour = new ValidationBehaviour<TestCommand, string>([new TestCommandValidator(), second]);

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(new TestCommand(""), next.Delegate, TestContext.Current.CancellationToken));

        Assert.Equal(2, ex.Errors.Count());
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task A_request_without_validators_reaches_the_handler()
    {
        var next = new NextStep<TestCommand>();
        var behaviour = new ValidationBehaviour<TestCommand, string>([]);

        await behaviour.Handle(new TestCommand(""), next.Delegate, TestContext.Current.CancellationToken);

        Assert.Equal(1, next.Calls);
    }
}
