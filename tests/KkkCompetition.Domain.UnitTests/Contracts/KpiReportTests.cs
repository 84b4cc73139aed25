using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Contracts.ContractTestData;

namespace KkkCompetition.Domain.UnitTests.Contracts;

public sealed class KpiReportTests
{
    // The 2025 report is due on Tuesday 31 March 2026.
    private static readonly DateOnly AfterYear = new(2026, 2, 10);
    private static readonly DateTimeOffset InTime = new(2026, 3, 31, 20, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reviewer = Guid.CreateVersion7();

    private static string Code(Action action) => Assert.Throws<BusinessRuleViolation>(action).Code;

    private static List<KpiReportLineInput> AtTarget(decimal share = 1m, string? justification = null) =>
        [.. Mandatory().Select(k => new KpiReportLineInput(k.Code, Target(k.Code) * share, justification))];

    private static (ProgrammeContract Contract, KpiReport Report) Filled(decimal share = 1m, string? justification = null)
    {
        var contract = Active();
        var report = Report(contract, 2025);
        report.Save(contract, AtTarget(share, justification), "Opis okresu.", [], AfterYear, Now);
        return (contract, report);
    }

    [Fact]
    public void The_schedule_has_an_annual_report_per_year_cut_at_the_contract_and_a_final_one_deadlines_on_working_days()
    {
        var schedule = ReportingSchedule.For(new DateOnly(2025, 7, 1), new DateOnly(2027, 6, 30), ReportingTerms.Default);

        Assert.Equal(
            [
                new ScheduledReport(ReportKind.Annual, 2025, new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 31)),
                new ScheduledReport(ReportKind.Annual, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31)),

                // 31 March 2028 is a Friday: due then; the last period ends with the contract.
                new ScheduledReport(ReportKind.Annual, 2027, new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), new DateOnly(2028, 3, 31)),

                // 90 days after 30 June 2027 is Tuesday 28 September 2027.
                new ScheduledReport(ReportKind.Final, null, new DateOnly(2025, 7, 1), new DateOnly(2027, 6, 30), new DateOnly(2027, 9, 28)),
            ],
            schedule);

        // 31 March 2029 is a Saturday and 2 April Easter Monday: due on Tuesday 3 April.
        Assert.Equal(new DateOnly(2029, 4, 3), ReportingSchedule.For(PhaseStart, Phase.EndsOn, ReportingTerms.Default).Single(r => r.Year == 2028).DueOn);
        Assert.Equal(new DateOnly(2026, 4, 30), ReportingSchedule.For(PhaseStart, Phase.EndsOn, new ReportingTerms(4, 30, 60, 80)).Single(r => r.Year == 2025).DueOn);
    }

    [Fact]
    public void A_report_is_filled_in_only_once_its_period_has_ended()
    {
        var contract = Active();
        var report = Report(contract, 2025);
        Assert.Equal("report.period_not_ended", Code(() => report.Save(contract, AtTarget(), "Opis.", [], new DateOnly(2025, 12, 31), Now)));
        Assert.Equal(KpiReportStatus.NotStarted, report.Status);

        report.Save(contract, AtTarget(), "Opis.", [], new DateOnly(2026, 1, 1), Now);
        Assert.Equal(KpiReportStatus.Draft, report.Status);
        Assert.Equal("report.period_not_ended", Code(() => report.Submit(contract, Coordinator, new DateOnly(2025, 12, 31), Now)));
    }

    [Fact]
    public void Values_are_never_negative_and_kpis_are_the_plans()
    {
        var contract = Active();
        var report = Report(contract, 2025);
        Assert.Equal("kpi.value_negative", Code(() => report.Save(contract, [new KpiReportLineInput("KPI-RD", -1, null)], "", [], AfterYear, Now)));
        Assert.Equal("kpi.percent_out_of_range", Code(() => report.Save(contract, [new KpiReportLineInput("KPI-SME", 101, null)], "", [], AfterYear, Now)));
        Assert.Equal("report.kpi_unknown", Code(() => report.Save(contract, [new KpiReportLineInput("KPI-CO2", 1, null)], "", [], AfterYear, Now)));
        Assert.Equal("report.kpi_repeated", Code(() => report.Save(contract, [new KpiReportLineInput("KPI-RD", 1, null), new KpiReportLineInput("KPI-RD", 2, null)], "", [], AfterYear, Now)));
        Assert.Empty(report.Lines);
    }

    [Fact]
    public void Disbursements_go_to_valid_nips_and_their_sme_share_is_the_sme_kpis_actual()
    {
        var contract = Active();
        var report = Report(contract, 2025);
        var invalid = Assert.Throws<BusinessRuleViolation>(() => report.Save(
            contract, AtTarget(), "Opis.", [new CascadeDisbursement("5260250274", "A", EnterpriseSize.Micro, 10), new CascadeDisbursement("1234567890", "B", EnterpriseSize.Small, 10)], AfterYear, Now));
        Assert.Equal("report.recipient_nip_invalid", invalid.Code);
        Assert.Equal(2, invalid.Arguments[0]);
        Assert.Equal("report.disbursement_amount_invalid", Code(() => report.Save(contract, AtTarget(), "", [new CascadeDisbursement("5260250274", "A", EnterpriseSize.Micro, 0)], AfterYear, Now)));
        Assert.Equal("report.recipient_name_required", Code(() => report.Save(contract, AtTarget(), "", [new CascadeDisbursement("5260250274", " ", EnterpriseSize.Micro, 5)], AfterYear, Now)));

        report.Save(
            contract,
            AtTarget(),
            "Opis.",
            [
                new CascadeDisbursement("526-025-02-74", "Mała firma", EnterpriseSize.Small, 600),
                new CascadeDisbursement("7740001454", "Średnia firma", EnterpriseSize.Medium, 150),
                new CascadeDisbursement("1132853869", "Duża firma", EnterpriseSize.Large, 250),
            ],
            AfterYear,
            Now);

        Assert.Equal(75m, report.SmeSharePercent);
        Assert.Equal(75m, report.Lines.Single(l => l.KpiCode == KpiReport.SmeShareKpiCode).Actual);
        Assert.Equal("5260250274", report.Disbursements[0].RecipientNip);
    }

    [Fact]
    public void Every_kpi_below_80_percent_of_its_target_and_an_sme_share_below_70_need_an_explanation()
    {
        var (contract, report) = Filled(0.79m);
        var refused = Assert.Throws<BusinessRuleViolation>(() => report.Submit(contract, Coordinator, AfterYear, InTime));
        Assert.Equal("report.justification_required", refused.Code);
        Assert.Equal("KPI-RD, KPI-EMP, KPI-INN, KPI-FDI, KPI-MEM, KPI-SME", refused.Arguments[0]);
        Assert.Equal(KpiReportStatus.Draft, report.Status);

        // Exactly 80% needs none.
        (contract, report) = Filled(0.8m);
        report.Submit(contract, Coordinator, AfterYear, InTime);
        Assert.Equal(KpiReportStatus.Submitted, report.Status);

        // SMEs got 60%: the SME share KPI is explained, though 60 is 80% of its target of 75.
        contract = Active();
        report = Report(contract, 2025);
        report.Save(contract, AtTarget(), "Opis.", [new CascadeDisbursement("5260250274", "Mała", EnterpriseSize.Small, 60), new CascadeDisbursement("1132853869", "Duża", EnterpriseSize.Large, 40)], AfterYear, Now);
        Assert.Equal(["KPI-SME"], report.NeedingJustification(contract));
        Assert.Equal("report.justification_required", Code(() => report.Submit(contract, Coordinator, AfterYear, InTime)));
        report.Save(
            contract,
            [.. AtTarget().Select(l => l.KpiCode == "KPI-SME" ? l with { Justification = "Dwa duże projekty wdrożeniowe." } : l)],
            "Opis.",
            report.Disbursements,
            AfterYear,
            Now);
        report.Submit(contract, Coordinator, AfterYear, InTime);
        Assert.Equal(KpiReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void A_report_is_complete_before_submission()
    {
        var contract = Active();
        var report = Report(contract, 2025);
        Assert.Equal("report.incomplete", Code(() => report.Submit(contract, Coordinator, AfterYear, InTime)));
        report.Save(contract, [new KpiReportLineInput("KPI-RD", 10, null)], "Opis.", [], AfterYear, Now);
        var missing = Assert.Throws<BusinessRuleViolation>(() => report.Submit(contract, Coordinator, AfterYear, InTime));
        Assert.Equal("report.incomplete", missing.Code);
        Assert.Equal("KPI-EMP, KPI-INN, KPI-FDI, KPI-MEM, KPI-SME", missing.Arguments[0]);

        report.Save(contract, AtTarget(), "  ", [], AfterYear, Now);
        Assert.Equal("report.narrative_required", Code(() => report.Submit(contract, Coordinator, AfterYear, InTime)));
    }

    [Fact]
    public void Reports_are_filed_while_the_contract_is_in_force()
    {
        var (contract, report) = Filled();
        contract.Terminate("Klaster utracił status KKK.", AfterYear, Now);
        Assert.Equal("report.contract_not_active", Code(() => report.Submit(contract, Coordinator, AfterYear, InTime)));
    }

    [Fact]
    public void A_late_first_submission_is_flagged_with_the_days_late_and_a_resubmission_keeps_them()
    {
        var (contract, report) = Filled();
        Assert.Equal(0, report.DaysOverdue(new DateOnly(2026, 3, 31)));
        Assert.Equal(5, report.DaysOverdue(new DateOnly(2026, 4, 5)));

        // 1 April 2026 00:30 in Warsaw is still 31 March in UTC: the Warsaw day counts.
        var late = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero);
        report.Submit(contract, Coordinator, AfterYear, late);
        Assert.Equal(1, report.DaysLate);
        Assert.True(report.IsLate);
        Assert.Equal(0, report.DaysOverdue(new DateOnly(2026, 4, 5)));

        report.Return(Reviewer, new Dictionary<string, string> { ["KPI-RD"] = "Proszę dołączyć listę projektów." }, null, late.AddDays(3));
        report.Save(contract, AtTarget(), "Opis poprawiony.", [], AfterYear, late.AddDays(10));
        report.Submit(contract, Coordinator, AfterYear, late.AddDays(10));
        Assert.Equal(1, report.DaysLate);

        var (c2, inTime) = Filled();
        inTime.Submit(c2, Coordinator, AfterYear, InTime);
        Assert.Equal(0, inTime.DaysLate);
        Assert.False(inTime.IsLate);
    }

    [Fact]
    public void The_official_returns_with_comments_the_coordinator_corrects_and_resubmits_and_an_accepted_report_is_final()
    {
        var (contract, report) = Filled();
        Assert.Equal("report.not_submitted", Code(() => report.Accept(Reviewer, Now)));
        report.Submit(contract, Coordinator, AfterYear, InTime);
        Assert.Equal("report.under_review", Code(() => report.Save(contract, AtTarget(), "Opis.", [], AfterYear, Now)));

        Assert.Equal("report.return_comments_required", Code(() => report.Return(Reviewer, new Dictionary<string, string> { ["KPI-RD"] = " " }, null, Now)));
        Assert.Equal("report.kpi_unknown", Code(() => report.Return(Reviewer, new Dictionary<string, string> { ["KPI-XYZ"] = "?" }, null, Now)));
        report.Return(Reviewer, new Dictionary<string, string> { ["KPI-RD"] = "Proszę dołączyć listę projektów." }, "Brak załączników.", Now);

        Assert.Equal(KpiReportStatus.Returned, report.Status);
        Assert.Equal(1, report.ReturnCount);
        Assert.Equal("Brak załączników.", report.ReviewComment);
        Assert.Equal("Proszę dołączyć listę projektów.", report.Lines.Single(l => l.KpiCode == "KPI-RD").ReviewComment);

        // The comment stays beside the KPI while the coordinator corrects.
        report.Save(contract, AtTarget(1.1m), "Opis poprawiony.", [], AfterYear, Now);
        Assert.Equal(KpiReportStatus.Returned, report.Status);
        Assert.Equal("Proszę dołączyć listę projektów.", report.Lines.Single(l => l.KpiCode == "KPI-RD").ReviewComment);
        report.Submit(contract, Coordinator, AfterYear, InTime);
        report.Accept(Reviewer, Now);

        Assert.Equal(KpiReportStatus.Accepted, report.Status);
        Assert.Equal("report.accepted", Code(() => report.Save(contract, AtTarget(), "Inaczej.", [], AfterYear, Now)));
        Assert.Equal("report.accepted", Code(() => report.AddEvidence("a.pdf", "application/pdf", 10, new string('a', 64), Coordinator, Now)));
        Assert.Equal("report.not_submitted", Code(() => report.Return(Reviewer, new Dictionary<string, string>(), "Jeszcze raz.", Now)));
    }

    [Fact]
    public void Evidence_is_added_and_removed_while_the_report_is_editable_up_to_the_limit()
    {
        var (_, report) = Filled();
        for (var i = 0; i < KpiReportEvidence.MaxFiles; i++)
        {
            report.AddEvidence($"dowod{i}.pdf", "application/pdf", 100, new string('b', 64), Coordinator, Now);
        }

        Assert.Equal("report.too_many_files", Code(() => report.AddEvidence("jeszcze.pdf", "application/pdf", 100, new string('c', 64), Coordinator, Now)));
        report.RemoveEvidence(report.Evidence[0].Id, Now);
        Assert.Equal(KpiReportEvidence.MaxFiles - 1, report.Evidence.Count);
        Assert.Equal("report.evidence_unknown", Code(() => report.RemoveEvidence(Guid.CreateVersion7(), Now)));
    }

    [Fact]
    public void The_final_report_is_measured_against_the_whole_contract_sum_or_latest()
    {
        var contract = Active();
        var final = Report(contract, null);
        var (kpis, targets) = final.PlanFor(contract);

        Assert.Equal(6, kpis.Count);
        Assert.Equal(40, targets["KPI-RD"]);
        Assert.Equal(1000, targets["KPI-EMP"]);
        Assert.Equal(75, targets["KPI-SME"]);
        Assert.Equal(10, Report(contract, 2026).PlanFor(contract).Targets["KPI-RD"]);
    }
}
