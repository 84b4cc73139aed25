using System.Globalization;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Contracts;

/// <summary>
/// The report pages in the browser, on the shared host's real clock: a contract of a 2025–2028 phase whose 2025 report can be
/// filed (after its due day). The coordinator fills it in with the achievement computed as he types, is told an explanation
/// is needed, submits; the official returns it with a comment on a KPI; the coordinator sees it, corrects and resubmits; the
/// official accepts. Axe on each page; the schedule in English.
/// </summary>
public sealed class ReportUiTests(UiFixture ui)
{
    private const string KpiComment = "Proszę podać numery umów projektów B+R.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An active contract whose coordinator is given a login; he signs in on <paramref name="returnUrl"/> of it.</summary>
    private async Task<(ArrangedContract Contract, IPage Page, string Email)> CoordinatorAsync(string clusterName, Func<ArrangedContract, string> returnUrl, string locale = "pl-PL")
    {
        var contract = await new ContractArrange(ui.Host.Services, TimeProvider.System, TestYears.Next())
            .CreateAsync(new ContractShape { ClusterName = clusterName }, Ct);
        var email = await TestLogins.GiveAsync(ui.Host.Services, contract.CoordinatorUserId, Roles.Applicant, DemoData.Password);
        var page = await ui.NewPageAsync(locale);
        await ApplicantSteps.SignInAsync(page, email, returnUrl(contract));
        return (contract, page, email);
    }

