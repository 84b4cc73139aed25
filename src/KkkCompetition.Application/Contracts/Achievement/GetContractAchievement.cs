using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Achievement;

/// <summary>One calendar year of the contract: the plan version it is measured against and whether its annual report is accepted.</summary>
public sealed record AchievementYear(int Year, int PlanVersion, bool Reported);

/// <summary>One year of a KPI: the target of the version in force on the year's last day, the accepted actual and its achievement.</summary>
public sealed record KpiYearView(int Year, decimal? Target, decimal? Actual, decimal? Percent);

/// <summary>A KPI's achievement per year and cumulative over the reported years (sum or latest value, by its aggregation).</summary>
public sealed record KpiAchievementView(
    string Code,
    string NamePl,
    string NameEn,
    string Unit,
    KpiDirection Direction,
    KpiAggregation Aggregation,
    bool IsMandatory,
    decimal Weight,
    decimal? Baseline,
    IReadOnlyList<KpiYearView> Years,
    decimal? CumulativeTarget,
    decimal? CumulativeActual,
    decimal? CumulativePercent);

/// <summary>
/// A contract's achievement (domain guide, section 6): per KPI and overall as the weighted mean with its colour under the
/// programme's current bands, from <see cref="AcceptedReports"/> accepted annual reports. Percentages are rounded to two places.
/// </summary>
public sealed record ContractAchievementView(
    Guid ContractId,
    string Number,
    string ClusterName,
    string CoordinatorName,
    ContractStatus Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<AchievementYear> Years,
    decimal? Percent,
    DashboardColour Colour,
    int AcceptedReports,
    decimal GreenFromPercent,
    decimal AmberFromPercent,
    IReadOnlyList<KpiAchievementView> Kpis);

/// <summary>A contract's achievement per KPI and year, cumulative and overall (the contract's coordinator and officials).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetContractAchievement(Guid ContractId) : IQuery<ContractAchievementView>, IContractRequest;

public sealed class GetContractAchievementValidator : AbstractValidator<GetContractAchievement>
{
    public GetContractAchievementValidator() => RuleFor(x => x.ContractId).NotEmpty();
}

public sealed class GetContractAchievementAuthorizer(IAppDbContext db) : ContractAuthorizer<GetContractAchievement>(db);

public sealed class GetContractAchievementHandler(IAppDbContext db) : IQueryHandler<GetContractAchievement, ContractAchievementView>
{
    public async ValueTask<ContractAchievementView> Handle(GetContractAchievement query, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", query.ContractId);
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var achievement = await ContractAchievements.ComputeAsync(db, contract, bands, cancellationToken);
        var percent = AchievementColours.Round(achievement.Percent);
        var reported = achievement.Kpis.SelectMany(k => k.Years).Where(y => y.Actual is not null).Select(y => y.Year).ToHashSet();
        return new ContractAchievementView(
            contract.Id,
            contract.Number,
            contract.ClusterName,
            contract.CoordinatorName,
            contract.Status,
            contract.StartsOn,
            contract.EndsOn,
            [.. contract.Years.Select(y => new AchievementYear(y, contract.VersionInForceOn(contract.PeriodEndOf(y)).Number, reported.Contains(y)))],
            percent,
            AchievementColours.Of(percent, bands),
            achievement.Reports,
            bands.GreenFromPercent,
            bands.AmberFromPercent,
            [.. achievement.Kpis.Select(View)]);
    }

    internal static KpiAchievementView View(KpiAchievementRow row) => new(
        row.Kpi.Code,
        row.Kpi.NamePl,
        row.Kpi.NameEn,
        row.Kpi.Unit,
        row.Kpi.Direction,
        row.Kpi.Aggregation,
        row.Kpi.IsMandatory,
        row.Kpi.Weight,
        row.Kpi.Baseline,
        [.. row.Years.Select(y => new KpiYearView(y.Year, y.Target, y.Actual, AchievementColours.Round(y.Percent)))],
        row.CumulativeTarget,
        row.CumulativeActual,
        AchievementColours.Round(row.CumulativePercent));
}
