using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Applications;

public abstract class ApplicationDraftTests(DatabaseFixture database) : ApplicationTest(database)
{
    [Fact]
    public async Task The_applicant_starts_a_draft_for_the_own_cluster_with_both_years_and_the_five_areas()
    {
        var competitionId = await ArrangeAsync();

        var started = await StartDraftAsync(competitionId);

        var application = await As(Applicant, new GetApplication(started.ApplicationId));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(0, application.Version);
        Assert.True(application.IsOwner);
        Assert.Equal("Klaster Testowy 1", application.Cluster.Name);
        Assert.Equal(60, application.Cluster.MemberCount);
        Assert.Equal([2025, 2026], application.Indicators.Select(i => i.Year));
        Assert.Equal(["A", "B", "C", "D", "E"], application.Narratives.Select(n => n.AreaCode));
        Assert.Equal("Zasoby ludzkie, infrastrukturalne i finansowe", application.Narratives[0].AreaNamePl);
        Assert.Equal("Human, infrastructure and financial resources", application.Narratives[0].AreaNameEn);
        Assert.True(application.Competition.AcceptsSubmissionsNow);
        Assert.False(application.CanSubmit);
        Assert.False(application.Completeness.IsComplete);
        Assert.Equal(1 + 5 + Enum.GetValues<AttachmentKind>().Length, application.Completeness.Sections.Count);
        Assert.All(application.Completeness.Sections, s => Assert.True(s.Editable));
        Assert.Equal(1, await Read(db => db.AuditEntries.CountAsync(e => e.Command == nameof(StartApplicationDraft) && e.EntityType == nameof(KkkApplication), Ct)));
    }

