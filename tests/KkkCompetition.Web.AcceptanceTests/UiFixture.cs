using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(KkkCompetition.Web.AcceptanceTests.UiFixture))]

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// One host and one headless Chromium (Debian's, never Playwright's download) for the whole run. Without
/// Chromium the tests are skipped with the reason, or fail when KKK_REQUIRE_ALL_SUITES=1.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; KKK_CHROMIUM_PATH points elsewhere (for instance to check the skip).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KKK_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public KkkHost Host { get; private set; } = default!;

    public string? MissingReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            MissingReason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            return;
        }

        Host = new KkkHost();

        // The build machines are shared and slow; a circuit can take seconds to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) and page, opened on the host's address.</summary>
    public async Task<IPage> NewPageAsync(string locale = "pl-PL")
    {
        if (MissingReason is not null)
        {
            Assert.False(Environment.GetEnvironmentVariable("KKK_REQUIRE_ALL_SUITES") == "1", $"KKK_REQUIRE_ALL_SUITES=1 but {MissingReason}");
            Assert.Skip(MissingReason);
        }

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
