using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

// The draft's plan, edited by officials. Each command carries the contract's version last read (a stale one is 409
// concurrency.stale_version), takes the contract's row lock first, and answers the contract's new version. Once the contract
// is signed every one of them is 409 contract.not_draft: the plan then changes only by amendment. Any change clears the
// coordinator's signature of the draft, who signs again.

/// <summary>Moves the draft's dates within its phase (409 <c>contract.dates_outside_phase</c>); targets and budget of years no longer covered go.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ChangeContractDates(Guid ContractId, DateOnly StartsOn, DateOnly EndsOn, int Version) : ICommand<int>, IContractRequest;

/// <summary>Changes the draft's reporting terms (409 <c>settings.*</c> for a due day or a percentage out of range).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ChangeContractTerms(Guid ContractId, int AnnualDueMonth, int AnnualDueDay, int FinalDueDays, decimal JustificationBelowPercent, int Version)
    : ICommand<int>, IContractRequest;

/// <summary>
/// Adds a KPI to the draft: an optional one of the catalogue by its code alone (its baseline from the application where it
/// matches), or the official's own with names, unit, direction and aggregation — whose code may not be one of the
/// catalogue's (409 <c>contract.kpi_code_reserved</c>). An unknown catalogue code without a definition is 409
/// <c>kpi.not_in_catalogue</c>; a KPI the contract has is 409 <c>contract.kpi_duplicate</c>.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record AddContractKpi(
    Guid ContractId,
    string Code,
    int Version,
    string? NamePl = null,
    string? NameEn = null,
    string? Unit = null,
    KpiDirection? Direction = null,
    KpiAggregation? Aggregation = null,
    decimal? Baseline = null,
    decimal? Weight = null) : ICommand<int>, IContractRequest
{
    /// <summary>Whether the official defines the KPI (anything beyond the code given); otherwise it comes from the catalogue.</summary>
    public bool IsOwnDefinition => NamePl is not null || NameEn is not null || Unit is not null || Direction is not null || Aggregation is not null;
}

/// <summary>Removes an optional KPI and its targets; a mandatory one is 409 <c>contract.kpi_mandatory</c>.</summary>
[AllowedRoles(Roles.Official)]
public sealed record RemoveContractKpi(Guid ContractId, string Code, int Version) : ICommand<int>, IContractRequest;

/// <summary>
/// Sets a KPI's baseline, weight and targets per year (the years not given have no target yet). A negative value is 400
/// naming the field (<c>targets[0].value</c>); the domain refuses it too (<c>kpi.value_negative</c>), as it refuses a share
/// over 100, a target below the KPI's minimum or a year outside the contract.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record SetContractKpi(Guid ContractId, string Code, decimal? Baseline, decimal Weight, IReadOnlyList<YearTarget> Targets, int Version)
    : ICommand<int>, IContractRequest;

/// <summary>
/// Sets the draft's budget for the years given. Amounts are złoty with two places, never negative (400 naming
/// <c>years[1].cascadeSme</c>); at least 70% of each year's cascade pool must go to SMEs (409
/// <c>budget.sme_share_below_minimum</c>), and the SME part cannot exceed the pool (409 <c>budget.sme_above_pool</c>).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record SetContractBudget(Guid ContractId, IReadOnlyList<BudgetYear> Years, int Version) : ICommand<int>, IContractRequest;

public sealed class ChangeContractDatesAuthorizer(IAppDbContext db) : ContractAuthorizer<ChangeContractDates>(db);

public sealed class ChangeContractTermsAuthorizer(IAppDbContext db) : ContractAuthorizer<ChangeContractTerms>(db);

public sealed class AddContractKpiAuthorizer(IAppDbContext db) : ContractAuthorizer<AddContractKpi>(db);

public sealed class RemoveContractKpiAuthorizer(IAppDbContext db) : ContractAuthorizer<RemoveContractKpi>(db);

public sealed class SetContractKpiAuthorizer(IAppDbContext db) : ContractAuthorizer<SetContractKpi>(db);

public sealed class SetContractBudgetAuthorizer(IAppDbContext db) : ContractAuthorizer<SetContractBudget>(db);

/// <summary>The shape of plan values shared by the validators: counts and amounts are never negative.</summary>
public static class PlanRules
{
    /// <summary>Far beyond any plan; keeps absurd numbers from reaching the database's columns.</summary>
    public const decimal MaxValue = 999_999_999_999.99m;

