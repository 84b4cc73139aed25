namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices to an applicant about the delivery of the commission's decision (domain guide, section 4). A decision
/// opened in the portal needs none (the applicant sees the deadline on the page); one delivered on paper is entered by the
/// official later, so the applicant is told the day the appeal window now ends — the one fact the paper could not give.
/// </summary>
public static class DecisionMessages
{
    public const string DeliveredOnPaper = "decision.delivered_on_paper";

    private static readonly IReadOnlyList<string> DeliveredOnPaperPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "resolutionNumber", "deliveredOn", "appealLastDay", "appealWindowDays", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["resolutionNumber"] = "UCH/2027/1/001",
        ["deliveredOn"] = "2027-06-14",
        ["appealLastDay"] = "2027-06-28",
        ["appealWindowDays"] = "14",
        ["link"] = "https://kkk.example.gov.pl/decisions/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(DeliveredOnPaper, DeliveredOnPaperPlaceholders, Samples),
            new MessageWording(
                "Doręczenie decyzji w sprawie wniosku {{applicationNumber}} — termin odwołania do {{appealLastDay}}",
                "Dzień dobry {{recipientName}},\n\ndecyzja Komisji (uchwała {{resolutionNumber}}) w sprawie wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie „{{competitionName}}” "
                + "została doręczona w formie papierowej w dniu {{deliveredOn}}.\n\nOdwołanie można złożyć w portalu w terminie {{appealWindowDays}} dni od doręczenia, "
                + "tj. do dnia {{appealLastDay}} włącznie.\n\nDecyzja: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>decyzja Komisji (uchwała {{resolutionNumber}}) w sprawie wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} "
                + "w konkursie „{{competitionName}}” została doręczona w formie papierowej w dniu {{deliveredOn}}.</p><p>Odwołanie można złożyć w portalu w terminie {{appealWindowDays}} dni "
                + "od doręczenia, tj. <strong>do dnia {{appealLastDay}} włącznie</strong>.</p><p><a href=\"{{link}}\">Przejdź do decyzji</a></p>"),
            new MessageWording(
                "Decision on application {{applicationNumber}} delivered — appeal until {{appealLastDay}}",
                "Hello {{recipientName}},\n\nthe commission's decision (resolution {{resolutionNumber}}) on application {{applicationNumber}} of the cluster {{clusterName}} in the competition “{{competitionName}}” "
                + "was delivered on paper on {{deliveredOn}}.\n\nYou may appeal through the portal within {{appealWindowDays}} days of delivery, "
                + "that is until {{appealLastDay}} inclusive.\n\nThe decision: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the commission's decision (resolution {{resolutionNumber}}) on application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} "
                + "in the competition “{{competitionName}}” was delivered on paper on {{deliveredOn}}.</p><p>You may appeal through the portal within {{appealWindowDays}} days of delivery, "
                + "that is <strong>until {{appealLastDay}} inclusive</strong>.</p><p><a href=\"{{link}}\">Open the decision</a></p>")),
    ];
}
