using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>
/// The one-time invitation links: 256 random bits, URL-safe; the pool keeps only their SHA-256, so the database (and
/// its backups and audit log) never hold a link that works.
/// </summary>
public static class InvitationTokens
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(14);

    /// <summary>The page the invitation e-mail links to; the token follows as <c>?token=</c>.</summary>
    public const string PagePath = "/experts/invitation";

    public const int MaxTokenLength = 100;

    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public static string Link(string token) => $"{PagePath}?token={Uri.EscapeDataString(token)}";
}

/// <summary>Writes the invitation e-mail to the outbox, in the command's transaction: it leaves only if the invitation is saved.</summary>
internal static class InvitationMail
{
    public static async Task SendAsync(IAppDbContext db, IOutbox outbox, ICurrentUser official, Expert expert, string token, string language, CancellationToken cancellationToken)
    {
        var invitedBy = official.UserId is { } id
            ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var expiresAt = TimeZoneInfo.ConvertTime(expert.InvitationExpiresAt!.Value, WorkingDayCalendar.Warsaw)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Europe/Warsaw)";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invitedBy"] = string.IsNullOrWhiteSpace(invitedBy) ? official.UserName : invitedBy,
            ["expiresAt"] = expiresAt,
        };
        await outbox.EnqueueAsync(
            new OutboxEnvelope(ExpertMessages.Invitation, [], values, InvitationTokens.Link(token), Addresses: [new OutboxAddress(expert.Email, expert.FullName, language)]),
            cancellationToken);
    }
}
