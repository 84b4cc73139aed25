using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Application.Notifications.Outbox;

/// <summary>
/// What a use case sends: a message kind (template key), its recipients, the placeholder values and the deep link.
/// <see cref="Values"/> may hold language variants as <c>name.pl</c> / <c>name.en</c>; they win over <c>name</c>.
/// <see cref="PreferenceKey"/> names the reminder rule whose e-mail preference applies (null: e-mail always).
/// <see cref="Addresses"/> are people without an account yet (an invitation): an e-mail each, in the given language.
/// </summary>
public sealed record OutboxEnvelope(
    string TemplateKey,
    IReadOnlyCollection<Guid> RecipientUserIds,
    IReadOnlyDictionary<string, string> Values,
    string? Link = null,
    string? PreferenceKey = null,
    IReadOnlyCollection<OutboxAddress>? Addresses = null);

/// <summary>A recipient known only by address: the name fills <c>recipientName</c>; the language is "pl" or "en".</summary>
public sealed record OutboxAddress(string Email, string Name, string Language);

/// <summary>
/// The outbox port: enqueues messages in the current command's transaction (they are saved with the change
/// that causes them, and dispatched after it commits). One message per recipient, rendered in the recipient's
/// language: an e-mail when the user has an address and has not turned e-mail off, otherwise in-app only (noted).
/// </summary>
public interface IOutbox
{
    Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Several envelopes at once: the recipients and their preferences are read in a few queries, not one per envelope.</summary>
    Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> EnqueueAsync(IReadOnlyList<OutboxEnvelope> envelopes, CancellationToken cancellationToken);
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

    private const int IdsPerQuery = 500;

    private readonly Dictionary<Guid, UserSummary> _users = [];
    private readonly Dictionary<string, HashSet<Guid>> _emailOff = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken) =>
        (await EnqueueAsync([envelope], cancellationToken))[0];

    public async Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> EnqueueAsync(IReadOnlyList<OutboxEnvelope> envelopes, CancellationToken cancellationToken)
    {
        _templates ??= (await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(t => (t.Key, t.Language));
        await LoadRecipientsAsync(envelopes, cancellationToken);
        var now = clock.GetUtcNow();
        var result = new List<IReadOnlyList<OutboxMessage>>(envelopes.Count);
        foreach (var envelope in envelopes)
        {
            var emailOff = envelope.PreferenceKey is { } ruleKey && _emailOff.TryGetValue(ruleKey, out var off) ? off : [];
            var link = AbsoluteLink(envelope.Link);
            var messages = new List<OutboxMessage>(envelope.RecipientUserIds.Count);
            foreach (var id in envelope.RecipientUserIds.Distinct())
            {
                // An unknown user (deleted since the subject named them) gets nothing.
                if (!_users.TryGetValue(id, out var user))
                {
                    continue;
                }

                var language = user.PreferredLanguage is "en" ? "en" : "pl";
                var rendered = Render(envelope, language, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName, link);
                var (channel, note) = string.IsNullOrWhiteSpace(user.Email)
                    ? (OutboxChannel.InApp, OutboxMessage.NoEmailAddressNote)
                    : emailOff.Contains(user.Id)
                        ? (OutboxChannel.InApp, OutboxMessage.EmailTurnedOffNote)
                        : (OutboxChannel.Email, (string?)null);
                var message = OutboxMessage.Create(channel, user.Id, user.Email, language, envelope.TemplateKey, rendered, link, note, now);
                db.OutboxMessages.Add(message);
                messages.Add(message);
            }

            foreach (var address in envelope.Addresses ?? [])
            {
                var language = address.Language is "en" ? "en" : "pl";
                var rendered = Render(envelope, language, address.Name, link);
                var message = OutboxMessage.CreateForAddress(address.Email, language, envelope.TemplateKey, rendered, link, now);
                db.OutboxMessages.Add(message);
                messages.Add(message);
            }

            result.Add(messages);
        }

        return result;
    }

    private async Task LoadRecipientsAsync(IReadOnlyList<OutboxEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var missing = envelopes.SelectMany(e => e.RecipientUserIds).Where(id => !_users.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(IdsPerQuery))
        {
            foreach (var user in await db.Users.Where(u => chunk.Contains(u.Id)).ToListAsync(cancellationToken))
            {
                _users[user.Id] = user;
            }
        }

        foreach (var group in envelopes.Where(e => e.PreferenceKey is not null).GroupBy(e => e.PreferenceKey!))
        {
            if (await RuleAsync(group.Key, cancellationToken) is not { Mandatory: false })
            {
                continue;
            }

            var off = _emailOff.TryGetValue(group.Key, out var known) ? known : _emailOff[group.Key] = [];
            var ids = group.SelectMany(e => e.RecipientUserIds).Distinct().ToList();
            foreach (var chunk in ids.Chunk(IdsPerQuery))
            {
                off.UnionWith(await db.NotificationPreferences.AsNoTracking()
                    .Where(p => p.RuleKey == group.Key && !p.EmailEnabled && chunk.Contains(p.UserId))
                    .Select(p => p.UserId)
                    .ToListAsync(cancellationToken));
            }
        }
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

    private RenderedMessage Render(OutboxEnvelope envelope, string language, string recipientName, string? link) =>
        Template(envelope.TemplateKey, language).Render(name => name switch
        {
            "recipientName" => recipientName,
            "link" => link ?? "",
            _ => envelope.Values.GetValueOrDefault($"{name}.{language}") ?? envelope.Values.GetValueOrDefault(name),
        });

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
