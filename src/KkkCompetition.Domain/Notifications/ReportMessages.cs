namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of KPI reports (domain guide, section 6): to the official in charge when a report is submitted for review
/// (late ones with the days late), and to the coordinator when the official returns it with comments for correction or
/// accepts it. The reminders of due days are the reminder rule's (<see cref="ReminderCatalogue.KpiReportDue"/>).
/// </summary>
public static class ReportMessages
{
    public const string Submitted = "report.submitted";
    public const string Returned = "report.returned";
    public const string Accepted = "report.accepted";

    private static readonly IReadOnlyList<string> SubmittedPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "reportTitle", "dueOn", "submittedOn", "lateness", "resubmission", "link"];

    private static readonly IReadOnlyList<string> ReturnedPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "reportTitle", "dueOn", "comments", "link"];

    private static readonly IReadOnlyList<string> AcceptedPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "reportTitle", "dueOn", "achievement", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["contractNumber"] = "KP/1/0001",
        ["clusterName"] = "Klaster Przykładowy",
        ["reportTitle"] = "sprawozdanie roczne za 2027",
        ["dueOn"] = "2028-03-31",
        ["submittedOn"] = "2028-04-03",
        ["lateness"] = "Sprawozdanie złożono po terminie: 3 dni spóźnienia.",
        ["resubmission"] = " (poprawione po zwrocie nr 1)",
        ["comments"] = "KPI-RD: Proszę dołączyć listę projektów B+R z numerami umów.",
        ["achievement"] = "Wykonanie kontraktu według przyjętych sprawozdań rocznych: 92,5%.",
        ["link"] = "https://kkk.example.gov.pl/reports/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Submitted, SubmittedPlaceholders, Samples),
            new MessageWording(
                "Sprawozdanie do oceny: kontrakt {{contractNumber}} — {{reportTitle}}",
                "Dzień dobry {{recipientName}},\n\nklaster {{clusterName}} złożył {{submittedOn}} {{reportTitle}}{{resubmission}} z realizacji kontraktu programowego {{contractNumber}} "
                    + "(termin: {{dueOn}}).\n{{lateness}}\n\nSprawozdanie czeka na ocenę: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>klaster {{clusterName}} złożył {{submittedOn}} {{reportTitle}}{{resubmission}} z realizacji kontraktu programowego <strong>{{contractNumber}}</strong> "
                    + "(termin: {{dueOn}}).</p><p>{{lateness}}</p><p><a href=\"{{link}}\">Oceń sprawozdanie</a></p>"),
            new MessageWording(
                "Report to review: contract {{contractNumber}} — {{reportTitle}}",
                "Hello {{recipientName}},\n\nthe cluster {{clusterName}} submitted on {{submittedOn}} {{reportTitle}}{{resubmission}} of the programme contract {{contractNumber}} "
                    + "(due {{dueOn}}).\n{{lateness}}\n\nThe report awaits your review: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the cluster {{clusterName}} submitted on {{submittedOn}} {{reportTitle}}{{resubmission}} of the programme contract <strong>{{contractNumber}}</strong> "
                    + "(due {{dueOn}}).</p><p>{{lateness}}</p><p><a href=\"{{link}}\">Review the report</a></p>")),
        new(
            new NotificationTemplateDefinition(Returned, ReturnedPlaceholders, Samples),
            new MessageWording(
                "Sprawozdanie zwrócone do poprawy: kontrakt {{contractNumber}} — {{reportTitle}}",
                "Dzień dobry {{recipientName}},\n\n{{reportTitle}} z realizacji kontraktu programowego {{contractNumber}} klastra {{clusterName}} zostało zwrócone do poprawy.\n\n"
                    + "Uwagi urzędnika:\n{{comments}}\n\nPopraw sprawozdanie i złóż je ponownie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>{{reportTitle}} z realizacji kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} zostało zwrócone do poprawy.</p>"
                    + "<p>Uwagi urzędnika:</p><blockquote style=\"white-space: pre-wrap\">{{comments}}</blockquote><p><a href=\"{{link}}\">Popraw sprawozdanie</a></p>"),
            new MessageWording(
                "Report returned for correction: contract {{contractNumber}} — {{reportTitle}}",
                "Hello {{recipientName}},\n\n{{reportTitle}} of the programme contract {{contractNumber}} of the cluster {{clusterName}} has been returned for correction.\n\n"
                    + "The official's comments:\n{{comments}}\n\nCorrect the report and submit it again: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>{{reportTitle}} of the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} has been returned for correction.</p>"
                    + "<p>The official's comments:</p><blockquote style=\"white-space: pre-wrap\">{{comments}}</blockquote><p><a href=\"{{link}}\">Correct the report</a></p>")),
        new(
            new NotificationTemplateDefinition(Accepted, AcceptedPlaceholders, Samples),
            new MessageWording(
                "Sprawozdanie przyjęte: kontrakt {{contractNumber}} — {{reportTitle}}",
                "Dzień dobry {{recipientName}},\n\n{{reportTitle}} z realizacji kontraktu programowego {{contractNumber}} klastra {{clusterName}} zostało przyjęte.\n"
                    + "{{achievement}}\n\nSprawozdanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>{{reportTitle}} z realizacji kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} zostało przyjęte.</p>"
                    + "<p>{{achievement}}</p><p><a href=\"{{link}}\">Sprawozdanie</a></p>"),
            new MessageWording(
                "Report accepted: contract {{contractNumber}} — {{reportTitle}}",
                "Hello {{recipientName}},\n\n{{reportTitle}} of the programme contract {{contractNumber}} of the cluster {{clusterName}} has been accepted.\n"
                    + "{{achievement}}\n\nThe report: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>{{reportTitle}} of the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} has been accepted.</p>"
                    + "<p>{{achievement}}</p><p><a href=\"{{link}}\">The report</a></p>")),
    ];
}
