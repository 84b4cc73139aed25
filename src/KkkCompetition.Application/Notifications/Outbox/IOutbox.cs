using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Application.Notifications.Outbox;

/// <summary>
/// What a use case sends: a message kind (template key), its recipients, the placeholder values and the deep link.
/// <see cref="Values"/> may hold language variants as <c>name.pl</c> / <c>name.en</c>; they win over <c>name</c>.
/// <see cref="PreferenceKey"/> names the reminder rule whose e-mail preference applies (null: e-mail always).
/// </summary>
public sealed record OutboxEnvelope(
    string TemplateKey,
    IReadOnlyCollection<Guid> RecipientUserIds,
    IReadOnlyDictionary<string, string> Values,
    string? Link = null,
    string? PreferenceKey = null);

/// <summary>
/// The outbox port: enqueues messages in the current command's transaction (they are saved with the change
/// that causes them, and dispatched after it commits). One message per recipient, rendered in the recipient's
/// language: an e-mail when the user has an address and has not turned e-mail off, otherwise in-app only (noted).
/// </summary>
public interface IOutbox
{
    Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken);
}

/// <summary>Settings of the notifications: the public address that deep links are made absolute with.</summary>
public sealed class NotificationOptions
{
    public const string Section = "KKK:Notifications";

    /// <summary>E.g. https://kkk.example.gov.pl; relative links stay relative when empty.</summary>
    public string? PublicBaseUrl { get; set; }
}

internal sealed class OutboxWriter(IAppDbContext db, TimeProvider clock, IOptions<NotificationOptions> options) : IOutbox
{
    private Dictionary<(string Key, string Language), NotificationTemplate>? _templates;
    private readonly Dictionary<string, ReminderRule?> _rules = [];

    public async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.RecipientUserIds.Count == 0)
        {
            return [];
        }

        _templates ??= (await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(t => (t.Key, t.Language));
        var ids = envelope.RecipientUserIds.Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var emailOff = new HashSet<Guid>();
        if (envelope.PreferenceKey is { } ruleKey && await RuleAsync(ruleKey, cancellationToken) is { Mandatory: false })
        {
            emailOff = (await db.NotificationPreferences.AsNoTracking()
                .Where(p => p.RuleKey == ruleKey && !p.EmailEnabled && ids.Contains(p.UserId))
                .Select(p => p.UserId)
                .ToListAsync(cancellationToken)).ToHashSet();
        }

        var link = AbsoluteLink(envelope.Link);
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>(users.Count);
        foreach (var user in users.OrderBy(u => ids.IndexOf(u.Id)))
        {
            var language = user.PreferredLanguage is "en" ? "en" : "pl";
            var template = Template(envelope.TemplateKey, language);
            var rendered = template.Render(name => name switch
            {
                "recipientName" => user.DisplayName.Length > 0 ? user.DisplayName : user.UserName,
                "link" => link ?? "",
                _ => envelope.Values.GetValueOrDefault($"{name}.{language}") ?? envelope.Values.GetValueOrDefault(name),
            });
            var (channel, note) = string.IsNullOrWhiteSpace(user.Email)
                ? (OutboxChannel.InApp, OutboxMessage.NoEmailAddressNote)
                : emailOff.Contains(user.Id)
                    ? (OutboxChannel.InApp, OutboxMessage.EmailTurnedOffNote)
                    : (OutboxChannel.Email, (string?)null);
            var message = OutboxMessage.Create(channel, user.Id, user.Email, language, envelope.TemplateKey, rendered, link, note, now);
            db.OutboxMessages.Add(message);
            messages.Add(message);
        }

        return messages;
    }

    private async Task<ReminderRule?> RuleAsync(string key, CancellationToken cancellationToken)
    {
        if (!_rules.TryGetValue(key, out var rule))
        {
            rule = await db.ReminderRules.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
            _rules[key] = rule;
        }

        return rule;
    }

    private NotificationTemplate Template(string key, string language) =>
        _templates!.GetValueOrDefault((key, language))
        ?? _templates!.GetValueOrDefault((key, "pl"))
        ?? throw new InvalidOperationException($"No template '{key}' in the database: seed the notification defaults.");

    private string? AbsoluteLink(string? link)
    {
        if (string.IsNullOrEmpty(link) || Uri.IsWellFormedUriString(link, UriKind.Absolute) || string.IsNullOrEmpty(options.Value.PublicBaseUrl))
        {
            return link;
        }

        return options.Value.PublicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
    }
}
