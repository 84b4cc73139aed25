using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>
/// A contract's achievement (per KPI and year, cumulative, overall with its colour) computed from accepted annual reports
/// against the plan version in force for each year, and the colours' band edges. The test clock's day is 2027-01-15; the
/// arranged contracts cover 2025–2028.
/// </summary>
public abstract class AchievementTests(DatabaseFixture database) : FunctionalTest(database)
{
    private ContractArrange Arrange => new(Services, Database.Clock);

    private static FixedUser Coordinator(ArrangedContract contract) =>
        new(contract.CoordinatorUserId, "koordynator@klaster.example.pl", [Roles.Applicant], "192.0.2.20", "coordinator");

    [Fact]
    public async Task Achievement_per_kpi_per_year_and_cumulative_for_sum_and_latest_kpis_with_lower_is_better_inverted()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Wskaźnikowy", OptionalKpis = ["KPI-CO2"] }, Ct);
        await Arrange.AcceptReportAsync(arranged.ContractId, 2025, 1m, Ct);
        await Arrange.AcceptReportAsync(arranged.ContractId, 2026, 0.5m, Ct);

        var view = await Send(Coordinator(arranged), new GetContractAchievement(arranged.ContractId));

        Assert.Equal(arranged.Number, view.Number);
        Assert.Equal(2, view.AcceptedReports);
        Assert.Equal([new(2025, 1, true), new(2026, 1, true), new(2027, 1, false), new(2028, 1, false)], view.Years);
        Assert.Equal(7, view.Kpis.Count);

        // A sum KPI: each year against its target, cumulative the sum of actuals against the sum of the reported years' targets.
        var rd = view.Kpis.Single(k => k.Code == "KPI-RD");
        Assert.Equal(("Liczba projektów B+R z udziałem członków", "R&D projects with members", "count"), (rd.NamePl, rd.NameEn, rd.Unit));
        Assert.Equal((KpiDirection.HigherIsBetter, KpiAggregation.Sum, true, 1m), (rd.Direction, rd.Aggregation, rd.IsMandatory, rd.Weight));
        Assert.Equal([new(2025, 10, 10, 100), new(2026, 10, 5, 50), new(2027, 10, null, null), new(2028, 10, null, null)], rd.Years);
        Assert.Equal((20m, 15m, 75m), (rd.CumulativeTarget, rd.CumulativeActual, rd.CumulativePercent));

        // A latest-value KPI: cumulative is the last reported year's actual against that year's target.
        var employment = view.Kpis.Single(k => k.Code == "KPI-EMP");
        Assert.Equal((1000m, 500m, 50m), (employment.CumulativeTarget, employment.CumulativeActual, employment.CumulativePercent));

        // Lower is better: twice the allowed emissions is half the achievement, not 200%.
        var co2 = view.Kpis.Single(k => k.Code == "KPI-CO2");
        Assert.Equal((KpiDirection.LowerIsBetter, KpiAggregation.Latest, false), (co2.Direction, co2.Aggregation, co2.IsMandatory));
        Assert.Equal(new KpiYearView(2026, 500, 1000, 50), co2.Years[1]);
        Assert.Equal(50m, co2.CumulativePercent);

