using System.Globalization;
using System.Text.RegularExpressions;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>What an applicant does in the browser, shared by the cluster, application and journey tests.</summary>
public static partial class ApplicantSteps
{
    private static long nipSeed = 520_000_000;

    /// <summary>A valid NIP not given before in this run (organisations and members added by hand).</summary>
    public static string NextNip() => PolishIdentifiers.CompleteNip(Interlocked.Add(ref nipSeed, 11).ToString(CultureInfo.InvariantCulture));

    /// <summary>Signs in with the login form and waits for the interactive page <paramref name="returnUrl"/> leads to.</summary>
    public static async Task SignInAsync(IPage page, string email, string returnUrl, string password = DemoData.Password)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Ui.WaitForInteractiveAsync(page);
    }

    /// <summary>Follows a link of the navigation menu and waits for the page to be interactive.</summary>
    public static async Task GoAsync(IPage page, string navTestId)
    {
        await page.ClickAsync($"[data-testid={navTestId}]");
        await Ui.WaitForInteractiveAsync(page);
    }

    /// <summary>Fills and sends the organisation form (on /organisation).</summary>
    public static async Task RegisterOrganisationAsync(IPage page, string regon = "123456785", string name = "Fundacja Klastra E2E")
    {
        await page.FillAsync("#organisation-name", name);
        await page.FillAsync("#organisation-nip", NextNip());
        await page.FillAsync("#organisation-regon", regon);
        await page.FillAsync("#organisation-krs", "0000054321");
        await page.FillAsync("#organisation-legal-form", "fundacja");
        await page.FillAsync("#organisation-address", "ul. Testowa 5, 00-950 Warszawa");
        await page.SelectOptionAsync("#organisation-voivodeship", "14");
        await page.ClickAsync("[data-testid=organisation-save]");
    }

    /// <summary>Fills and sends the cluster form (on /cluster), founded 2019-06-01.</summary>
    public static async Task FoundClusterAsync(IPage page, string name = "Klaster E2E")
    {
        await page.FillAsync("#cluster-name", name);
        await page.FillAsync("#cluster-founded-on", "2019-06-01");
        await page.SelectOptionAsync("#cluster-voivodeship", "14");
        await page.Locator("[data-kis=KIS1] input").CheckAsync();
        await page.FillAsync("#cluster-ket", "fotonika, sztuczna inteligencja");
        await page.ClickAsync("[data-testid=cluster-save]");
    }

    /// <summary>Chooses <paramref name="content"/> in the open import dialog and starts the import.</summary>
    public static async Task ImportMembersAsync(IPage page, byte[] content, string fileName)
    {
        // In memory: the browser reads the file only when the import starts.
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        await Assertions.Expect(page.Locator("[data-testid=import-start]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=import-start]");
    }

    /// <summary>Starts a draft in <paramref name="competitionId"/> from "My applications" and waits for its editor.</summary>
    public static async Task StartApplicationAsync(IPage page, Guid competitionId)
    {
        await page.Locator($"[data-testid=open-competition][data-competition='{competitionId}'] [data-testid=start-application]").ClickAsync();
        await page.WaitForURLAsync(ApplicationPage());
        await Ui.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveAttributeAsync("data-status", "Draft");
    }

    /// <summary>Types one year's indicators into the editor (each field left with Tab, as a user does).</summary>
    public static async Task FillIndicatorsAsync(IPage page, int year)
    {
        var values = new (string Name, int Value)[]
        {
            ("Employment", 480), ("Revenue", 125000000), ("RdSpending", 3400000), ("Patents", 4), ("ProductInnovations", 12),
            ("ProcessInnovations", 7), ("JointProjects", 9), ("JointProjectsValue", 18500000), ("InternationalAgreements", 3),
            ("InternshipsAndTrainings", 64), ("ExportSharePercent", 37),
        };
        foreach (var (name, value) in values)
        {
            var field = page.Locator($"#indicator-{year}-{name}");
            await field.FillAsync(value.ToString(CultureInfo.InvariantCulture));
            await field.PressAsync("Tab");
        }
    }

    /// <summary>Attaches a file to one attachment kind of the editor and waits until it is listed.</summary>
    public static async Task AttachAsync(IPage page, string kind, string fileName, byte[] content)
    {
        await page.Locator($"#section-attachments-{kind} input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/pdf",
            Buffer = content,
        });
        await Assertions.Expect(page.Locator($"#section-attachments-{kind} [data-testid=attachment][data-name='{fileName}']")).ToBeVisibleAsync();
    }

    public static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The address of an application's editor, without a query.</summary>
    [GeneratedRegex("/applications/[0-9a-f-]{36}$")]
    public static partial Regex ApplicationPage();
}
