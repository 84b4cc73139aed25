namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of a phase's evaluation (domain guide, section 7): to the coordinator when the evaluation of his or her
/// contract has started (with the quantitative figure and how many reports are missing, so they can still be filed and
/// accepted before the decision), and to the expert or official assigned to score its qualitative part.
/// </summary>
public static class PhaseEvaluationMessages
{
    public const string Started = "phase_evaluation.started";
    public const string EvaluatorAssigned = "phase_evaluation.evaluator_assigned";

    private static readonly IReadOnlyList<string> Placeholders =
        ["recipientName", "contractNumber", "clusterName", "phaseNumber", "phaseEndsOn", "quantitativePercent", "missingReports", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["contractNumber"] = "KP/1/0001",
        ["clusterName"] = "Klaster Przykładowy",
        ["phaseNumber"] = "1",
        ["phaseEndsOn"] = "2027-06-30",
        ["quantitativePercent"] = "84.5",
        ["missingReports"] = "1",
        ["link"] = "https://kkk.example.gov.pl/programme/contract-evaluations/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Started, Placeholders, Samples),
            new MessageWording(
                "Rozpoczęła się ocena kontraktu {{contractNumber}} na koniec fazy {{phaseNumber}}",
                "Dzień dobry {{recipientName}},\n\nministerstwo rozpoczęło ocenę kontraktu programowego {{contractNumber}} klastra {{clusterName}} na koniec fazy {{phaseNumber}} programu "
                + "(faza kończy się {{phaseEndsOn}}). Część ilościowa z osiągnięcia wskaźników KPI wynosi {{quantitativePercent}}%; brakujących sprawozdań rocznych: {{missingReports}} "
                + "(liczą się jako zerowe osiągnięcie). Ocenę jakościową przeprowadzi ekspert lub urzędnik; o decyzji poinformujemy po jej zatwierdzeniu przez komisję.\n\n"
                + "Ocena: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>ministerstwo rozpoczęło ocenę kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} na koniec fazy {{phaseNumber}} programu "
                + "(faza kończy się {{phaseEndsOn}}). Część ilościowa z osiągnięcia wskaźników KPI wynosi {{quantitativePercent}}%; brakujących sprawozdań rocznych: {{missingReports}} "
                + "(liczą się jako zerowe osiągnięcie). Ocenę jakościową przeprowadzi ekspert lub urzędnik; o decyzji poinformujemy po jej zatwierdzeniu przez komisję.</p>"
                + "<p><a href=\"{{link}}\">Otwórz ocenę</a></p>"),
            new MessageWording(
                "The evaluation of the contract {{contractNumber}} at the end of phase {{phaseNumber}} has started",
                "Hello {{recipientName}},\n\nthe ministry has started the evaluation of the programme contract {{contractNumber}} of the cluster {{clusterName}} at the end of phase {{phaseNumber}} of the programme "
                + "(the phase ends on {{phaseEndsOn}}). The quantitative part from the KPI achievement is {{quantitativePercent}}%; annual reports missing: {{missingReports}} "
                + "(they count as zero achievement). An expert or official will score the qualitative part; you will hear of the decision once the commission approves it.\n\n"
                + "The evaluation: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the ministry has started the evaluation of the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} at the end of phase {{phaseNumber}} of the programme "
                + "(the phase ends on {{phaseEndsOn}}). The quantitative part from the KPI achievement is {{quantitativePercent}}%; annual reports missing: {{missingReports}} "
                + "(they count as zero achievement). An expert or official will score the qualitative part; you will hear of the decision once the commission approves it.</p>"
                + "<p><a href=\"{{link}}\">Open the evaluation</a></p>")),
        new(
            new NotificationTemplateDefinition(EvaluatorAssigned, Placeholders, Samples),
            new MessageWording(
                "Przydzielono Ci ocenę jakościową kontraktu {{contractNumber}}",
                "Dzień dobry {{recipientName}},\n\nprzydzielono Ci ocenę części jakościowej kontraktu programowego {{contractNumber}} klastra {{clusterName}} na koniec fazy {{phaseNumber}} "
                + "(faza kończy się {{phaseEndsOn}}). Oceń każde kryterium i uzasadnij ocenę, a następnie złóż ocenę w portalu.\n\nFormularz oceny: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>przydzielono Ci ocenę części jakościowej kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} na koniec fazy {{phaseNumber}} "
                + "(faza kończy się {{phaseEndsOn}}). Oceń każde kryterium i uzasadnij ocenę, a następnie złóż ocenę w portalu.</p><p><a href=\"{{link}}\">Otwórz formularz oceny</a></p>"),
            new MessageWording(
                "You are assigned the qualitative evaluation of the contract {{contractNumber}}",
                "Hello {{recipientName}},\n\nyou are assigned to score the qualitative part of the programme contract {{contractNumber}} of the cluster {{clusterName}} at the end of phase {{phaseNumber}} "
                + "(the phase ends on {{phaseEndsOn}}). Score each criterion with a justification, then submit the evaluation in the portal.\n\nThe evaluation form: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>you are assigned to score the qualitative part of the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} at the end of phase {{phaseNumber}} "
                + "(the phase ends on {{phaseEndsOn}}). Score each criterion with a justification, then submit the evaluation in the portal.</p><p><a href=\"{{link}}\">Open the evaluation form</a></p>")),
    ];
}
