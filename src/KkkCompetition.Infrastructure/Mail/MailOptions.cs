namespace KkkCompetition.Infrastructure.Mail;

/// <summary>
/// <c>KKK:Mail:*</c>. With <see cref="PickupFolder"/> set (the Development default), e-mails are written there as
/// .eml files and no server is needed; otherwise they go over SMTP to <see cref="Host"/>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "KKK:Mail";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@kkk.gov.pl";
    public string FromName { get; set; } = "Konkurs KKK";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>A folder for .eml files instead of SMTP; relative to the data folder.</summary>
    public string? PickupFolder { get; set; }
}
