using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Contracts, their versions, amendments and reports keep everything they hold (JSON columns included) through a save and a fresh read.</summary>
public abstract class ContractPersistenceTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task A_contract_its_versions_an_amendment_and_a_report_round_trip()
    {
        var arranged = await new ContractArrange(Services, Database.Clock).CreateAsync(new ContractShape { ClusterName = "Klaster Łódzki", Voivodeship = "10", OptionalKpis = ["KPI-CO2"] }, Ct);
        var now = Database.Clock.GetUtcNow();
        var today = WorkingDayCalendar.ToWarsawDate(now);

        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var contract = await db.ProgrammeContracts.SingleAsync(c => c.Id == arranged.ContractId, Ct);
            var amendment = ContractAmendment.Propose(
                contract, 1, false, "Zmiana celów po rozszerzeniu klastra o nowych członków.",
                [new KpiTarget("KPI-MEM", 2028, 80)], [new BudgetYear(2028, 450_000, 100_000, 80_000, 60_000, 1_200_000, 900_000)],
                arranged.CoordinatorUserId, today, now);
            amendment.Approve(contract, Guid.CreateVersion7(), today, now);
            db.ContractAmendments.Add(amendment);

            var report = await db.KpiReports.SingleAsync(r => r.ContractId == contract.Id && r.Year == 2026, Ct);
            report.Save(
                contract,
                [new KpiReportLineInput("KPI-RD", 12, null), new KpiReportLineInput("KPI-CO2", 450.5m, null)],
                "Rok pełen wyzwań — żółć.",
                [new CascadeDisbursement("5260250274", "Firma Ł", EnterpriseSize.Small, 1000.50m), new CascadeDisbursement("7740001454", "Duża Firma", EnterpriseSize.Large, 500m)],
                today,
                now);
            await db.SaveChangesAsync(Ct);
        }

        var saved = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == arranged.ContractId, Ct));
        Assert.Equal(ContractStatus.Active, saved.Status);
        Assert.Equal("Zarząd Województwa Łódzkiego", saved.RegionParty);
        Assert.Equal(ReportingTerms.Default, saved.Terms);
        Assert.Equal([1, 2], saved.Versions.Select(v => v.Number).Order());
        Assert.Equal(60, saved.VersionInForceOn(new DateOnly(2027, 1, 1)).TargetOf("KPI-MEM", 2028));
        Assert.Equal(80, saved.CurrentVersion.TargetOf("KPI-MEM", 2028));
        Assert.Equal(1_200_000, saved.CurrentVersion.BudgetOf(2028)!.CascadePool);
        var co2 = saved.CurrentVersion.Kpi("KPI-CO2")!;
        Assert.Equal(Domain.ReferenceData.KpiDirection.LowerIsBetter, co2.Direction);
        Assert.False(co2.IsMandatory);
        Assert.Equal(7, saved.CurrentVersion.Kpis.Count);

        var amendmentRead = await Read(db => db.ContractAmendments.AsNoTracking().SingleAsync(a => a.ContractId == arranged.ContractId, Ct));
        Assert.Equal(AmendmentState.Approved, amendmentRead.State);
        Assert.Equal([new KpiTarget("KPI-MEM", 2028, 80)], amendmentRead.Targets);
        Assert.Equal(2, amendmentRead.ResultingVersion);

        var reports = await Read(db => db.KpiReports.AsNoTracking().Where(r => r.ContractId == arranged.ContractId).OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ToListAsync(Ct));
        Assert.Equal(5, reports.Count);
        var first = reports.Single(r => r.Year == 2026);
        Assert.Equal(KpiReportStatus.Draft, first.Status);
        Assert.Equal("Rok pełen wyzwań — żółć.", first.Narrative);
        Assert.Equal(12, first.Lines.Single(l => l.KpiCode == "KPI-RD").Actual);
        Assert.Equal(66.68m, first.Lines.Single(l => l.KpiCode == KpiReport.SmeShareKpiCode).Actual);
        Assert.Equal(EnterpriseSize.Large, first.Disbursements[1].Size);
        Assert.Equal(1000.50m, first.Disbursements[0].Amount);
        Assert.Equal(new DateOnly(2027, 3, 31), first.DueOn);
        Assert.Equal(ReportKind.Final, reports[^1].Kind);

        // An accepted report's figures become the contract's stored achievement.
        await new ContractArrange(Services, Database.Clock).AcceptReportAsync(arranged.ContractId, 2025, share: 0.5m, Ct);
        var achieved = await Read(db => db.ProgrammeContracts.AsNoTracking().SingleAsync(c => c.Id == arranged.ContractId, Ct));
        Assert.Equal(50m, achieved.AchievementPercent);
        Assert.Equal(1, achieved.AchievementReports);
    }
}

public sealed class ContractPersistenceTestsOnSqlite(SqliteDatabaseFixture database) : ContractPersistenceTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ContractPersistenceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ContractPersistenceTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
