using System.Net;
using System.Text.RegularExpressions;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Notifications;

/// <summary>
/// The e-mail (and in-app) wording of one message kind in one language: subject, plain text and HTML with
/// <c>{{placeholder}}</c>s. Only the placeholders its definition allows are accepted, so a typo is refused at save.
/// </summary>
public sealed partial class NotificationTemplate : Entity
{
    public static readonly IReadOnlyList<string> Languages = ["pl", "en"];

    private NotificationTemplate()
    {
    }

    public string Key { get; private set; } = "";
    public string Language { get; private set; } = "pl";
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Html { get; private set; } = "";

    public static NotificationTemplate Create(string key, string language, string subject, string text, string html)
    {
        var template = new NotificationTemplate { Key = key, Language = language };
        template.Update(subject, text, html);
        return template;
    }

    public void Update(string subject, string text, string html)
    {
        Check(Key, subject, text, html);
        Subject = subject;
        Text = text;
        Html = html;
    }

    /// <summary>Refuses an unknown template key or a placeholder its definition does not allow.</summary>
    public static void Check(string key, string subject, string text, string html)
    {
        var definition = NotificationTemplateCatalogue.Find(key)
            ?? throw new BusinessRuleViolation("template.unknown_key", $"There is no message kind '{key}'.", key);
        foreach (var part in new[] { subject, text, html })
        {
            var unknown = UnknownPlaceholders(part, definition.Placeholders).FirstOrDefault();
            if (unknown is not null)
            {
                throw new BusinessRuleViolation(
                    "template.unknown_placeholder",
                    $"The placeholder {unknown} is not known here; allowed: {string.Join(", ", definition.Placeholders)}.",
                    unknown,
                    string.Join(", ", definition.Placeholders));
            }
        }
    }

    /// <summary>Every <c>{{…}}</c> that is not an allowed placeholder, as written (also unclosed or malformed ones).</summary>
    public static IEnumerable<string> UnknownPlaceholders(string text, IReadOnlyCollection<string> allowed)
    {
        foreach (Match match in Braces().Matches(text))
        {
            var name = match.Groups["name"];
            if (!name.Success || !allowed.Contains(name.Value))
            {
                yield return match.Value;
            }
        }
    }

    public RenderedMessage Render(Func<string, string?> value) =>
        new(Fill(Subject, value, html: false), Fill(Text, value, html: false), Fill(Html, value, html: true));

    public static string Fill(string text, Func<string, string?> value, bool html) =>
        Placeholder().Replace(text, m =>
        {
            var filled = value(m.Groups["name"].Value) ?? "";
            return html ? WebUtility.HtmlEncode(filled) : filled;
        });

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Anything opened with <c>{{</c>: a well-formed placeholder (name captured) or a stray, malformed one.</summary>
    [GeneratedRegex(@"\{\{\s*(?:(?<name>[A-Za-z][A-Za-z0-9_]*)\s*\}\}|[^}]*\}?\}?)")]
    private static partial Regex Braces();
}

/// <summary>A message kind: its key, the placeholders its templates may use, and sample values for the preview.</summary>
public sealed record NotificationTemplateDefinition(string Key, IReadOnlyList<string> Placeholders, IReadOnlyDictionary<string, string> SampleValues);

/// <summary>The message kinds the product sends, each with its default Polish and English wording.</summary>
public static class NotificationTemplateCatalogue
{
    /// <summary>What every reminder template may use; <c>timing</c> is worded in the recipient's language by the engine.</summary>
    public static readonly IReadOnlyList<string> ReminderPlaceholders = ["recipientName", "subjectTitle", "dueDate", "timing", "link"];

    private static readonly Dictionary<string, string> ReminderSamples = new()
    {
        ["recipientName"] = "Anna Kowalska",
        ["subjectTitle"] = "Klaster Przykładowy — raport KPI 2027",
        ["dueDate"] = "2027-03-31",
        ["timing"] = "-3",
        ["link"] = "https://kkk.example.gov.pl/reports/1",
    };

    /// <summary>The message kinds sent when something happens (not by the reminder engine), each with its own wording.</summary>
    private static readonly IReadOnlyList<EventMessage> EventMessages =
    [
        .. ApplicationMessages.All, .. FormalReviewNotices.All, .. ExpertMessages.All, .. AssignmentMessages.All, .. ScoringNotices.All,
        .. CommissionMessages.All, .. DecisionMessages.All, .. AppealMessages.All, .. RegistryMessages.All,
        .. ContractMessages.All,
        .. ReportMessages.All,
        .. PhaseEvaluationMessages.All,
        .. PhaseDecisionMessages.All,
    ];

    public static IReadOnlyList<NotificationTemplateDefinition> Definitions { get; } =
        ReminderCatalogue.Keys.Select(key => new NotificationTemplateDefinition(key, ReminderPlaceholders, ReminderSamples))
            .Concat(EventMessages.Select(m => m.Definition))
            .ToList();

    public static NotificationTemplateDefinition? Find(string key) => Definitions.FirstOrDefault(d => d.Key == key);

    /// <summary>The default wording of every kind in both languages.</summary>
    public static IEnumerable<NotificationTemplate> DefaultTemplates()
    {
        foreach (var rule in ReminderCatalogue.CreateDefaults())
        {
            yield return NotificationTemplate.Create(
                rule.Key,
                "pl",
                $"Przypomnienie: {rule.NamePl} — {{{{subjectTitle}}}}",
                $"Dzień dobry {{{{recipientName}}}},\n\n{rule.NamePl}: {{{{subjectTitle}}}}.\nTermin: {{{{dueDate}}}} ({{{{timing}}}}).\n\nSzczegóły: {{{{link}}}}\n\n— System konkursu KKK",
                $"<p>Dzień dobry {{{{recipientName}}}},</p><p>{rule.NamePl}: <strong>{{{{subjectTitle}}}}</strong>.<br>Termin: {{{{dueDate}}}} ({{{{timing}}}}).</p><p><a href=\"{{{{link}}}}\">Przejdź do systemu</a></p>");
            yield return NotificationTemplate.Create(
                rule.Key,
                "en",
                $"Reminder: {rule.NameEn} — {{{{subjectTitle}}}}",
                $"Hello {{{{recipientName}}}},\n\n{rule.NameEn}: {{{{subjectTitle}}}}.\nDeadline: {{{{dueDate}}}} ({{{{timing}}}}).\n\nDetails: {{{{link}}}}\n\n— KKK competition system",
                $"<p>Hello {{{{recipientName}}}},</p><p>{rule.NameEn}: <strong>{{{{subjectTitle}}}}</strong>.<br>Deadline: {{{{dueDate}}}} ({{{{timing}}}}).</p><p><a href=\"{{{{link}}}}\">Open the system</a></p>");
        }

        foreach (var message in EventMessages)
        {
            yield return NotificationTemplate.Create(message.Definition.Key, "pl", message.Pl.Subject, message.Pl.Text, message.Pl.Html);
            yield return NotificationTemplate.Create(message.Definition.Key, "en", message.En.Subject, message.En.Text, message.En.Html);
        }
    }
}

/// <summary>The default wording of a message kind in one language.</summary>
public sealed record MessageWording(string Subject, string Text, string Html);

/// <summary>A message kind sent on an event, with its default wording in Polish and English.</summary>
public sealed record EventMessage(NotificationTemplateDefinition Definition, MessageWording Pl, MessageWording En);
