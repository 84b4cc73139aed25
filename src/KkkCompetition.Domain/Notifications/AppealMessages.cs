namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of an appeal against the commission's decision (domain guide, section 4): its receipt (to the applicant,
/// and to the officials as a new case), the ruling (dismissed or upheld, to the applicant with the reasons) and the end of
/// the re-evaluation (to the officials: a new commission decision is awaited).
/// </summary>
public static class AppealMessages
{
    public const string Received = "appeal.received";
    public const string Lodged = "appeal.lodged";
    public const string Dismissed = "appeal.dismissed";
    public const string Upheld = "appeal.upheld";
    public const string ReEvaluationDone = "appeal.reevaluation_done";

    private static readonly IReadOnlyList<string> ReceivedPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "lodgedOn", "ruledBy", "link"];

    private static readonly IReadOnlyList<string> LodgedPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "lodgedOn", "criteria", "link"];

    private static readonly IReadOnlyList<string> RulingPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "reasons", "link"];

    private static readonly IReadOnlyList<string> ReEvaluationPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "total", "threshold", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["lodgedOn"] = "12.10.2027",
        ["ruledBy"] = "urzędnik prowadzący konkurs",
        ["criteria"] = "A.1, B.2",
        ["reasons"] = "Ekspert nie uwzględnił wskaźników za drugi rok, które wniosek podawał w załączniku.",
        ["total"] = "104,5",
        ["threshold"] = "100",
        ["link"] = "https://kkk.example.gov.pl/appeals/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Received, ReceivedPlaceholders, Samples),
            new MessageWording(
                "Odwołanie od decyzji w sprawie wniosku {{applicationNumber}} zostało przyjęte",
                "Dzień dobry {{recipientName}},\n\nprzyjęliśmy {{lodgedOn}} odwołanie od decyzji w sprawie wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}}.\n"
                    + "Odwołanie rozpatrzy {{ruledBy}}; o rozstrzygnięciu i jego uzasadnieniu poinformujemy odrębną wiadomością.\n\nStan odwołania: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>przyjęliśmy {{lodgedOn}} odwołanie od decyzji w sprawie wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}}.</p>"
                    + "<p>Odwołanie rozpatrzy {{ruledBy}}; o rozstrzygnięciu i jego uzasadnieniu poinformujemy odrębną wiadomością.</p><p><a href=\"{{link}}\">Stan odwołania</a></p>"),
            new MessageWording(
                "Your appeal against the decision on application {{applicationNumber}} has been received",
                "Hello {{recipientName}},\n\nwe received on {{lodgedOn}} your appeal against the decision on application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}}.\n"
                    + "It will be ruled on by {{ruledBy}}; the ruling and its reasons will follow in a separate message.\n\nThe appeal's state: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>we received on {{lodgedOn}} your appeal against the decision on application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}}.</p>"
                    + "<p>It will be ruled on by {{ruledBy}}; the ruling and its reasons will follow in a separate message.</p><p><a href=\"{{link}}\">The appeal's state</a></p>")),
        new(
            new NotificationTemplateDefinition(Lodged, LodgedPlaceholders, Samples),
            new MessageWording(
                "Nowe odwołanie: wniosek {{applicationNumber}}",
                "Dzień dobry {{recipientName}},\n\nklaster {{clusterName}} złożył {{lodgedOn}} odwołanie od decyzji w sprawie wniosku {{applicationNumber}} w konkursie {{competitionName}}.\n"
                    + "Kwestionowane kryteria: {{criteria}}.\n\nOdwołanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>klaster {{clusterName}} złożył {{lodgedOn}} odwołanie od decyzji w sprawie wniosku <strong>{{applicationNumber}}</strong> w konkursie {{competitionName}}.</p>"
                    + "<p>Kwestionowane kryteria: {{criteria}}.</p><p><a href=\"{{link}}\">Rozpatrz odwołanie</a></p>"),
            new MessageWording(
                "New appeal: application {{applicationNumber}}",
                "Hello {{recipientName}},\n\nthe cluster {{clusterName}} lodged on {{lodgedOn}} an appeal against the decision on application {{applicationNumber}} in {{competitionName}}.\n"
                    + "Disputed criteria: {{criteria}}.\n\nThe appeal: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the cluster {{clusterName}} lodged on {{lodgedOn}} an appeal against the decision on application <strong>{{applicationNumber}}</strong> in {{competitionName}}.</p>"
                    + "<p>Disputed criteria: {{criteria}}.</p><p><a href=\"{{link}}\">Rule on the appeal</a></p>")),
        new(
            new NotificationTemplateDefinition(Dismissed, RulingPlaceholders, Samples),
            new MessageWording(
                "Odwołanie w sprawie wniosku {{applicationNumber}} nie zostało uwzględnione",
                "Dzień dobry {{recipientName}},\n\nodwołanie od decyzji w sprawie wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} nie zostało uwzględnione. "
                    + "Rozstrzygnięcie jest ostateczne.\n\nUzasadnienie:\n{{reasons}}\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>odwołanie od decyzji w sprawie wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} nie zostało uwzględnione. "
                    + "Rozstrzygnięcie jest ostateczne.</p><p>Uzasadnienie:</p><blockquote>{{reasons}}</blockquote><p><a href=\"{{link}}\">Szczegóły</a></p>"),
            new MessageWording(
                "The appeal on application {{applicationNumber}} has been dismissed",
                "Hello {{recipientName}},\n\nthe appeal against the decision on application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} has been dismissed. "
                    + "The ruling is final.\n\nReasons:\n{{reasons}}\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the appeal against the decision on application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} has been dismissed. "
                    + "The ruling is final.</p><p>Reasons:</p><blockquote>{{reasons}}</blockquote><p><a href=\"{{link}}\">Details</a></p>")),
        new(
            new NotificationTemplateDefinition(Upheld, RulingPlaceholders, Samples),
            new MessageWording(
                "Odwołanie w sprawie wniosku {{applicationNumber}} zostało uwzględnione",
                "Dzień dobry {{recipientName}},\n\nodwołanie od decyzji w sprawie wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} zostało uwzględnione. "
                    + "Wniosek zostanie ponownie oceniony przez eksperta, który wcześniej go nie oceniał, a następnie komisja podejmie nową decyzję.\n\nUzasadnienie:\n{{reasons}}\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>odwołanie od decyzji w sprawie wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} zostało uwzględnione. "
                    + "Wniosek zostanie ponownie oceniony przez eksperta, który wcześniej go nie oceniał, a następnie komisja podejmie nową decyzję.</p><p>Uzasadnienie:</p><blockquote>{{reasons}}</blockquote><p><a href=\"{{link}}\">Szczegóły</a></p>"),
            new MessageWording(
                "The appeal on application {{applicationNumber}} has been upheld",
                "Hello {{recipientName}},\n\nthe appeal against the decision on application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} has been upheld. "
                    + "The application will be re-evaluated by an expert who has not evaluated it before, and the commission will then make a new decision.\n\nReasons:\n{{reasons}}\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the appeal against the decision on application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} has been upheld. "
                    + "The application will be re-evaluated by an expert who has not evaluated it before, and the commission will then make a new decision.</p><p>Reasons:</p><blockquote>{{reasons}}</blockquote><p><a href=\"{{link}}\">Details</a></p>")),
        new(
            new NotificationTemplateDefinition(ReEvaluationDone, ReEvaluationPlaceholders, Samples),
            new MessageWording(
                "Ponowna ocena wniosku {{applicationNumber}} zakończona",
                "Dzień dobry {{recipientName}},\n\nponowna ocena wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie {{competitionName}} po uwzględnionym odwołaniu jest zakończona: "
                    + "{{total}} pkt (próg {{threshold}} pkt). Wniosek czeka na nową decyzję komisji.\n\nOdwołanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>ponowna ocena wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie {{competitionName}} po uwzględnionym odwołaniu jest zakończona: "
                    + "<strong>{{total}} pkt</strong> (próg {{threshold}} pkt). Wniosek czeka na nową decyzję komisji.</p><p><a href=\"{{link}}\">Odwołanie</a></p>"),
            new MessageWording(
                "Re-evaluation of application {{applicationNumber}} done",
                "Hello {{recipientName}},\n\nthe re-evaluation of application {{applicationNumber}} of the cluster {{clusterName}} in {{competitionName}} after the upheld appeal is done: "
                    + "{{total}} points (threshold {{threshold}}). The application awaits a new commission decision.\n\nThe appeal: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the re-evaluation of application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in {{competitionName}} after the upheld appeal is done: "
                    + "<strong>{{total}} points</strong> (threshold {{threshold}}). The application awaits a new commission decision.</p><p><a href=\"{{link}}\">The appeal</a></p>")),
    ];
}
