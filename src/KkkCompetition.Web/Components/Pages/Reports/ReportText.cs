using System.Globalization;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;
using Microsoft.Extensions.Localization;

namespace KkkCompetition.Web.Components.Pages.Reports;

/// <summary>How the report pages word and format a report's facts, in the UI's language.</summary>
public static class ReportText
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(DateOnly start, DateOnly end) => $"{Day(start)} – {Day(end)}";

    public static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Sprawozdanie roczne za 2026" / "Annual report for 2026", or the final report.</summary>
    public static string Title(IStringLocalizer text, ReportKind kind, int? year) =>
        kind == ReportKind.Annual ? string.Format(CultureInfo.CurrentCulture, text["Reports.AnnualTitle"], year) : text["Reports.FinalTitle"];

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.CurrentCulture) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Days(IStringLocalizer text, int days) =>
        string.Format(CultureInfo.CurrentCulture, days == 1 ? text["Reports.Days.One"] : text["Reports.Days.Many"], days);
}
