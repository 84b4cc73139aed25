using System.Globalization;
using System.Text.RegularExpressions;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Web.AcceptanceTests.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The programme contract of issue 7 from end to end, every step in the browser after the arrangement (a cluster certified
/// for the programme's phase that began on 1 January of last year, and a login for its coordinator): the official drafts
/// the contract from the certificate — the six mandatory KPIs come with it and cannot be removed — and fills in the targets
/// and the budget, whose 69.9% SME share is refused; the coordinator (in English) signs, the official records the signing
/// and puts it in force; the coordinator files last year's annual report (an explanation asked live for the KPI below 80%
/// of its target, an invalid NIP refused), the official returns it with a comment on one KPI, the coordinator corrects it,
/// the official accepts; the contract's achievement and the programme dashboard show the same figure and colour.
/// axe on every page and state visited.
/// </summary>
public sealed class ContractJourneyTests(UiFixture ui)
{
    // A voivodeship few other tests use, so that the dashboard's filter narrows to a handful of contracts.
    private const string Voivodeship = "24";

    private const string RdExplanation = "Two joint R&D projects were postponed to the next year when the regional grant call was delayed.";
    private const string Narrative = "The cluster delivered most of its plan for the year; the R&D projects were held up by the grant call.";
    private const string MembersComment = "Lista członków na 31 grudnia liczy 58 podmiotów, a nie 66 — proszę poprawić wartość.";

    // An invalid NIP: the checksum of the first nine digits comes out as 10, which no NIP has.
    private const string InvalidNip = "1234567890";

    private static readonly string[] MandatoryKpis = ["KPI-EMP", "KPI-FDI", "KPI-INN", "KPI-MEM", "KPI-RD", "KPI-SME"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => ui.Host.Services;

    /// <summary>The targets the official types in, per KPI and year of the contract (index 0 is its first year).</summary>
    private static decimal Target(string code, int index) => code switch
    {
        "KPI-RD" => 4 + 2 * index,
        "KPI-EMP" => 1000 + 50 * index,
        "KPI-INN" => 6,
        "KPI-FDI" => 2_000_000,
        "KPI-MEM" => 60 + 5 * index,
        "KPI-SME" => 75,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a mandatory KPI."),
    };

    private static string Plain(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_contract_drafted_from_a_certificate_is_signed_its_annual_report_filed_returned_corrected_and_accepted_and_its_achievement_shown_on_the_dashboard()
    {
        // ---- Arrangement (not the journey): the phase holding 1 January of last year, a cluster certified for it, a login.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clusterName = $"Klaster Ścieżki Kontraktu {suffix}";
        var lastYear = WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow).Year - 1;
        var phase = await new ContractArrange(Services, TimeProvider.System).PhaseAsync(new DateOnly(lastYear, 1, 1), ProgrammePhase.DefaultYears, 1, Ct);
        var status = await new CertifiedClusters(Services, TimeProvider.System, TestYears.Next()).GrantAsync(
            new CertifiedShape { ClusterName = clusterName, Voivodeship = Voivodeship, CertificateDate = phase.StartsOn, PhaseEndsOn = phase.EndsOn }, Ct);
        var coordinatorEmail = await TestLogins.GiveAsync(Services, status.CoordinatorUserId, Roles.Applicant, DemoData.Password);
        var years = Enumerable.Range(phase.StartsOn.Year, phase.EndsOn.Year - phase.StartsOn.Year + 1).ToList();
        Assert.Equal(lastYear, years[0]);

        // ---- 1. The official drafts the contract from the cluster's certificate.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, "/contracts/new");
        await Expect(official.Locator("h1")).ToHaveTextAsync("Nowy kontrakt programowy");
        await official.SelectOptionAsync("[data-testid=new-contract-phase]", phase.Id.ToString());
        await Expect(official.Locator("[data-testid=new-contract-starts]")).ToHaveValueAsync(Day(phase.StartsOn));
        await Expect(official.Locator("[data-testid=new-contract-ends]")).ToHaveValueAsync(Day(phase.EndsOn));
        await ContractSteps.SetAsync(official.Locator("#new-contract-search"), suffix);
        await official.ClickAsync("[data-testid=new-contract-search]");
        var candidate = official.Locator("[data-testid=candidate-row]");
        await Expect(candidate).ToHaveCountAsync(1);
        await Expect(candidate).ToHaveAttributeAsync("data-cluster", clusterName);
        await Expect(candidate).ToContainTextAsync(status.CertificateNumber);
        await candidate.Locator("[data-testid=candidate-pick]").CheckAsync();
        await Ui.AssertAccessibleAsync(official, "new contract, cluster chosen");
        await official.ClickAsync("[data-testid=new-contract-submit]");
        await official.WaitForURLAsync(new Regex("/contracts/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(official);
        var contractPath = new Uri(official.Url).AbsolutePath;

        var number = (await official.Locator("[data-testid=contract-number]").TextContentAsync())!.Trim();
        Assert.Matches(@"^KP/\d+/\d{4}$", number);
        await Expect(official.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Expect(official.Locator("[data-testid=contract-cluster]")).ToContainTextAsync(clusterName);
        await Expect(official.Locator("[data-testid=contract-region]")).ToHaveTextAsync("Zarząd Województwa Śląskiego");
        await Expect(official.Locator("[data-testid=contract-term]")).ToHaveTextAsync($"{Day(phase.StartsOn)} – {Day(phase.EndsOn)}");

        // The catalogue's six mandatory KPIs came with the draft, each marked mandatory and none offering its removal.
        var kpiRows = official.Locator("[data-testid=kpi-row]");
        await Expect(kpiRows).ToHaveCountAsync(MandatoryKpis.Length);
        var codes = await kpiRows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        Assert.Equal(MandatoryKpis, codes.Order(StringComparer.Ordinal));
        foreach (var code in MandatoryKpis)
        {
            await Expect(official.Locator($"[data-testid=kpi-row][data-code='{code}'] th")).ToContainTextAsync("obowiązkowy");
        }

        await Expect(official.Locator("[data-testid=contract-kpi-editor] [data-testid=kpi-remove]")).ToHaveCountAsync(0);
        await Expect(official.Locator("[data-testid=contract-gaps]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "draft contract editor");

        // Targets for every year, one KPI at a time (saving one reads the plan again).
        foreach (var code in MandatoryKpis)
        {
            var row = official.Locator($"[data-testid=kpi-row][data-code='{code}']");
            for (var i = 0; i < years.Count; i++)
            {
                await ContractSteps.SetAsync(row.Locator($"[data-testid=kpi-target][data-year='{years[i]}']"), Plain(Target(code, i)));
            }

            await row.Locator("[data-testid=kpi-save]").ClickAsync();
            await Expect(official.Locator(".mud-snackbar", new() { HasText = "Wskaźnik zapisany" })).ToBeVisibleAsync();
            await Ui.CloseSnackbarsAsync(official);
        }

        await Expect(official.Locator($"[data-testid=kpi-row][data-code='KPI-RD'] [data-testid=kpi-target][data-year='{years[^1]}']")).ToHaveValueAsync(Plain(Target("KPI-RD", years.Count - 1)));
        await Expect(official.Locator("[data-testid=contract-gap]")).ToHaveTextAsync([.. years.Select(y => $"budżet na rok {y}")]);
        await Ui.AssertAccessibleAsync(official, "draft contract, targets set");

        // The budget of every year; 69.9% of the first year's cascade pool for SMEs is flagged as typed and refused.
        foreach (var year in years)
        {
            var budget = official.Locator($"[data-testid=budget-row][data-year='{year}']");
            await budget.Locator("[data-testid=budget-staff]").FillAsync("300000");
            await budget.Locator("[data-testid=budget-office]").FillAsync("80000");
            await budget.Locator("[data-testid=budget-networking]").FillAsync("60000");
            await budget.Locator("[data-testid=budget-strategy]").FillAsync("40000");
            await budget.Locator("[data-testid=budget-pool]").FillAsync("1000000");
            await budget.Locator("[data-testid=budget-sme]").FillAsync(year == years[0] ? "699000" : "800000");
        }

        var firstBudget = official.Locator($"[data-testid=budget-row][data-year='{years[0]}']");
        await Expect(firstBudget.Locator("[data-testid=budget-sme-share]")).ToHaveAttributeAsync("data-below", "true");
        await Expect(firstBudget.Locator("[data-testid=budget-sme-share]")).ToContainTextAsync("69,9");
        await Expect(official.Locator("[data-testid=budget-warning]")).ToContainTextAsync(years[0].ToString(CultureInfo.InvariantCulture));
        await Ui.AssertAccessibleAsync(official, "budget below the SME share");
        await official.ClickAsync("[data-testid=budget-save]");
        await Expect(official.Locator(".mud-snackbar", new() { HasText = $"W roku {years[0]} udział MŚP w finansowaniu kaskadowym wynosi 69,9" })).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(official);
        await Expect(official.Locator("[data-testid=contract-gap]")).ToHaveCountAsync(years.Count);

        await firstBudget.Locator("[data-testid=budget-sme]").FillAsync("800000");
        await Expect(firstBudget.Locator("[data-testid=budget-sme-share]")).ToHaveAttributeAsync("data-below", "false");
        await Expect(firstBudget.Locator("[data-testid=budget-sme-share]")).ToContainTextAsync("80");
        await official.ClickAsync("[data-testid=budget-save]");
        await Expect(official.Locator(".mud-snackbar", new() { HasText = "Budżet zapisany" })).ToBeVisibleAsync();
        await Expect(official.Locator("[data-testid=contract-gaps]")).ToHaveCountAsync(0);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "draft contract, complete");

        // ---- 2. The coordinator (in English) finds the draft among his contracts, reads it and signs it.
        var coordinator = await ui.NewPageAsync("en-GB");
        await ApplicantSteps.SignInAsync(coordinator, coordinatorEmail, "/my-contracts");
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("My programme contracts");
        var mine = coordinator.Locator($"[data-testid=my-contract-row][data-number='{number}']");
        await Expect(mine.Locator("[data-testid=my-contract-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Ui.AssertAccessibleAsync(coordinator, "my contracts (en)");
        await mine.Locator("[data-testid=my-contract-link]").ClickAsync();
        await coordinator.WaitForURLAsync(url => url.EndsWith(contractPath, StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=contract-number]")).ToHaveTextAsync(number);
        await Expect(coordinator.Locator("[data-testid=contract-plan] [data-testid=plan-kpi]")).ToHaveCountAsync(MandatoryKpis.Length);
        await Ui.AssertAccessibleAsync(coordinator, "draft contract (coordinator, en)");
        await ContractSteps.SignAsCoordinatorAsync(coordinator);
        await Ui.CloseSnackbarsAsync(coordinator);
        await Ui.AssertAccessibleAsync(coordinator, "draft signed by the coordinator (en)");

        // ---- 3. The official records the signing (the schedule of reports is made) and puts the contract in force.
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await ContractSteps.RecordSigningAsync(official);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "signed contract (official)");
        await official.ClickAsync("[data-testid=contract-activate]");
        await Expect(official.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Active");
        await Expect(official.Locator("[data-testid=contract-plan]")).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "contract in force (official)");

        // ---- 4. The coordinator opens the schedule and last year's annual report, which is due already.
        await coordinator.ReloadAsync();
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Active");
        await coordinator.ClickAsync("[data-testid=contract-link-schedule]");
        await coordinator.WaitForURLAsync(url => url.EndsWith($"{contractPath}/schedule", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("Reporting schedule");
        await Expect(coordinator.Locator("[data-testid=schedule-row][data-kind=Annual]")).ToHaveCountAsync(years.Count);
        await Expect(coordinator.Locator("[data-testid=schedule-row][data-kind=Final]")).ToHaveCountAsync(1);
        var lastYearsRow = coordinator.Locator($"[data-testid=schedule-row][data-kind=Annual][data-year='{lastYear}']");
        await Expect(lastYearsRow).ToHaveAttributeAsync("data-status", "NotStarted");

        // Due on 31 March (the programme's default terms); after it, the schedule flags the report overdue, and late once filed.
        var dueOn = DateOnly.ParseExact((await lastYearsRow.Locator("[data-testid=schedule-due]").TextContentAsync())!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(lastYear + 1, dueOn.Year);
        var overdue = WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow) > dueOn;
        await Expect(lastYearsRow.Locator("[data-testid=report-overdue]")).ToHaveCountAsync(overdue ? 1 : 0);
        await Ui.AssertAccessibleAsync(coordinator, "reporting schedule (en)");
        await lastYearsRow.Locator("[data-testid=schedule-report-link]").ClickAsync();
        await coordinator.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(coordinator);
        var reportPath = new Uri(coordinator.Url).AbsolutePath;
        await Expect(coordinator.Locator("[data-testid=report-title]")).ToHaveTextAsync($"Annual report for {lastYear}");
        await Expect(coordinator.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "NotStarted");
        await Ui.AssertAccessibleAsync(coordinator, "report form, empty (en)");

        // The actual values: half the R&D target is below 80% of it, so an explanation is asked for as the figure is typed.
        await coordinator.FillAsync("#actual-kpi-rd", "2");
        await coordinator.FillAsync("#actual-kpi-emp", "1020");
        await coordinator.FillAsync("#actual-kpi-inn", "6");
        await coordinator.FillAsync("#actual-kpi-fdi", "1800000");
        await coordinator.FillAsync("#actual-kpi-mem", "66");
        var rd = ContractSteps.ReportKpi(coordinator, "KPI-RD");
        await Expect(rd.Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "50");
        await Expect(rd.Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "true");
        await Expect(rd.Locator("[data-testid=kpi-needs-justification]")).ToHaveTextAsync("Explanation required: below 80% of the target.");
        await Expect(ContractSteps.ReportKpi(coordinator, "KPI-FDI").Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "90");
        await Expect(ContractSteps.ReportKpi(coordinator, "KPI-FDI").Locator("[data-testid=kpi-needs-justification]")).ToHaveAttributeAsync("data-needs", "false");
        await Ui.AssertAccessibleAsync(coordinator, "report form, explanation asked (en)");
        await coordinator.FillAsync("#justification-kpi-rd", RdExplanation);
        await coordinator.FillAsync("#report-narrative", Narrative);

        // Cascade disbursements: the SME share (and with it the SME KPI) is computed as they are typed.
        var disbursements = new (string Nip, string Name, string Size, string Amount)[]
        {
            (InvalidNip, "Mała Pracownia Sp. z o.o.", "Small", "240000"),
            (ApplicantSteps.NextNip(), "Średni Zakład S.A.", "Medium", "100000"),
            (ApplicantSteps.NextNip(), "Wielka Huta S.A.", "Large", "60000"),
        };
        var rows = coordinator.Locator("[data-testid=disbursement-row]");
        for (var i = 0; i < disbursements.Length; i++)
        {
            await coordinator.ClickAsync("[data-testid=disbursement-add]");
            await Expect(rows).ToHaveCountAsync(i + 1);
            var row = rows.Nth(i);
            await row.Locator("[data-testid=disbursement-nip]").FillAsync(disbursements[i].Nip);
            await row.Locator("[data-testid=disbursement-name]").FillAsync(disbursements[i].Name);
            await row.Locator("[data-testid=disbursement-size]").SelectOptionAsync(disbursements[i].Size);
            await row.Locator("[data-testid=disbursement-amount]").FillAsync(disbursements[i].Amount);
        }

        await Expect(coordinator.Locator("[data-testid=sme-share]")).ToHaveAttributeAsync("data-percent", "85");
        await Expect(ContractSteps.ReportKpi(coordinator, "KPI-SME").Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "113.33");
        await Expect(coordinator.Locator("[data-testid=sme-share-warning]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(coordinator, "report form, filled (en)");

        // The invalid NIP is refused, the field named in the message and marked in its row; nothing is saved.
        const string NipRefused = "The recipient's NIP is not valid (10 digits with a correct checksum).";
        await coordinator.ClickAsync("[data-testid=report-submit]");
        await Expect(coordinator.Locator(".mud-snackbar", new() { HasText = NipRefused })).ToBeVisibleAsync();
        await Expect(coordinator.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "NotStarted");
        await Expect(coordinator.Locator("[data-testid=report-dirty]")).ToHaveAttributeAsync("data-dirty", "true");
        var refusedNip = rows.Nth(0).Locator("[data-testid=disbursement-nip]");
        await Expect(refusedNip).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(rows.Nth(0).Locator("[data-testid=disbursement-nip-error]")).ToHaveTextAsync(NipRefused);
        await Expect(coordinator.Locator("[data-testid=disbursement-nip-error]")).ToHaveCountAsync(1);
        await Expect(rows.Nth(1).Locator("[data-testid=disbursement-nip]")).ToHaveAttributeAsync("aria-invalid", "false");
        await Ui.CloseSnackbarsAsync(coordinator);
        await Ui.AssertAccessibleAsync(coordinator, "report form, NIP refused (en)");

        await ContractSteps.SetAsync(refusedNip, ApplicantSteps.NextNip());
        await Expect(refusedNip).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(coordinator.Locator("[data-testid=disbursement-nip-error]")).ToHaveCountAsync(0);
        await coordinator.ClickAsync("[data-testid=report-submit]");
        await Expect(coordinator.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(coordinator.Locator("[data-testid=report-late]")).ToHaveCountAsync(overdue ? 1 : 0);
        await Expect(coordinator.Locator("[data-testid=report-submit]")).ToHaveCountAsync(0);
        await Expect(coordinator.Locator("[data-testid=report-under-review]")).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(coordinator);
        await Ui.AssertAccessibleAsync(coordinator, "report submitted (en)");

        // ---- 5. The official finds it in the review queue and returns it with a comment on the members' count.
        await official.GotoAsync("/reports");
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("h1")).ToHaveTextAsync("Sprawozdania do oceny");
        var queued = await ContractSteps.FindForReviewAsync(official, number);
        await Expect(queued).ToHaveTextAsync($"Sprawozdanie roczne za {lastYear}");
        await Ui.AssertAccessibleAsync(official, "review queue");
        await queued.ClickAsync();
        await official.WaitForURLAsync(url => url.EndsWith(reportPath, StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(ContractSteps.ReportKpi(official, "KPI-RD").Locator("[data-testid=kpi-justification-text]")).ToHaveTextAsync(RdExplanation);
        await Expect(ContractSteps.ReportKpi(official, "KPI-MEM").Locator("[data-testid=kpi-actual-value]")).ToContainTextAsync("66");
        await Expect(official.Locator("[data-testid=disbursement-row]")).ToHaveCountAsync(disbursements.Length);
        await Expect(official.Locator("[data-testid=sme-share]")).ToHaveAttributeAsync("data-percent", "85");
        await Ui.AssertAccessibleAsync(official, "report under review (official)");
        await ContractSteps.ReturnAsync(official, "KPI-MEM", MembersComment);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "report returned (official)");

        // ---- 6. The coordinator reads the comment beside that KPI, corrects the value and submits again.
        await coordinator.ReloadAsync();
        await Ui.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Returned");
        var members = ContractSteps.ReportKpi(coordinator, "KPI-MEM");
        await Expect(members.Locator("[data-testid=kpi-review-comment]")).ToContainTextAsync(MembersComment);
        await Expect(coordinator.Locator("[data-testid=kpi-review-comment]")).ToHaveCountAsync(1);
        await Expect(coordinator.Locator("#justification-kpi-rd")).ToHaveValueAsync(RdExplanation);
        await Ui.AssertAccessibleAsync(coordinator, "report returned (coordinator, en)");
        await coordinator.FillAsync("#actual-kpi-mem", "58");
        await Expect(members.Locator("[data-testid=kpi-achievement]")).ToHaveAttributeAsync("data-percent", "96.67");
        await coordinator.ClickAsync("[data-testid=report-submit]");
        await Expect(coordinator.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(coordinator.Locator("[data-testid=report-returns]")).ToHaveTextAsync("1");
        await Ui.CloseSnackbarsAsync(coordinator);
        await Ui.AssertAccessibleAsync(coordinator, "report resubmitted (en)");

        // ---- 7. The official accepts it. Achievement: R&D 50%, employment 102% and SMEs 113% (each counted at 100%),
        // innovations 100%, FDI 90%, members 96.67%: weighted equally, 89.44% — amber (70–90%).
        await official.ReloadAsync();
        await Ui.WaitForInteractiveAsync(official);
        await Expect(ContractSteps.ReportKpi(official, "KPI-MEM").Locator("[data-testid=kpi-actual-value]")).ToContainTextAsync("58");
        await ContractSteps.AcceptAsync(official);
        await Expect(official.Locator(".mud-snackbar", new() { HasText = "Wykonanie kontraktu: 89,4" })).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "report accepted (official)");

        await official.GotoAsync(contractPath);
        await Ui.WaitForInteractiveAsync(official);
        await official.ClickAsync("[data-testid=contract-link-achievement]");
        await official.WaitForURLAsync(url => url.EndsWith($"{contractPath}/achievement", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("h1")).ToHaveTextAsync("Realizacja kontraktu");
        await Expect(official.Locator("[data-testid=achievement-contract]")).ToHaveTextAsync(number);
        await Expect(official.Locator("[data-testid=achievement-percent]")).ToHaveTextAsync("89,44%");
        await Expect(official.Locator("[data-testid=achievement-colour]")).ToHaveTextAsync("▲ bursztynowy");
        await Expect(official.Locator("[data-testid=achievement-colour]")).ToHaveAttributeAsync("data-colour", "Amber");
        await Expect(official.Locator("[data-testid=achievement-reports]")).ToHaveTextAsync("Przyjęte sprawozdania roczne: 1");
        await Expect(official.Locator("[data-testid=achievement-kpi][data-code='KPI-MEM'] [data-testid=kpi-cumulative]")).ToHaveTextAsync("cel 60, wykonanie 58 — realizacja 96,67%");
        await Expect(official.Locator("[data-testid=achievement-kpi][data-code='KPI-RD'] [data-testid=kpi-cumulative]")).ToHaveTextAsync("cel 4, wykonanie 2 — realizacja 50%");
        await Ui.AssertAccessibleAsync(official, "contract achievement");

        // The programme dashboard, narrowed to the cluster's voivodeship and its name, shows the same figure and colour.
        await official.ClickAsync("[data-testid=achievement-dashboard-link]");
        await official.WaitForURLAsync(url => url.EndsWith("/programme/dashboard", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("h1")).ToHaveTextAsync("Pulpit programu");
        await ContractSteps.SetAsync(official.Locator("#dashboard-search"), clusterName);
        await official.ClickAsync("[data-testid=dashboard-search-submit]");
        await Expect(official.Locator("[data-testid=dashboard-row-cluster]")).ToHaveTextAsync([clusterName]);
        await official.SelectOptionAsync("#dashboard-voivodeship", Voivodeship);
        await Expect(official.Locator("#dashboard-voivodeship")).ToHaveValueAsync(Voivodeship);
        await Expect(official.Locator("[data-testid=dashboard-row-cluster]")).ToHaveTextAsync([clusterName]);
        await Expect(official.Locator("[data-testid=dashboard-row-link]")).ToHaveTextAsync([number]);
        await Expect(official.Locator("[data-testid=dashboard-row-voivodeship]")).ToHaveTextAsync(["śląskie"]);
        await Expect(official.Locator("[data-testid=dashboard-row-status]")).ToHaveAttributeAsync("data-status", "Active");
        await Expect(official.Locator("[data-testid=dashboard-row-percent]")).ToHaveTextAsync(["89,44%"]);
        await Expect(official.Locator("[data-testid=dashboard-row-colour]")).ToHaveTextAsync(["▲ bursztynowy"]);
        await Expect(official.Locator("[data-testid=summary-total] [data-testid=summary-count]")).ToHaveTextAsync("1");
        await Expect(official.Locator("[data-testid=summary-colour][data-colour=Amber] [data-testid=summary-count]")).ToHaveTextAsync("1");
        await Ui.AssertAccessibleAsync(official, "programme dashboard");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
