using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Notifications.Templates;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Notifications;

public abstract class TemplateTests(DatabaseFixture database) : NotificationTest(database)
{
    private async Task<NotificationTemplateDto> KpiTemplateAsync(string language) =>
        (await Send(TestUsers.Administrator, new ListNotificationTemplates())).Single(t => t.Key == ReminderCatalogue.KpiReportDue && t.Language == language);

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_at_save_and_nothing_changes()
    {
        var before = await KpiTemplateAsync("pl");

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Administrator,
            new UpdateNotificationTemplate(before.Key, "pl", "Przypomnienie {{foo}}", before.Text, before.Html, before.Version)));

        Assert.Equal("template.unknown_placeholder", ex.Code);
        Assert.Equal("{{foo}}", ex.Arguments[0]);
        var after = await KpiTemplateAsync("pl");
        Assert.Equal(before, after);
        Assert.Equal(0, await Read(db => db.AuditEntries.CountAsync(Ct)));

        var malformed = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Administrator,
            new UpdateNotificationTemplate(before.Key, "pl", before.Subject, "Termin {{dueDate", before.Html, before.Version)));
        Assert.Equal("template.unknown_placeholder", malformed.Code);
    }

    [Fact]
    public async Task A_valid_template_is_saved_audited_and_previewed_with_sample_values()
    {
        var before = await KpiTemplateAsync("en");

        var version = await Send(TestUsers.Administrator,
            new UpdateNotificationTemplate(before.Key, "en", "Due {{dueDate}}: {{subjectTitle}}", "Dear {{recipientName}}, see {{link}} ({{timing}}).", "<p>{{subjectTitle}}</p>", before.Version));

        Assert.Equal(before.Version + 1, version);
        var preview = await Send(TestUsers.Administrator, new PreviewNotificationTemplate(before.Key, "en"));
        Assert.Equal("Due 2027-03-31: Klaster Przykładowy — raport KPI 2027", preview.Subject);
        Assert.Equal("Dear Anna Kowalska, see https://kkk.example.gov.pl/reports/1 (in 3 days).", preview.Text);
        Assert.Equal("<p>Klaster Przykładowy — raport KPI 2027</p>", preview.Html);
        Assert.Single(await Read(db => db.AuditEntries.Where(e => e.EntityType == nameof(NotificationTemplate)).ToListAsync(Ct)));

        var draft = await Send(TestUsers.Administrator, new PreviewNotificationTemplate(before.Key, "pl", Subject: "Szkic {{timing}}"));
        Assert.Equal("Szkic za 3 dni", draft.Subject);
        await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Administrator, new PreviewNotificationTemplate(before.Key, "pl", Subject: "{{nope}}")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new PreviewNotificationTemplate(before.Key, "pl")));
    }
}

public sealed class TemplateTestsOnSqlite(SqliteDatabaseFixture database) : TemplateTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class TemplateTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : TemplateTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
