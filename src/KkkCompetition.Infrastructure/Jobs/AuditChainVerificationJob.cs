using KkkCompetition.Application.Auditing;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Nightly: verifies the audit chain and records the result.</summary>
public sealed class AuditChainVerificationJob(SystemRequestRunner runner)
{
    public const string Id = "audit-chain-verification";

    public Task Run() => runner.SendAsync(new VerifyAuditChain());
}
