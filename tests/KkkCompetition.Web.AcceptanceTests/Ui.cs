using System.Text;
using Deque.AxeCore.Playwright;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>What the tests do in the browser: sign in, wait for the interactive circuit, check accessibility.</summary>
public static class Ui
{
    public static async Task SignInAsync(IPage page, string role, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", KkkHost.EmailOf(role));
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"Signing in as {role} did not leave {page.Url}: {await page.Locator("body").InnerTextAsync()}", ex);
        }

        await WaitForInteractiveAsync(page);
    }

    /// <summary>The layout marks <c>main</c> once the Blazor circuit renders it; clicks before that would be lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// axe measures a snackbar still fading in as low contrast, and a message that waits to be closed stays: close every
    /// snackbar and wait until none is left, before checking a page or waiting for the next confirmation.
    /// </summary>
    public static async Task CloseSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
        {
            try
            {
                await close.ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                // It closed by itself meanwhile.
            }
        }

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    /// <summary>The page's message (a refusal or a confirmation), then closed, so that axe and the next wait see the page alone.</summary>
    public static async Task ExpectMessageAsync(IPage page, string message)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = message })).ToBeVisibleAsync();
        await CloseSnackbarsAsync(page);
    }

    /// <summary>Runs axe and fails on any violation of impact "serious" or "critical", listing them all.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        foreach (var minor in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe ({name}) [{minor.Impact}] {minor.Id}: {minor.Help} — {string.Join(" | ", minor.Nodes.Take(3).Select(n => n.Html))}");
        }

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {blocking.Count} serious/critical violation(s) on {name} ({page.Url}):\n");
        foreach (var violation in blocking)
        {
            report.AppendLine($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine($"    {string.Join(" ", node.Target)} :: {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }

    public static async Task<string> HtmlLangAsync(IPage page) =>
        await page.Locator("html").GetAttributeAsync("lang") ?? "";
}
