namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of the formal review to the applicant (domain guide section 2): the correction request and the formal
/// outcome. Each is an <see cref="EventMessage"/> of the <see cref="NotificationTemplateCatalogue"/>.
/// </summary>
public static class FormalReviewNotices
{
    public const string CorrectionRequested = "application.correction_requested";
    public const string FormallyAccepted = "application.formally_accepted";
    public const string FormallyRejected = "application.formally_rejected";

    private static readonly IReadOnlyList<string> CorrectionPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "items", "windowDays", "deadline", "link"];

    private static readonly IReadOnlyList<string> OutcomePlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "reasons", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["items"] = "- Statut klastra: brak podpisów członków zarządu",
        ["windowDays"] = "7",
        ["deadline"] = "2027-05-24",
        ["reasons"] = "Klaster ma 40 członków (wymagane 51).",
        ["link"] = "https://kkk.example.gov.pl/applications/1/correction",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(CorrectionRequested, CorrectionPlaceholders, Samples),
            new MessageWording(
                "Wezwanie do uzupełnienia wniosku {{applicationNumber}}",
                "Dzień dobry {{recipientName}},\n\nwniosek {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} wymaga uzupełnienia:\n{{items}}\n\n"
                    + "Termin: {{windowDays}} dni od doręczenia wezwania (otwarcia go w systemie), najpóźniej do {{deadline}}. Bez odpowiedzi w terminie wniosek zostanie odrzucony formalnie.\n\n"
                    + "Wezwanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wniosek <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} wymaga uzupełnienia:</p>"
                    + "<pre>{{items}}</pre><p>Termin: {{windowDays}} dni od doręczenia wezwania (otwarcia go w systemie), najpóźniej do {{deadline}}. Bez odpowiedzi w terminie wniosek zostanie odrzucony formalnie.</p>"
                    + "<p><a href=\"{{link}}\">Otwórz wezwanie</a></p>"),
            new MessageWording(
                "Request to correct application {{applicationNumber}}",
                "Hello {{recipientName}},\n\napplication {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} needs corrections:\n{{items}}\n\n"
                    + "Deadline: {{windowDays}} days from delivery of this request (opening it in the system), {{deadline}} at the latest. Without an answer in time the application is formally rejected.\n\n"
                    + "The request: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} needs corrections:</p>"
                    + "<pre>{{items}}</pre><p>Deadline: {{windowDays}} days from delivery of this request (opening it in the system), {{deadline}} at the latest. Without an answer in time the application is formally rejected.</p>"
                    + "<p><a href=\"{{link}}\">Open the request</a></p>")),
        new(
            new NotificationTemplateDefinition(FormallyAccepted, OutcomePlaceholders, Samples),
            new MessageWording(
                "Wniosek {{applicationNumber}} przyjęty formalnie",
                "Dzień dobry {{recipientName}},\n\nwniosek {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} przeszedł ocenę formalną i trafi do oceny merytorycznej.\n{{reasons}}\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wniosek <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} przeszedł ocenę formalną i trafi do oceny merytorycznej.</p><p>{{reasons}}</p><p><a href=\"{{link}}\">Przejdź do wniosku</a></p>"),
            new MessageWording(
                "Application {{applicationNumber}} formally accepted",
                "Hello {{recipientName}},\n\napplication {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} passed the formal review and goes on to the merit evaluation.\n{{reasons}}\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} passed the formal review and goes on to the merit evaluation.</p><p>{{reasons}}</p><p><a href=\"{{link}}\">Open the application</a></p>")),
        new(
            new NotificationTemplateDefinition(FormallyRejected, OutcomePlaceholders, Samples),
            new MessageWording(
                "Wniosek {{applicationNumber}} odrzucony formalnie",
                "Dzień dobry {{recipientName}},\n\nwniosek {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} został odrzucony z przyczyn formalnych.\n\nUzasadnienie:\n{{reasons}}\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wniosek <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} został odrzucony z przyczyn formalnych.</p><p>Uzasadnienie:</p><pre>{{reasons}}</pre><p><a href=\"{{link}}\">Przejdź do wniosku</a></p>"),
            new MessageWording(
                "Application {{applicationNumber}} formally rejected",
                "Hello {{recipientName}},\n\napplication {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} was rejected on formal grounds.\n\nReasons:\n{{reasons}}\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} was rejected on formal grounds.</p><p>Reasons:</p><pre>{{reasons}}</pre><p><a href=\"{{link}}\">Open the application</a></p>")),
    ];
}