    public const int MaxYears = 20;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static IRuleBuilderOptions<T, decimal> PlanValue<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThanOrEqualTo(0).LessThanOrEqualTo(MaxValue).PrecisionScale(16, 2, ignoreTrailingZeros: true);

    /// <summary>The same for a value that may be left out.</summary>
    public static IRuleBuilderOptions<T, decimal?> PlanValue<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThanOrEqualTo(0).LessThanOrEqualTo(MaxValue).PrecisionScale(16, 2, ignoreTrailingZeros: true);

    public static IRuleBuilderOptions<T, int> Year<T>(this IRuleBuilder<T, int> rule) => rule.InclusiveBetween(MinYear, MaxYear);

    public static IRuleBuilderOptions<T, string> KpiCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(ContractKpi.MaxCodeLength).Matches("^[A-Z0-9][A-Z0-9-]*$").WithErrorCode("contract.kpi_code_format");

    /// <summary>A KPI's target for a year, its fields named as the JSON names them (<c>targets[0].value</c>).</summary>
    public static void Target(InlineValidator<YearTarget> target)
    {
        target.RuleFor(t => t.Year).Year().OverridePropertyName("year");
        target.RuleFor(t => t.Value).PlanValue().OverridePropertyName("value");
    }

    /// <summary>An amended target: the KPI, the year and the value (<c>targets[0].value</c>).</summary>
    public static void Target(InlineValidator<KpiTarget> target)
    {
        target.RuleFor(t => t.KpiCode).KpiCode().OverridePropertyName("kpiCode");
        target.RuleFor(t => t.Year).Year().OverridePropertyName("year");
        target.RuleFor(t => t.Value).PlanValue().OverridePropertyName("value");
    }

    /// <summary>A budget year, every amount named by its field (<c>years[1].cascadeSme</c>).</summary>
    public static void Budget(InlineValidator<BudgetYear> year)
    {
        year.RuleFor(y => y.Year).Year().OverridePropertyName("year");
        year.RuleFor(y => y.Staff).PlanValue().OverridePropertyName("staff");
        year.RuleFor(y => y.Office).PlanValue().OverridePropertyName("office");
        year.RuleFor(y => y.Networking).PlanValue().OverridePropertyName("networking");
        year.RuleFor(y => y.Strategy).PlanValue().OverridePropertyName("strategy");
        year.RuleFor(y => y.CascadePool).PlanValue().OverridePropertyName("cascadePool");
        year.RuleFor(y => y.CascadeSme).PlanValue().OverridePropertyName("cascadeSme");
    }
}

public sealed class ChangeContractDatesValidator : AbstractValidator<ChangeContractDates>
{
    public ChangeContractDatesValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.StartsOn).NotEmpty();
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ChangeContractTermsValidator : AbstractValidator<ChangeContractTerms>
{
    public ChangeContractTermsValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.JustificationBelowPercent).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class AddContractKpiValidator : AbstractValidator<AddContractKpi>
{
    public AddContractKpiValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Code).KpiCode();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Baseline).PlanValue();
        RuleFor(x => x.Weight).GreaterThan(0).LessThanOrEqualTo(ContractKpi.MaxWeight).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        When(x => x.IsOwnDefinition, () =>
        {
            RuleFor(x => x.NamePl).NotEmpty().MaximumLength(ContractKpi.MaxNameLength);
            RuleFor(x => x.NameEn).NotEmpty().MaximumLength(ContractKpi.MaxNameLength);
            RuleFor(x => x.Unit).NotEmpty().MaximumLength(ContractKpi.MaxUnitLength);
            RuleFor(x => x.Direction).NotNull().IsInEnum();
            RuleFor(x => x.Aggregation).NotNull().IsInEnum();
        });
    }
}

