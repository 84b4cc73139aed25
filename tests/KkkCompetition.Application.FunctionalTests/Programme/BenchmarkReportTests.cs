using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Programme.Benchmark;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Documents;
using KkkCompetition.Testing.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Programme;

/// <summary>
/// The benchmark report on small groups whose right figures are worked out by hand in the comments: means, medians of odd and
/// even counts, shares, rounding to one decimal (halves away from zero), sales growth with a zero revenue, the date scope, the
/// report-over-application rule for internships, and who may read what.
/// </summary>
public abstract class BenchmarkReportTests(DatabaseFixture database) : FunctionalTest(database)
{
    private BenchmarkArrange Benchmark => new(Services, Database.Clock);

    private static FixedUser Coordinator(Guid userId) => new(userId, $"coordinator-{userId:N}@klaster.example.pl", [Roles.Applicant], "192.0.2.31", "test-benchmark");

    /// <summary>
    /// Four clusters submitted to one competition (indicator years 2025 and 2026):
    /// A: micro 5, small 20, medium 100, research 50 — 4 members, 175 employed; revenue 1,000,000 → 1,125,500 (+12.55%); 5/3/4/40.
    /// B: large 300, local government 0 — 2 members, 300; 2,000,000 → 1,900,000 (−5%); 2/0/1/10.
    /// C: two support institutions 10 and 10, other 1, small 15 and 14 — 5 members, 50; revenue 0 → 500,000 (not available); 0/1/0/7.
    /// D: micro 3, other 0 — 2 members, 3; 800,000 → 802,000 (+0.25%); 1/1/2/0.
    /// (innovations product/process, joint projects, internships of 2026)
    /// </summary>
    private async Task<(Guid CompetitionId, IReadOnlyList<SubmittedApplication> Applications)> CompetitionAsync()
    {
        var submitted = new SubmittedApplications(Services, Database.Clock);
        var competitionId = await submitted.CompetitionAsync("Konkurs porównawczy", cancellationToken: Ct);
        (string Name, decimal Earlier, decimal Later, int Product, int Process, int Joint, int Internships, BenchmarkMember[] Members)[] clusters =
        [
            ("Klaster A", 1_000_000m, 1_125_500m, 5, 3, 4, 40,
                [BenchmarkMember.Enterprise(EnterpriseSize.Micro, 5), BenchmarkMember.Enterprise(EnterpriseSize.Small, 20), BenchmarkMember.Enterprise(EnterpriseSize.Medium, 100), BenchmarkMember.Of(MemberType.ResearchOrUniversity, 50)]),
            ("Klaster B", 2_000_000m, 1_900_000m, 2, 0, 1, 10,
                [BenchmarkMember.Enterprise(EnterpriseSize.Large, 300), BenchmarkMember.Of(MemberType.LocalGovernment, 0)]),
            ("Klaster C", 0m, 500_000m, 0, 1, 0, 7,
                [BenchmarkMember.Of(MemberType.BusinessSupportInstitution, 10), BenchmarkMember.Of(MemberType.BusinessSupportInstitution, 10), BenchmarkMember.Of(MemberType.Other, 1),
                 BenchmarkMember.Enterprise(EnterpriseSize.Small, 15), BenchmarkMember.Enterprise(EnterpriseSize.Small, 14)]),
            ("Klaster D", 800_000m, 802_000m, 1, 1, 2, 0,
                [BenchmarkMember.Enterprise(EnterpriseSize.Micro, 3), BenchmarkMember.Of(MemberType.Other, 0)]),
        ];
        var applications = new List<SubmittedApplication>();
        foreach (var c in clusters)
        {
            var application = await submitted.SubmitAsync(competitionId, c.Name, new ApplicationShape
            {
                Members = 1,
                Indicators = year => year == 2025 ? BenchmarkArrange.Indicators(c.Earlier, 9, 9, 9, 99) : BenchmarkArrange.Indicators(c.Later, c.Product, c.Process, c.Joint, c.Internships),
            }, Ct);
            await Benchmark.SetMembersAsync(await ClusterOfAsync(application.Id), c.Members, Ct);
            applications.Add(application);
        }

        return (competitionId, applications);
    }

