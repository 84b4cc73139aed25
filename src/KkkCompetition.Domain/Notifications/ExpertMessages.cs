namespace KkkCompetition.Domain.Notifications;

/// <summary>The messages of the expert pool (domain guide, section 3): the invitation to join it.</summary>
public static class ExpertMessages
{
    public const string Invitation = "expert.invitation";

    private static readonly IReadOnlyList<string> InvitationPlaceholders = ["recipientName", "invitedBy", "expiresAt", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "dr Anna Nowak",
        ["invitedBy"] = "Olga Urzędniczka",
        ["expiresAt"] = "2027-05-24 09:30 (Europe/Warsaw)",
        ["link"] = "https://kkk.example.gov.pl/experts/invitation?token=sample",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(Invitation, InvitationPlaceholders, Samples),
            new MessageWording(
                "Zaproszenie do puli ekspertów konkursu KKK",
                "Dzień dobry {{recipientName}},\n\n{{invitedBy}} zaprasza Panią/Pana do puli ekspertów oceniających wnioski w konkursie o status Krajowego Klastra Kluczowego.\n\n"
                + "Aby przyjąć zaproszenie, otwórz link (ważny do {{expiresAt}}), załóż konto lub zaloguj się i uzupełnij profil eksperta:\n{{link}}\n\n"
                + "Link działa jeden raz. Jeśli nie spodziewasz się tej wiadomości, zignoruj ją.\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>{{invitedBy}} zaprasza Panią/Pana do puli ekspertów oceniających wnioski w konkursie o status Krajowego Klastra Kluczowego.</p>"
                + "<p><a href=\"{{link}}\">Przyjmij zaproszenie</a> (ważne do {{expiresAt}}), załóż konto lub zaloguj się i uzupełnij profil eksperta.</p>"
                + "<p>Link działa jeden raz. Jeśli nie spodziewasz się tej wiadomości, zignoruj ją.</p>"),
            new MessageWording(
                "Invitation to the KKK competition expert pool",
                "Hello {{recipientName}},\n\n{{invitedBy}} invites you to the pool of experts who score the applications in the competition for the National Key Cluster status.\n\n"
                + "To accept, open the link (valid until {{expiresAt}}), create an account or sign in, and complete your expert profile:\n{{link}}\n\n"
                + "The link works once. If you did not expect this message, ignore it.\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>{{invitedBy}} invites you to the pool of experts who score the applications in the competition for the National Key Cluster status.</p>"
                + "<p><a href=\"{{link}}\">Accept the invitation</a> (valid until {{expiresAt}}), create an account or sign in, and complete your expert profile.</p>"
                + "<p>The link works once. If you did not expect this message, ignore it.</p>")),
    ];
}
