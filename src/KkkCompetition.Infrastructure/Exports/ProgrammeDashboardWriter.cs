using System.Globalization;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Domain.Contracts;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>
/// The programme dashboard's contracts, written by <see cref="TabularFile"/>: headings in the caller's language, one column
/// per KPI of the catalogue. In XLSX the percentages, the phase and the number of reports are numbers (they sort and
/// average in Excel) and an empty cell means no figure; in CSV they are written as the language writes them.
/// </summary>
public sealed class ProgrammeDashboardWriter : IProgrammeDashboardWriter
{
    public byte[] Write(DashboardExport export, ListExportFormat format, string language)
    {
        var headers = Headers(export.Kpis, language);
        if (format == ListExportFormat.Csv)
        {
            return TabularFile.Csv(headers, export.Rows.Select(r => Cells(r, export.Kpis, language).Select(c => Text(c, language)).ToArray()));
        }

        var columns = headers.Select((h, i) => new TabularColumn(h, ColumnType(i))).ToList();
        return TabularFile.Xlsx(language == "en" ? "Contracts" : "Kontrakty", columns, export.Rows.Select(r => Cells(r, export.Kpis, language)));
    }

    public static IReadOnlyList<string> Headers(IReadOnlyList<DashboardExportKpi> kpis, string language)
    {
        var en = language == "en";
        return
        [
            en ? "Number" : "Numer",
            en ? "Cluster" : "Klaster",
            en ? "Coordinator" : "Koordynator",
            en ? "Voivodeship" : "Województwo",
            "KIS",
            en ? "Phase" : "Faza",
            en ? "Status" : "Status",
            en ? "Achievement (%)" : "Realizacja (%)",
            en ? "Colour" : "Kolor",
            en ? "Accepted annual reports" : "Przyjęte sprawozdania roczne",
            .. kpis.Select(k => $"{k.Code} {(en ? k.NameEn : k.NamePl)} (%)"),
        ];
    }

    public static string ColourName(DashboardColour colour, string language) => (colour, language == "en") switch
    {
        (DashboardColour.Green, false) => "zielony",
        (DashboardColour.Amber, false) => "bursztynowy",
        (DashboardColour.Red, false) => "czerwony",
        (DashboardColour.NoData, false) => "brak danych",
        (DashboardColour.NoData, true) => "no data",
        _ => colour.ToString().ToLowerInvariant(),
    };

    // Phase (5), achievement (7), reports (9) and the KPIs' columns (10 on) are numbers.
    private static Type ColumnType(int index) => index switch
    {
        5 or 9 => typeof(int),
        7 or >= 10 => typeof(decimal),
        _ => typeof(string),
    };

    private static object?[] Cells(DashboardExportRow row, IReadOnlyList<DashboardExportKpi> kpis, string language) =>
    [
        row.Number,
        row.ClusterName,
        row.CoordinatorName,
        row.VoivodeshipName,
        string.Join(", ", row.KisCodes.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal)),
        row.PhaseNumber,
        Application.Contracts.ContractStatusNames.Of(row.Status, language),
        row.AchievementPercent,
        ColourName(row.Colour, language),
        row.AcceptedReports,
        .. kpis.Select(k => (object?)row.KpiPercents.GetValueOrDefault(k.Code)),
    ];

    private static string Text(object? cell, string language) => cell switch
    {
        decimal value => value.ToString("0.00", language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("pl-PL")),
        int number => number.ToString(CultureInfo.InvariantCulture),
        null => "",
        _ => cell.ToString() ?? "",
    };
}
