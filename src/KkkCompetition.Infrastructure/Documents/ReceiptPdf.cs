using System.Globalization;
using KkkCompetition.Application.Applications;
using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// The official receipt of a submission (UPO, urzędowe poświadczenie odbioru), in Polish with English below each label.
/// Its dates and file identifier come from the submission, so every download of a receipt is the same file.
/// </summary>
public sealed class ReceiptPdf : ISubmissionReceiptRenderer
{
    public byte[] Render(SubmissionReceipt receipt)
    {
        var warsaw = TimeZoneInfo.ConvertTime(receipt.SubmittedAt, WorkingDayCalendar.Warsaw);
        using var pdf = new PdfWriter($"UPO {receipt.Number}")
            .Reproducible(receipt.SubmittedAt, $"UPO|{receipt.ApplicationId}|{receipt.Number}|{receipt.Sha256}");
        pdf.Heading("Urzędowe poświadczenie odbioru (UPO)")
            .Small("Official receipt of submission")
            .Space(8)
            .Paragraph("Potwierdza się złożenie wniosku o nadanie statusu Krajowego Klastra Kluczowego w systemie konkursu KKK.")
            .Small("This confirms that the application for the status of National Key Cluster was submitted in the KKK competition system.")
            .Space(10)
            .Row("Numer wniosku / Application number", receipt.Number)
            .Row("Konkurs / Competition", $"{receipt.CompetitionName} ({receipt.CompetitionYear}, nabór / round {receipt.CompetitionRound})")
            .Row("Klaster / Cluster", receipt.ClusterName)
            .Row("Koordynator / Coordinator", $"{receipt.CoordinatorName}, NIP {receipt.CoordinatorNip}")
            .Row("Data złożenia (czas warszawski) / Submitted (Warsaw time)", warsaw.ToString("yyyy-MM-dd HH:mm:ss (zzz)", CultureInfo.InvariantCulture))
            .Row("Data złożenia (UTC) / Submitted (UTC)", receipt.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff 'UTC'", CultureInfo.InvariantCulture))
            .Row("Skrót SHA-256 treści / SHA-256 of the content", receipt.Sha256)
            .Space(10)
            .Small("Skrót obliczono z kanonicznej kopii wniosku (JSON, UTF-8) zamrożonej w chwili złożenia; ta sama kopia trafia do oceny.")
            .Small("The hash is computed over the canonical copy of the application (JSON, UTF-8) frozen at submission; the same copy goes to evaluation.")
            .Small($"Identyfikator wniosku / Application id: {receipt.ApplicationId}");
        return pdf.ToBytes();
    }
}
