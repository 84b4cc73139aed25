using System.Globalization;
using KkkCompetition.Application.Programme.Benchmark;

namespace KkkCompetition.Web.Components.Pages.Benchmark;

/// <summary>How the benchmark pages write figures: one decimal as the report rounds them, counts whole, in the page's culture.</summary>
public static class BenchmarkFormat
{
    public static string Number(decimal? value, string notAvailable) =>
        value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) : notAvailable;

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Scope(BenchmarkScopeView scope) => BenchmarkNames.Scope(scope, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "pl");
}
