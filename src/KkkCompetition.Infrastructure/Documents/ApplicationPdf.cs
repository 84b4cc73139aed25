using System.Globalization;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The PDF copy of an application from its latest snapshot, as the evaluators will read it: organisation, cluster,
/// the members table, the indicators of both years, the narratives per criteria area and the attachments with their
/// SHA-256, closed by the snapshot's own hash so a reader can tell which version this is.
/// </summary>
public sealed class ApplicationPdf : IApplicationPdfWriter
{
    public byte[] Write(ApplicationPdfModel model, string language)
    {
        var en = language == "en";
        var c = model.Content;
        string L(string pl, string english) => en ? english : pl;

        using var pdf = new PdfWriter($"{c.Number} — {c.Cluster.Name}");
        pdf.Heading(L("Wniosek o status Krajowego Klastra Kluczowego", "Application for the National Key Cluster status"))
            .Row(L("Numer", "Number"), c.Number ?? "—")
            .Row(L("Konkurs", "Competition"), c.Competition.Name)
            .Row(L("Status", "Status"), FormalReviewRules.StatusName(model.Status, language))
            .Row(L("Złożony", "Submitted"), model.SubmittedAt is { } submitted ? Warsaw(submitted) : "—")
            .Row(L("Wersja", "Version"), model.Kind == SnapshotKind.Correction
                ? L("po uzupełnieniu, z dnia ", "corrected, as of ") + Warsaw(c.TakenAt)
                : L("złożona, z dnia ", "as submitted, ") + Warsaw(c.TakenAt))
            .Space(6);

        var o = c.Organisation;
        pdf.Heading(L("Koordynator", "Coordinator"))
            .Row(L("Nazwa", "Name"), o.Name)
            .Row("NIP", o.Nip)
            .Row("REGON", o.Regon ?? "—")
            .Row("KRS", o.Krs ?? "—")
            .Row(L("Forma prawna", "Legal form"), o.LegalForm)
            .Row(L("Adres", "Address"), o.Address)
            .Row(L("Województwo (TERYT)", "Voivodeship (TERYT)"), o.VoivodeshipTeryt);

        var cluster = c.Cluster;
        pdf.Heading(L("Klaster", "Cluster"))
            .Row(L("Nazwa", "Name"), cluster.Name)
            .Row(L("Data założenia", "Founded on"), Date(cluster.FoundedOn))
            .Row(L("Województwo (TERYT)", "Voivodeship (TERYT)"), cluster.VoivodeshipTeryt)
            .Row(L("Specjalizacje (KIS)", "Specialisations (KIS)"), string.Join(", ", cluster.KisCodes))
            .Row(L("Strona internetowa", "Website"), cluster.Website ?? "—")
            .Row(L("Liczba członków", "Members"), c.Members.Count.ToString(CultureInfo.InvariantCulture));

        pdf.Heading(L("Członkowie", "Members"))
            .Table(
                ["#", L("Nazwa", "Name"), "NIP", L("Rodzaj", "Type"), L("Wielkość", "Size"), "TERYT", L("Przystąpił", "Joined"), L("Zatrudnienie", "Employment")],
                [3, 30, 12, 18, 9, 6, 11, 10],
                c.Members.Select((m, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    m.Name,
                    m.Nip,
                    MemberTypeName(m.Type, en),
                    m.Size is { } size ? SizeName(size, en) : "—",
                    m.VoivodeshipTeryt,
                    Date(m.JoinedOn),
                    m.Employment.ToString(CultureInfo.InvariantCulture),
                ]));

        var years = c.Indicators.OrderBy(i => i.Year).ToList();
        pdf.Heading(L("Wskaźniki", "Indicators"))
            .Table(
                [L("Wskaźnik", "Indicator"), .. years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
                [40, .. years.Select(_ => 20.0)],
                IndicatorRows(years, en));

        foreach (var narrative in c.Narratives)
        {
            var area = model.AreaNames.TryGetValue(narrative.AreaCode, out var names) ? (en ? names.En : names.Pl) : "";
            pdf.Heading($"{L("Opis", "Narrative")} {narrative.AreaCode}: {area}").Paragraph(narrative.Text.Length > 0 ? narrative.Text : "—");
        }

        pdf.Heading(L("Załączniki", "Attachments"))
            .Table(
                [L("Rodzaj", "Kind"), L("Plik", "File"), L("Rozmiar", "Size"), "SHA-256"],
                [20, 28, 10, 42],
                c.Attachments.Select(a => (IReadOnlyList<string>)
                [
                    FormalReviewRules.AttachmentKindName(a.Kind, language),
                    a.FileName,
                    Bytes(a.SizeBytes),
                    a.Sha256,
                ]));

        pdf.Heading(L("Suma kontrolna tej wersji", "Checksum of this version"))
            .Small(L("SHA-256 zapisanej treści wniosku (JSON kanoniczny):", "SHA-256 of the stored content of the application (canonical JSON):"))
            .Small(model.Sha256);
        return pdf.ToBytes();
    }

    private static IEnumerable<IReadOnlyList<string>> IndicatorRows(IReadOnlyList<SnapshotIndicators> years, bool en)
    {
        (string Pl, string En, Func<IndicatorValues, string> Value)[] indicators =
        [
            ("Zatrudnienie", "Employment", v => Number(v.Employment)),
            ("Przychody (PLN)", "Revenue (PLN)", v => Money(v.Revenue)),
            ("Nakłady na B+R (PLN)", "R&D spending (PLN)", v => Money(v.RdSpending)),
            ("Patenty", "Patents", v => Number(v.Patents)),
            ("Innowacje produktowe", "Product innovations", v => Number(v.ProductInnovations)),
            ("Innowacje procesowe", "Process innovations", v => Number(v.ProcessInnovations)),
            ("Wspólne projekty", "Joint projects", v => Number(v.JointProjects)),
            ("Wartość wspólnych projektów (PLN)", "Value of joint projects (PLN)", v => Money(v.JointProjectsValue)),
            ("Umowy międzynarodowe", "International agreements", v => Number(v.InternationalAgreements)),
            ("Staże i szkolenia", "Internships and trainings", v => Number(v.InternshipsAndTrainings)),
            ("Udział eksportu (%)", "Export share (%)", v => v.ExportSharePercent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) : "—"),
        ];
        return indicators.Select(i => (IReadOnlyList<string>)[en ? i.En : i.Pl, .. years.Select(y => i.Value(y.Values))]);
    }

