using KkkCompetition.Application.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing.Clusters;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>An applicant of his or her own (the demo applicant already has a cluster): organisation, cluster, member import.</summary>
public sealed class ClusterTests(UiFixture ui)
{
    private static int nipSeed = 520_000_000;

    private static string NextNip() => PolishIdentifiers.CompleteNip(Interlocked.Add(ref nipSeed, 11).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<IPage> NewApplicantAsync(string locale = "pl-PL")
    {
        var email = $"applicant-{Guid.NewGuid():N}@test.kkk.pl";
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Nowy Koordynator", DemoData.Password, Roles.Applicant);
        }

        var page = await ui.NewPageAsync(locale);
        await page.GotoAsync("/account/login?returnUrl=%2Forganisation");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => url.Contains("/organisation", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Ui.WaitForInteractiveAsync(page);
        return page;
    }

    private static async Task GoAsync(IPage page, string navTestId)
    {
        await page.ClickAsync($"[data-testid={navTestId}]");
        await Ui.WaitForInteractiveAsync(page);
    }

    private static async Task RegisterAsync(IPage page, string regon = "123456785")
    {
        await page.FillAsync("#organisation-name", "Fundacja Klastra E2E");
        await page.FillAsync("#organisation-nip", NextNip());
        await page.FillAsync("#organisation-regon", regon);
        await page.FillAsync("#organisation-krs", "0000054321");
        await page.FillAsync("#organisation-legal-form", "fundacja");
        await page.FillAsync("#organisation-address", "ul. Testowa 5, 00-950 Warszawa");
        await page.SelectOptionAsync("#organisation-voivodeship", "14");
        await page.ClickAsync("[data-testid=organisation-save]");
    }

    private static async Task FoundClusterAsync(IPage page)
    {
        await page.FillAsync("#cluster-name", "Klaster E2E");
        await page.FillAsync("#cluster-founded-on", "2019-06-01");
        await page.SelectOptionAsync("#cluster-voivodeship", "14");
        await page.Locator("[data-kis=KIS1] input").CheckAsync();
        await page.FillAsync("#cluster-ket", "fotonika, sztuczna inteligencja");
        await page.ClickAsync("[data-testid=cluster-save]");
    }

    private static async Task ImportAsync(IPage page, byte[] content, string fileName)
    {
        // In memory: the browser reads the file only when the import starts.
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        await Assertions.Expect(page.Locator("[data-testid=import-start]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=import-start]");
    }

    [Fact]
    public async Task An_applicant_registers_the_organisation_and_cluster_and_imports_60_members_from_a_file()
    {
        var page = await NewApplicantAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Organizacja koordynująca");
        await Assertions.Expect(page.Locator("[data-testid=nav-cluster-members]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "organisation form");

        // A wrong REGON check digit is named under its field; nothing is registered.
        await RegisterAsync(page, regon: "123456786");
        await Assertions.Expect(page.Locator("[data-testid=organisation-form]")).ToContainTextAsync("REGON jest niepoprawny");
        await page.FillAsync("#organisation-regon", "123456785");
        await page.ClickAsync("[data-testid=organisation-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Zapisano dane organizacji.");

        await GoAsync(page, "nav-cluster");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Klaster");
        await Ui.AssertAccessibleAsync(page, "cluster form");
        await FoundClusterAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=cluster-summary]")).ToContainTextAsync("Członków: 0");

        await GoAsync(page, "nav-cluster-members");
        await Assertions.Expect(page.Locator("[data-testid=members-empty]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=member-import]");
        await Assertions.Expect(page.Locator("[data-testid=import-template-xlsx]")).ToHaveAttributeAsync("href", "/api/v1/clusters/member-import-template?format=xlsx");
        await Ui.AssertAccessibleAsync(page, "import dialog");

        // A bad NIP in row 37: the report names row 37 and nothing is imported.
        var bad = MemberFileBuilder.Valid(60, nipSeed: 610_000_000);
        bad.Set(37, MemberColumn.Nip, MemberFileBuilder.Spoil(bad.Nip(37)));
        await ImportAsync(page, bad.ToXlsx(), "czlonkowie.xlsx");
        var error = page.Locator("[data-testid=import-error]");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToHaveAttributeAsync("data-row", "37");
        await Assertions.Expect(error).ToContainTextAsync("jest niepoprawny");
        await Ui.AssertAccessibleAsync(page, "import dialog with errors");

        await ImportAsync(page, MemberFileBuilder.Valid(60, nipSeed: 610_000_000).ToCsv(), "czlonkowie.csv");
        await Assertions.Expect(page.Locator("[data-testid=import-success]")).ToContainTextAsync("Zaimportowano członków: 60");
        await Assertions.Expect(page.Locator("[data-testid=import-stage]")).ToContainTextAsync("60");
        await page.ClickAsync("[data-testid=import-close]");
        await Assertions.Expect(page.Locator("[data-testid=members-total]")).ToHaveTextAsync("Członków: 60");
        await Ui.AssertAccessibleAsync(page, "members table");

        // One by one: a member added, then its NIP refused a second time.
        await page.ClickAsync("[data-testid=member-add]");
        var nip = NextNip();
        await page.FillAsync("#member-name", "Dodana Ręcznie sp. z o.o.");
        await page.FillAsync("#member-nip", nip);
        await page.SelectOptionAsync("#member-size", "Micro");
        await page.ClickAsync("[data-testid=member-save]");
        await Assertions.Expect(page.Locator("[data-testid=members-total]")).ToHaveTextAsync("Członków: 61");
        await page.ClickAsync("[data-testid=member-add]");
        await page.FillAsync("#member-name", "Duplikat");
        await page.FillAsync("#member-nip", nip);
        await page.SelectOptionAsync("#member-size", "Small");
        await page.ClickAsync("[data-testid=member-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("już jest w klastrze");
    }

    [Fact]
    public async Task The_cluster_pages_in_english_are_accessible_and_name_the_bad_row()
    {
        var page = await NewApplicantAsync("en-GB");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Coordinating organisation");
        await Ui.AssertAccessibleAsync(page, "organisation form (en)");
        await RegisterAsync(page);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The organisation was saved.");

        await GoAsync(page, "nav-cluster");
        await FoundClusterAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=cluster-summary]")).ToContainTextAsync("Members: 0");
        await Ui.AssertAccessibleAsync(page, "cluster form (en)");

        await GoAsync(page, "nav-cluster-members");
        await page.ClickAsync("[data-testid=member-import]");
        var file = MemberFileBuilder.Valid(10, nipSeed: 640_000_000);
        file.Set(5, MemberColumn.Type, "Korporacja");
        await ImportAsync(page, file.ToCsv(), "members.csv");
        var error = page.Locator("[data-testid=import-error]");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-row", "5");
        await Assertions.Expect(error).ToContainTextAsync("'Korporacja' is not an accepted type");
        await Ui.AssertAccessibleAsync(page, "import dialog with errors (en)");
        await page.ClickAsync("[data-testid=import-close]");
        await Assertions.Expect(page.Locator("[data-testid=members-total]")).ToHaveTextAsync("Members: 0");
        await Ui.AssertAccessibleAsync(page, "members table (en)");
    }
}
