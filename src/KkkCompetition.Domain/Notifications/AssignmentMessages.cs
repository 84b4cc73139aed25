namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices to an expert about his assignments (domain guide, section 3): new assignments, and an assignment taken
/// back by an official. Before the declaration of impartiality the expert learns nothing of an application's content:
/// its number, the cluster's name, the competition and the deadline only.
/// </summary>
public static class AssignmentMessages
{
    public const string Assigned = "assignment.assigned";
    public const string Released = "assignment.released";

    private static readonly IReadOnlyList<string> AssignedPlaceholders =
        ["recipientName", "competitionName", "count", "applications", "link"];

    private static readonly IReadOnlyList<string> ReleasedPlaceholders =
        ["recipientName", "applicationNumber", "clusterName", "competitionName", "reason", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Jan Ekspert",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["count"] = "2",
        ["applications"] = "- KKK/2027/1/0007, klaster Klaster Przykładowy, termin oceny: 2027-06-15\n- KKK/2027/1/0012, klaster Klaster Morski, termin oceny: 2027-06-15",
        ["applicationNumber"] = "KKK/2027/1/0007",
        ["clusterName"] = "Klaster Przykładowy",
        ["reason"] = "Termin oceny minął.",
        ["link"] = "https://kkk.example.gov.pl/my-assignments",
    };

    /// <summary>
    /// <see cref="Assigned"/> is one message per expert and run, listing the applications (a run gives an expert several):
    /// <c>applications</c> holds one line per application with its number, cluster and deadline.
    /// </summary>
    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Assigned, AssignedPlaceholders, Samples),
            new MessageWording(
                "Przydział do oceny wniosków w konkursie „{{competitionName}}” ({{count}})",
                "Dzień dobry {{recipientName}},\n\nzostał Pan/Pani przydzielony(-a) do oceny merytorycznej wniosków w konkursie „{{competitionName}}” (liczba wniosków: {{count}}):\n{{applications}}\n\n"
                + "Przed zapoznaniem się z treścią każdego wniosku prosimy o złożenie deklaracji bezstronności albo zgłoszenie konfliktu interesów.\n\nPrzydziały: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>został Pan/Pani przydzielony(-a) do oceny merytorycznej wniosków w konkursie „{{competitionName}}” (liczba wniosków: {{count}}):</p><pre>{{applications}}</pre>"
                + "<p>Przed zapoznaniem się z treścią każdego wniosku prosimy o złożenie deklaracji bezstronności albo zgłoszenie konfliktu interesów.</p><p><a href=\"{{link}}\">Przejdź do przydziałów</a></p>"),
            new MessageWording(
                "Assigned to evaluate applications in “{{competitionName}}” ({{count}})",
                "Hello {{recipientName}},\n\nyou have been assigned to the merit evaluation of applications in the competition “{{competitionName}}” (applications: {{count}}):\n{{applications}}\n\n"
                + "Before you read each application, please sign the declaration of impartiality or declare a conflict of interest.\n\nYour assignments: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>you have been assigned to the merit evaluation of applications in the competition “{{competitionName}}” (applications: {{count}}):</p><pre>{{applications}}</pre>"
                + "<p>Before you read each application, please sign the declaration of impartiality or declare a conflict of interest.</p><p><a href=\"{{link}}\">Open your assignments</a></p>")),
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