    [Fact]
    public async Task A_second_draft_in_the_same_competition_is_409_naming_the_first_and_nothing_is_added()
    {
        var competitionId = await ArrangeAsync();
        var first = await StartDraftAsync(competitionId);

        var ex = await Assert.ThrowsAsync<DetailedRuleViolation>(() => StartDraftAsync(competitionId));

        Assert.Equal("application.already_started", ex.Code);
        Assert.Equal(first.ApplicationId, ex.Details["applicationId"]);
        Assert.Equal(1, await Read(db => db.Applications.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_applicant_without_a_cluster_cannot_start_a_draft()
    {
        var competitionId = await ArrangeAsync();

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => StartDraftAsync(competitionId, OtherApplicant));

        Assert.Equal("application.no_cluster", ex.Code);
        Assert.Equal(0, await Read(db => db.Applications.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_draft_in_an_unknown_competition_is_not_found_and_after_the_close_it_is_refused()
    {
        var competitionId = await ArrangeAsync(closesAt: TestClock.Start.AddHours(1));
        await Assert.ThrowsAsync<NotFoundException>(() => StartDraftAsync(Guid.CreateVersion7()));

        Database.Clock.Set(TestClock.Start.AddHours(1));
        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => StartDraftAsync(competitionId));

        Assert.Equal("application.competition_not_accepting", ex.Code);
        Assert.Equal(0, await Read(db => db.Applications.CountAsync(Ct)));
    }

    [Fact]
    public async Task Autosave_answers_the_next_version_each_time_and_the_same_one_when_nothing_changed()
    {
        var started = await StartDraftAsync(await ArrangeAsync());

        var v1 = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Pierwsza wersja.", started.Version));
        Database.Clock.Advance(TimeSpan.FromSeconds(2));
        var v2 = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Druga wersja.", v1));
        var v3 = await As(Applicant, new SaveApplicationIndicators(started.ApplicationId, 2025, ApplicationArrange.Indicators, v2));
        var same = await As(Applicant, new SaveApplicationIndicators(started.ApplicationId, 2025, ApplicationArrange.Indicators, v3));

        Assert.Equal([1, 2, 3, 3], new[] { v1, v2, v3, same });
        var application = await LoadAsync(started.ApplicationId);
        Assert.Equal(3, application.Version);
        Assert.Equal("Druga wersja.", application.Narratives.Single(n => n.AreaCode == "A").Text);
        Assert.Equal(ApplicationArrange.Indicators, application.Indicators.Single(i => i.Year == 2025).Values);
        Assert.True(application.UpdatedAt > TestClock.Start.AddSeconds(2).AddMicroseconds(-1));
    }

    [Fact]
    public async Task Two_saves_in_the_same_clock_tick_still_bump_the_version_so_a_third_with_the_old_one_is_refused()
    {
        var started = await StartDraftAsync(await ArrangeAsync());

        var v1 = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Tekst 1.", started.Version));
        var v2 = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "B", "Tekst 2.", v1));

        Assert.Equal(2, v2);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "C", "Tekst 3.", v1)));
    }

    [Fact]
    public async Task A_stale_autosave_from_another_tab_is_409_and_does_not_overwrite()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        var firstTab = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Tekst z pierwszej karty.", started.Version));
        var auditBefore = await Read(db => db.AuditEntries.CountAsync(Ct));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Tekst z drugiej karty.", started.Version)));

        Assert.Equal("concurrency.stale_version", ex.Code);
        var application = await LoadAsync(started.ApplicationId);
        Assert.Equal("Tekst z pierwszej karty.", application.Narratives.Single(n => n.AreaCode == "A").Text);
        Assert.Equal(firstTab, application.Version);
        Assert.Equal(auditBefore, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Invalid_indicators_are_400_naming_the_fields()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        var values = ApplicationArrange.Indicators with { Employment = -5, ExportSharePercent = 101m, Revenue = 1.234m };

        var ex = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            As(Applicant, new SaveApplicationIndicators(started.ApplicationId, 2025, values, started.Version)));

        var fields = ex.Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Contains("Values.Employment", fields);
        Assert.Contains("Values.ExportSharePercent", fields);
        Assert.Contains("Values.Revenue", fields);
        Assert.Equal(IndicatorValues.Empty, (await LoadAsync(started.ApplicationId)).Indicators.Single(i => i.Year == 2025).Values);
    }

    [Fact]
    public async Task Someone_elses_application_is_not_found_for_every_use_case_and_nothing_changes()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        var id = started.ApplicationId;
        var other = OtherApplicant;

        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new GetApplication(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new GetApplicationCompleteness(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new SaveApplicationNarrative(id, "A", "Cudzy tekst.", 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new SaveApplicationIndicators(id, 2025, ApplicationArrange.Indicators, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => UploadAsync(id, AttachmentKind.Other, "x.pdf", SampleFiles.Pdf(), other));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new SubmitApplication(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new WithdrawApplication(id, "powód", 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(other, new GetSubmissionReceipt(id)));
        Assert.Empty((await As(other, new ListMyApplications())).Items);

        var application = await LoadAsync(id);
        Assert.Equal(0, application.Version);
        Assert.Empty(application.Attachments);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task An_official_reads_any_application_without_edit_rights_and_may_not_change_it()
    {
        var started = await StartDraftAsync(await ArrangeAsync());

        var read = await As(TestUsers.Official, new GetApplication(started.ApplicationId));

        Assert.False(read.IsOwner);
        Assert.False(read.CanSubmit);
        Assert.All(read.Narratives, n => Assert.False(n.Editable));
        Assert.All(read.Completeness.Sections, s => Assert.False(s.Editable));
        await Assert.ThrowsAsync<ForbiddenException>(() => As(TestUsers.Official, new SaveApplicationNarrative(started.ApplicationId, "A", "tekst", 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => As(TestUsers.Expert, new GetApplication(started.ApplicationId)));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => As(TestUsers.Anonymous, new GetApplication(started.ApplicationId)));
    }

    [Fact]
    public async Task Completeness_lists_what_is_missing_per_section_and_becomes_complete_when_filled()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        await As(Applicant, new SaveApplicationIndicators(started.ApplicationId, 2025, ApplicationArrange.Indicators with { Patents = null }, started.Version));

        var partial = await As(Applicant, new GetApplicationCompleteness(started.ApplicationId));

        var indicators = partial.Sections.Single(s => s.Section == "indicators");
        Assert.False(indicators.Complete);
        Assert.Contains("2025:Patents", indicators.Missing);
        Assert.Equal(12, indicators.Missing.Count);
        Assert.Equal(["text"], partial.Sections.Single(s => s.Section == "narrative:C").Missing);
        Assert.Equal(["file"], partial.Sections.Single(s => s.Section == "attachments:Statute").Missing);
        var signature = partial.Sections.Single(s => s.Section == "attachments:Signature");
        Assert.False(signature.Mandatory);
        Assert.True(signature.Complete);

        await FillAsync(started.ApplicationId);
        var complete = await As(Applicant, new GetApplicationCompleteness(started.ApplicationId));
        Assert.True(complete.IsComplete);
        Assert.Empty(complete.Missing);
        Assert.True((await As(Applicant, new GetApplication(started.ApplicationId))).CanSubmit);
    }

    [Fact]
    public async Task My_applications_are_paged_filtered_by_status_and_sorted()
    {
        var first = await ArrangeAsync();
        var second = await ApplicationArrange.CreateOpenCompetitionAsync(App, Now, year: 2028, cancellationToken: Ct);
        var a = await StartDraftAsync(first);
        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await StartDraftAsync(second);

        var page = await As(Applicant, new ListMyApplications(PageSize: 1));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(b.ApplicationId, Assert.Single(page.Items).Id);
        var next = await As(Applicant, new ListMyApplications(Page: 2, PageSize: 1));
        Assert.Equal(a.ApplicationId, Assert.Single(next.Items).Id);
        var byName = await As(Applicant, new ListMyApplications(SortBy: ApplicationSort.Competition, Descending: false));
        Assert.Equal(["Konkurs o status KKK — nabór 2027", "Konkurs o status KKK — nabór 2028"], byName.Items.Select(i => i.CompetitionName));
        Assert.Empty((await As(Applicant, new ListMyApplications(Status: ApplicationStatus.Submitted))).Items);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => As(Applicant, new ListMyApplications(PageSize: 0)));
    }

    [Fact]
    public async Task A_correction_request_reopens_its_section_for_the_save_commands_and_only_that_one()
    {
        var started = await StartDraftAsync(await ArrangeAsync());
        await FillAsync(started.ApplicationId);
        await As(Applicant, new SubmitApplication(started.ApplicationId));
        await RequestCorrectionAsync(started.ApplicationId, ApplicationSections.Narrative("B"));
        var version = (await LoadAsync(started.ApplicationId)).Version;

        var saved = await As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "B", "Uzupełniony opis obszaru B.", version));

        Assert.Equal(version + 1, saved);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(Applicant, new SaveApplicationNarrative(started.ApplicationId, "A", "Zmiana poza wezwaniem.", saved)));
        Assert.Equal("application.section_not_reopened", refused.Code);
        var upload = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(started.ApplicationId, AttachmentKind.Other, "inne.pdf", SampleFiles.Pdf("inne")));
        Assert.Equal("application.section_not_reopened", upload.Code);
        Assert.Equal("Uzupełniony opis obszaru B.", (await LoadAsync(started.ApplicationId)).Narratives.Single(n => n.AreaCode == "B").Text);
    }

    /// <summary>The official's side belongs to the formal review; here the domain is driven directly, as its commands will.</summary>
    private async Task RequestCorrectionAsync(Guid applicationId, string section)
    {
        await using var scope = App.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var application = await db.Applications.AsSplitQuery().SingleAsync(a => a.Id == applicationId, Ct);
        application.RecordFormalCheck("strategy", FormalCheckOutcome.Fixable, "Opis niepełny.", TestUsers.Official.UserId!.Value, Now);
        application.RequestCorrection([new CorrectionItem(section, "Uzupełnij opis.")], 7, Now);
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class ApplicationDraftTestsOnSqlite(SqliteDatabaseFixture database) : ApplicationDraftTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ApplicationDraftTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApplicationDraftTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
