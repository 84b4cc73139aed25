namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of the commission's vote on a phase evaluation's decisions (domain guide, section 7): to the commission's
/// members when decisions are put to the vote; to the cluster's coordinator when the commission approved the decision on
/// his or her contract (Continue, Conditional with its remediation plan and review date, or Terminate with its reason and
/// the status's last day — the decision and its details come in both languages); to the officials when the commission
/// refused a decision and it waits for them again.
/// </summary>
public static class PhaseDecisionMessages
{
    public const string VotingOpened = "phase_decision.voting_opened";
    public const string Approved = "phase_decision.approved";
    public const string Refused = "phase_decision.refused";

    private static readonly IReadOnlyList<string> VotingOpenedPlaceholders = ["recipientName", "phaseNumber", "count", "link"];

    private static readonly IReadOnlyList<string> DecisionPlaceholders =
        ["recipientName", "phaseNumber", "contractNumber", "clusterName", "decision", "details", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["phaseNumber"] = "1",
        ["count"] = "3",
        ["contractNumber"] = "KP/1/0001",
        ["clusterName"] = "Klaster Przykładowy",
        ["decision"] = "kontynuacja z warunkami",
        ["details"] = "Plan naprawczy: 1) nowa strategia. Przegląd: 2029-06-30.",
        ["link"] = "https://kkk.example.gov.pl/my-evaluations",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(VotingOpened, VotingOpenedPlaceholders, Samples),
            new MessageWording(
                "Głosowanie komisji nad decyzjami oceny fazy {{phaseNumber}} jest otwarte",
                "Dzień dobry {{recipientName}},\n\ndecyzje oceny fazy {{phaseNumber}} programu (liczba decyzji: {{count}}) zostały przekazane komisji do zatwierdzenia. "
                + "Prosimy o oddanie głosu w sprawie każdej decyzji: za, przeciw albo wstrzymuję się.\n\nGłosowanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>decyzje oceny fazy {{phaseNumber}} programu (liczba decyzji: {{count}}) zostały przekazane komisji do zatwierdzenia. "
                + "Prosimy o oddanie głosu w sprawie każdej decyzji: za, przeciw albo wstrzymuję się.</p><p><a href=\"{{link}}\">Przejdź do głosowania</a></p>"),
            new MessageWording(
                "The commission's vote on the decisions of the phase {{phaseNumber}} evaluation is open",
                "Hello {{recipientName}},\n\nthe decisions of the evaluation of programme phase {{phaseNumber}} (decisions: {{count}}) have been put before the commission for approval. "
                + "Please vote on each decision: for, against or abstain.\n\nThe vote: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the decisions of the evaluation of programme phase {{phaseNumber}} (decisions: {{count}}) have been put before the commission for approval. "
                + "Please vote on each decision: for, against or abstain.</p><p><a href=\"{{link}}\">Open the vote</a></p>")),
        new(
            new NotificationTemplateDefinition(Approved, DecisionPlaceholders, Samples),
            new MessageWording(
                "Komisja zatwierdziła decyzję oceny fazy {{phaseNumber}}: {{decision}}",
                "Dzień dobry {{recipientName}},\n\nkomisja zatwierdziła decyzję oceny fazy {{phaseNumber}} programu w sprawie kontraktu {{contractNumber}} klastra {{clusterName}}: {{decision}}.\n"
                + "{{details}}\n\nOcena: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>komisja zatwierdziła decyzję oceny fazy {{phaseNumber}} programu w sprawie kontraktu <strong>{{contractNumber}}</strong> klastra {{clusterName}}: "
                + "<strong>{{decision}}</strong>.</p><p>{{details}}</p><p><a href=\"{{link}}\">Otwórz ocenę</a></p>"),
            new MessageWording(
                "The commission approved the decision of the phase {{phaseNumber}} evaluation: {{decision}}",
                "Hello {{recipientName}},\n\nthe commission has approved the decision of the evaluation of programme phase {{phaseNumber}} on the contract {{contractNumber}} of the cluster {{clusterName}}: {{decision}}.\n"
                + "{{details}}\n\nThe evaluation: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the commission has approved the decision of the evaluation of programme phase {{phaseNumber}} on the contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}}: "
                + "<strong>{{decision}}</strong>.</p><p>{{details}}</p><p><a href=\"{{link}}\">Open the evaluation</a></p>")),
        new(
            new NotificationTemplateDefinition(Refused, DecisionPlaceholders, Samples),
            new MessageWording(
                "Komisja nie zatwierdziła decyzji w sprawie kontraktu {{contractNumber}}",
                "Dzień dobry {{recipientName}},\n\nkomisja nie zatwierdziła decyzji oceny fazy {{phaseNumber}} programu w sprawie kontraktu {{contractNumber}} klastra {{clusterName}} ({{decision}}). "
                + "{{details}}\nOcena wraca do urzędnika, który podejmuje decyzję ponownie.\n\nOcena: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>komisja nie zatwierdziła decyzji oceny fazy {{phaseNumber}} programu w sprawie kontraktu <strong>{{contractNumber}}</strong> klastra {{clusterName}} ({{decision}}). "
                + "{{details}}</p><p>Ocena wraca do urzędnika, który podejmuje decyzję ponownie.</p><p><a href=\"{{link}}\">Otwórz ocenę</a></p>"),
            new MessageWording(
                "The commission did not approve the decision on the contract {{contractNumber}}",
                "Hello {{recipientName}},\n\nthe commission did not approve the decision of the evaluation of programme phase {{phaseNumber}} on the contract {{contractNumber}} of the cluster {{clusterName}} ({{decision}}). "
                + "{{details}}\nThe evaluation goes back to the official, who decides again.\n\nThe evaluation: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the commission did not approve the decision of the evaluation of programme phase {{phaseNumber}} on the contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} ({{decision}}). "
                + "{{details}}</p><p>The evaluation goes back to the official, who decides again.</p><p><a href=\"{{link}}\">Open the evaluation</a></p>")),
    ];
}