    private static async Task FillTargetsAsync(IPage page, params string[] except)
    {
        foreach (var (code, value) in new[] { ("KPI-RD", 10), ("KPI-EMP", 1000), ("KPI-INN", 6), ("KPI-FDI", 2_000_000), ("KPI-MEM", 60), ("KPI-SME", 75) })
        {
            if (!except.Contains(code))
            {
                await page.FillAsync($"#actual-{code.ToLowerInvariant()}", value.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task The_coordinator_files_a_report_the_official_returns_it_with_a_comment_and_accepts_it_corrected()
    {
        var (contract, applicant, _) = await CoordinatorAsync("Klaster Sprawozdawczy UI", _ => "/my-reports");
        var report2025 = contract.ReportIds[0];

        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Moje sprawozdania");
        await Assertions.Expect(applicant.Locator("[data-testid=my-report-link][data-year='2025']")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("[data-testid=report-overdue]").First).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(applicant, "my reports");

        await applicant.ClickAsync("[data-testid=my-report-link][data-year='2025']");
        await applicant.WaitForURLAsync(url => url.Contains($"/reports/{report2025}", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(applicant);
        await Assertions.Expect(applicant.Locator("[data-testid=report-title]")).ToHaveTextAsync("Sprawozdanie roczne za 2025");
        await Assertions.Expect(applicant.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "NotStarted");
        await Ui.AssertAccessibleAsync(applicant, "report form (empty)");

        // Live: half the target of R&D projects is 50%, below 80% — an explanation is needed before anything is saved.
        await FillTargetsAsync(applicant, except: "KPI-RD");
        await applicant.FillAsync("#actual-kpi-rd", "5");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-RD").Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "50");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-RD").Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "true");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-EMP").Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "false");
        await applicant.FillAsync("#report-narrative", "Klaster zrealizował większość planu; projekty B+R opóźniły się.");

        // A cascade disbursement: the SME share is computed as it is typed, and the SME KPI takes it.
        await applicant.ClickAsync("[data-testid=disbursement-add]");
        var row = applicant.Locator("[data-testid=disbursement-row]").First;
        await row.Locator("[data-testid=disbursement-nip]").FillAsync("5260250274");
        await row.Locator("[data-testid=disbursement-name]").FillAsync("Mała Firma sp. z o.o.");
        await row.Locator("[data-testid=disbursement-size]").SelectOptionAsync("Small");
        await row.Locator("[data-testid=disbursement-amount]").FillAsync("150000");
        await Assertions.Expect(applicant.Locator("[data-testid=sme-share]")).ToHaveAttributeAsync("data-percent", "100");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-SME").Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "133.33");
        await Ui.AssertAccessibleAsync(applicant, "report form (filled)");

        await applicant.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(applicant.Locator(".mud-snackbar", new() { HasText = "KPI-RD" })).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Draft");

        await applicant.FillAsync("#justification-kpi-rd", "Dwa projekty B+R przesunięto na rok 2026 z powodu opóźnień grantów.");
        await applicant.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(applicant.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(applicant.Locator("[data-testid=report-late]")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("[data-testid=report-submit]")).ToHaveCountAsync(0);

        // The official finds it in the queue (late only) and returns it with a comment on the R&D KPI.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, "/reports");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Sprawozdania do oceny");
        await official.CheckAsync("#reports-late-only");
        var queued = await ContractSteps.FindForReviewAsync(official, contract.Number);
        await Ui.AssertAccessibleAsync(official, "review queue");
        await queued.ClickAsync();
        await official.WaitForURLAsync(url => url.Contains($"/reports/{report2025}", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Assertions.Expect(ContractSteps.ReportKpi(official, "KPI-RD").Locator("[data-testid=kpi-justification-text]")).ToContainTextAsync("przesunięto");
        await Ui.AssertAccessibleAsync(official, "report (official)");
        await ContractSteps.ReturnAsync(official, "KPI-RD", KpiComment);

        // The coordinator sees the comment beside the KPI, corrects the figure and resubmits.
        await applicant.ReloadAsync();
        await Ui.WaitForInteractiveAsync(applicant);
        await Assertions.Expect(applicant.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Returned");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-RD").Locator("[data-testid=kpi-review-comment]")).ToContainTextAsync(KpiComment);
        await Ui.AssertAccessibleAsync(applicant, "report returned");
        await applicant.FillAsync("#actual-kpi-rd", "10");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-RD").Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "100");
        await Assertions.Expect(ContractSteps.ReportKpi(applicant, "KPI-RD").Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "false");
        await applicant.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(applicant.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Submitted");

        // The official accepts it.
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await ContractSteps.AcceptAsync(official);
        await Ui.AssertAccessibleAsync(official, "report accepted");
    }

    [Fact]
    public async Task The_coordinator_adds_and_removes_evidence_and_disbursements_and_reads_the_schedule_in_english()
    {
        var (contract, page, email) = await CoordinatorAsync("Klaster Dowodowy UI", c => $"/reports/{c.ReportIds[0]}");
        await Assertions.Expect(page.Locator("[data-testid=evidence-empty]")).ToBeVisibleAsync();

        // Two disbursements, most of it to a large enterprise: below 70% for SMEs, warned as typed; removing that row clears it.
        await page.ClickAsync("[data-testid=disbursement-add]");
        await page.ClickAsync("[data-testid=disbursement-add]");
        var rows = page.Locator("[data-testid=disbursement-row]");
        await rows.Nth(0).Locator("[data-testid=disbursement-amount]").FillAsync("300");
        await rows.Nth(1).Locator("[data-testid=disbursement-size]").SelectOptionAsync("Large");
        await rows.Nth(1).Locator("[data-testid=disbursement-amount]").FillAsync("700");
        await Assertions.Expect(page.Locator("[data-testid=sme-share]")).ToHaveAttributeAsync("data-percent", "30");
        await Assertions.Expect(page.Locator("[data-testid=sme-share-warning]")).ToBeVisibleAsync();
        await Assertions.Expect(ContractSteps.ReportKpi(page, "KPI-SME").Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "true");
        await rows.Nth(1).Locator("[data-testid=disbursement-remove]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=sme-share]")).ToHaveAttributeAsync("data-percent", "100");
        await Assertions.Expect(page.Locator("[data-testid=sme-share-warning]")).ToHaveCountAsync(0);
        await rows.Nth(0).Locator("[data-testid=disbursement-remove]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=disbursements-empty]")).ToBeVisibleAsync();

        // Evidence: the upload saves what the form holds first, then the file is listed with its browser link, and removed.
        await page.Locator("#report-evidence-upload input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "lista-projektow.pdf",
            MimeType = "application/pdf",
            Buffer = Testing.Applications.SampleFiles.Pdf("Lista projektów"),
        });
        var item = page.Locator("[data-testid=evidence-item][data-name='lista-projektow.pdf']");
        await Assertions.Expect(item).ToBeVisibleAsync();
        Assert.StartsWith($"/files/reports/{contract.ReportIds[0]}/evidence/", await item.Locator("[data-testid=evidence-download]").GetAttributeAsync("href"), StringComparison.Ordinal);
        await Ui.AssertAccessibleAsync(page, "report with evidence");
        await item.Locator("[data-testid=evidence-remove]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=evidence-empty]")).ToBeVisibleAsync();

        var english = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(english, email, $"/contracts/{contract.ContractId}/schedule");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Reporting schedule");
        Assert.Equal("en", await Ui.HtmlLangAsync(english));
        await Assertions.Expect(english.Locator("[data-testid=schedule-row]")).ToHaveCountAsync(5);
        var first = english.Locator("[data-testid=schedule-row][data-year='2025']");
        await Assertions.Expect(first.Locator("[data-testid=schedule-report-link]")).ToHaveTextAsync("Annual report for 2025");
        await Assertions.Expect(first.Locator("[data-testid=report-overdue]")).ToContainTextAsync("Overdue by");
        await Ui.AssertAccessibleAsync(english, "reporting schedule (en)");
    }
}
