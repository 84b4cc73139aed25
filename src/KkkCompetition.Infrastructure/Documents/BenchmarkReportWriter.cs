using System.Globalization;
using KkkCompetition.Application.Programme.Benchmark;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Infrastructure.Exports;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The benchmark report as files. XLSX: sheets for the summary figures, member types, enterprise sizes, the largest clusters and
/// the positions (one row per cluster and measure), figures as numbers. PDF: the same figures with bar charts drawn by PDFsharp —
/// members by type and enterprises by size, and in the individual report the cluster against the group's means — each chart with
/// its figures in the table beside it.
/// </summary>
public sealed class BenchmarkReportWriter : IBenchmarkReportWriter
{
    public byte[] Xlsx(BenchmarkReport report, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        var summary = Summary(report, language).Select(r => new object?[] { r.Label, r.Value }).ToList();
        return TabularFile.XlsxSheets(
        [
            (L("Podsumowanie", "Summary"), [TabularColumn.Text(L("Wskaźnik", "Figure")), new TabularColumn(L("Wartość", "Value"), typeof(decimal))], summary),
            (L("Typy członków", "Member types"),
                [TabularColumn.Text(L("Typ", "Type")), new TabularColumn(L("Liczba", "Count"), typeof(int)), new TabularColumn(L("Udział (%)", "Share (%)"), typeof(decimal))],
                report.MemberTypes.Select(t => new object?[] { BenchmarkNames.Of(t.Type, language), t.Count, t.SharePercent })),
            (L("Wielkość przedsiębiorstw", "Enterprise sizes"),
                [TabularColumn.Text(L("Wielkość", "Size")), new TabularColumn(L("Liczba", "Count"), typeof(int)), new TabularColumn(L("Udział (%)", "Share (%)"), typeof(decimal))],
                report.EnterpriseSizes.Select(s => new object?[] { BenchmarkNames.Of(s.Size, language), s.Count, s.SharePercent })),
            (L("Największe klastry", "Largest clusters"),
                [new TabularColumn(L("Miejsce", "Rank"), typeof(int)), TabularColumn.Text(L("Klaster", "Cluster")), new TabularColumn(L("Członkowie", "Members"), typeof(int)),
                 new TabularColumn(L("Zatrudnienie", "Employment"), typeof(int)), TabularColumn.Text(L("Województwo", "Voivodeship"))],
                report.LargestClusters.Select(l => new object?[] { l.Rank, l.ClusterName, l.Members, l.Employment, l.VoivodeshipName })),
            (L("Pozycje", "Positions"),
                [TabularColumn.Text(L("Klaster", "Cluster")), TabularColumn.Text(L("Miara", "Measure")), new TabularColumn(L("Wartość", "Value"), typeof(decimal)),
                 new TabularColumn(L("Średnia grupy", "Group mean"), typeof(decimal)), new TabularColumn(L("Mediana grupy", "Group median"), typeof(decimal)),
                 new TabularColumn(L("Miejsce", "Rank"), typeof(int)), new TabularColumn(L("Z", "Of"), typeof(int)), new TabularColumn(L("Percentyl", "Percentile"), typeof(decimal))],
                report.Positions.SelectMany(c => c.Positions.Select(p => new object?[]
                    { c.ClusterName, BenchmarkNames.Of(p.Measure, language), p.Value, p.GroupMean, p.GroupMedian, p.Rank, p.Of, p.Percentile }))),
        ]);
    }

