using KkkCompetition.Application.Contracts;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Nightly (Europe/Warsaw): puts in force the signed programme contracts whose first day has come and tells their coordinators.</summary>
public sealed class ContractActivationJob(SystemRequestRunner runner)
{
    public const string Id = "contract-activation";

    public Task Run() => runner.SendAsync(new ActivateDueContracts());
}
