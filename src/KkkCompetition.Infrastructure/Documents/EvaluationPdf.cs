using System.Globalization;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The evaluation's PDFs: an expert's scoring sheet and the summary card (karta oceny) of an application. Like the
/// receipt, the dates and file identifier come from the data (the submission; the result and its last panel change),
/// so the same data gives the same bytes on every download.
/// </summary>
public sealed class EvaluationPdf : IEvaluationDocumentWriter
{
    public byte[] ScoreSheet(ScoreSheetDocument sheet, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        string P(decimal points) => RankingText.Points(points, language);

        using var pdf = new PdfWriter($"{L("Karta oceny eksperta", "Expert's score sheet")} {sheet.ApplicationNumber}")
            .Reproducible(sheet.SubmittedAt, $"SHEET|{sheet.AssignmentId}|{language}");
        pdf.Heading(L("Karta oceny merytorycznej eksperta", "Expert's merit score sheet"))
            .Row(L("Konkurs", "Competition"), sheet.CompetitionName)
            .Row(L("Wniosek", "Application"), sheet.ApplicationNumber)
            .Row(L("Klaster", "Cluster"), sheet.ClusterName)
            .Row(L("Ekspert", "Expert"), sheet.ExpertName)
            .Row(L("Przydzielono", "Assigned"), Warsaw(sheet.AssignedAt))
            .Row(L("Termin oceny", "Scoring deadline"), Warsaw(sheet.Deadline))
            .Row(L("Deklaracja bezstronności", "Declaration of impartiality"), sheet.DeclarationSignedAt is { } signed ? Warsaw(signed) : "—")
            .Row(L("Złożono", "Submitted"), Warsaw(sheet.SubmittedAt))
            .Row(L("Suma ważona", "Weighted total"), $"{P(sheet.Total)} / {P(sheet.MaxTotal)}")
            .Space(6);

        WriteScores(pdf, sheet.Lines, sheet.OverallOpinion, language);
        pdf.Space(6)
            .Small(L("Czas warszawski (Europe/Warsaw).", "Warsaw time (Europe/Warsaw)."))
            .Small($"{L("Identyfikator przydziału", "Assignment id")}: {sheet.AssignmentId}");
        return pdf.ToBytes();
    }

    public byte[] EvaluationCard(EvaluationCardDocument card, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;

        using var pdf = new PdfWriter($"{L("Karta oceny", "Evaluation card")} {card.ApplicationNumber}")
            .Reproducible(card.LastChangedAt, $"CARD|{card.ApplicationId}|{card.Anonymised}|{language}|{card.LastChangedAt.UtcTicks}");
        WriteCard(pdf, card, language);
        return pdf.ToBytes();
    }

    /// <summary>A sheet's points by criterion, the justifications and the opinion: also the body of each anonymised sheet in a decision letter.</summary>
    internal static void WriteScores(PdfWriter pdf, IReadOnlyList<ScoreSheetLine> lines, string? overallOpinion, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        string P(decimal points) => RankingText.Points(points, language);

        pdf.Heading(L("Ocena według kryteriów", "Scores by criterion"))
            .Table(
                [L("Kryterium", "Criterion"), L("Punkty", "Points"), L("Maks.", "Max"), L("Waga", "Weight")],
                [60, 14, 13, 13],
                lines.Select(l => (IReadOnlyList<string>)
                [
                    $"{l.Criterion.Code} {(en ? l.Criterion.NameEn : l.Criterion.NamePl)}",
                    l.Points is { } points ? P(points) : "—",
                    P(l.Criterion.MaxPoints),
                    P(l.Criterion.Weight),
                ]));

        pdf.Heading(L("Uzasadnienia", "Justifications"));
        foreach (var line in lines)
        {
            pdf.Paragraph($"{line.Criterion.Code} {(en ? line.Criterion.NameEn : line.Criterion.NamePl)}: {(line.Points is { } points ? P(points) : "—")} {L("pkt", "points")}", isBold: true)
                .Paragraph(line.Justification ?? "—");
        }

        pdf.Heading(L("Opinia ogólna", "Overall opinion"))
            .Paragraph(overallOpinion ?? "—");
    }

    /// <summary>The card's content: also part of a negative decision's letter (always the anonymised card there).</summary>
    internal static void WriteCard(PdfWriter pdf, EvaluationCardDocument card, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;
        string P(decimal points) => RankingText.Points(points, language);
        string Expert(CardExpert e) => e.Name is { Length: > 0 } name ? $"{L("Ekspert", "Expert")} {e.Ordinal}: {name}" : $"{L("Ekspert", "Expert")} {e.Ordinal}";

        pdf.Heading(L("Karta oceny merytorycznej wniosku", "Merit evaluation card"))
            .Row(L("Konkurs", "Competition"), card.CompetitionName)
            .Row(L("Wniosek", "Application"), card.ApplicationNumber)
            .Row(L("Klaster", "Cluster"), card.ClusterName)
            .Row(L("Koordynator", "Coordinator"), card.CoordinatorName)
            .Row(L("Wynik obliczono", "Result computed"), Warsaw(card.ComputedAt))
            .Row(L("Metoda", "Method"), RankingText.Method(card.Method, language))
            .Space(6);

        pdf.Heading(L("Karty ekspertów", "Experts' sheets"))
            .Table(
                [L("Ekspert", "Expert"), L("Złożono", "Submitted"), L("Suma", "Total"), L("Użyta w wyniku", "Used in the result")],
                [40, 25, 15, 20],
                card.Experts.Select(e => (IReadOnlyList<string>)[Expert(e), Warsaw(e.SubmittedAt), P(e.Total), RankingText.YesNo(e.UsedInResult, language)]));

        var expertHeaders = card.Experts.Select(e => $"{L("E", "E")}{e.Ordinal}").ToList();
        pdf.Heading(L("Punkty według kryteriów", "Points by criterion"))
            .Table(
                [L("Kryterium", "Criterion"), L("Maks.", "Max"), .. expertHeaders, L("Wynik ekspertów", "Experts' result"), L("Panel", "Panel"), L("Końcowy", "Final")],
                [40, 8, .. expertHeaders.Select(_ => 8.0), 12, 10, 10],
                card.Criteria.Select(c => (IReadOnlyList<string>)
                [
                    $"{c.Criterion.Code} {(en ? c.Criterion.NameEn : c.Criterion.NamePl)}" + (c.Criterion.MinimumPoints is { } min ? $" ({L("min.", "min.")} {P(min)})" : ""),
                    P(c.Criterion.MaxPoints),
                    .. c.SheetPoints.Select(p => p is { } v ? P(v) : "—"),
                    P(c.ExpertPoints),
                    c.PanelPoints is { } panel ? P(panel) : "—",
                    P(c.FinalPoints),
                ]))
            .Small(string.Join("; ", card.Experts.Select(e => $"{L("E", "E")}{e.Ordinal} = {Expert(e)}")));

        var changes = card.Criteria.Where(c => c.PanelPoints is not null).ToList();
        pdf.Heading(L("Zmiany Panelu Ekspertów", "Changes by the expert panel"));
        if (changes.Count == 0)
        {
            pdf.Paragraph(L("Panel nie zmienił wyniku.", "The panel changed nothing."));
        }

        foreach (var change in changes)
        {
            pdf.Paragraph($"{change.Criterion.Code} {(en ? change.Criterion.NameEn : change.Criterion.NamePl)}: {P(change.ExpertPoints)} → {P(change.PanelPoints!.Value)} {L("pkt", "points")}", isBold: true)
                .Paragraph(change.PanelJustification ?? "");
        }

        pdf.Heading(L("Wynik", "Outcome"))
            .Row(L("Suma ekspertów", "Experts' total"), $"{P(card.ExpertTotal)} / {P(card.MaxTotal)}")
            .Row(L("Suma końcowa", "Final total"), $"{P(card.Total)} / {P(card.MaxTotal)}")
            .Row(L("Próg", "Threshold"), P(card.PassThreshold))
            .Row(L("Wynik", "Outcome"), RankingText.Outcome(card.Passed, language));
        if (!card.Passed)
        {
            pdf.Row(L("Przyczyny", "Why"), RankingText.Reasons(card.FailReasons, [.. card.Criteria.Select(c => c.Criterion)], language));
        }

        pdf.Space(6)
            .Small(L("Czas warszawski (Europe/Warsaw).", "Warsaw time (Europe/Warsaw)."));
        if (card.Anonymised)
        {
            pdf.Small(L("Wersja anonimizowana: ekspertów oznaczono numerami w kolejności złożenia kart.", "Anonymised version: experts are numbered in the order they submitted their sheets."));
        }

    }

    internal static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
