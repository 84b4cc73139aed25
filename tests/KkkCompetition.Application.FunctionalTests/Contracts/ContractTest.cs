using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Base of the contract tests: contracts arranged the domain's way, their coordinators as callers, and a few readers.</summary>
public abstract class ContractTest(DatabaseFixture database) : FunctionalTest(database)
{
    /// <summary>The test clock's Warsaw day.</summary>
    protected static readonly DateOnly Today = new(2027, 1, 15);

    private ContractArrange? _arrange;

    /// <summary>One per test: it makes one competition for its clusters, and a year holds at most two.</summary>
    protected ContractArrange Arrange => _arrange ??= new(Services, Database.Clock);

    protected static FixedUser CoordinatorOf(ArrangedContract contract) => CoordinatorOf(contract.CoordinatorUserId);

    protected static FixedUser CoordinatorOf(Guid userId) =>
        new(userId, $"coordinator-{userId:N}@klaster.example.pl", [Roles.Applicant], "192.0.2.30", "test-coordinator");

    /// <summary>An official with an account and the role, so messages to officials reach him (the fixed test users have no account).</summary>
    protected async Task<FixedUser> OfficialAccountAsync(string email = "urzednik.kontraktow@gov.example.pl")
    {
        await using var scope = Services.CreateAsyncScope();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Jan Urzędnik", "Official-Password-2026!", Roles.Official);
        return new FixedUser(user.Id, email, [Roles.Official], "192.0.2.40", "test-official-account");
    }

    protected Task<ContractView> ViewAsync(Guid contractId) => Send(TestUsers.Official, new GetContract(contractId));

    protected async Task<int> VersionAsync(Guid contractId) => (await ViewAsync(contractId)).Version;

    protected Task<ProgrammeContract> StoredAsync(Guid contractId) =>
        Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == contractId, Ct));

    /// <summary>Fills in one year of the indicators of an application (a draft, as the arranged certified ones are).</summary>
    protected async Task SetIndicatorsAsync(Guid applicationId, int year, IndicatorValues values)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId, Ct);
        application.SaveIndicators(year, values, Database.Clock.GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }

    protected async Task<Guid> ApplicationOfAsync(Guid contractId) => (await StoredAsync(contractId)).ApplicationId;

    protected Task<List<Domain.Notifications.OutboxMessage>> MessagesAsync(string templateKey) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == templateKey).ToListAsync(Ct));

    protected static IReadOnlyList<YearTarget> Targets(params (int Year, decimal Value)[] targets) => [.. targets.Select(t => new YearTarget(t.Year, t.Value))];

    protected static async Task<BusinessRuleViolation> RefusedAsync(string code, Func<Task> action)
    {
        var refusal = await Assert.ThrowsAnyAsync<BusinessRuleViolation>(action);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    protected static async Task<FluentValidation.ValidationException> InvalidAsync(string property, Func<Task> action)
    {
        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(action);
        Assert.Contains(invalid.Errors, e => e.PropertyName == property);
        return invalid;
    }
}
