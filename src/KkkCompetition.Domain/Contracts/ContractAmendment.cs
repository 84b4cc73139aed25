using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Contracts;

public enum AmendmentState
{
    /// <summary>Proposed, awaiting the official's decision.</summary>
    Proposed,

    /// <summary>Approved: the contract has a new version.</summary>
    Approved,

    /// <summary>Rejected with reasons: the contract stays as it was.</summary>
    Rejected,
}

/// <summary>
/// An amendment (aneks) of a signed contract (domain guide, section 5): changed targets and budget years with a reason,
/// proposed by the coordinator or the official, approved or rejected by an official. Approval adds the next version of the
/// plan, in force from that day; a period that has ended keeps its targets and budget, so reports stay measured as filed.
/// One amendment at a time is pending, and each is based on the version it changes: approving it after another version
/// came is refused.
/// </summary>
public sealed class ContractAmendment : Entity
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 4000;

    private ContractAmendment()
    {
    }

    public Guid ContractId { get; private set; }

    /// <summary>1, 2, … within the contract.</summary>
    public int Number { get; private set; }

    /// <summary>The version of the plan the amendment changes.</summary>
    public int BasedOnVersion { get; private set; }

    public string Reason { get; private set; } = "";
    public List<KpiTarget> Targets { get; private set; } = [];
    public List<BudgetYear> Budget { get; private set; } = [];
    public AmendmentState State { get; private set; }
    public Guid ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    /// <summary>The version the approval created.</summary>
    public int? ResultingVersion { get; private set; }

    /// <summary>
    /// Proposes changed targets and budget years for <paramref name="contract"/>. Refused: the contract not in force, another
    /// amendment pending, no reason, nothing changed, an unknown KPI or year, a year whose period has ended, a broken plan rule.
    /// </summary>
    public static ContractAmendment Propose(
        ProgrammeContract contract,
        int number,
        bool anotherPending,
        string reason,
        IReadOnlyList<KpiTarget> targets,
        IReadOnlyList<BudgetYear> budget,
        Guid userId,
        DateOnly today,
        DateTimeOffset now)
    {
        if (!contract.IsInForce)
        {
            throw new BusinessRuleViolation("amendment.contract_not_in_force", "Only a signed contract in force is amended.", contract.Status.ToString());
        }

        if (anotherPending)
        {
            throw new BusinessRuleViolation("amendment.already_pending", "Another amendment of this contract awaits a decision.");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length < MinReasonLength || text.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation("amendment.reason_required", $"An amendment needs a reason of {MinReasonLength} to {MaxReasonLength} characters.", MinReasonLength, MaxReasonLength);
        }

        var current = contract.CurrentVersion;
        var changedTargets = targets.Where(t => current.TargetOf(t.KpiCode, t.Year) != t.Value).ToList();
        var changedBudget = budget.Where(b => current.BudgetOf(b.Year) != b).ToList();
        if (changedTargets.Count == 0 && changedBudget.Count == 0)
        {
            throw new BusinessRuleViolation("amendment.no_changes", "The amendment changes nothing.");
        }

        if (targets.Select(t => (t.KpiCode, t.Year)).Distinct().Count() != targets.Count)
        {
            throw new BusinessRuleViolation("contract.year_repeated", "Each KPI has one target a year.", targets[0].KpiCode);
        }

        var amendment = new ContractAmendment
        {
            ContractId = contract.Id,
            Number = number,
            BasedOnVersion = current.Number,
            Reason = text,
            Targets = changedTargets,
            Budget = changedBudget,
            State = AmendmentState.Proposed,
            ProposedBy = userId,
            ProposedAt = now,
        };

        // The whole resulting plan is checked now, so a proposal that could never be approved is refused at once.
        amendment.Check(contract, today);
        return amendment;
    }

    /// <summary>The official approves: the contract gets the next version of its plan, in force from today.</summary>
    public ContractVersion Approve(ProgrammeContract contract, Guid officialId, DateOnly today, DateTimeOffset now)
    {
        EnsurePending();
        if (contract.Id != ContractId)
        {
            throw new ArgumentException("The amendment is of another contract.", nameof(contract));
        }

        if (contract.CurrentVersion.Number != BasedOnVersion)
        {
            throw new BusinessRuleViolation("amendment.outdated", "The contract has changed since the amendment was proposed.", BasedOnVersion, contract.CurrentVersion.Number);
        }

        var content = Check(contract, today);
        var version = contract.AddVersion(Id, content, today, now);
        State = AmendmentState.Approved;
        DecidedBy = officialId;
        DecidedAt = now;
        ResultingVersion = version.Number;
        return version;
    }

    /// <summary>The official rejects, with reasons; the contract stays as it is.</summary>
    public void Reject(Guid officialId, string reason, DateTimeOffset now)
    {
        EnsurePending();
        var text = reason?.Trim() ?? "";
        if (text.Length < MinReasonLength || text.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation("amendment.rejection_reason_required", $"A rejection needs reasons of {MinReasonLength} to {MaxReasonLength} characters.", MinReasonLength, MaxReasonLength);
        }

        State = AmendmentState.Rejected;
        DecidedBy = officialId;
        DecidedAt = now;
        DecisionReason = text;
    }

    /// <summary>The plan the amendment would make of the contract's current version, checked against every rule.</summary>
    private PlanContent Check(ProgrammeContract contract, DateOnly today)
    {
        var current = contract.CurrentVersion;
        foreach (var year in Targets.Select(t => t.Year).Concat(Budget.Select(b => b.Year)).Distinct())
        {
            if (contract.Years.Contains(year) && contract.IsPastYear(year, today))
            {
                throw new BusinessRuleViolation("amendment.past_period", "The period of this year has ended: its targets and budget stay as they were.", year);
            }
        }

        foreach (var target in Targets)
        {
            var kpi = current.Kpi(target.KpiCode) ?? throw new BusinessRuleViolation("contract.kpi_unknown", "The contract has no such KPI.", target.KpiCode);
            contract.EnsureValidTarget(kpi, target);
        }

        contract.EnsureValidBudget(Budget);
        var changed = Targets.Select(t => (t.KpiCode, t.Year)).ToHashSet();
        var budgetYears = Budget.Select(b => b.Year).ToHashSet();
        return new PlanContent(
            current.Kpis,
            [.. current.Targets.Where(t => !changed.Contains((t.KpiCode, t.Year))), .. Targets],
            [.. current.Budget.Where(b => !budgetYears.Contains(b.Year)), .. Budget]);
    }

    private void EnsurePending()
    {
        if (State != AmendmentState.Proposed)
        {
            throw new BusinessRuleViolation("amendment.already_decided", "The amendment has already been decided.", State.ToString());
        }
    }
}
