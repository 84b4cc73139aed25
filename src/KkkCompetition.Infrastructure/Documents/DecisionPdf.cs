using System.Globalization;
using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Application.Evaluation.Ranking;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The decisions' PDFs: the certificate of a KKK status and the letter of a negative decision. As with the receipt and the
/// evaluation's documents, dates and file identifiers come from the data, so every download of the same decision is the
/// same file. The letter reuses the evaluation's anonymised card and sheet bodies, so it shows exactly what they show.
/// </summary>
public sealed class DecisionPdf : IDecisionDocumentWriter
{
    public byte[] Certificate(CertificateDocument certificate)
    {
        using var pdf = new PdfWriter($"Certyfikat {certificate.CertificateNumber}")
            .Reproducible(certificate.GrantedAt, $"CERT|{certificate.StatusId}|{certificate.CertificateNumber}");
        pdf.Heading("Certyfikat statusu Krajowego Klastra Kluczowego")
            .Small("Certificate of the National Key Cluster status")
            .Space(8)
            .Paragraph($"Potwierdza się, że klaster {certificate.ClusterName} posiada status Krajowego Klastra Kluczowego (KKK).")
            .Small($"This certifies that the cluster {certificate.ClusterName} holds the status of National Key Cluster (KKK).")
            .Space(10)
            .Row("Numer certyfikatu / Certificate number", certificate.CertificateNumber)
            .Row("Klaster / Cluster", certificate.ClusterName)
            .Row("Koordynator / Coordinator", $"{certificate.CoordinatorName}, NIP {certificate.CoordinatorNip}")
            .Row("Ważny od / Valid from", Day(certificate.ValidFrom))
            .Row("Ważny do (włącznie) / Valid to (inclusive)", Day(certificate.ValidTo))
            .Row("Uchwała Komisji / Commission resolution", $"{certificate.ResolutionNumber} z dnia / of {Day(certificate.ResolutionDate)}")
            .Row("Konkurs / Competition", certificate.CompetitionName)
            .Space(10)
            .Small("Aktualny stan statusu (wygaśnięcie, cofnięcie) pokazuje publiczny rejestr KKK.")
            .Small("The public KKK registry shows the current state of the status (expiry, revocation).");
        return pdf.ToBytes();
    }

    public byte[] Letter(DecisionLetterDocument letter, string language)
    {
        var en = language == "en";
        string L(string pl, string english) => en ? english : pl;

        using var pdf = new PdfWriter($"{L("Decyzja", "Decision")} {letter.ApplicationNumber}")
            .Reproducible(letter.DecidedAt, $"LETTER|{letter.DecisionId}|{language}|{letter.Card.LastChangedAt.UtcTicks}");
        pdf.Heading(L("Decyzja w sprawie nadania statusu Krajowego Klastra Kluczowego", "Decision on the National Key Cluster status"))
            .Row(L("Konkurs", "Competition"), letter.CompetitionName)
            .Row(L("Wniosek", "Application"), letter.ApplicationNumber)
            .Row(L("Klaster", "Cluster"), letter.ClusterName)
            .Row(L("Koordynator", "Coordinator"), letter.CoordinatorName)
            .Row(L("Uchwała Komisji", "Commission resolution"), $"{letter.ResolutionNumber} {L("z dnia", "of")} {Day(letter.ResolutionDate)}")
            .Row(L("Rozstrzygnięcie", "Outcome"), L("odmowa nadania statusu KKK", "the KKK status is refused"))
            .Row(L("Głosy", "Votes"), string.Format(CultureInfo.InvariantCulture, L("za: {0}, przeciw: {1}, wstrzymujące się: {2}", "for: {0}, against: {1}, abstained: {2}"), letter.VotesFor, letter.VotesAgainst, letter.VotesAbstained))
            .Space(6);

        pdf.Heading(L("Uzasadnienie", "Justification"))
            .Paragraph(letter.Justification);

        pdf.Heading(L("Pouczenie o odwołaniu", "How to appeal"))
            .Paragraph(string.Format(
                CultureInfo.InvariantCulture,
                L(
                    "Od decyzji przysługuje odwołanie w terminie {0} dni od dnia jej doręczenia. Odwołanie składa się w portalu konkursu KKK (strona decyzji, „Złóż odwołanie”), wskazując kryteria, których dotyczy, wraz z uzasadnieniem. Termin, który przypada w sobotę lub dzień ustawowo wolny od pracy, upływa w najbliższym dniu roboczym.",
                    "You may appeal against the decision within {0} days of its delivery. Appeals are lodged in the KKK competition portal (the decision's page, \"Appeal\"), naming the criteria they concern, with reasons. A deadline that falls on a Saturday or a public holiday ends on the next working day."),
                letter.AppealWindowDays));
        if (letter.DeliveredAt is { } delivered && letter.AppealLastDay is { } lastDay)
        {
            pdf.Row(L("Doręczono", "Delivered"), Day(Domain.Calendar.WorkingDayCalendar.ToWarsawDate(delivered)))
                .Row(L("Termin odwołania", "Appeal deadline"), string.Format(CultureInfo.InvariantCulture, L("do {0} włącznie", "until {0} inclusive"), Day(lastDay)));
        }
        else
        {
            pdf.Paragraph(L("Termin biegnie od doręczenia: otwarcia decyzji w portalu albo doręczenia pisma w formie papierowej.", "The time runs from delivery: the opening of the decision in the portal or the delivery of the letter on paper."));
        }

        pdf.Space(6);
        EvaluationPdf.WriteCard(pdf, letter.Card, language);
        foreach (var sheet in letter.Sheets)
        {
            pdf.Heading($"{L("Karta oceny — Ekspert", "Score sheet — Expert")} {sheet.Ordinal}")
                .Row(L("Złożono", "Submitted"), EvaluationPdf.Warsaw(sheet.SubmittedAt))
                .Row(L("Suma ważona", "Weighted total"), $"{RankingText.Points(sheet.Total, language)} / {RankingText.Points(sheet.MaxTotal, language)}");
            EvaluationPdf.WriteScores(pdf, sheet.Lines, sheet.OverallOpinion, language);
        }

        pdf.Space(6)
            .Small(L("Czas warszawski (Europe/Warsaw).", "Warsaw time (Europe/Warsaw)."))
            .Small($"{L("Identyfikator decyzji", "Decision id")}: {letter.DecisionId}");
        return pdf.ToBytes();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
