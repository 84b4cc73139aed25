using MudBlazor;

namespace KkkCompetition.Web.Components.Layout;

/// <summary>The colours of the UI, chosen for WCAG AA contrast on white and on the app bar.</summary>
public static class KkkTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f9c",
            AppbarBackground = "#1b4f9c",
            AppbarText = "#ffffff",
            Secondary = "#8a1c4a",
            Tertiary = "#0b6e4f",
            Info = "#0b5cad",
            Success = "#1e6b2a",
            Warning = "#8a5300",
            Error = "#b00020",
            TextSecondary = "rgba(0,0,0,0.70)",
            TextDisabled = "rgba(0,0,0,0.55)",
            ActionDefault = "rgba(0,0,0,0.70)",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.70)",
            Background = "#f3f4f6",
        },
    };
}