    public byte[] Pdf(BenchmarkReport report, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        var individual = report.Positions.Count == 1 && report.LargestClusters.Count == 0;
        var title = individual
            ? $"{L("Indywidualny raport porównawczy", "Individual benchmark report")} — {report.Positions[0].ClusterName}"
            : L("Raport porównawczy klastrów", "Cluster benchmark report");

        using var pdf = new PdfWriter(title);
        pdf.Heading(title)
            .Row(L("Zakres", "Scope"), BenchmarkNames.Scope(report.Scope, language))
            .Row(L("Sporządzono", "Generated"), TimeZoneInfo.ConvertTime(report.GeneratedAt, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Europe/Warsaw)")
            .Space(6);

        pdf.Heading(L("Podsumowanie", "Summary"));
        foreach (var (label, value) in Summary(report, language))
        {
            pdf.Row(label, value is { } v ? Number(v, language) : "—");
        }

        pdf.Heading(L("Członkowie według typu", "Members by type"))
            .BarChart([.. report.MemberTypes.Select(t => new PdfChartRow(BenchmarkNames.Of(t.Type, language), [((double)t.SharePercent, $"{Number(t.SharePercent, language)}%")]))], [L("Udział", "Share")])
            .Table([L("Typ", "Type"), L("Liczba", "Count"), L("Udział (%)", "Share (%)")], [60, 20, 20],
                report.MemberTypes.Select(t => (IReadOnlyList<string>)[BenchmarkNames.Of(t.Type, language), Count(t.Count), Number(t.SharePercent, language)]));

        pdf.Heading(L("Przedsiębiorstwa według wielkości", "Enterprises by size"))
            .BarChart([.. report.EnterpriseSizes.Select(s => new PdfChartRow(BenchmarkNames.Of(s.Size, language), [((double)s.SharePercent, $"{Number(s.SharePercent, language)}%")]))], [L("Udział", "Share")])
            .Table([L("Wielkość", "Size"), L("Liczba", "Count"), L("Udział (%)", "Share (%)")], [60, 20, 20],
                report.EnterpriseSizes.Select(s => (IReadOnlyList<string>)[BenchmarkNames.Of(s.Size, language), Count(s.Count), Number(s.SharePercent, language)]));

        pdf.Heading(L("Innowacje, projekty, staże", "Innovations, projects, internships"))
            .Table([L("Wskaźnik", "Indicator"), L("Razem", "Total"), L("Średnio na klaster", "Mean per cluster"), L("Klastry z danymi", "Clusters with data"), L("Brak danych", "Not available")],
                [40, 15, 15, 15, 15],
                report.Indicators.Select(i => (IReadOnlyList<string>)[BenchmarkNames.Of(i.Indicator, language), Count(i.Total), Optional(i.MeanPerCluster, language), Count(i.Clusters), Count(i.NotAvailable)]));

        if (report.LargestClusters.Count > 0)
        {
            pdf.Heading(L("Największe klastry", "Largest clusters"))
                .Table([L("Miejsce", "Rank"), L("Klaster", "Cluster"), L("Członkowie", "Members"), L("Zatrudnienie", "Employment"), L("Województwo", "Voivodeship")],
                    [10, 45, 15, 15, 15],
                    report.LargestClusters.Select(l => (IReadOnlyList<string>)[Count(l.Rank), l.ClusterName, Count(l.Members), Count(l.Employment), l.VoivodeshipName]));
        }

        if (individual)
        {
            var own = report.Positions[0];
            pdf.Heading(L("Pozycja klastra na tle grupy", "The cluster against the group"))
                .BarChart(
                    [.. own.Positions.Select(p => new PdfChartRow(BenchmarkNames.Of(p.Measure, language), [((double?)p.Value, Optional(p.Value, language)), ((double?)p.GroupMean, Optional(p.GroupMean, language))]))],
                    [own.ClusterName, L("Średnia grupy", "Group mean")],
                    scalePerRow: true)
                .Table([L("Miara", "Measure"), L("Wartość", "Value"), L("Średnia", "Mean"), L("Mediana", "Median"), L("Miejsce", "Rank"), L("Percentyl", "Percentile")],
                    [30, 14, 14, 14, 14, 14],
                    own.Positions.Select(p => (IReadOnlyList<string>)
                    [
                        BenchmarkNames.Of(p.Measure, language), Optional(p.Value, language), Optional(p.GroupMean, language), Optional(p.GroupMedian, language),
                        p.Rank is { } rank ? $"{Count(rank)} / {Count(p.Of)}" : "—", Optional(p.Percentile, language),
                    ]));
        }
        else if (report.Positions.Count > 0)
        {
            // One row per cluster, each measure as "value (rank)": the whole group stays a few dozen pages.
            var measures = report.Positions[0].Positions.Select(p => p.Measure).ToList();
            pdf.Heading(L("Pozycje klastrów (wartość i miejsce)", "Positions of the clusters (value and rank)"))
                .Table([L("Klaster", "Cluster"), .. measures.Select(m => BenchmarkNames.Of(m, language))], [28, 12, 12, 12, 12, 12, 12],
                    report.Positions.OrderBy(p => p.ClusterName, StringComparer.Create(CultureInfo.GetCultureInfo("pl-PL"), false)).Select(c => (IReadOnlyList<string>)
                    [
                        c.ClusterName,
                        .. c.Positions.Select(p => p.Value is { } v ? $"{Number(v, language)} ({Count(p.Rank!.Value)})" : "—"),
                    ]));
        }

        pdf.Space(6)
            .Small(L(
                "Dane z systemu: członkowie według stanu ewidencji (dla daty — przystąpieni do tego dnia); wzrost sprzedaży, innowacje i wspólne projekty z późniejszego roku wskaźników ostatniego złożonego wniosku klastra; staże i praktyki z przyjętego sprawozdania rocznego (KPI-SKL), gdy jego okres kończy się później. Liczby zaokrąglone do jednego miejsca po przecinku (połówki w górę).",
                "Data from the system: members as recorded (for a date, those who had joined by that day); sales growth, innovations and joint projects from the later indicator year of the cluster's latest submitted application; internships and apprenticeships from an accepted annual report (KPI-SKL) when its period ends later. Figures rounded to one decimal (halves away from zero)."));
        return pdf.ToBytes();
    }

    private static IReadOnlyList<(string Label, decimal? Value)> Summary(BenchmarkReport report, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        return
        [
            (L("Klastry", "Clusters"), report.Clusters),
            (L("Członkowie", "Members"), report.Members),
            (L("Średnia liczba członków na klaster", "Mean members per cluster"), report.MeanMembers),
            (L("Mediana liczby członków na klaster", "Median members per cluster"), report.MedianMembers),
            (L("Przedsiębiorstwa", "Enterprises"), report.Enterprises),
            (L("Średnie zatrudnienie na klaster", "Mean employment per cluster"), report.MeanEmployment),
            (L("Mediana zatrudnienia na klaster", "Median employment per cluster"), report.MedianEmployment),
            (L("Średni wzrost sprzedaży (%)", "Mean sales growth (%)"), report.SalesGrowth.MeanPercent),
            (L("Klastry z wzrostem sprzedaży", "Clusters with sales growth"), report.SalesGrowth.Clusters),
            (L("Klastry bez danych o sprzedaży", "Clusters without sales data"), report.SalesGrowth.NotAvailable),
        ];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Optional(decimal? value, string language) => value is { } v ? Number(v, language) : "—";

    private static string Number(decimal value, string language) =>
        value.ToString(value == decimal.Truncate(value) && value.Scale == 0 ? "0" : "0.0", language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("pl-PL"));
}
