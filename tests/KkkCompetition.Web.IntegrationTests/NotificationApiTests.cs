using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using KkkCompetition.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The notification endpoints over HTTP: what administrators and users get, and the bad input answers.</summary>
public sealed class NotificationApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task The_openapi_document_lists_the_notification_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me/notifications", paths);
        Assert.Contains("/api/v1/me/notifications/unread-count", paths);
        Assert.Contains("/api/v1/me/notifications/{id}/read", paths);
        Assert.Contains("/api/v1/me/notification-preferences/{ruleKey}", paths);
        Assert.Contains("/api/v1/outbox", paths);
        Assert.Contains("/api/v1/outbox/{id}/retry", paths);
        Assert.Contains("/api/v1/reminder-rules/{key}", paths);
        Assert.Contains("/api/v1/notification-templates/{key}/{language}/preview", paths);
    }

    [Fact]
    public async Task A_negative_offset_is_400_naming_the_field_and_a_template_typo_is_409()
    {
        var admin = await ClientAsync(Roles.Administrator);
        var rules = await JsonAsync(await admin.GetAsync("/api/v1/reminder-rules", Ct));
        var kpi = rules.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "reminder.kpi_report_due");

        var response = await admin.PutAsJsonAsync("/api/v1/reminder-rules/reminder.kpi_report_due", new
        {
            offsets = new[] { new { days = -3, when = "Before" } },
            enabled = true,
            mandatory = true,
            escalateAfterDeadline = true,
            version = kpi.GetProperty("version").GetInt32(),
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, e => string.Equals(e, "offsets[0].days", StringComparison.OrdinalIgnoreCase));

        var template = await admin.PutAsJsonAsync("/api/v1/notification-templates/reminder.kpi_report_due/en", new
        {
            subject = "Hi {{foo}}",
            text = "text",
            html = "",
            version = 0,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, template.StatusCode);
        Assert.Equal("template.unknown_placeholder", (await JsonAsync(template)).GetProperty("code").GetString());

        var preview = await admin.PostAsJsonAsync("/api/v1/notification-templates/reminder.kpi_report_due/pl/preview", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.StartsWith("Przypomnienie: Termin raportu KPI", (await JsonAsync(preview)).GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pl", "To samo przesunięcie występuje dwa razy.")]
    [InlineData("en", "An offset appears twice.")]
    public async Task A_repeated_offset_is_refused_in_the_callers_language(string language, string message)
    {
        var admin = await ClientAsync(Roles.Administrator);
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var rules = await JsonAsync(await admin.GetAsync("/api/v1/reminder-rules", Ct));
        var rule = rules.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "reminder.phase_end");

        var response = await admin.PutAsJsonAsync("/api/v1/reminder-rules/reminder.phase_end", new
        {
            offsets = new[] { new { days = 3, when = "Before" }, new { days = 3, when = "Before" } },
            enabled = true,
            mandatory = false,
            escalateAfterDeadline = false,
            version = rule.GetProperty("version").GetInt32(),
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var offsets = (await JsonAsync(response)).GetProperty("errors").GetProperty("offsets");
        Assert.Contains(message, offsets.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_user_reads_their_own_inbox_and_may_not_see_the_outbox()
    {
        var applicant = await ClientAsync(Roles.Applicant);

        Assert.Equal(0, (await JsonAsync(await applicant.GetAsync("/api/v1/me/notifications/unread-count", Ct))).GetProperty("count").GetInt32());
        Assert.Equal(0, (await JsonAsync(await applicant.GetAsync("/api/v1/me/notifications", Ct))).GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsync($"/api/v1/me/notifications/{Guid.CreateVersion7()}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/outbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.PutAsJsonAsync("/api/v1/me/notification-preferences/reminder.phase_end", new { emailEnabled = false }, Ct)).StatusCode);
        var mandatory = await applicant.PutAsJsonAsync("/api/v1/me/notification-preferences/reminder.kpi_report_due", new { emailEnabled = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, mandatory.StatusCode);
        var preferences = await JsonAsync(await applicant.GetAsync("/api/v1/me/notification-preferences", Ct));
        Assert.False(preferences.EnumerateArray().Single(p => p.GetProperty("ruleKey").GetString() == "reminder.phase_end").GetProperty("emailEnabled").GetBoolean());
    }
}

public sealed class NotificationJobsTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public void The_outbox_dispatch_runs_every_minute_and_the_reminder_scan_daily_at_seven_in_warsaw()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        var dispatch = Assert.Single(jobs, j => j.Id == "outbox-dispatch");
        Assert.Equal("* * * * *", dispatch.Cron);
        Assert.Equal("OutboxDispatchJob", dispatch.Job.Type.Name);
        var scan = Assert.Single(jobs, j => j.Id == "reminder-scan");
        Assert.Equal("0 7 * * *", scan.Cron);
        Assert.Equal("Europe/Warsaw", scan.TimeZoneId);
        Assert.Equal("ReminderScanJob", scan.Job.Type.Name);
    }
}
