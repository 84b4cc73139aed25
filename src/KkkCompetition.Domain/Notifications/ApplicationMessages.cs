namespace KkkCompetition.Domain.Notifications;

/// <summary>The notices to an applicant about his or her application: submitted (with the receipt), withdrawn.</summary>
public static class ApplicationMessages
{
    public const string Submitted = "application.submitted";
    public const string Withdrawn = "application.withdrawn";

    private static readonly IReadOnlyList<string> SubmittedPlaceholders =
        ["recipientName", "number", "competitionName", "clusterName", "submittedAt", "sha256", "link"];

    private static readonly IReadOnlyList<string> WithdrawnPlaceholders =
        ["recipientName", "number", "competitionName", "clusterName", "withdrawnAt", "reason", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["number"] = "KKK/2027/1/0001",
        ["competitionName"] = "Konkurs o status KKK — nabór 2027/1",
        ["clusterName"] = "Klaster Przykładowy",
        ["submittedAt"] = "2027-03-15 14:05:09 (Europe/Warsaw)",
        ["withdrawnAt"] = "2027-03-20 09:00:00 (Europe/Warsaw)",
        ["sha256"] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ["reason"] = "Klaster złoży wniosek w kolejnym naborze.",
        ["link"] = "https://kkk.example.gov.pl/files/applications/1/receipt",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Submitted, SubmittedPlaceholders, Samples),
            new MessageWording(
                "Wniosek {{number}} został złożony",
                "Dzień dobry {{recipientName}},\n\nwniosek klastra {{clusterName}} w konkursie „{{competitionName}}” został złożony.\n"
                + "Numer wniosku: {{number}}\nData złożenia: {{submittedAt}}\nSkrót SHA-256: {{sha256}}\n\n"
                + "Urzędowe poświadczenie odbioru (UPO): {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wniosek klastra <strong>{{clusterName}}</strong> w konkursie „{{competitionName}}” został złożony.</p>"
                + "<p>Numer wniosku: <strong>{{number}}</strong><br>Data złożenia: {{submittedAt}}<br>Skrót SHA-256: <code>{{sha256}}</code></p>"
                + "<p><a href=\"{{link}}\">Pobierz urzędowe poświadczenie odbioru (UPO)</a></p>"),
            new MessageWording(
                "Application {{number}} has been submitted",
                "Hello {{recipientName}},\n\nthe application of the cluster {{clusterName}} in the competition “{{competitionName}}” has been submitted.\n"
                + "Application number: {{number}}\nSubmitted: {{submittedAt}}\nSHA-256: {{sha256}}\n\n"
                + "Official receipt (UPO): {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the application of the cluster <strong>{{clusterName}}</strong> in the competition “{{competitionName}}” has been submitted.</p>"
                + "<p>Application number: <strong>{{number}}</strong><br>Submitted: {{submittedAt}}<br>SHA-256: <code>{{sha256}}</code></p>"
                + "<p><a href=\"{{link}}\">Download the official receipt (UPO)</a></p>")),
        new(
            new NotificationTemplateDefinition(Withdrawn, WithdrawnPlaceholders, Samples),
            new MessageWording(
                "Wniosek {{number}} został wycofany",
                "Dzień dobry {{recipientName}},\n\nwniosek {{number}} klastra {{clusterName}} w konkursie „{{competitionName}}” został wycofany {{withdrawnAt}}.\n"
                + "Powód: {{reason}}\n\nSzczegóły: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>wniosek <strong>{{number}}</strong> klastra {{clusterName}} w konkursie „{{competitionName}}” został wycofany {{withdrawnAt}}.</p>"
                + "<p>Powód: {{reason}}</p><p><a href=\"{{link}}\">Przejdź do wniosku</a></p>"),
            new MessageWording(
                "Application {{number}} has been withdrawn",
                "Hello {{recipientName}},\n\napplication {{number}} of the cluster {{clusterName}} in the competition “{{competitionName}}” was withdrawn on {{withdrawnAt}}.\n"
                + "Reason: {{reason}}\n\nDetails: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>application <strong>{{number}}</strong> of the cluster {{clusterName}} in the competition “{{competitionName}}” was withdrawn on {{withdrawnAt}}.</p>"
                + "<p>Reason: {{reason}}</p><p><a href=\"{{link}}\">Open the application</a></p>")),
    ];
}
