namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices to an expert about his assignments (domain guide, section 3): a new assignment, and an assignment taken
/// back by an official. Before the declaration of impartiality the expert learns nothing of the application's content:
/// its number, the cluster's name, the competition and the deadline only.
/// </summary>
public static class AssignmentMessages
{
    public const string Assigned = "assignment.assigned";
    public const string Released = "assignment.released";

    private static readonly IReadOnlyList<string> AssignedPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "deadline", "link"];

    private static readonly IReadOnlyList<string> ReleasedPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "reason", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Jan Ekspert",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["deadline"] = "2027-06-15",
        ["reason"] = "Termin oceny minął.",
        ["link"] = "https://kkk.example.gov.pl/my-assignments/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Assigned, AssignedPlaceholders, Samples),
            new MessageWording(
                "Przydział do oceny wniosku {{applicationNumber}}",
                "Dzień dobry {{recipientName}},\n\nzostał Pan/Pani przydzielony(-a) do oceny merytorycznej wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie „{{competitionName}}”.\n"
                + "Przed zapoznaniem się z treścią wniosku prosimy o złożenie deklaracji bezstronności albo zgłoszenie konfliktu interesów.\n"
                + "Termin oceny: {{deadline}}\n\nPrzydział: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>został Pan/Pani przydzielony(-a) do oceny merytorycznej wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie „{{competitionName}}”.</p>"
                + "<p>Przed zapoznaniem się z treścią wniosku prosimy o złożenie deklaracji bezstronności albo zgłoszenie konfliktu interesów.</p>"
                + "<p>Termin oceny: {{deadline}}</p><p><a href=\"{{link}}\">Przejdź do przydziału</a></p>"),
            new MessageWording(
                "Assigned to evaluate application {{applicationNumber}}",
                "Hello {{recipientName}},\n\nyou have been assigned to the merit evaluation of application {{applicationNumber}} of the cluster {{clusterName}} in the competition “{{competitionName}}”.\n"
                + "Before you read the application, please sign the declaration of impartiality or declare a conflict of interest.\n"
                + "Scoring deadline: {{deadline}}\n\nThe assignment: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>you have been assigned to the merit evaluation of application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in the competition “{{competitionName}}”.</p>"
                + "<p>Before you read the application, please sign the declaration of impartiality or declare a conflict of interest.</p>"
                + "<p>Scoring deadline: {{deadline}}</p><p><a href=\"{{link}}\">Open the assignment</a></p>")),
        new(
            new NotificationTemplateDefinition(Released, ReleasedPlaceholders, Samples),
            new MessageWording(
                "Przydział do wniosku {{applicationNumber}} został cofnięty",
                "Dzień dobry {{recipientName}},\n\nprzydział do oceny wniosku {{applicationNumber}} klastra {{clusterName}} w konkursie „{{competitionName}}” został cofnięty.\n"
                + "Powód: {{reason}}\n\nTwoje przydziały: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>przydział do oceny wniosku <strong>{{applicationNumber}}</strong> klastra {{clusterName}} w konkursie „{{competitionName}}” został cofnięty.</p>"
                + "<p>Powód: {{reason}}</p><p><a href=\"{{link}}\">Twoje przydziały</a></p>"),
            new MessageWording(
                "Your assignment to application {{applicationNumber}} was withdrawn",
                "Hello {{recipientName}},\n\nyour assignment to evaluate application {{applicationNumber}} of the cluster {{clusterName}} in the competition “{{competitionName}}” was withdrawn.\n"
                + "Reason: {{reason}}\n\nYour assignments: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>your assignment to evaluate application <strong>{{applicationNumber}}</strong> of the cluster {{clusterName}} in the competition “{{competitionName}}” was withdrawn.</p>"
                + "<p>Reason: {{reason}}</p><p><a href=\"{{link}}\">Your assignments</a></p>")),
    ];
}
