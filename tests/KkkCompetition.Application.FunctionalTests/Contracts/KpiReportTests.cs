using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>The schedule, the coordinator's report, its submission and the official's review, through the use cases.</summary>
public abstract class KpiReportTests(DatabaseFixture database) : KpiReportTest(database)
{
    [Fact]
    public async Task The_schedule_lists_every_report_with_its_due_day_status_and_days_overdue_to_the_coordinator_and_officials()
    {
        var c = await ContractAsync();

        var schedule = await As(c.Coordinator, new GetContractSchedule(c.Contract.ContractId));

        Assert.Equal(c.Contract.Number, schedule.ContractNumber);
        Assert.Equal([2025, 2026, 2027, 2028, null], schedule.Reports.Select(r => r.Year));
        Assert.Equal([ReportKind.Annual, ReportKind.Annual, ReportKind.Annual, ReportKind.Annual, ReportKind.Final], schedule.Reports.Select(r => r.Kind));
        Assert.All(schedule.Reports, r => Assert.Equal(KpiReportStatus.NotStarted, r.Status));
        var overdue = schedule.Reports[0];
        Assert.Equal((new DateOnly(2026, 3, 31), 290, true, true), (overdue.DueOn, overdue.DaysOverdue, overdue.IsOverdue, overdue.PeriodEnded));
        Assert.Equal((new DateOnly(2027, 3, 31), 0, true), (schedule.Reports[1].DueOn, schedule.Reports[1].DaysOverdue, schedule.Reports[1].PeriodEnded));
        Assert.False(schedule.Reports[2].PeriodEnded);
        Assert.Null(overdue.DaysLate);

        Assert.Equal(5, (await As(c.Official, new GetContractSchedule(c.Contract.ContractId))).Reports.Count);
        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new GetContractSchedule(c.Contract.ContractId)));
    }

    [Fact]
    public async Task Another_applicant_neither_reads_nor_changes_a_report_nor_sees_it_in_his_list()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        var lines = await LinesAsync(c, reportId);

        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new GetKpiReport(reportId)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new SaveKpiReport(reportId, lines, Narrative, [], 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new SubmitKpiReport(reportId, 0)));
        Assert.Empty((await As(Stranger, new ListMyKpiReports())).Items);

        // An official who also holds the applicant's role still files no other cluster's report.
        var both = c.Official with { Roles = [Roles.Official, Roles.Applicant] };
        await Assert.ThrowsAsync<NotFoundException>(() => As(both, new SaveKpiReport(reportId, lines, Narrative, [], 0)));
        Assert.Equal(KpiReportStatus.NotStarted, (await ReportAsync(reportId)).Status);
    }

    [Fact]
    public async Task The_report_shows_the_plans_targets_and_the_thresholds_for_live_achievement()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);

        var view = await As(c.Coordinator, new GetKpiReport(reportId));

        Assert.Equal((c.Contract.Number, "Klaster Kontraktowy", KpiReportStatus.NotStarted), (view.ContractNumber, view.ClusterName, view.Status));
        Assert.Equal((80m, 70m), (view.JustificationBelowPercent, view.MinimumSmeSharePercent));
        Assert.Equal(["KPI-EMP", "KPI-FDI", "KPI-INN", "KPI-MEM", "KPI-RD", "KPI-SME"], view.Lines.Select(l => l.Code).Order());
        Assert.Equal(10m, view.Lines.Single(l => l.Code == "KPI-RD").Target);
        Assert.All(view.Lines, l => Assert.Null(l.Actual));
        Assert.True(view.Editable);
        Assert.False(view.MayReview);
        Assert.False((await As(c.Official, new GetKpiReport(reportId))).Editable);
    }

    [Fact]
    public async Task A_report_for_a_period_that_has_not_ended_is_refused_and_nothing_changes()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2027);
        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.False(view.Editable);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            As(c.Coordinator, new SaveKpiReport(reportId, [new KpiReportLineInput("KPI-RD", 3, null)], Narrative, [], view.Version)));
        var submit = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, view.Version)));

        Assert.Equal(("report.period_not_ended", "report.period_not_ended"), (refused.Code, submit.Code));
        var report = await ReportAsync(reportId);
        Assert.Equal((KpiReportStatus.NotStarted, view.Version, 0), (report.Status, report.Version, report.Lines.Count));
        Assert.Empty(await OutboxAsync(ReportMessages.Submitted));
    }

    [Fact]
    public async Task A_negative_actual_an_invalid_nip_or_a_zero_amount_is_refused_naming_the_field()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        var lines = (await LinesAsync(c, reportId)).ToList();
        lines[2] = lines[2] with { Actual = -1 };
        var audited = await Read(db => db.AuditEntries.CountAsync(Ct));

        var negative = await Assert.ThrowsAsync<ValidationException>(() => As(c.Coordinator, new SaveKpiReport(reportId, lines, Narrative, [], 0)));
        Assert.Equal(("Lines[2].Actual", "kpi.value_negative"), (Assert.Single(negative.Errors).PropertyName, negative.Errors.Single().ErrorCode));

        var badNip = await Assert.ThrowsAsync<ValidationException>(async () => await As(c.Coordinator, new SaveKpiReport(
            reportId, await LinesAsync(c, reportId), Narrative, [Disbursements(100, 0)[0], Disbursements(0, 50)[1] with { RecipientNip = "1234567890" }], 0)));
        Assert.Equal(("Disbursements[1].RecipientNip", "report.recipient_nip_invalid"), (Assert.Single(badNip.Errors).PropertyName, badNip.Errors.Single().ErrorCode));

        var zero = await Assert.ThrowsAsync<ValidationException>(async () => await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId), Narrative, Disbursements(0, 10), 0)));
        Assert.Equal("Disbursements[0].Amount", Assert.Single(zero.Errors).PropertyName);

        Assert.Equal(KpiReportStatus.NotStarted, (await ReportAsync(reportId)).Status);
        Assert.Equal(audited, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_the_later_save_stays()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        var version = await FillAsync(c, reportId);

        await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId, 1.1m), "Wersja z drugiej karty przeglądarki.", [], version));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId), Narrative, [], version)));
        var staleSubmit = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As(c.Coordinator, new SubmitKpiReport(reportId, version)));

        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, staleSubmit.Code);
        var report = await ReportAsync(reportId);
        Assert.Equal(("Wersja z drugiej karty przeglądarki.", 11m), (report.Narrative, report.Lines.Single(l => l.KpiCode == "KPI-RD").Actual));
        Assert.Equal(KpiReportStatus.Draft, report.Status);
    }

    [Fact]
    public async Task Submitting_an_incomplete_report_without_narrative_or_without_the_required_explanations_is_refused()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);

        var notStarted = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, 0)));
        Assert.Equal("report.incomplete", notStarted.Code);

        var partial = (await LinesAsync(c, reportId)).Take(3).ToList();
        var version = await As(c.Coordinator, new SaveKpiReport(reportId, partial, Narrative, [], 0));
        var incomplete = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, version)));
        Assert.Equal("report.incomplete", incomplete.Code);

        version = await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId), "", [], version));
        var noNarrative = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, version)));
        Assert.Equal("report.narrative_required", noNarrative.Code);

        // Half of each target: below 80%, every KPI needs its explanation.
        version = await FillAsync(c, reportId, share: 0.5m);
        var unexplained = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, version)));
        Assert.Equal("report.justification_required", unexplained.Code);
        Assert.Equal(["KPI-EMP", "KPI-FDI", "KPI-INN", "KPI-MEM", "KPI-RD", "KPI-SME"], ((string)unexplained.Arguments[0]!).Split(", ").Order());
        Assert.Equal(80m, unexplained.Arguments[1]);

        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.All(view.Lines, l => Assert.True(l.NeedsJustification, l.Code));
        Assert.Equal(50m, view.Lines.Single(l => l.Code == "KPI-RD").AchievementPercent);
        Assert.Equal(KpiReportStatus.Draft, (await ReportAsync(reportId)).Status);
        Assert.Empty(await OutboxAsync(ReportMessages.Submitted));
    }

    [Fact]
    public async Task Disbursements_give_the_sme_share_and_below_seventy_percent_the_sme_kpi_needs_its_explanation()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);

        var version = await FillAsync(c, reportId, disbursements: Disbursements(800_000, 200_000));
        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.Equal((80m, false, 1_000_000m), (view.SmeSharePercent, view.SmeShareBelowMinimum, view.DisbursedTotal));
        var sme = view.Lines.Single(l => l.Code == KpiReport.SmeShareKpiCode);
        Assert.Equal((80m, true, false), (sme.Actual, sme.ActualFromDisbursements, sme.NeedsJustification));

        version = await FillAsync(c, reportId, disbursements: Disbursements(650_000.50m, 349_999.50m));
        view = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.Equal((65m, true), (view.SmeSharePercent, view.SmeShareBelowMinimum));
        Assert.True(view.Lines.Single(l => l.Code == KpiReport.SmeShareKpiCode).NeedsJustification);
        Assert.Equal([KpiReport.SmeShareKpiCode], view.Lines.Where(l => l.NeedsJustification).Select(l => l.Code));

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, version)));
        Assert.Equal(("report.justification_required", KpiReport.SmeShareKpiCode), (refused.Code, refused.Arguments[0]));

        var lines = (await LinesAsync(c, reportId)).Select(l => l.KpiCode == KpiReport.SmeShareKpiCode ? l with { Justification = "Duży projekt wdrożeniowy lidera klastra." } : l).ToList();
        version = await As(c.Coordinator, new SaveKpiReport(reportId, lines, Narrative, Disbursements(650_000.50m, 349_999.50m), version));
        await As(c.Coordinator, new SubmitKpiReport(reportId, version));
        Assert.Equal(KpiReportStatus.Submitted, (await ReportAsync(reportId)).Status);
    }

    [Fact]
    public async Task A_late_report_is_flagged_with_its_days_late_and_the_official_in_charge_is_told()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2025);
        var version = await FillAsync(c, reportId);

        var submitted = await As(c.Coordinator, new SubmitKpiReport(reportId, version));

        Assert.Equal(290, submitted.DaysLate);
        var report = await ReportAsync(reportId);
        Assert.Equal((KpiReportStatus.Submitted, 290, true), (report.Status, report.DaysLate, report.IsLate));
        var view = await As(c.Official, new GetKpiReport(reportId));
        Assert.Equal((true, 290, 0, true), (view.IsLate, view.DaysLate, view.DaysOverdue, view.MayReview));
        var notice = Assert.Single(await OutboxAsync(ReportMessages.Submitted));
        Assert.Equal(c.Official.UserId, notice.RecipientUserId);
        Assert.Contains("290 dni spóźnienia", notice.Text, StringComparison.Ordinal);
        Assert.Contains(c.Contract.Number, notice.Subject, StringComparison.Ordinal);
        Assert.Equal(ReportLinks.Page(reportId), notice.Link);

        var row = Assert.Single((await As(c.Official, new ListKpiReportsForReview(LateOnly: true))).Items);
        Assert.Equal((reportId, 290), (row.Id, row.DaysLate));
    }

    [Fact]
    public async Task Without_the_official_in_charge_in_his_role_every_official_is_told()
    {
        var c = await ContractAsync();
        var other = await new Testing.Scoring.ScoringArrange(App, Database.Clock).OfficialAccountAsync("druga.urzedniczka@ministerstwo.example.gov.pl", Ct);
        await using (var scope = App.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var contract = await db.ProgrammeContracts.SingleAsync(x => x.Id == c.Contract.ContractId, Ct);
            contract.ChangeResponsibleOfficial(Guid.CreateVersion7(), Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var reportId = c.Report(2026);
        await As(c.Coordinator, new SubmitKpiReport(reportId, await FillAsync(c, reportId)));

        var notices = await OutboxAsync(ReportMessages.Submitted);
        Assert.Equal(new Guid?[] { c.Official.UserId, other.UserId }.Order(), notices.Select(n => (Guid?)n.RecipientUserId).Order());
        Assert.All(notices, n => Assert.Contains("w terminie", n.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returned_with_a_kpi_comment_corrected_resubmitted_and_accepted_refreshes_the_stored_achievement()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        var version = await FillAsync(c, reportId, share: 0.5m, explain: true);
        version = (await As(c.Coordinator, new SubmitKpiReport(reportId, version))).Version;

        var underReview = await Assert.ThrowsAsync<BusinessRuleViolation>(async () => await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId), Narrative, [], version)));
        Assert.Equal("report.under_review", underReview.Code);

        var queued = await As(c.Official, new ListKpiReportsForReview());
        Assert.Equal(reportId, Assert.Single(queued.Items).Id);

        const string Comment = "Proszę podać listę projektów B+R z numerami umów.";
        var empty = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Official, new ReturnKpiReport(reportId, [], " ", version)));
        Assert.Equal("report.return_comments_required", empty.Code);
        version = await As(c.Official, new ReturnKpiReport(reportId, [new KpiReviewComment("KPI-RD", Comment)], "Uzupełnij dowody.", version));

        var returned = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.Equal((KpiReportStatus.Returned, 1, "Uzupełnij dowody.", true), (returned.Status, returned.ReturnCount, returned.ReviewComment, returned.Editable));
        Assert.Equal(Comment, returned.Lines.Single(l => l.Code == "KPI-RD").ReviewComment);
        var returnNotice = Assert.Single(await OutboxAsync(ReportMessages.Returned));
        Assert.Equal(c.Coordinator.UserId, returnNotice.RecipientUserId);
        Assert.Contains($"KPI-RD: {Comment}", returnNotice.Text, StringComparison.Ordinal);
        Assert.Empty((await As(c.Official, new ListKpiReportsForReview())).Items);
        Assert.Single((await As(c.Official, new ListKpiReportsForReview(ReviewQueueStatus.Returned))).Items);

        // Corrected: every KPI at 90% of its target; the comment stays beside the KPI.
        version = await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId, 0.9m), Narrative, [], returned.Version));
        Assert.Equal(Comment, (await ReportAsync(reportId)).Lines.Single(l => l.KpiCode == "KPI-RD").ReviewComment);
        var resubmitted = await As(c.Coordinator, new SubmitKpiReport(reportId, version));
        Assert.Equal(0, resubmitted.DaysLate);
        Assert.Equal(2, (await OutboxAsync(ReportMessages.Submitted)).Count);
        Assert.Contains("(poprawione po zwrocie nr 1)", (await OutboxAsync(ReportMessages.Submitted))[^1].Text, StringComparison.Ordinal);

        var accepted = await As(c.Official, new AcceptKpiReport(reportId, resubmitted.Version));

        Assert.Equal((90m, 1), (accepted.AchievementPercent, accepted.AchievementReports));
        var contract = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(x => x.Id == c.Contract.ContractId, Ct));
        Assert.Equal((90m, 1), (contract.AchievementPercent, contract.AchievementReports));
        var report = await ReportAsync(reportId);
        Assert.Equal((KpiReportStatus.Accepted, c.Official.UserId), (report.Status, report.ReviewedBy));
        var acceptNotice = Assert.Single(await OutboxAsync(ReportMessages.Accepted));
        Assert.Equal(c.Coordinator.UserId, acceptNotice.RecipientUserId);
        Assert.Contains("90%", acceptNotice.Text, StringComparison.Ordinal);

        // Accepted is final: no more changes, nor a second review.
        var edit = await Assert.ThrowsAsync<BusinessRuleViolation>(async () => await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId), Narrative, [], accepted.Version)));
        Assert.Equal("report.accepted", edit.Code);
        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Official, new AcceptKpiReport(reportId, accepted.Version)));
        Assert.Equal("report.not_submitted", again.Code);
        Assert.False((await As(c.Coordinator, new GetKpiReport(reportId))).Editable);
    }

    [Fact]
    public async Task A_contract_not_yet_in_force_takes_no_submission()
    {
        var c = await ContractAsync(new ContractShape { Stage = ArrangedStage.Signed });
        var reportId = c.Report(2026);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new SubmitKpiReport(reportId, 0)));

        Assert.Equal("report.contract_not_active", refused.Code);
    }

    [Fact]
    public async Task The_applicants_list_puts_what_is_to_be_filed_first_next_due_first()
    {
        var c = await ContractAsync();
        await As(c.Coordinator, new SubmitKpiReport(c.Report(2025), await FillAsync(c, c.Report(2025))));

        var page = await As(c.Coordinator, new ListMyKpiReports());

        Assert.Equal(5, page.TotalCount);
        Assert.Equal([2026, 2027, 2028, null, 2025], page.Items.Select(r => r.Year));
        Assert.Equal(KpiReportStatus.Submitted, page.Items[^1].Status);
        var second = await As(c.Coordinator, new ListMyKpiReports(Page: 2, PageSize: 2));
        Assert.Equal([2028, null], second.Items.Select(r => r.Year));
    }

    [Fact]
    public async Task The_review_queue_filters_sorts_and_pages_on_the_server()
    {
        var a = await ContractAsync(new ContractShape { ClusterName = "Klaster Mazowiecki Kolejka", Voivodeship = "14" });
        var b = await ContractAsync(new ContractShape { ClusterName = "Klaster Śląski Gliwice", Voivodeship = "24" });
        await As(a.Coordinator, new SubmitKpiReport(a.Report(2025), await FillAsync(a, a.Report(2025))));
        await As(a.Coordinator, new SubmitKpiReport(a.Report(2026), await FillAsync(a, a.Report(2026))));
        await As(b.Coordinator, new SubmitKpiReport(b.Report(2026), await FillAsync(b, b.Report(2026))));

        var all = await As(a.Official, new ListKpiReportsForReview(Sort: ReviewQueueSort.DaysLate, Descending: true));
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(a.Report(2025), all.Items[0].Id);

        Assert.Equal([b.Report(2026)], (await As(a.Official, new ListKpiReportsForReview(Voivodeship: "24"))).Items.Select(r => r.Id));
        Assert.Equal([b.Report(2026)], (await As(a.Official, new ListKpiReportsForReview(Search: "GLIWICE"))).Items.Select(r => r.Id));
        Assert.Equal(2, (await As(a.Official, new ListKpiReportsForReview(Search: a.Contract.Number.ToLowerInvariant()))).TotalCount);
        Assert.Equal([a.Report(2025)], (await As(a.Official, new ListKpiReportsForReview(LateOnly: true))).Items.Select(r => r.Id));
        Assert.Equal(3, (await As(a.Official, new ListKpiReportsForReview(PhaseId: a.Contract.PhaseId))).TotalCount);
        Assert.Empty((await As(a.Official, new ListKpiReportsForReview(PhaseId: Guid.CreateVersion7()))).Items);

        var byCluster = await As(a.Official, new ListKpiReportsForReview(Sort: ReviewQueueSort.Cluster, Descending: true, PageSize: 1));
        Assert.Equal((3, "Klaster Śląski Gliwice"), (byCluster.TotalCount, Assert.Single(byCluster.Items).ClusterName));
        var secondPage = await As(a.Official, new ListKpiReportsForReview(Sort: ReviewQueueSort.DueOn, Page: 2, PageSize: 2));
        Assert.Equal(new DateOnly(2027, 3, 31), Assert.Single(secondPage.Items).DueOn);

        // Every status, and the overdue ones not submitted: b's 2025 report, 290 days overdue.
        var overdue = await As(a.Official, new ListKpiReportsForReview(ReviewQueueStatus.All, LateOnly: true));
        Assert.Equal(new[] { a.Report(2025), b.Report(2025) }.Order(), overdue.Items.Select(r => r.Id).Order());
        Assert.Equal(290, overdue.Items.Single(r => r.Id == b.Report(2025)).DaysOverdue);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => As(a.Official, new ListKpiReportsForReview(Voivodeship: "mazowieckie")));
        Assert.Equal("Voivodeship", Assert.Single(invalid.Errors).PropertyName);
        await Assert.ThrowsAsync<ForbiddenException>(() => As(a.Coordinator, new ListKpiReportsForReview()));
    }
}

public sealed class KpiReportTestsOnSqlite(SqliteDatabaseFixture database) : KpiReportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class KpiReportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KpiReportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
