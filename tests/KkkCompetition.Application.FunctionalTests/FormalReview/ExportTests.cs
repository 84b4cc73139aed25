using System.Text;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

public abstract class ExportTests(DatabaseFixture database) : FormalReviewTest(database)
{
    private async Task<(Guid CompetitionId, IReadOnlyList<SubmittedApplication> Apps)> DecidedAsync()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var apps = await Applications.SubmitManyAsync(competitionId, ["Klaster Alfa", "Śląski Klaster Wodorowy", "=HYPERLINK(\"x\")"], cancellationToken: Ct);
        await Send(TestUsers.Official, new AcceptFormally(apps[0].Id, null, await PassAllAsync(apps[0].Id)));
        var version = await CheckAsync(apps[1].Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Fail, "Za mało członków.");
        await Send(TestUsers.Official, new RejectFormally(apps[1].Id, "Klaster ma 40 członków; wymagane 51.", version));
        return (competitionId, apps);
    }

    [Fact]
    public async Task The_list_exports_to_xlsx_with_polish_headings_one_row_per_submitted_application()
    {
        var (competitionId, apps) = await DecidedAsync();

        var file = await Send(TestUsers.Official, new ExportCompetitionApplications(competitionId, ListExportFormat.Xlsx));

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        Assert.Equal("wnioski-2027-1.xlsx", file.FileName);
        var rows = MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Numer", "Klaster", "Koordynator", "NIP koordynatora", "Status", "Data złożenia (czas warszawski)", "Wynik oceny formalnej", "Data decyzji (czas warszawski)", "Uzasadnienie"], rows[0].Keys);
        Assert.Equal(apps.Select(a => a.Number), rows.Select(r => r["Numer"]?.ToString()));
        Assert.Equal(["Przyjęty formalnie", "Odrzucony formalnie", "Złożony"], rows.Select(r => r["Status"]?.ToString()));
        Assert.Equal(["przyjęty", "odrzucony", "w toku"], rows.Select(r => r["Wynik oceny formalnej"]?.ToString()));
        Assert.Equal("Klaster ma 40 członków; wymagane 51.", rows[1]["Uzasadnienie"]?.ToString());
        Assert.Equal("2027-01-15 10:30:00", rows[0]["Data złożenia (czas warszawski)"]?.ToString());
        var nip = await Read(db => db.Organisations.Where(o => o.Name == "Stowarzyszenie Klaster Alfa").Select(o => o.Nip).SingleAsync(Ct));
        Assert.Equal(nip, rows[0]["NIP koordynatora"]?.ToString());
    }

    [Fact]
    public async Task The_list_exports_to_csv_for_polish_excel_with_a_bom_semicolons_and_formulas_escaped()
    {
        var (competitionId, apps) = await DecidedAsync();

        var file = await Send(TestUsers.Official, new ExportCompetitionApplications(competitionId, ListExportFormat.Csv));

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal("wnioski-2027-1.csv", file.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content.Take(3));
        var lines = Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Numer;Klaster;Koordynator;NIP koordynatora;Status;Data złożenia (czas warszawski);Wynik oceny formalnej;Data decyzji (czas warszawski);Uzasadnienie", lines[0]);
        Assert.StartsWith($"{apps[1].Number};Śląski Klaster Wodorowy;", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(";odrzucony;2027-01-15 10:30:05;Klaster ma 40 członków; wymagane 51.", lines[2].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // A cluster named like a formula is written so that Excel shows it as text.
        Assert.DoesNotContain(";=HYPERLINK", lines[3], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_officials_export_the_list()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new ExportCompetitionApplications(competitionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new ExportCompetitionApplications(Guid.CreateVersion7())));
        var empty = await Send(TestUsers.Official, new ExportCompetitionApplications(competitionId));
        var rows = MiniExcel.Query(new MemoryStream(empty.Content), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Numer", Assert.Single(rows)["A"]?.ToString());
    }

    [Fact]
    public async Task The_pdf_is_made_from_the_latest_snapshot_for_officials_and_the_owner_only()
    {
        var application = await SubmittedAsync();

        var official = await Send(TestUsers.Official, new GetApplicationPdf(application.Id));
        var owner = await Send(application.Owner, new GetApplicationPdf(application.Id));

        Assert.Equal("application/pdf", official.ContentType);
        Assert.Equal($"{application.Number.Replace('/', '-')}.pdf", official.FileName);
        Assert.Equal("%PDF-"u8.ToArray(), official.Content.Take(5));
        Assert.True(official.Content.Length > 10_000, $"A PDF with 60 members and embedded fonts, not {official.Content.Length} bytes.");
        Assert.Equal("%PDF-"u8.ToArray(), owner.Content.Take(5));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetApplicationPdf(application.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new GetApplicationPdf(application.Id)));
    }

    [Fact]
    public async Task A_draft_has_no_pdf_copy()
    {
        var application = await SubmittedAsync();
        Guid draftId;
        await using (var scope = Database.CreateScope(out var db))
        {
            var cluster = await db.Clusters.SingleAsync(Ct);
            var other = await Applications.CompetitionAsync("Drugi nabór", cancellationToken: Ct);
            var draft = KkkApplication.StartDraft(await db.Competitions.SingleAsync(c => c.Id == other, Ct), cluster.Id, application.Owner.UserId!.Value, Database.Clock.GetUtcNow());
            db.Applications.Add(draft);
            await db.SaveChangesAsync(Ct);
            draftId = draft.Id;
        }

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(application.Owner, new GetApplicationPdf(draftId)));
        Assert.Equal("application.not_submitted", ex.Code);
    }
}

public sealed class ExportTestsOnSqlite(SqliteDatabaseFixture database) : ExportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ExportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ExportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
