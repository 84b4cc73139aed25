using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Contracts;

/// <summary>
/// The contract pages in the browser, with axe on each: the official drafts a contract from a certificate and edits its plan,
/// the applicant reads and signs his draft and the official records the signing, an amendment is proposed and approved, and
/// the officials' list in English.
/// </summary>
public sealed class ContractUiTests(UiFixture ui)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ContractArrange Arrange() => new(ui.Host.Services, TimeProvider.System, TestYears.Next());

    /// <summary>An applicant of his own, who signs in; an arranged cluster's organisation passes to him.</summary>
    private async Task<string> CoordinatorOfAsync(Guid clusterId)
    {
        var email = $"koordynator-kontraktu-{Guid.NewGuid():N}@klaster.example.pl";
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Koordynator Kontraktu", DemoData.Password, Roles.Applicant);
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var organisationId = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.OrganisationId).SingleAsync(Ct);
        await db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerUserId, user.Id), Ct);
        return email;
    }

    /// <summary>
    /// A phase of its own, far from the phase the contract arrangement uses, so the numbers this test's draft takes never meet
    /// the arrangement's in the shared host.
    /// </summary>
    private async Task<ProgrammePhase> OwnPhaseAsync()
    {
        await using var scope = ui.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var phases = await db.ProgrammePhases.ToListAsync(Ct);
        var phase = ProgrammePhase.Define(61, new DateOnly(2093, 1, 1), new DateOnly(2096, 12, 31), phases, DateTimeOffset.UtcNow);
        db.ProgrammePhases.Add(phase);
        await db.SaveChangesAsync(Ct);
        return phase;
    }

    [Fact]
    public async Task The_official_drafts_a_contract_from_a_certificate_and_edits_its_kpis_and_budget_with_the_sme_share_live()
    {
        var phase = await OwnPhaseAsync();
        await new CertifiedClusters(ui.Host.Services, TimeProvider.System, TestYears.Next()).GrantAsync(new CertifiedShape { ClusterName = "Klaster Edytora UI", Voivodeship = "04" }, Ct);
        var page = await ui.NewPageAsync();
        await Ui.SignInAsync(page, Roles.Official, "/contracts/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nowy kontrakt programowy");

        await page.SelectOptionAsync("[data-testid=new-contract-phase]", phase.Id.ToString());
        await Assertions.Expect(page.Locator("[data-testid=new-contract-starts]")).ToHaveValueAsync("2093-01-01");
        await Assertions.Expect(page.Locator("[data-testid=new-contract-ends]")).ToHaveValueAsync("2096-12-31");
        var candidate = page.Locator("[data-testid=candidate-row][data-cluster='Klaster Edytora UI']");
        await candidate.Locator("[data-testid=candidate-pick]").CheckAsync();
        await Ui.AssertAccessibleAsync(page, "new contract");
        await page.ClickAsync("[data-testid=new-contract-submit]");

        await page.WaitForURLAsync(url => url.Contains("/contracts/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=contract-number]")).ToHaveTextAsync("KP/61/0001");
        await Assertions.Expect(page.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(page.Locator("[data-testid=contract-region]")).ToHaveTextAsync("Zarząd Województwa Kujawsko-Pomorskiego");
        await Assertions.Expect(page.Locator("[data-testid=kpi-row]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=contract-gaps]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-row][data-code=KPI-RD] [data-testid=kpi-remove]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "draft contract editor");

        // Targets per year of one KPI.
        var rd = page.Locator("[data-testid=kpi-row][data-code=KPI-RD]");
        foreach (var (year, value) in new[] { (2093, "4"), (2094, "6"), (2095, "8"), (2096, "10") })
        {
            await ContractSteps.SetAsync(rd.Locator($"[data-testid=kpi-target][data-year='{year}']"), value);
        }

        await rd.Locator("[data-testid=kpi-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Wskaźnik zapisany");
        await page.ReloadAsync();
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=kpi-row][data-code=KPI-RD] [data-testid=kpi-target][data-year='2096']")).ToHaveValueAsync("10");
        await Assertions.Expect(page.Locator("[data-testid=contract-gap]", new() { HasText = "KPI-RD" })).ToHaveCountAsync(0);

        // An optional KPI of the catalogue is added and removed again.
        await page.SelectOptionAsync("[data-testid=kpi-add-code]", "KPI-PAT");
        await page.ClickAsync("[data-testid=kpi-add-submit]");
        await Assertions.Expect(page.Locator("[data-testid=kpi-row][data-code=KPI-PAT]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=kpi-row][data-code=KPI-PAT] [data-testid=kpi-remove]");
        await Assertions.Expect(page.Locator("[data-testid=kpi-row][data-code=KPI-PAT]")).ToHaveCountAsync(0);

        // The SME share is computed as the official types: 69.9% is flagged and refused, 70% is accepted.
        var firstYear = page.Locator("[data-testid=budget-row][data-year='2093']");
        await firstYear.Locator("[data-testid=budget-staff]").FillAsync("300000");
        await firstYear.Locator("[data-testid=budget-pool]").FillAsync("1000000");
        await firstYear.Locator("[data-testid=budget-sme]").FillAsync("699000");
        await Assertions.Expect(firstYear.Locator("[data-testid=budget-sme-share]")).ToHaveAttributeAsync("data-below", "true");
        await Assertions.Expect(page.Locator("[data-testid=budget-warning]")).ToContainTextAsync("2093");
        await Ui.AssertAccessibleAsync(page, "budget below the SME share");
        await page.ClickAsync("[data-testid=budget-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "69,9" })).ToBeVisibleAsync();

        await firstYear.Locator("[data-testid=budget-sme]").FillAsync("700000");
        await Assertions.Expect(firstYear.Locator("[data-testid=budget-sme-share]")).ToHaveAttributeAsync("data-below", "false");
        await page.ClickAsync("[data-testid=budget-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Budżet zapisany" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=budget-row][data-year='2093'] [data-testid=budget-institutional]")).ToContainTextAsync("300");
        await Assertions.Expect(page.Locator("[data-testid=contract-gap]", new() { HasText = "budżet na rok 2093" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=contract-gap]", new() { HasText = "budżet na rok 2094" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_applicant_reads_and_signs_his_draft_and_the_official_records_the_signing_and_both_download_the_pdf()
    {
        var arranged = await Arrange().CreateAsync(new ContractShape { ClusterName = "Klaster Podpisujący UI", Stage = ArrangedStage.CompleteDraft }, Ct);
        var email = await CoordinatorOfAsync(arranged.ClusterId);
        var applicant = await ui.NewPageAsync();
        await ApplicantSteps.SignInAsync(applicant, email, "/my-contracts");

        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Moje kontrakty programowe");
        var row = applicant.Locator($"[data-testid=my-contract-row][data-number='{arranged.Number}']");
        await Assertions.Expect(row.Locator("[data-testid=my-contract-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Ui.AssertAccessibleAsync(applicant, "my contracts");
        await row.Locator("[data-testid=my-contract-link]").ClickAsync();
        await Ui.WaitForInteractiveAsync(applicant);

        await Assertions.Expect(applicant.Locator("[data-testid=contract-number]")).ToHaveTextAsync(arranged.Number);
        await Assertions.Expect(applicant.Locator("[data-testid=contract-plan] [data-testid=plan-kpi]")).ToHaveCountAsync(6);
        await Assertions.Expect(applicant.Locator("[data-testid=contract-kpi-editor]")).ToHaveCountAsync(0);
        await Assertions.Expect(applicant.Locator("[data-testid=contract-sign]")).ToHaveCountAsync(0);
        await Assertions.Expect(applicant.Locator("[data-testid=contract-link-schedule]")).ToHaveAttributeAsync("href", $"/contracts/{arranged.ContractId}/schedule");
        await Assertions.Expect(applicant.Locator("[data-testid=contract-link-achievement]")).ToHaveAttributeAsync("href", $"/contracts/{arranged.ContractId}/achievement");
        await Ui.AssertAccessibleAsync(applicant, "contract (applicant)");
        var download = await applicant.RunAndWaitForDownloadAsync(() => applicant.ClickAsync("[data-testid=contract-pdf]"));
        Assert.EndsWith("-v1.pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await ContractSteps.SignAsCoordinatorAsync(applicant);

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, $"/contracts/{arranged.ContractId}");
        await ContractSteps.RecordSigningAsync(official);
        await Assertions.Expect(official.Locator("[data-testid=contract-activate]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "signed contract (official)");
        var officialsCopy = await official.RunAndWaitForDownloadAsync(() => official.ClickAsync("[data-testid=version-pdf-1]"));
        Assert.EndsWith("-v1.pdf", officialsCopy.SuggestedFilename, StringComparison.Ordinal);

        await applicant.ReloadAsync();
        await Ui.WaitForInteractiveAsync(applicant);
        await Assertions.Expect(applicant.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Signed");
    }

    [Fact]
    public async Task The_coordinator_proposes_an_amendment_the_official_approves_it_and_every_version_stays_readable()
    {
        var arranged = await Arrange().CreateAsync(new ContractShape { ClusterName = "Klaster Aneksowy UI" }, Ct);
        var email = await CoordinatorOfAsync(arranged.ClusterId);
        var applicant = await ui.NewPageAsync();
        await ApplicantSteps.SignInAsync(applicant, email, $"/contracts/{arranged.ContractId}/amendments");

        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync($"Aneksy kontraktu: {arranged.Number}");
        await Assertions.Expect(applicant.Locator("[data-testid=amendments-empty]")).ToBeVisibleAsync();

        // The years whose period has ended are not in the form.
        var lastYear = WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow).Year - 1;
        await Assertions.Expect(applicant.Locator($"[data-testid=amendment-target][data-year='{lastYear}']")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(applicant, "amendments (applicant)");
        await applicant.FillAsync("#amendment-reason", "Rozszerzenie klastra o nowych członków wymaga podniesienia celów.");
        await ContractSteps.SetAsync(applicant.Locator("[data-testid=amendment-kpi][data-code=KPI-RD] [data-testid=amendment-target][data-year='2028']"), "14");
        await applicant.ClickAsync("[data-testid=amendment-submit]");
        await Assertions.Expect(applicant.Locator("[data-testid=amendments-pending]")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("[data-testid=amendment][data-number='1']")).ToHaveAttributeAsync("data-state", "Proposed");
        await Assertions.Expect(applicant.Locator("[data-testid=amendment][data-number='1'] [data-testid=amendment-targets]")).ToContainTextAsync("KPI-RD, 2028: 14");

        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, "/amendments");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync("Aneksy do rozpatrzenia");
        var card = official.Locator("[data-testid=amendment]", new() { HasText = arranged.Number });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "amendments queue");
        await card.Locator("[data-testid=amendment-approve]").ClickAsync();
        await Assertions.Expect(official.Locator(".mud-snackbar", new() { HasText = arranged.Number })).ToBeVisibleAsync();
        await Assertions.Expect(official.Locator("[data-testid=amendment]", new() { HasText = arranged.Number })).ToHaveCountAsync(0);

        await applicant.ReloadAsync();
        await Ui.WaitForInteractiveAsync(applicant);
        await Assertions.Expect(applicant.Locator("[data-testid=amendment][data-number='1']")).ToHaveAttributeAsync("data-state", "Approved");
        await Assertions.Expect(applicant.Locator("[data-testid=version-shown]")).ToHaveAttributeAsync("data-number", "2");
        await Assertions.Expect(applicant.Locator("[data-testid=version-shown] [data-testid=plan-kpi][data-code=KPI-RD] [data-testid=plan-target][data-year='2028']")).ToHaveTextAsync("14");
        await applicant.ClickAsync("[data-testid=version-show][data-number='1']");
        await Assertions.Expect(applicant.Locator("[data-testid=version-shown]")).ToHaveAttributeAsync("data-number", "1");
        await Assertions.Expect(applicant.Locator("[data-testid=version-shown] [data-testid=plan-kpi][data-code=KPI-RD] [data-testid=plan-target][data-year='2028']")).ToHaveTextAsync("10");
        await Ui.AssertAccessibleAsync(applicant, "amendments with an earlier version shown");
        var earlier = await applicant.RunAndWaitForDownloadAsync(() => applicant.ClickAsync("[data-testid=version-shown-pdf]"));
        Assert.EndsWith("-v1.pdf", earlier.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officials_contract_list_and_the_programme_settings_in_english_filter_and_save()
    {
        var arranged = await Arrange().CreateAsync(new ContractShape { ClusterName = "Cluster English UI", Voivodeship = "30", Stage = ArrangedStage.Signed }, Ct);
        var page = await ui.NewPageAsync("en-GB");
        await Ui.SignInAsync(page, Roles.Official, "/contracts");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme contracts");
        await page.SelectOptionAsync("[data-testid=contracts-status]", "Signed");
        await page.SelectOptionAsync("[data-testid=contracts-voivodeship]", "30");
        var link = page.Locator($"[data-testid=contracts-row-link][data-number='{arranged.Number}']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=contracts-row-status]").First).ToHaveTextAsync("signed");
        await Ui.AssertAccessibleAsync(page, "contracts (en)");
        await page.SelectOptionAsync("[data-testid=contracts-status]", "Terminated");
        await Assertions.Expect(link).ToHaveCountAsync(0);

        await page.GotoAsync("/programme/settings");
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme settings");
        await Ui.AssertAccessibleAsync(page, "programme settings (en)");
        await ContractSteps.SetAsync(page.Locator("[data-testid=settings-due-month]"), "2");
        await ContractSteps.SetAsync(page.Locator("[data-testid=settings-due-day]"), "30");
        await page.ClickAsync("[data-testid=settings-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "not a day of that month" })).ToBeVisibleAsync();
        await ContractSteps.SetAsync(page.Locator("[data-testid=settings-due-day]"), "28");
        await page.ClickAsync("[data-testid=settings-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Settings saved" })).ToBeVisibleAsync();

        // Put the defaults back: other tests of the shared host draft contracts with these terms.
        await ContractSteps.SetAsync(page.Locator("[data-testid=settings-due-month]"), "3");
        await ContractSteps.SetAsync(page.Locator("[data-testid=settings-due-day]"), "31");
        await page.ClickAsync("[data-testid=settings-save]");
        await Assertions.Expect(page.Locator("[data-testid=settings-updated]")).ToBeVisibleAsync();
    }
}
