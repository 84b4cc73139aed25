namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of the merit evaluation to officials (domain guide section 3): a result computed from the sheets, and
/// divergent sheets that called one more expert. Each is an <see cref="EventMessage"/> of the <see cref="NotificationTemplateCatalogue"/>.
/// </summary>
public static class ScoringNotices
{
    public const string ResultComputed = "evaluation.result_computed";
    public const string DivergenceDetected = "evaluation.divergence_detected";

    private static readonly IReadOnlyList<string> ResultPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "total", "threshold", "outcome", "method", "link"];

    private static readonly IReadOnlyList<string> DivergencePlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "spread", "allowed", "staffing", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["total"] = "112,5",
        ["threshold"] = "100",
        ["outcome"] = "spełnia warunki",
        ["method"] = "średnia wszystkich kart",
        ["spread"] = "52",
        ["allowed"] = "45",
        ["staffing"] = "Przydzielono dodatkowego eksperta.",
        ["link"] = "https://kkk.example.gov.pl/evaluation/applications/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(ResultComputed, ResultPlaceholders, Samples),
            new MessageWording(
                "Wynik oceny merytorycznej wniosku {{applicationNumber}}",
                "Dzień dobry {{recipientName}},\n\nwszystkie karty oceny wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} są złożone.\n"
                    + "Wynik ekspertów: {{total}} pkt (próg {{threshold}} pkt, {{method}}) — wniosek {{outcome}}.\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wszystkie karty oceny wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} są złożone.</p>"
                    + "<p>Wynik ekspertów: <strong>{{total}} pkt</strong> (próg {{threshold}} pkt, {{method}}) — wniosek {{outcome}}.</p><p><a href=\"{{link}}\">Zobacz wynik</a></p>"),
            new MessageWording(
                "Merit evaluation result of application {{applicationNumber}}",
                "Hello {{recipientName}},\n\nall score sheets of application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} are in.\n"
                    + "The experts' result: {{total}} points (threshold {{threshold}}, {{method}}) — the application {{outcome}}.\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>all score sheets of application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} are in.</p>"
                    + "<p>The experts' result: <strong>{{total}} points</strong> (threshold {{threshold}}, {{method}}) — the application {{outcome}}.</p><p><a href=\"{{link}}\">See the result</a></p>")),
        new(
            new NotificationTemplateDefinition(DivergenceDetected, DivergencePlaceholders, Samples),
            new MessageWording(
                "Rozbieżne oceny wniosku {{applicationNumber}}",
                "Dzień dobry {{recipientName}},\n\nsumy punktów w kartach oceny wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} różnią się o {{spread}} pkt "
                    + "(dopuszczalnie {{allowed}} pkt). {{staffing}}\nWynik zostanie policzony z dwóch najbliższych ocen.\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>sumy punktów w kartach oceny wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} różnią się o {{spread}} pkt "
                    + "(dopuszczalnie {{allowed}} pkt). {{staffing}}</p><p>Wynik zostanie policzony z dwóch najbliższych ocen.</p><p><a href=\"{{link}}\">Zobacz ocenę</a></p>"),
            new MessageWording(
                "Divergent scores on application {{applicationNumber}}",
                "Hello {{recipientName}},\n\nthe totals of the score sheets of application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} differ by {{spread}} points "
                    + "(at most {{allowed}} allowed). {{staffing}}\nThe result will be the mean of the two closest sheets.\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the totals of the score sheets of application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} differ by {{spread}} points "
                    + "(at most {{allowed}} allowed). {{staffing}}</p><p>The result will be the mean of the two closest sheets.</p><p><a href=\"{{link}}\">See the evaluation</a></p>")),
    ];
}
