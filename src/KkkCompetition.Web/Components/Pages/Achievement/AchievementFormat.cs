using System.Globalization;
using KkkCompetition.Application.Contracts.Achievement;

namespace KkkCompetition.Web.Components.Pages.Achievement;

/// <summary>How the achievement pages write figures: in the reader's culture, at most two decimal places.</summary>
public static class AchievementFormat
{
    public static string Number(decimal? value, string none = "—") =>
        value is { } v ? v.ToString("#,0.##", CultureInfo.CurrentCulture) : none;

    public static string Percent(decimal? value, string none = "—") =>
        value is { } v ? v.ToString("0.##", CultureInfo.CurrentCulture) + "%" : none;

    /// <summary>The CSS modifier of a colour (kkk-achievement-green …), also used for the charts' fills.</summary>
    public static string CssName(DashboardColour colour) => colour switch
    {
        DashboardColour.Green => "green",
        DashboardColour.Amber => "amber",
        DashboardColour.Red => "red",
        _ => "nodata",
    };

    /// <summary>Fills of the bars per colour, dark enough against white (3:1 and more) to be seen as shapes.</summary>
    public static string Fill(DashboardColour colour) => colour switch
    {
        DashboardColour.Green => "#1e7b3c",
        DashboardColour.Amber => "#b36b00",
        DashboardColour.Red => "#b3261e",
        _ => "#6b7580",
    };

    /// <summary>A shape beside the colour's name, so that the colour is never the only cue.</summary>
    public static string Symbol(DashboardColour colour) => colour switch
    {
        DashboardColour.Green => "✔",
        DashboardColour.Amber => "▲",
        DashboardColour.Red => "✖",
        _ => "○",
    };

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
