namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The notices of programme contracts (domain guide, section 5): to the coordinator when a draft awaits his or her review and
/// signature, when the State and the region have signed, and when the contract's status changes (in force, suspended,
/// resumed, completed, terminated — one message kind whose change and details come in both languages); to the official in
/// charge when the coordinator has signed. Amendments: to the official when one is proposed, to the proposer and the
/// coordinator when it is approved or rejected.
/// </summary>
public static class ContractMessages
{
    public const string DraftReady = "contract.draft_ready";
    public const string CoordinatorSigned = "contract.coordinator_signed";
    public const string Concluded = "contract.signed";
    public const string StatusChanged = "contract.status_changed";
    public const string AmendmentProposed = "amendment.proposed";
    public const string AmendmentApproved = "amendment.approved";
    public const string AmendmentRejected = "amendment.rejected";

    private static readonly IReadOnlyList<string> ContractPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "phaseNumber", "startsOn", "endsOn", "link"];

    private static readonly IReadOnlyList<string> SignedPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "signedOn", "startsOn", "endsOn", "firstDueOn", "link"];

    private static readonly IReadOnlyList<string> StatusPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "change", "details", "link"];

    private static readonly IReadOnlyList<string> AmendmentPlaceholders =
        ["recipientName", "contractNumber", "clusterName", "amendmentNumber", "reason", "versionNumber", "effectiveFrom", "link"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["contractNumber"] = "KP/1/0001",
        ["clusterName"] = "Klaster Przykładowy",
        ["phaseNumber"] = "1",
        ["startsOn"] = "2027-01-01",
        ["endsOn"] = "2030-12-31",
        ["signedOn"] = "2026-12-15",
        ["firstDueOn"] = "2028-03-31",
        ["change"] = "kontrakt został zawieszony",
        ["details"] = "Powód: opóźnienie w złożeniu sprawozdania.",
        ["amendmentNumber"] = "1",
        ["reason"] = "Rozszerzenie klastra o nowych członków wymaga zmiany celów.",
        ["versionNumber"] = "2",
        ["effectiveFrom"] = "2027-06-01",
        ["link"] = "https://kkk.example.gov.pl/contracts/1",
    };

    public static IReadOnlyList<EventMessage> All { get; } =
    [
        new(
            new NotificationTemplateDefinition(DraftReady, ContractPlaceholders, Samples),
            new MessageWording(
                "Projekt kontraktu programowego {{contractNumber}} czeka na weryfikację i podpis",
                "Dzień dobry {{recipientName}},\n\nministerstwo przygotowało projekt kontraktu programowego {{contractNumber}} klastra {{clusterName}} na fazę {{phaseNumber}} programu "
                + "(od {{startsOn}} do {{endsOn}}). Prosimy o zapoznanie się z planem (wskaźniki KPI z celami na każdy rok i budżet) i podpisanie go w portalu.\n\n"
                + "Kontrakt: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>ministerstwo przygotowało projekt kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} na fazę {{phaseNumber}} programu "
                + "(od {{startsOn}} do {{endsOn}}). Prosimy o zapoznanie się z planem (wskaźniki KPI z celami na każdy rok i budżet) i podpisanie go w portalu.</p>"
                + "<p><a href=\"{{link}}\">Otwórz kontrakt</a></p>"),
            new MessageWording(
                "The draft programme contract {{contractNumber}} awaits your review and signature",
                "Hello {{recipientName}},\n\nthe ministry has drafted the programme contract {{contractNumber}} of the cluster {{clusterName}} for phase {{phaseNumber}} of the programme "
                + "({{startsOn}} to {{endsOn}}). Please review its plan (KPIs with a target for each year, and the budget) and sign it in the portal.\n\n"
                + "The contract: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the ministry has drafted the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} for phase {{phaseNumber}} of the programme "
                + "({{startsOn}} to {{endsOn}}). Please review its plan (KPIs with a target for each year, and the budget) and sign it in the portal.</p>"
                + "<p><a href=\"{{link}}\">Open the contract</a></p>")),
        new(
            new NotificationTemplateDefinition(CoordinatorSigned, ContractPlaceholders, Samples),
            new MessageWording(
                "Koordynator podpisał kontrakt {{contractNumber}}",
                "Dzień dobry {{recipientName}},\n\nkoordynator klastra {{clusterName}} podpisał projekt kontraktu programowego {{contractNumber}}. "
                + "Po podpisaniu przez Skarb Państwa i zarząd województwa wprowadź datę podpisania w portalu.\n\nKontrakt: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>koordynator klastra {{clusterName}} podpisał projekt kontraktu programowego <strong>{{contractNumber}}</strong>. "
                + "Po podpisaniu przez Skarb Państwa i zarząd województwa wprowadź datę podpisania w portalu.</p><p><a href=\"{{link}}\">Otwórz kontrakt</a></p>"),
            new MessageWording(
                "The coordinator has signed the contract {{contractNumber}}",
                "Hello {{recipientName}},\n\nthe coordinator of the cluster {{clusterName}} has signed the draft programme contract {{contractNumber}}. "
                + "Once the State and the voivodeship board have signed, enter the day of signing in the portal.\n\nThe contract: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the coordinator of the cluster {{clusterName}} has signed the draft programme contract <strong>{{contractNumber}}</strong>. "
                + "Once the State and the voivodeship board have signed, enter the day of signing in the portal.</p><p><a href=\"{{link}}\">Open the contract</a></p>")),
        new(
            new NotificationTemplateDefinition(Concluded, SignedPlaceholders, Samples),
            new MessageWording(
                "Kontrakt programowy {{contractNumber}} został zawarty",
                "Dzień dobry {{recipientName}},\n\nkontrakt programowy {{contractNumber}} klastra {{clusterName}} został podpisany przez wszystkie strony dnia {{signedOn}}. "
                + "Obowiązuje od {{startsOn}} do {{endsOn}}; pierwsze sprawozdanie roczne należy złożyć do {{firstDueOn}}. Harmonogram sprawozdań jest w portalu.\n\n"
                + "Kontrakt: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>kontrakt programowy <strong>{{contractNumber}}</strong> klastra {{clusterName}} został podpisany przez wszystkie strony dnia {{signedOn}}. "
                + "Obowiązuje od {{startsOn}} do {{endsOn}}; pierwsze sprawozdanie roczne należy złożyć do {{firstDueOn}}. Harmonogram sprawozdań jest w portalu.</p>"
                + "<p><a href=\"{{link}}\">Otwórz kontrakt</a></p>"),
            new MessageWording(
                "The programme contract {{contractNumber}} has been concluded",
                "Hello {{recipientName}},\n\nthe programme contract {{contractNumber}} of the cluster {{clusterName}} was signed by all parties on {{signedOn}}. "
                + "It runs from {{startsOn}} to {{endsOn}}; the first annual report is due by {{firstDueOn}}. The reporting schedule is in the portal.\n\n"
                + "The contract: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} was signed by all parties on {{signedOn}}. "
                + "It runs from {{startsOn}} to {{endsOn}}; the first annual report is due by {{firstDueOn}}. The reporting schedule is in the portal.</p>"
                + "<p><a href=\"{{link}}\">Open the contract</a></p>")),
        new(
            new NotificationTemplateDefinition(StatusChanged, StatusPlaceholders, Samples),
            new MessageWording(
                "Kontrakt programowy {{contractNumber}}: {{change}}",
                "Dzień dobry {{recipientName}},\n\nw sprawie kontraktu programowego {{contractNumber}} klastra {{clusterName}}: {{change}}.\n{{details}}\n\nKontrakt: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>w sprawie kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}}: {{change}}.</p><p>{{details}}</p>"
                + "<p><a href=\"{{link}}\">Otwórz kontrakt</a></p>"),
            new MessageWording(
                "Programme contract {{contractNumber}}: {{change}}",
                "Hello {{recipientName}},\n\nregarding the programme contract {{contractNumber}} of the cluster {{clusterName}}: {{change}}.\n{{details}}\n\nThe contract: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>regarding the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}}: {{change}}.</p><p>{{details}}</p>"
                + "<p><a href=\"{{link}}\">Open the contract</a></p>")),
        new(
            new NotificationTemplateDefinition(AmendmentProposed, AmendmentPlaceholders, Samples),
            new MessageWording(
                "Propozycja aneksu nr {{amendmentNumber}} do kontraktu {{contractNumber}}",
                "Dzień dobry {{recipientName}},\n\nzaproponowano aneks nr {{amendmentNumber}} do kontraktu programowego {{contractNumber}} klastra {{clusterName}}.\n"
                + "Uzasadnienie: {{reason}}\n\nProsimy o zatwierdzenie albo odrzucenie aneksu: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>zaproponowano aneks nr {{amendmentNumber}} do kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}}.</p>"
                + "<p>Uzasadnienie: {{reason}}</p><p><a href=\"{{link}}\">Rozpatrz aneks</a></p>"),
            new MessageWording(
                "Amendment no. {{amendmentNumber}} to the contract {{contractNumber}} proposed",
                "Hello {{recipientName}},\n\namendment no. {{amendmentNumber}} to the programme contract {{contractNumber}} of the cluster {{clusterName}} has been proposed.\n"
                + "Reason: {{reason}}\n\nPlease approve or reject it: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>amendment no. {{amendmentNumber}} to the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} has been proposed.</p>"
                + "<p>Reason: {{reason}}</p><p><a href=\"{{link}}\">Review the amendment</a></p>")),
        new(
            new NotificationTemplateDefinition(AmendmentApproved, AmendmentPlaceholders, Samples),
            new MessageWording(
                "Aneks nr {{amendmentNumber}} do kontraktu {{contractNumber}} został zatwierdzony",
                "Dzień dobry {{recipientName}},\n\naneks nr {{amendmentNumber}} do kontraktu programowego {{contractNumber}} klastra {{clusterName}} został zatwierdzony. "
                + "Plan kontraktu w wersji {{versionNumber}} obowiązuje od {{effectiveFrom}}; wcześniejsze wersje pozostają dostępne w portalu.\n\nKontrakt: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>aneks nr {{amendmentNumber}} do kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} został zatwierdzony. "
                + "Plan kontraktu w wersji {{versionNumber}} obowiązuje od {{effectiveFrom}}; wcześniejsze wersje pozostają dostępne w portalu.</p><p><a href=\"{{link}}\">Otwórz kontrakt</a></p>"),
            new MessageWording(
                "Amendment no. {{amendmentNumber}} to the contract {{contractNumber}} has been approved",
                "Hello {{recipientName}},\n\namendment no. {{amendmentNumber}} to the programme contract {{contractNumber}} of the cluster {{clusterName}} has been approved. "
                + "Version {{versionNumber}} of the contract's plan applies from {{effectiveFrom}}; the earlier versions stay readable in the portal.\n\nThe contract: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>amendment no. {{amendmentNumber}} to the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} has been approved. "
                + "Version {{versionNumber}} of the contract's plan applies from {{effectiveFrom}}; the earlier versions stay readable in the portal.</p><p><a href=\"{{link}}\">Open the contract</a></p>")),
        new(
            new NotificationTemplateDefinition(AmendmentRejected, AmendmentPlaceholders, Samples),
            new MessageWording(
                "Aneks nr {{amendmentNumber}} do kontraktu {{contractNumber}} został odrzucony",
                "Dzień dobry {{recipientName}},\n\naneks nr {{amendmentNumber}} do kontraktu programowego {{contractNumber}} klastra {{clusterName}} został odrzucony; plan kontraktu pozostaje bez zmian.\n"
                + "Uzasadnienie: {{reason}}\n\nAneksy kontraktu: {{link}}\n\n— System konkursu KKK",
                "<p>Dzień dobry {{recipientName}},</p><p>aneks nr {{amendmentNumber}} do kontraktu programowego <strong>{{contractNumber}}</strong> klastra {{clusterName}} został odrzucony; plan kontraktu pozostaje bez zmian.</p>"
                + "<p>Uzasadnienie: {{reason}}</p><p><a href=\"{{link}}\">Aneksy kontraktu</a></p>"),
            new MessageWording(
                "Amendment no. {{amendmentNumber}} to the contract {{contractNumber}} has been rejected",
                "Hello {{recipientName}},\n\namendment no. {{amendmentNumber}} to the programme contract {{contractNumber}} of the cluster {{clusterName}} has been rejected; the contract's plan stays as it was.\n"
                + "Reasons: {{reason}}\n\nThe contract's amendments: {{link}}\n\n— KKK competition system",
                "<p>Hello {{recipientName}},</p><p>amendment no. {{amendmentNumber}} to the programme contract <strong>{{contractNumber}}</strong> of the cluster {{clusterName}} has been rejected; the contract's plan stays as it was.</p>"
                + "<p>Reasons: {{reason}}</p><p><a href=\"{{link}}\">The contract's amendments</a></p>")),
    ];
}
