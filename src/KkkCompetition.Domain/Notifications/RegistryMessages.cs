namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices to a cluster's coordinator when its KKK status ends (domain guide, section 4): expiry at the end of its
/// validity, or revocation by an official with a reason. Both link to the cluster's public card, which shows the same.
/// </summary>
public static class RegistryMessages
{
    public const string Expired = "kkk_status.expired";
    public const string Revoked = "kkk_status.revoked";

    private static readonly IReadOnlyList<string> ExpiredPlaceholders =
        ["recipientName", "clusterName", "certificateNumber", "validTo", "endedOn", "link"];

    private static readonly IReadOnlyList<string> RevokedPlaceholders =
        ["recipientName", "clusterName", "certificateNumber", "validTo", "endedOn", "reason", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["clusterName"] = "Klaster Przykładowy",
        ["certificateNumber"] = "KKK/C/2027/0001",
        ["validTo"] = "2030-03-14",
        ["endedOn"] = "2030-03-15",
        ["reason"] = "Klaster przestał spełniać warunki statusu.",
        ["link"] = "https://kkk.example.gov.pl/registry/clusters/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Expired, ExpiredPlaceholders, Samples),
            new MessageWording(
                "Status KKK klastra {{clusterName}} wygasł",
                "Dzień dobry {{recipientName}},\n\nstatus Krajowego Klastra Kluczowego klastra {{clusterName}} (certyfikat {{certificateNumber}}) był ważny do {{validTo}} i wygasł z dniem {{endedOn}}.\n"
                + "O status można ubiegać się ponownie w kolejnym konkursie.\n\nKarta klastra w rejestrze: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>status Krajowego Klastra Kluczowego klastra <strong>{{clusterName}}</strong> (certyfikat {{certificateNumber}}) był ważny do {{validTo}} i wygasł z dniem {{endedOn}}.</p>"
                + "<p>O status można ubiegać się ponownie w kolejnym konkursie.</p><p><a href=\"{{link}}\">Karta klastra w rejestrze</a></p>"),
            new MessageWording(
                "The KKK status of {{clusterName}} has expired",
                "Hello {{recipientName}},\n\nthe National Key Cluster status of {{clusterName}} (certificate {{certificateNumber}}) was valid until {{validTo}} and expired on {{endedOn}}.\n"
                + "You may apply again in a later competition.\n\nThe cluster's card in the registry: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the National Key Cluster status of <strong>{{clusterName}}</strong> (certificate {{certificateNumber}}) was valid until {{validTo}} and expired on {{endedOn}}.</p>"
                + "<p>You may apply again in a later competition.</p><p><a href=\"{{link}}\">The cluster's card in the registry</a></p>")),
        new(
            new NotificationTemplateDefinition(Revoked, RevokedPlaceholders, Samples),
            new MessageWording(
                "Status KKK klastra {{clusterName}} został cofnięty",
                "Dzień dobry {{recipientName}},\n\nstatus Krajowego Klastra Kluczowego klastra {{clusterName}} (certyfikat {{certificateNumber}}) został cofnięty z dniem {{endedOn}}.\n"
                + "Powód: {{reason}}\n\nKarta klastra w rejestrze: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>status Krajowego Klastra Kluczowego klastra <strong>{{clusterName}}</strong> (certyfikat {{certificateNumber}}) został cofnięty z dniem {{endedOn}}.</p>"
                + "<p>Powód: {{reason}}</p><p><a href=\"{{link}}\">Karta klastra w rejestrze</a></p>"),
            new MessageWording(
                "The KKK status of {{clusterName}} has been revoked",
                "Hello {{recipientName}},\n\nthe National Key Cluster status of {{clusterName}} (certificate {{certificateNumber}}) was revoked on {{endedOn}}.\n"
                + "Reason: {{reason}}\n\nThe cluster's card in the registry: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the National Key Cluster status of <strong>{{clusterName}}</strong> (certificate {{certificateNumber}}) was revoked on {{endedOn}}.</p>"
                + "<p>Reason: {{reason}}</p><p><a href=\"{{link}}\">The cluster's card in the registry</a></p>")),
    ];
}