public sealed class RemoveContractKpiValidator : AbstractValidator<RemoveContractKpi>
{
    public RemoveContractKpiValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Code).KpiCode();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SetContractKpiValidator : AbstractValidator<SetContractKpi>
{
    public SetContractKpiValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Code).KpiCode();
        RuleFor(x => x.Baseline).PlanValue();
        RuleFor(x => x.Weight).GreaterThan(0).LessThanOrEqualTo(ContractKpi.MaxWeight).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Targets).NotNull().Must(t => t.Count <= PlanRules.MaxYears).WithMessage($"A contract has at most {PlanRules.MaxYears} years.");
        RuleForEach(x => x.Targets).ChildRules(PlanRules.Target);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SetContractBudgetValidator : AbstractValidator<SetContractBudget>
{
    public SetContractBudgetValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Years).NotNull().Must(y => y.Count <= PlanRules.MaxYears).WithMessage($"A contract has at most {PlanRules.MaxYears} years.");
        RuleForEach(x => x.Years).ChildRules(PlanRules.Budget);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

/// <summary>Loads the draft to change: locked, version checked.</summary>
internal static class PlanEdit
{
    public static async Task<ProgrammeContract> LoadAsync(IAppDbContext db, Guid contractId, int version, CancellationToken cancellationToken)
    {
        await ContractData.LockAsync(db, contractId, cancellationToken);
        var contract = await ContractData.LoadAsync(db, contractId, cancellationToken);
        db.ExpectVersion(contract, version);
        return contract;
    }
}

public sealed class ChangeContractDatesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ChangeContractDates, int>
{
    public async ValueTask<int> Handle(ChangeContractDates command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        var phase = await ContractViews.PhaseAsync(db, contract.PhaseId, cancellationToken);
        contract.ChangeDates(phase, command.StartsOn, command.EndsOn, clock.GetUtcNow());
        return contract.Version + 1;
    }
}

public sealed class ChangeContractTermsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ChangeContractTerms, int>
{
    public async ValueTask<int> Handle(ChangeContractTerms command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.ChangeTerms(new ReportingTerms(command.AnnualDueMonth, command.AnnualDueDay, command.FinalDueDays, command.JustificationBelowPercent), clock.GetUtcNow());
        return contract.Version + 1;
    }
}

public sealed class AddContractKpiHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AddContractKpi, int>
{
    public async ValueTask<int> Handle(AddContractKpi command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        var definition = await db.KpiDefinitions.AsNoTracking().SingleOrDefaultAsync(k => k.Code == command.Code, cancellationToken);
        ContractKpi kpi;
        if (command.IsOwnDefinition)
        {
            // The catalogue's codes mean the catalogue's KPIs everywhere (reports, dashboards): an own KPI takes another.
            if (definition is not null)
            {
                throw new BusinessRuleViolation("contract.kpi_code_reserved", "This code belongs to a KPI of the catalogue: give your own KPI another code.", command.Code);
            }

            kpi = new ContractKpi(
                command.Code, command.NamePl!.Trim(), command.NameEn!.Trim(), command.Unit!.Trim(), command.Direction!.Value, command.Aggregation!.Value,
                IsMandatory: false, Minimum: null, command.Baseline, command.Weight ?? ContractKpi.DefaultWeight);
        }
        else
        {
            if (definition is null)
            {
                throw new BusinessRuleViolation("kpi.not_in_catalogue", "The catalogue has no KPI with this code: define your own KPI with its names, unit, direction and aggregation.", command.Code);
            }

            var baseline = command.Baseline ?? (await ContractBaselines.ForAsync(db, contract.ApplicationId, contract.ClusterId, cancellationToken)).GetValueOrDefault(definition.Code);
            kpi = ContractKpi.FromCatalogue(definition, baseline) with { Weight = command.Weight ?? ContractKpi.DefaultWeight };
        }

        contract.AddKpi(kpi, clock.GetUtcNow());
        return contract.Version + 1;
    }
}

public sealed class RemoveContractKpiHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RemoveContractKpi, int>
{
    public async ValueTask<int> Handle(RemoveContractKpi command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.RemoveKpi(command.Code, clock.GetUtcNow());
        return contract.Version + 1;
    }
}

public sealed class SetContractKpiHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SetContractKpi, int>
{
    public async ValueTask<int> Handle(SetContractKpi command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.SetKpi(command.Code, command.Baseline, command.Weight, [.. command.Targets.Select(t => new KpiTarget(command.Code, t.Year, t.Value))], clock.GetUtcNow());
        return contract.Version + 1;
    }
}

public sealed class SetContractBudgetHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SetContractBudget, int>
{
    public async ValueTask<int> Handle(SetContractBudget command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.SetBudget(command.Years, clock.GetUtcNow());
        return contract.Version + 1;
    }
}
