using System.Globalization;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The programme contract's PDF with one version of its plan. As with the decisions' documents, its dates and file identifier
/// come from the data (the contract's last change and row version, the plan version, the language), so every download of the
/// same contract and version is the same file.
/// </summary>
public sealed class ContractPdfWriter : IContractDocumentWriter
{
    public byte[] Contract(ContractDocument contract, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        var plan = contract.Plan;

        using var pdf = new PdfWriter($"{L("Kontrakt programowy", "Programme contract")} {contract.Number}")
            .Reproducible(contract.ChangedAt, $"CONTRACT|{contract.ContractId}|{contract.ContractRowVersion}|{plan.Number}|{language}");
        pdf.Heading($"{L("Kontrakt programowy", "Programme contract")} {contract.Number}")
            .Row(L("Skarb Państwa", "The State"), en ? contract.StatePartyEn : contract.StatePartyPl)
            .Row(L("Region", "The region"), en ? contract.RegionPartyEn : contract.RegionPartyPl)
            .Row(L("Koordynator klastra", "Cluster coordinator"), $"{contract.CoordinatorName}, NIP {contract.CoordinatorNip}")
            .Row(L("Klaster", "Cluster"), contract.ClusterName)
            .Row(L("Faza programu", "Programme phase"), $"{contract.PhaseNumber} ({Day(contract.PhaseStartsOn)} – {Day(contract.PhaseEndsOn)})")
            .Row(L("Okres obowiązywania", "Term"), $"{Day(contract.StartsOn)} – {Day(contract.EndsOn)}")
            .Row(L("Status", "Status"), Application.Contracts.ContractStatusNames.Of(contract.Status, en ? "en" : "pl") + (contract.StatusReason is { } reason && contract.Status is ContractStatus.Suspended or ContractStatus.Terminated ? $" — {reason}" : ""))
            .Row(L("Podpis koordynatora", "Coordinator's signature"), contract.CoordinatorSignedAt is { } coordinator ? Day(WorkingDayCalendar.ToWarsawDate(coordinator)) : "—")
            .Row(L("Zawarto (podpisy Skarbu Państwa i regionu)", "Concluded (signed by the State and the region)"), contract.SignedOn is { } signed ? Day(signed) : "—")
            .Row(L("Wersja planu", "Plan version"), string.Format(CultureInfo.InvariantCulture, L("{0} z {1}, obowiązuje od {2}", "{0} of {1}, in force from {2}"), plan.Number, contract.LatestVersion, Day(plan.EffectiveFrom))
                + (plan.AmendmentNumber is { } amendment ? string.Format(CultureInfo.InvariantCulture, L(" (aneks nr {0})", " (amendment no. {0})"), amendment) : ""))
            .Row(L("Sprawozdania", "Reports"), string.Format(
                CultureInfo.InvariantCulture,
                L("roczne do {0:00}-{1:00} roku następnego; końcowe w {2} dni po zakończeniu; wyjaśnienie poniżej {3}% celu", "annual by {0:00}-{1:00} of the following year; final within {2} days of the end; an explanation below {3}% of the target"),
                contract.Terms.AnnualDueMonth,
                contract.Terms.AnnualDueDay,
                contract.Terms.FinalDueDays,
                Number(contract.Terms.JustificationBelowPercent)))
            .Space(6);

        pdf.Heading(L("Wskaźniki (KPI) i cele roczne", "KPIs and annual targets"));
        var headers = new List<string> { L("Wskaźnik", "KPI"), L("Jedn.", "Unit"), L("Wartość bazowa", "Baseline"), L("Waga", "Weight") };
        headers.AddRange(contract.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var widths = new List<double> { 34, 8, 10, 7 };
        widths.AddRange(contract.Years.Select(_ => 41.0 / Math.Max(contract.Years.Count, 1)));
        pdf.Table(headers, widths, plan.Kpis.Select(k =>
        {
            var cells = new List<string>
            {
                $"{k.Code} {(en ? k.NameEn : k.NamePl)}{(k.IsMandatory ? L(" (obowiązkowy)", " (mandatory)") : "")}, {Direction(k.Direction, en)}, {Aggregation(k.Aggregation, en)}",
                k.Unit,
                k.Baseline is { } baseline ? Number(baseline) : "—",
                Number(k.Weight),
            };
            cells.AddRange(contract.Years.Select(y => k.Targets.FirstOrDefault(t => t.Year == y) is { } target ? Number(target.Value) : "—"));
            return (IReadOnlyList<string>)cells;
        }));

        pdf.Heading(L("Budżet (zł)", "Budget (PLN)"));
        pdf.Table(
            [
                L("Rok", "Year"), L("Personel", "Staff"), L("Biuro", "Office"), L("Sieciowanie", "Networking"), L("Strategia", "Strategy"),
                L("Instytucjonalne razem", "Institutional total"), L("Pula kaskadowa", "Cascade pool"), L("w tym MŚP", "of which SMEs"), L("Udział MŚP", "SME share"),
            ],
            [8, 11, 11, 11, 11, 13, 13, 12, 10],
            plan.Budget.Select(b => (IReadOnlyList<string>)
            [
                b.Year.ToString(CultureInfo.InvariantCulture),
                Money(b.Staff), Money(b.Office), Money(b.Networking), Money(b.Strategy), Money(b.Institutional), Money(b.CascadePool), Money(b.CascadeSme),
                b.SmeSharePercent is { } share ? $"{Number(decimal.Round(share, 2))}%" : "—",
            ]));
        pdf.Small(string.Format(CultureInfo.InvariantCulture, L("Co najmniej {0}% finansowania kaskadowego trafia do MŚP.", "At least {0}% of cascade funding goes to SMEs."), Number(BudgetYear.MinimumSmeSharePercent)));

        pdf.Space(6)
            .Small(L("Wcześniejsze wersje planu pozostają dostępne w portalu; sprawozdania mierzy się wersją obowiązującą w ich okresie.", "Earlier versions of the plan stay readable in the portal; reports are measured against the version in force for their period."))
            .Small($"{L("Identyfikator kontraktu", "Contract id")}: {contract.ContractId}");
        return pdf.ToBytes();
    }

    private static string Direction(KpiDirection direction, bool en) => direction == KpiDirection.HigherIsBetter
        ? (en ? "higher is better" : "im więcej, tym lepiej")
        : (en ? "lower is better" : "im mniej, tym lepiej");

    private static string Aggregation(KpiAggregation aggregation, bool en) => aggregation == KpiAggregation.Sum
        ? (en ? "sum over the period" : "suma w okresie")
        : (en ? "latest value" : "ostatnia wartość");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Thousands apart by a no-break space, as Polish writes them, so a table cell never wraps inside an amount.</summary>
    private static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(',', '\u00a0');
}
