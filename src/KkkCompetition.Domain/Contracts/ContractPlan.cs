using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.Contracts;

/// <summary>
/// One KPI of a contract (domain guide, section 5): from the catalogue (the mandatory ones can never be removed) or added by
/// the official, with its unit, direction, aggregation, baseline and weight in the contract's achievement. Its targets per
/// year are <see cref="KpiTarget"/>s of the same version.
/// </summary>
public sealed record ContractKpi(
    string Code,
    string NamePl,
    string NameEn,
    string Unit,
    KpiDirection Direction,
    KpiAggregation Aggregation,
    bool IsMandatory,
    decimal? Minimum,
    decimal? Baseline,
    decimal Weight)
{
    public const string PercentUnit = "percent";
    public const decimal DefaultWeight = 1m;
    public const decimal MaxWeight = 100m;
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 300;
    public const int MaxUnitLength = 20;

    /// <summary>The KPI of the catalogue, with a baseline (where the application had one) and the default weight.</summary>
    public static ContractKpi FromCatalogue(KpiDefinition definition, decimal? baseline) => new(
        definition.Code, definition.NamePl, definition.NameEn, definition.Unit, definition.Direction, definition.Aggregation,
        definition.IsMandatory, definition.Minimum, baseline, DefaultWeight);

    public bool IsPercent => string.Equals(Unit, PercentUnit, StringComparison.Ordinal);

    /// <summary>Counts, amounts and shares are never negative, and a share is at most 100.</summary>
    public void EnsureValidValue(decimal value)
    {
        if (value < 0)
        {
            throw new BusinessRuleViolation("kpi.value_negative", "A KPI value cannot be negative.", Code);
        }

        if (IsPercent && value > 100)
        {
            throw new BusinessRuleViolation("kpi.percent_out_of_range", "A share is at most 100%.", Code);
        }
    }
}

/// <summary>The target of one KPI for one calendar year of the contract.</summary>
public sealed record KpiTarget(string KpiCode, int Year, decimal Value);

/// <summary>
/// The budget of one calendar year (domain guide, section 5): the coordinator's institutional funding (staff, office,
/// networking, strategy) and the cascade funding pool for members' projects, of which <see cref="CascadeSme"/> is planned
/// for SMEs — at least <see cref="MinimumSmeSharePercent"/>% of the pool.
/// </summary>
public sealed record BudgetYear(int Year, decimal Staff, decimal Office, decimal Networking, decimal Strategy, decimal CascadePool, decimal CascadeSme)
{
    public const decimal MinimumSmeSharePercent = 70m;

    /// <summary>The largest amount accepted (a trillion złoty less a grosz), far above any plan.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public decimal Institutional => Staff + Office + Networking + Strategy;

    public decimal Total => Institutional + CascadePool;

    /// <summary>The SME share of the cascade pool in percent; null when there is no pool.</summary>
    public decimal? SmeSharePercent => CascadePool == 0 ? null : CascadeSme * 100m / CascadePool;

    public void EnsureValid()
    {
        foreach (var amount in new[] { Staff, Office, Networking, Strategy, CascadePool, CascadeSme })
        {
            if (amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
            {
                throw new BusinessRuleViolation("budget.amount_invalid", "Amounts are in złoty with at most two decimal places and never negative.", Year);
            }
        }

        if (CascadeSme > CascadePool)
        {
            throw new BusinessRuleViolation("budget.sme_above_pool", "The SME part cannot exceed the cascade pool.", Year);
        }

        if (SmeSharePercent is { } share && share < MinimumSmeSharePercent)
        {
            throw new BusinessRuleViolation(
                "budget.sme_share_below_minimum",
                $"At least {MinimumSmeSharePercent}% of cascade funding must go to SMEs.",
                Year,
                decimal.Round(share, 2),
                MinimumSmeSharePercent);
        }
    }
}

/// <summary>What a version of the contract plans: its KPIs, their targets per year and the budget per year.</summary>
public sealed record PlanContent(IReadOnlyList<ContractKpi> Kpis, IReadOnlyList<KpiTarget> Targets, IReadOnlyList<BudgetYear> Budget);

/// <summary>What is still missing before a plan can be signed: a budget year, or a KPI's target for a year.</summary>
public sealed record PlanGap(string Kind, int Year, string? KpiCode);

/// <summary>
/// One version of the contract's plan. Version 1 is the signed plan (edited freely while the contract is a draft); each
/// approved amendment adds the next version, in force from its <see cref="EffectiveFrom"/>. Every version stays readable,
/// and a report is measured against the version in force on its period's last day.
/// </summary>
public sealed class ContractVersion : Entity
{
    private ContractVersion()
    {
    }

    internal ContractVersion(Guid contractId, int number, DateOnly effectiveFrom, Guid? amendmentId, DateTimeOffset createdAt, PlanContent content)
    {
        ContractId = contractId;
        Number = number;
        EffectiveFrom = effectiveFrom;
        AmendmentId = amendmentId;
        CreatedAt = createdAt;
        Kpis = [.. content.Kpis];
        Targets = [.. content.Targets];
        Budget = [.. content.Budget];
    }

    public Guid ContractId { get; private set; }
    public int Number { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The amendment this version comes from; null for version 1.</summary>
    public Guid? AmendmentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public List<ContractKpi> Kpis { get; private set; } = [];
    public List<KpiTarget> Targets { get; private set; } = [];
    public List<BudgetYear> Budget { get; private set; } = [];

    public PlanContent Content => new(Kpis, Targets, Budget);

    public ContractKpi? Kpi(string code) => Kpis.SingleOrDefault(k => k.Code == code);

    public decimal? TargetOf(string kpiCode, int year) => Targets.SingleOrDefault(t => t.KpiCode == kpiCode && t.Year == year)?.Value;

    public BudgetYear? BudgetOf(int year) => Budget.SingleOrDefault(b => b.Year == year);

    /// <summary>Version 1 is in force from the contract's first day, which may move while it is a draft.</summary>
    internal void StartFrom(DateOnly day) => EffectiveFrom = day;

    internal void Replace(PlanContent content)
    {
        Kpis = [.. content.Kpis];
        Targets = [.. content.Targets];
        Budget = [.. content.Budget];
    }
}
