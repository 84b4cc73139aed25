using KkkCompetition.Application.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing.Clusters;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static KkkCompetition.Web.AcceptanceTests.ApplicantSteps;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>An applicant of his or her own (the demo applicant already has a cluster): organisation, cluster, member import.</summary>
public sealed class ClusterTests(UiFixture ui)
{
    private async Task<IPage> NewApplicantAsync(string locale = "pl-PL")
    {
        var email = $"applicant-{Guid.NewGuid():N}@test.kkk.pl";
        await using (var scope = ui.Host.Services.CreateAsyncScope())
        {
            await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Nowy Koordynator", DemoData.Password, Roles.Applicant);
        }

        var page = await ui.NewPageAsync(locale);
        await SignInAsync(page, email, "/organisation");
        return page;
    }

    [Fact]
    public async Task An_applicant_registers_the_organisation_and_cluster_and_imports_60_members_from_a_file()
    {
        var page = await NewApplicantAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Organizacja koordynująca");
        await Assertions.Expect(page.Locator("[data-testid=nav-cluster-members]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "organisation form");

        // A wrong REGON check digit is named under its field; nothing is registered.
        await RegisterOrganisationAsync(page, regon: "123456786");
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
        await ImportMembersAsync(page, bad.ToXlsx(), "czlonkowie.xlsx");
        var error = page.Locator("[data-testid=import-error]");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToHaveAttributeAsync("data-row", "37");
        await Assertions.Expect(error).ToContainTextAsync("jest niepoprawny");
        await Ui.AssertAccessibleAsync(page, "import dialog with errors");

        await ImportMembersAsync(page, MemberFileBuilder.Valid(60, nipSeed: 610_000_000).ToCsv(), "czlonkowie.csv");
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
        await RegisterOrganisationAsync(page);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The organisation was saved.");

        await GoAsync(page, "nav-cluster");
        await FoundClusterAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=cluster-summary]")).ToContainTextAsync("Members: 0");
        await Ui.AssertAccessibleAsync(page, "cluster form (en)");

        await GoAsync(page, "nav-cluster-members");
        await page.ClickAsync("[data-testid=member-import]");
        var file = MemberFileBuilder.Valid(10, nipSeed: 640_000_000);
        file.Set(5, MemberColumn.Type, "Korporacja");
        await ImportMembersAsync(page, file.ToCsv(), "members.csv");
        var error = page.Locator("[data-testid=import-error]");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-row", "5");
        await Assertions.Expect(error).ToContainTextAsync("'Korporacja' is not an accepted type");
        await Ui.AssertAccessibleAsync(page, "import dialog with errors (en)");
        await page.ClickAsync("[data-testid=import-close]");
        await Assertions.Expect(page.Locator("[data-testid=members-total]")).ToHaveTextAsync("Members: 0");
        await Ui.AssertAccessibleAsync(page, "members table (en)");
    }
}