        // The overall figure: the mean of 75 (R&D, innovations, FDI) and 50 (employment, members, SME share, CO2).
        Assert.Equal(decimal.Round(425m / 7, 2), view.Percent);
        Assert.Equal(DashboardColour.Red, view.Colour);
        Assert.Equal((90m, 70m), (view.GreenFromPercent, view.AmberFromPercent));
        var stored = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == arranged.ContractId, Ct));
        Assert.Equal(view.Percent, stored.AchievementPercent);
    }

    [Fact]
    public async Task The_overall_figure_is_the_mean_weighted_by_the_kpis_weights_each_counted_at_most_100_percent()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.CompleteDraft }, Ct);
        await ActivateAsync(arranged, new Dictionary<string, decimal> { ["KPI-RD"] = 4m });

        await AcceptAsync(arranged.ContractId, 2025, (code, target) => code == "KPI-RD" ? 12 : target!.Value / 2);

        var view = await Send(TestUsers.Official, new GetContractAchievement(arranged.ContractId));
        var rd = view.Kpis.Single(k => k.Code == "KPI-RD");
        Assert.Equal(4m, rd.Weight);
        Assert.Equal(120m, rd.CumulativePercent);

        // (4 × 100 + 5 × 50) / 9: amber, where the plain mean of the six (58.33) would be red.
        Assert.Equal(72.22m, view.Percent);
        Assert.Equal(DashboardColour.Amber, view.Colour);
    }

    [Fact]
    public async Task A_year_is_measured_against_the_amended_version_in_force_on_its_last_day()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Aneksowany" }, Ct);
        await Arrange.AcceptReportAsync(arranged.ContractId, 2025, 1m, Ct);
        await Arrange.AcceptReportAsync(arranged.ContractId, 2026, 1m, Ct);

        // On 2027-01-15 the official approves an amendment doubling the R&D target of 2027 (version 2, in force from today).
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var contract = await db.ProgrammeContracts.SingleAsync(c => c.Id == arranged.ContractId, Ct);
            var now = Database.Clock.GetUtcNow();
            var today = WorkingDayCalendar.ToWarsawDate(now);
            var amendment = ContractAmendment.Propose(
                contract, 1, false, "Rozszerzenie programu badawczego klastra o nowe projekty.", [new KpiTarget("KPI-RD", 2027, 20)], [], arranged.CoordinatorUserId, today, now);
            amendment.Approve(contract, Guid.CreateVersion7(), today, now);
            db.ContractAmendments.Add(amendment);
            await ContractAchievements.RefreshAsync(db, contract, null, now, Ct);
            await db.SaveChangesAsync(Ct);
        }

        // A year later the report of 2027 is filed with 15 R&D projects: 75% of the amended target (150% of the first one).
        Database.Clock.Advance(TimeSpan.FromDays(400));
        await AcceptAsync(arranged.ContractId, 2027, (code, target) => code == "KPI-RD" ? 15 : target!.Value);

        var view = await Send(TestUsers.Official, new GetContractAchievement(arranged.ContractId));
        Assert.Equal([1, 1, 2, 2], view.Years.Select(y => y.PlanVersion));
        var rd = view.Kpis.Single(k => k.Code == "KPI-RD");
        Assert.Equal([new(2025, 10, 10, 100), new(2026, 10, 10, 100), new(2027, 20, 15, 75), new(2028, 10, null, null)], rd.Years);
        Assert.Equal((40m, 35m, 87.5m), (rd.CumulativeTarget, rd.CumulativeActual, rd.CumulativePercent));
        Assert.Equal(3, view.AcceptedReports);
        Assert.Equal(decimal.Round((87.5m + 500m) / 6, 2), view.Percent);
    }

    [Fact]
    public async Task Colours_at_the_band_edges_and_new_bands_recolour_the_dashboard_without_recomputing()
    {
        // Targets that make every share exact to two places: 10,000 of each count, and 100% of the SME share.
        var shapes = new[] { 0.9m, 0.8999m, 0.7m, 0.6999m }
            .Select(share => new ContractShape { ClusterName = $"Klaster Progowy {share:0.0000}", Target = (code, _) => code == "KPI-SME" ? 100 : 10_000 })
            .ToList();
        var arranged = await Arrange.CreateManyAsync(shapes, Ct);
        var shares = new[] { 0.9m, 0.8999m, 0.7m, 0.6999m };
        for (var i = 0; i < arranged.Count; i++)
        {
            await Arrange.AcceptReportAsync(arranged[i].ContractId, 2025, shares[i], Ct);
        }

        var views = new List<ContractAchievementView>();
        foreach (var contract in arranged)
        {
            views.Add(await Send(TestUsers.Official, new GetContractAchievement(contract.ContractId)));
        }

        Assert.Equal([90m, 89.99m, 70m, 69.99m], views.Select(v => v.Percent!.Value));
        Assert.Equal([DashboardColour.Green, DashboardColour.Amber, DashboardColour.Amber, DashboardColour.Red], views.Select(v => v.Colour));

        var dashboard = await Send(TestUsers.Official, new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Achievement, Descending: true));
        Assert.Equal([DashboardColour.Green, DashboardColour.Amber, DashboardColour.Amber, DashboardColour.Red], dashboard.Contracts.Items.Select(c => c.Colour));
        Assert.Equal([arranged[0].Number], (await Send(TestUsers.Official, new GetProgrammeDashboard(Colour: DashboardColour.Green))).Contracts.Items.Select(c => c.Number));
        Assert.Equal([arranged[1].Number, arranged[2].Number], (await Send(TestUsers.Official, new GetProgrammeDashboard(Colour: DashboardColour.Amber))).Contracts.Items.Select(c => c.Number));
        Assert.Equal([arranged[3].Number], (await Send(TestUsers.Official, new GetProgrammeDashboard(Colour: DashboardColour.Red))).Contracts.Items.Select(c => c.Number));

        var recordedAt = await Read(db => db.ProgrammeContracts.AsNoTracking().OrderBy(c => c.Number).Select(c => c.AchievementUpdatedAt).ToListAsync(Ct));
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var settings = await ProgrammeSettingsData.LoadForUpdateAsync(db, Ct);
            settings.Change(settings.Terms, new AchievementBands(95m, 89.99m), Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        dashboard = await Send(TestUsers.Official, new GetProgrammeDashboard(SortBy: ProgrammeDashboardSort.Achievement, Descending: true));
        Assert.Equal([DashboardColour.Amber, DashboardColour.Amber, DashboardColour.Red, DashboardColour.Red], dashboard.Contracts.Items.Select(c => c.Colour));
        Assert.Equal((95m, 89.99m), (dashboard.GreenFromPercent, dashboard.AmberFromPercent));
        Assert.Equal([0, 2, 2, 0], dashboard.Summary.Colours.Select(c => c.Count));
        Assert.Equal([arranged[2].Number, arranged[3].Number], (await Send(TestUsers.Official, new GetProgrammeDashboard(Colour: DashboardColour.Red))).Contracts.Items.Select(c => c.Number));
        Assert.Equal(DashboardColour.Amber, (await Send(TestUsers.Official, new GetContractAchievement(arranged[0].ContractId))).Colour);
        Assert.Equal(recordedAt, await Read(db => db.ProgrammeContracts.AsNoTracking().OrderBy(c => c.Number).Select(c => c.AchievementUpdatedAt).ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_coordinator_and_officials_read_a_contracts_achievement_and_another_applicant_finds_nothing()
    {
        var arranged = await Arrange.CreateAsync(cancellationToken: Ct);
        var other = new FixedUser(Guid.CreateVersion7(), "inny@klaster.example.pl", [Roles.Applicant], "192.0.2.99", "other");

        Assert.Equal(arranged.ContractId, (await Send(Coordinator(arranged), new GetContractAchievement(arranged.ContractId))).ContractId);
        var view = await Send(TestUsers.Official, new GetContractAchievement(arranged.ContractId));
        Assert.Null(view.Percent);
        Assert.Equal(DashboardColour.NoData, view.Colour);
        Assert.Equal(0, view.AcceptedReports);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(other, new GetContractAchievement(arranged.ContractId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetContractAchievement(Guid.CreateVersion7())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new GetContractAchievement(arranged.ContractId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(Coordinator(arranged), new GetProgrammeDashboard()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(Coordinator(arranged), new ExportProgrammeDashboard()));
    }

    /// <summary>Signs and activates an arranged complete draft after giving KPIs other weights, with its reports scheduled.</summary>
    private async Task ActivateAsync(ArrangedContract arranged, IReadOnlyDictionary<string, decimal> weights)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var contract = await db.ProgrammeContracts.SingleAsync(c => c.Id == arranged.ContractId, Ct);
        var now = Database.Clock.GetUtcNow();
        var today = WorkingDayCalendar.ToWarsawDate(now);
        foreach (var (code, weight) in weights)
        {
            var kpi = contract.CurrentVersion.Kpi(code)!;
            contract.SetKpi(code, kpi.Baseline, weight, [.. contract.CurrentVersion.Targets.Where(t => t.KpiCode == code)], now);
        }

        contract.SignAsCoordinator(arranged.CoordinatorUserId, now);
        contract.Sign(Guid.CreateVersion7(), today, today, now);
        db.KpiReports.AddRange(ReportingSchedule.For(contract).Select(entry => KpiReport.Schedule(contract.Id, entry)));
        contract.Activate(today, now);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Files, submits and accepts the annual report of <paramref name="year"/> with the actual of each KPI given its target.</summary>
    private async Task AcceptAsync(Guid contractId, int year, Func<string, decimal?, decimal> actual)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var contract = await db.ProgrammeContracts.SingleAsync(c => c.Id == contractId, Ct);
        var report = await db.KpiReports.SingleAsync(r => r.ContractId == contractId && r.Kind == ReportKind.Annual && r.Year == year, Ct);
        var now = Database.Clock.GetUtcNow();
        var today = WorkingDayCalendar.ToWarsawDate(now);
        var (kpis, targets) = report.PlanFor(contract);
        report.Save(
            contract,
            [.. kpis.Select(k => new KpiReportLineInput(k.Code, actual(k.Code, targets[k.Code]), "Odchylenie od celu wynika z harmonogramu projektów."))],
            "Sprawozdanie roczne z realizacji kontraktu.",
            [],
            today,
            now);
        report.Submit(contract, Guid.CreateVersion7(), today, now);
        report.Accept(Guid.CreateVersion7(), now);
        await ContractAchievements.RefreshAsync(db, contract, report, now, Ct);
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class AchievementTestsOnSqlite(SqliteDatabaseFixture database) : AchievementTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AchievementTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AchievementTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
