namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The commission's notices (domain guide, section 4): to its members when a recommendation list is put to the vote, and
/// to each applicant when the resolution's decision is in the portal. The outcome is never in the subject nor the text:
/// the decision is read in the portal, where its delivery is recorded and the appeal window starts.
/// </summary>
public static class CommissionMessages
{
    public const string VotingOpened = "commission.voting_opened";
    public const string DecisionAvailable = "commission.decision_available";

    private static readonly IReadOnlyList<string> VotingOpenedPlaceholders = ["recipientName", "competitionName", "count", "link"];

    private static readonly IReadOnlyList<string> DecisionPlaceholders = ["recipientName", "competitionName", "applicationNumber", "clusterName", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Członkini",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["count"] = "12",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["link"] = "https://kkk.example.gov.pl/my-votes",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(VotingOpened, VotingOpenedPlaceholders, Samples),
            new MessageWording(
                "Głosowanie komisji w konkursie „{{competitionName}}” jest otwarte",
                "Dzień dobry {{recipientName}},\n\nlista rekomendacyjna konkursu „{{competitionName}}” (liczba wniosków: {{count}}) została przekazana komisji. "
                + "Prosimy o oddanie głosu w sprawie każdego wniosku: za, przeciw albo wstrzymuję się.\n\nGłosowanie: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>lista rekomendacyjna konkursu „{{competitionName}}” (liczba wniosków: {{count}}) została przekazana komisji. "
                + "Prosimy o oddanie głosu w sprawie każdego wniosku: za, przeciw albo wstrzymuję się.</p><p><a href=\"{{link}}\">Przejdź do głosowania</a></p>"),
            new MessageWording(
                "The commission's vote in “{{competitionName}}” is open",
                "Hello {{recipientName}},\n\nthe recommendation list of the competition “{{competitionName}}” (applications: {{count}}) has been put before the commission. "
                + "Please vote on each application: for, against or abstain.\n\nThe vote: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the recommendation list of the competition “{{competitionName}}” (applications: {{count}}) has been put before the commission. "
                + "Please vote on each application: for, against or abstain.</p><p><a href=\"{{link}}\">Open the vote</a></p>")),
        new(
            new NotificationTemplateDefinition(DecisionAvailable, DecisionPlaceholders, Samples),
            new MessageWording(
                "Decyzja w sprawie wniosku {{applicationNumber}} jest dostępna w portalu",
                "Dzień dobry {{recipientName}},\n\nkomisja podjęła uchwałę w sprawie wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie „{{competitionName}}”. "
                + "Decyzja jest dostępna w portalu; termin na odwołanie biegnie od dnia jej otwarcia.\n\nDecyzja: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>komisja podjęła uchwałę w sprawie wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie „{{competitionName}}”. "
                + "Decyzja jest dostępna w portalu; termin na odwołanie biegnie od dnia jej otwarcia.</p><p><a href=\"{{link}}\">Otwórz decyzję</a></p>"),
            new MessageWording(
                "The decision on application {{applicationNumber}} is available in the portal",
                "Hello {{recipientName}},\n\nthe commission has adopted a resolution on application {{applicationNumber}} of the cluster {{clusterName}} in the competition “{{competitionName}}”. "
                + "The decision is available in the portal; the time to appeal runs from the day you open it.\n\nThe decision: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the commission has adopted a resolution on application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in the competition “{{competitionName}}”. "
                + "The decision is available in the portal; the time to appeal runs from the day you open it.</p><p><a href=\"{{link}}\">Open the decision</a></p>")),
    ];
}