    private Task<Guid> ClusterOfAsync(Guid applicationId) => Read(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.ClusterId).SingleAsync(Ct));

    [Fact]
    public async Task A_competitions_report_has_the_figures_worked_out_by_hand()
    {
        var (competitionId, _) = await CompetitionAsync();

        var report = await Send(TestUsers.Official, new GetBenchmarkReport(CompetitionId: competitionId));

        Assert.Equal((BenchmarkScopeKind.Competition, competitionId, "Konkurs porównawczy"), (report.Scope.Kind, report.Scope.CompetitionId, report.Scope.CompetitionName));
        Assert.Equal((4, 13), (report.Clusters, report.Members));

        // 13 / 4 = 3.25: halves away from zero give 3.3 (banker's rounding would give 3.2); median of 2, 2, 4, 5 (even) = 3.
        Assert.Equal((3.3m, 3.0m), (report.MeanMembers, report.MedianMembers));
        Assert.Equal(
            [(MemberType.Enterprise, 7, 53.8m), (MemberType.ResearchOrUniversity, 1, 7.7m), (MemberType.BusinessSupportInstitution, 2, 15.4m), (MemberType.LocalGovernment, 1, 7.7m), (MemberType.Other, 2, 15.4m)],
            report.MemberTypes.Select(t => (t.Type, t.Count, t.SharePercent)));
        Assert.Equal(7, report.Enterprises);
        Assert.Equal(
            [((EnterpriseSize?)EnterpriseSize.Micro, 2, 28.6m), (EnterpriseSize.Small, 3, 42.9m), (EnterpriseSize.Medium, 1, 14.3m), (EnterpriseSize.Large, 1, 14.3m), (null, 0, 0m)],
            report.EnterpriseSizes.Select(s => (s.Size, s.Count, s.SharePercent)));

        // Employment 175, 300, 50, 3: mean 132, median (50 + 175) / 2 = 112.5.
        Assert.Equal((132.0m, 112.5m), (report.MeanEmployment, report.MedianEmployment));

        // Growth 12.55, −5, 0.25 (C's earlier revenue is 0): mean 7.8 / 3 = 2.6.
        Assert.Equal(new SalesGrowthFigure(2.6m, 3, 1), report.SalesGrowth);
        Assert.Equal(
            [
                new IndicatorFigure(BenchmarkIndicator.ProductInnovations, 8, 2.0m, 4, 0),
                new IndicatorFigure(BenchmarkIndicator.ProcessInnovations, 5, 1.3m, 4, 0),
                new IndicatorFigure(BenchmarkIndicator.JointProjects, 7, 1.8m, 4, 0),
                new IndicatorFigure(BenchmarkIndicator.InternshipsAndApprenticeships, 57, 14.3m, 4, 0),
            ],
            report.Indicators);

        // By members, ties (B and D with 2) by name.
        Assert.Equal(
            [(1, "Klaster C", 5, 50), (2, "Klaster A", 4, 175), (3, "Klaster B", 2, 300), (4, "Klaster D", 2, 3)],
            report.LargestClusters.Select(l => (l.Rank, l.ClusterName, l.Members, l.Employment)));
        Assert.All(report.LargestClusters, l => Assert.Equal(("14", "mazowieckie"), (l.VoivodeshipTeryt, l.VoivodeshipName)));

        Assert.Equal(4, report.Positions.Count);
        var a = Positions(report, "Klaster A");
        // Members 4 of 2, 2, 4, 5: second, three of four not above it.
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.Members, 4m, 3.3m, 3.0m, 2, 4, 75.0m), a[BenchmarkMeasure.Members]);
        // Growth 12.55 shown as 12.6; the group's median 0.25 as 0.3 (halves away from zero).
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.SalesGrowth, 12.6m, 2.6m, 0.3m, 1, 3, 100.0m), a[BenchmarkMeasure.SalesGrowth]);
        // Innovations 8, 2, 1, 2: mean 3.25 → 3.3, median 2.
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.Innovations, 8m, 3.3m, 2.0m, 1, 4, 100.0m), a[BenchmarkMeasure.Innovations]);
        var b = Positions(report, "Klaster B");
        var d = Positions(report, "Klaster D");
        Assert.Equal((2, 75.0m), (b[BenchmarkMeasure.Innovations].Rank, b[BenchmarkMeasure.Innovations].Percentile));
        Assert.Equal((2, 75.0m), (d[BenchmarkMeasure.Innovations].Rank, d[BenchmarkMeasure.Innovations].Percentile));
        Assert.Equal((3, 50.0m), (d[BenchmarkMeasure.Members].Rank, d[BenchmarkMeasure.Members].Percentile));
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.Employment, 300m, 132.0m, 112.5m, 1, 4, 100.0m), b[BenchmarkMeasure.Employment]);
        var c = Positions(report, "Klaster C");
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.SalesGrowth, null, 2.6m, 0.3m, null, 3, null), c[BenchmarkMeasure.SalesGrowth]);
        Assert.Equal((4, 25.0m), (c[BenchmarkMeasure.Innovations].Rank, c[BenchmarkMeasure.Innovations].Percentile));
    }

    [Fact]
    public async Task The_coordinator_gets_the_groups_figures_and_only_his_own_position()
    {
        var (competitionId, applications) = await CompetitionAsync();
        var owner = applications[1].Owner;

        var mine = await Send(owner, new GetMyBenchmarkReport(CompetitionId: competitionId));

        Assert.Equal((4, 13, 3.3m, 132.0m), (mine.Clusters, mine.Members, mine.MeanMembers, mine.MeanEmployment));
        Assert.Empty(mine.LargestClusters);
        var own = Assert.Single(mine.Positions);
        Assert.Equal("Klaster B", own.ClusterName);
        Assert.Equal(new BenchmarkPosition(BenchmarkMeasure.SalesGrowth, -5.0m, 2.6m, 0.3m, 3, 3, 33.3m), own.Positions.Single(p => p.Measure == BenchmarkMeasure.SalesGrowth));

        var scopes = await Send(owner, new GetMyBenchmarkScopes());
        Assert.Equal([competitionId], scopes.Competitions.Select(c => c.Id));
        Assert.Empty(scopes.Phases);

        // Another competition, a phase or a day his cluster is not in: not found, as for a scope that does not exist.
        var other = await new SubmittedApplications(Services, Database.Clock).CompetitionAsync("Inny konkurs", cancellationToken: Ct);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(owner, new GetMyBenchmarkReport(CompetitionId: other)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(owner, new GetMyBenchmarkReport(CompetitionId: Guid.CreateVersion7())));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(owner, new GetMyBenchmarkReport(Date: new DateOnly(2026, 6, 30))));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(owner, new ExportMyBenchmarkReport(BenchmarkFileFormat.Pdf, CompetitionId: other)));
    }

    [Fact]
    public async Task A_scope_is_exactly_one_of_phase_competition_and_date_and_an_unknown_one_is_not_found()
    {
        var none = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new GetBenchmarkReport()));
        Assert.Contains(none.Errors, e => e.PropertyName == nameof(GetBenchmarkReport.PhaseId) && e.ErrorCode == BenchmarkScopeValidator.OneScopeCode);
        var two = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new GetBenchmarkReport(Guid.CreateVersion7(), Guid.CreateVersion7())));
        Assert.Contains(two.Errors, e => e.PropertyName == nameof(GetBenchmarkReport.CompetitionId));
        var dateToo = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new ExportBenchmarkReport(BenchmarkFileFormat.Xlsx, Guid.CreateVersion7(), null, new DateOnly(2026, 1, 1))));
        Assert.Contains(dateToo.Errors, e => e.PropertyName == nameof(GetBenchmarkReport.Date));
        var applicant = await Assert.ThrowsAsync<ValidationException>(() => Send(Coordinator(Guid.CreateVersion7()), new GetMyBenchmarkReport()));
        Assert.Contains(applicant.Errors, e => e.PropertyName == nameof(GetBenchmarkReport.PhaseId));

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetBenchmarkReport(PhaseId: Guid.CreateVersion7())));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetBenchmarkReport(CompetitionId: Guid.CreateVersion7())));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new ExportBenchmarkReport(BenchmarkFileFormat.Pdf, PhaseId: Guid.CreateVersion7())));
    }

    [Fact]
    public async Task A_days_report_counts_the_clusters_in_force_that_day_and_only_the_members_who_had_joined()
    {
        var day = new DateOnly(2026, 6, 30);
        var granted = await new CertifiedClusters(Services, Database.Clock).GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "Klaster Iks", CertificateDate = new DateOnly(2026, 1, 1) },
            new CertifiedShape { ClusterName = "Klaster Igrek", CertificateDate = day },
            new CertifiedShape { ClusterName = "Klaster Zet", CertificateDate = day.AddDays(1) },
            new CertifiedShape { ClusterName = "Klaster Wu", CertificateDate = new DateOnly(2025, 1, 1) },
        ], Ct);
        await Benchmark.SetMembersAsync(granted[0].ClusterId,
            [BenchmarkMember.Enterprise(EnterpriseSize.Small, 10, new DateOnly(2019, 1, 1)), BenchmarkMember.Of(MemberType.Other, 4, new DateOnly(2020, 5, 5)), BenchmarkMember.Enterprise(EnterpriseSize.Large, 500, day.AddDays(1))], Ct);
        await Benchmark.SetMembersAsync(granted[1].ClusterId,
            [BenchmarkMember.Enterprise(EnterpriseSize.Micro, 7, day), BenchmarkMember.Enterprise(EnterpriseSize.Micro, 1000, day.AddDays(1))], Ct);
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var wu = await db.KkkStatuses.SingleAsync(s => s.Id == granted[3].StatusId, Ct);
            wu.Revoke("Klaster nie spełnia wymogów.", Guid.CreateVersion7(), new DateOnly(2026, 3, 1), Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var report = await Send(TestUsers.Official, new GetBenchmarkReport(Date: day));

        // Iks (2 of its 3 members had joined, 14 employed) and Igrek (its status starts that day; 1 of 2, 7 employed).
        Assert.Equal((BenchmarkScopeKind.Date, (DateOnly?)day), (report.Scope.Kind, report.Scope.Date));
        Assert.Equal(["Klaster Iks", "Klaster Igrek"], report.LargestClusters.Select(l => l.ClusterName));
        Assert.Equal((2, 3, 1.5m, 1.5m), (report.Clusters, report.Members, report.MeanMembers, report.MedianMembers));
        Assert.Equal((10.5m, 10.5m), (report.MeanEmployment, report.MedianEmployment));
        Assert.Equal([1, 1, 0, 0], report.EnterpriseSizes.Take(4).Select(s => s.Count));
        Assert.Equal(new SalesGrowthFigure(null, 0, 2), report.SalesGrowth);

        // Zet's status starts the next day: its coordinator cannot ask for that day; Iks's can, and sees only his row.
        await Assert.ThrowsAsync<NotFoundException>(() => Send(Coordinator(granted[2].CoordinatorUserId), new GetMyBenchmarkReport(Date: day)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(Coordinator(granted[3].CoordinatorUserId), new GetMyBenchmarkReport(Date: day)));
        var mine = await Send(Coordinator(granted[0].CoordinatorUserId), new GetMyBenchmarkReport(Date: day));
        Assert.Equal(["Klaster Iks"], mine.Positions.Select(p => p.ClusterName));
        Assert.Equal((2m, 1, 2, 100.0m), (mine.Positions[0].Positions[0].Value!.Value, mine.Positions[0].Positions[0].Rank!.Value, mine.Positions[0].Positions[0].Of, mine.Positions[0].Positions[0].Percentile!.Value));
    }

    [Fact]
    public async Task In_a_phase_internships_come_from_a_later_accepted_report_instead_of_the_application()
    {
        // Competition of 2026: the application's indicator years are 2024 and 2025.
        var arrange = new ContractArrange(Services, Database.Clock, competitionYear: 2026);
        var contracts = await arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = "Klaster Fazy", OptionalKpis = ["KPI-SKL"], Target = (code, year) => code == "KPI-SKL" ? (year == 2025 ? 33 : 70) : ContractArrange.DefaultTarget(code, year) },
            new ContractShape { ClusterName = "Klaster Bez Wniosku", Members = 5 },
            new ContractShape { ClusterName = "Klaster Szkicu", Stage = ArrangedStage.CompleteDraft },
        ], Ct);
        await Benchmark.SubmitDraftAsync(contracts[0].ClusterId, BenchmarkArrange.Indicators(1_000_000m, internships: 5), BenchmarkArrange.Indicators(1_100_000m, 2, 1, 3, internships: 12), Ct);

        // The 2025 report's period ends with the application's later year: the application's 12 stands.
        await arrange.AcceptReportAsync(contracts[0].ContractId, 2025, 1m, Ct);
        var report = await Send(TestUsers.Official, new GetBenchmarkReport(PhaseId: contracts[0].PhaseId));
        Assert.Equal((BenchmarkScopeKind.Phase, 1), (report.Scope.Kind, report.Scope.PhaseNumber));
        Assert.Equal((2, 8), (report.Clusters, report.Members));
        Assert.Equal(new IndicatorFigure(BenchmarkIndicator.InternshipsAndApprenticeships, 12, 12.0m, 1, 1), report.Indicators[3]);
        Assert.Equal(new SalesGrowthFigure(10.0m, 1, 1), report.SalesGrowth);

        // The 2026 report ends later: its KPI-SKL actual (70) replaces it.
        await arrange.AcceptReportAsync(contracts[0].ContractId, 2026, 1m, Ct);
        report = await Send(TestUsers.Official, new GetBenchmarkReport(PhaseId: contracts[0].PhaseId));
        Assert.Equal(new IndicatorFigure(BenchmarkIndicator.InternshipsAndApprenticeships, 70, 70.0m, 1, 1), report.Indicators[3]);
        Assert.Equal(70m, Positions(report, "Klaster Fazy")[BenchmarkMeasure.Internships].Value);

        var coordinator = Coordinator(contracts[0].CoordinatorUserId);
        var scopes = await Send(coordinator, new GetMyBenchmarkScopes());
        Assert.Equal([contracts[0].PhaseId], scopes.Phases.Select(p => p.Id));
        var mine = await Send(coordinator, new GetMyBenchmarkReport(PhaseId: contracts[0].PhaseId));
        Assert.Equal(["Klaster Fazy"], mine.Positions.Select(p => p.ClusterName));

        // The draft's cluster has no contract yet: not in the phase.
        await Assert.ThrowsAsync<NotFoundException>(() => Send(Coordinator(contracts[2].CoordinatorUserId), new GetMyBenchmarkReport(PhaseId: contracts[0].PhaseId)));
    }

    [Fact]
    public async Task The_exports_are_a_spreadsheet_and_a_pdf_in_the_callers_language()
    {
        var (competitionId, applications) = await CompetitionAsync();

        var xlsx = await Send(TestUsers.Official, new ExportBenchmarkReport(BenchmarkFileFormat.Xlsx, CompetitionId: competitionId));
        Assert.EndsWith(".xlsx", xlsx.FileName, StringComparison.Ordinal);
        using var stream = new MemoryStream(xlsx.Content);
        Assert.Equal(5, MiniExcelLibs.MiniExcel.GetSheetNames(stream).Count);

        var pdf = await Send(applications[0].Owner, new ExportMyBenchmarkReport(BenchmarkFileFormat.Pdf, CompetitionId: competitionId));
        Assert.Equal("application/pdf", pdf.ContentType);
        var text = PdfText.Extract(pdf.Content);
        Assert.Contains("Klaster A", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Klaster B", text, StringComparison.Ordinal);
    }

    private static Dictionary<BenchmarkMeasure, BenchmarkPosition> Positions(BenchmarkReport report, string cluster) =>
        report.Positions.Single(p => p.ClusterName == cluster).Positions.ToDictionary(p => p.Measure);
}

public sealed class BenchmarkReportTestsOnSqlite(SqliteDatabaseFixture database) : BenchmarkReportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class BenchmarkReportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : BenchmarkReportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
