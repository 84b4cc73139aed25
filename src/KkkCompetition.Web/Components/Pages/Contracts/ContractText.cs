using System.Globalization;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;

namespace KkkCompetition.Web.Components.Pages.Contracts;

/// <summary>How the contract pages show days, amounts and names in the user's language, and which years an amendment may still change.</summary>
public static class ContractText
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.CurrentCulture);

    public static string Percent(decimal value) => decimal.Round(value, 2).ToString("0.##", CultureInfo.CurrentCulture) + "%";

    public static string Name(KpiPlanView kpi) => English ? kpi.NameEn : kpi.NamePl;

    public static string Name(KpiCatalogueEntry kpi) => English ? kpi.NameEn : kpi.NamePl;

    public static string StateParty(ContractView contract) => English ? contract.StatePartyEn : contract.StatePartyPl;

    public static string RegionParty(ContractView contract) => English ? contract.RegionPartyEn : contract.RegionPartyPl;

    public static string Today(TimeProvider clock) => Day(WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow()));

    /// <summary>The years whose period has not ended by today: the only ones an amendment may change (as the domain checks).</summary>
    public static IReadOnlyList<int> OpenYears(ContractView contract, TimeProvider clock)
    {
        var today = WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
        return [.. contract.Years.Where(y => (new DateOnly(y, 12, 31) < contract.EndsOn ? new DateOnly(y, 12, 31) : contract.EndsOn) >= today)];
    }

    /// <summary>Whether the contract is signed and not ended: amendments apply.</summary>
    public static bool IsInForce(ContractStatus status) => status is ContractStatus.Signed or ContractStatus.Active or ContractStatus.Suspended;
}
