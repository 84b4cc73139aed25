using System.Globalization;
using KkkCompetition.Domain.Calendar;
using Microsoft.Playwright;

namespace KkkCompetition.Web.AcceptanceTests.Contracts;

/// <summary>What officials and coordinators do on the contract and report pages, shared by their tests and the contract journey.</summary>
public static class ContractSteps
{
    /// <summary>Today in Warsaw as the contract and report pages write a day.</summary>
    public static string Today => WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Types a value and lets the page see the change, as leaving the field does.</summary>
    public static async Task SetAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    /// <summary>One KPI's block of the report form (on /reports/{id}).</summary>
    public static ILocator ReportKpi(IPage page, string code) => page.Locator($"[data-testid=kpi-line][data-code='{code}']");

    /// <summary>The coordinator signs the draft open in <paramref name="page"/>.</summary>
    public static async Task SignAsCoordinatorAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=contract-coordinator-sign]");
        await Assertions.Expect(page.Locator("[data-testid=contract-coordinator-signed]")).ToContainTextAsync(Today);
        await Assertions.Expect(page.Locator("[data-testid=contract-coordinator-sign]")).ToHaveCountAsync(0);
    }

    /// <summary>The official records today's signing of the contract open in <paramref name="page"/> (the coordinator has signed).</summary>
    public static async Task RecordSigningAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=contract-coordinator-signed]")).ToContainTextAsync(Today);
        await Assertions.Expect(page.Locator("[data-testid=contract-sign-date]")).ToHaveValueAsync(Today);
        await page.ClickAsync("[data-testid=contract-sign]");
        await Assertions.Expect(page.Locator("[data-testid=contract-status]")).ToHaveAttributeAsync("data-status", "Signed");
        await Assertions.Expect(page.Locator("[data-testid=contract-signed-on]")).ToHaveTextAsync(Today);
    }

    /// <summary>In the review queue (/reports), the official searches a contract's number; the one report found, to open.</summary>
    public static async Task<ILocator> FindForReviewAsync(IPage page, string contractNumber)
    {
        await page.FillAsync("#reports-search", contractNumber);
        await page.ClickAsync("[data-testid=reports-search-go]");
        var queued = page.Locator("[data-testid=reports-row-link]");
        await Assertions.Expect(queued).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=reports-row-contract]")).ToHaveTextAsync(contractNumber);
        return queued;
    }

    /// <summary>The official returns the report open in <paramref name="page"/> with a comment on one KPI.</summary>
    public static async Task ReturnAsync(IPage page, string kpiCode, string comment)
    {
        await page.FillAsync($"#return-{kpiCode.ToLowerInvariant()}", comment);
        await page.ClickAsync("[data-testid=report-return]");
        await Assertions.Expect(page.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Returned");
        await Assertions.Expect(page.Locator("[data-testid=report-accept]")).ToHaveCountAsync(0);
    }

    /// <summary>The official accepts the report open in <paramref name="page"/>.</summary>
    public static async Task AcceptAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=report-accept]");
        await Assertions.Expect(page.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(page.Locator("[data-testid=report-accepted]")).ToBeVisibleAsync();
    }
}