    private static string Number(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static string Money(decimal? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? "—";

    private static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : Math.Ceiling(bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " kB";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (Europe/Warsaw)";

    private static string MemberTypeName(MemberType type, bool en) => (type, en) switch
    {
        (MemberType.Enterprise, false) => "przedsiębiorstwo",
        (MemberType.Enterprise, true) => "enterprise",
        (MemberType.ResearchOrUniversity, false) => "jednostka naukowa / uczelnia",
        (MemberType.ResearchOrUniversity, true) => "research / university",
        (MemberType.BusinessSupportInstitution, false) => "IOB",
        (MemberType.BusinessSupportInstitution, true) => "business support",
        (MemberType.LocalGovernment, false) => "JST",
        (MemberType.LocalGovernment, true) => "local government",
        (_, false) => "inny",
        (_, true) => "other",
    };

    private static string SizeName(EnterpriseSize size, bool en) => (size, en) switch
    {
        (EnterpriseSize.Micro, false) => "mikro",
        (EnterpriseSize.Small, false) => "małe",
        (EnterpriseSize.Medium, false) => "średnie",
        (EnterpriseSize.Large, false) => "duże",
        (EnterpriseSize.Micro, true) => "micro",
        (EnterpriseSize.Small, true) => "small",
        (EnterpriseSize.Medium, true) => "medium",
        _ => "large",
    };
}
