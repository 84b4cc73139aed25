using System.Globalization;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;

namespace KkkCompetition.Application.Contracts;

/// <summary>A change of a contract's status the coordinator is told of.</summary>
public enum ContractChange
{
    Activated,
    Suspended,
    Resumed,
    Completed,
    Terminated,
}

/// <summary>The outbox envelopes of the contract and amendment use cases, and who receives them.</summary>
public static class ContractNotices
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static OutboxEnvelope DraftReady(ProgrammeContract contract, int phaseNumber, Guid coordinatorId) => new(
        ContractMessages.DraftReady,
        [coordinatorId],
        new Dictionary<string, string>(Values(contract), StringComparer.Ordinal) { ["phaseNumber"] = phaseNumber.ToString(CultureInfo.InvariantCulture) },
        ContractData.ContractLink(contract.Id));

    public static OutboxEnvelope CoordinatorSigned(ProgrammeContract contract, IReadOnlyCollection<Guid> officials) => new(
        ContractMessages.CoordinatorSigned, officials, Values(contract), ContractData.ContractLink(contract.Id));

    public static OutboxEnvelope Concluded(ProgrammeContract contract, DateOnly firstDueOn, Guid coordinatorId) => new(
        ContractMessages.Concluded,
        [coordinatorId],
        new Dictionary<string, string>(Values(contract), StringComparer.Ordinal)
        {
            ["signedOn"] = contract.SignedOn is { } signed ? Day(signed) : "",
            ["firstDueOn"] = Day(firstDueOn),
        },
        ContractData.ContractLink(contract.Id));

    /// <summary>A change of the contract's status, worded in both languages; suspension and termination give their reason.</summary>
    public static OutboxEnvelope StatusChanged(ProgrammeContract contract, ContractChange change, Guid coordinatorId)
    {
        var (pl, en) = change switch
        {
            ContractChange.Activated => ("kontrakt wszedł w życie", "the contract has come into force"),
            ContractChange.Suspended => ("kontrakt został zawieszony", "the contract has been suspended"),
            ContractChange.Resumed => ("wznowiono realizację kontraktu", "the contract has been resumed"),
            ContractChange.Completed => ("kontrakt został zakończony po przyjęciu sprawozdania końcowego", "the contract has been completed, its final report accepted"),
            _ => ("kontrakt został rozwiązany", "the contract has been terminated"),
        };
        var reason = change is ContractChange.Suspended or ContractChange.Terminated ? contract.StatusReason : null;
        return new OutboxEnvelope(
            ContractMessages.StatusChanged,
            [coordinatorId],
            new Dictionary<string, string>(Values(contract), StringComparer.Ordinal)
            {
                ["change.pl"] = pl,
                ["change.en"] = en,
                ["details.pl"] = reason is null ? "" : $"Powód: {reason}",
                ["details.en"] = reason is null ? "" : $"Reason: {reason}",
            },
            ContractData.ContractLink(contract.Id));
    }

    public static OutboxEnvelope Amendment(string templateKey, ProgrammeContract contract, ContractAmendment amendment, IReadOnlyCollection<Guid> recipients, string link) => new(
        templateKey,
        recipients,
        new Dictionary<string, string>(Values(contract), StringComparer.Ordinal)
        {
            ["amendmentNumber"] = amendment.Number.ToString(CultureInfo.InvariantCulture),
            ["reason"] = amendment.State == AmendmentState.Rejected ? amendment.DecisionReason ?? "" : amendment.Reason,
            ["versionNumber"] = amendment.ResultingVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["effectiveFrom"] = amendment.ResultingVersion is { } number ? Day(contract.Versions.Single(v => v.Number == number).EffectiveFrom) : "",
        },
        link);

    private static Dictionary<string, string> Values(ProgrammeContract contract) => new(StringComparer.Ordinal)
    {
        ["contractNumber"] = contract.Number,
        ["clusterName"] = contract.ClusterName,
        ["startsOn"] = Day(contract.StartsOn),
        ["endsOn"] = Day(contract.EndsOn),
    };
}
