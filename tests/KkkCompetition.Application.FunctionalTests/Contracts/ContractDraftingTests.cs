using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Programme;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Programme settings, the candidates and drafting a contract from a certificate: number, parties, terms, KPIs and their baselines.</summary>
public abstract class ContractDraftingTests(DatabaseFixture database) : ContractTest(database)
{
    private static readonly IndicatorValues Earlier = new(90, 1_000_000, 100_000, 1, 1, 1, 3, 500_000, 2, 10, 20);
    private static readonly IndicatorValues Latest = new(120, 1_200_000, 150_000, 2, 3, 2, 7, 800_000, 4, 30, 25);

    private async Task<ProgrammePhaseDto> PhaseAsync(int number = 1, int startYear = 2025) =>
        await Send(TestUsers.Official, new DefineProgrammePhase(number, new DateOnly(startYear, 1, 1), new DateOnly(startYear + 3, 12, 31)));

    [Fact]
    public async Task The_settings_start_at_the_defaults_are_changed_with_their_version_and_refuse_values_out_of_range()
    {
        var defaults = await Send(TestUsers.Official, new GetProgrammeSettings());
        Assert.Equal((ReportingTerms.Default, AchievementBands.Default, 0, (DateTimeOffset?)null), (defaults.Terms, defaults.Bands, defaults.Version, defaults.UpdatedAt));

        var first = await Send(TestUsers.Official, new UpdateProgrammeSettings(4, 30, 60, 75, 95, 60, 0));
        Assert.Equal(new ReportingTerms(4, 30, 60, 75), first.Terms);
        var read = await Send(TestUsers.Official, new GetProgrammeSettings());
        Assert.Equal((new AchievementBands(95, 60), first.Version), (read.Bands, read.Version));
        Assert.NotNull(read.UpdatedAt);

        var second = await Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 90, 70, read.Version));
        Assert.Equal(read.Version + 1, second.Version);
        Assert.Equal(second.Version, (await Send(TestUsers.Official, new GetProgrammeSettings())).Version);

        await RefusedAsync("concurrency.stale_version", () => Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 90, 70, read.Version)));
        await RefusedAsync("settings.due_day_invalid", () => Send(TestUsers.Official, new UpdateProgrammeSettings(2, 29, 90, 80, 90, 70, second.Version)));
        await RefusedAsync("settings.bands_out_of_order", () => Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 90, 80, 70, 70, second.Version)));
        await RefusedAsync("settings.final_due_days_out_of_range", () => Send(TestUsers.Official, new UpdateProgrammeSettings(3, 31, 0, 80, 90, 70, second.Version)));
        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenException>(() => Send(TestUsers.Applicant, new GetProgrammeSettings()));

        var unchanged = await Send(TestUsers.Official, new GetProgrammeSettings());
        Assert.Equal((ReportingTerms.Default, AchievementBands.Default, second.Version), (unchanged.Terms, unchanged.Bands, unchanged.Version));
    }

    [Fact]
    public async Task A_contract_drafted_from_a_certificate_is_numbered_in_its_phase_with_the_parties_terms_mandatory_kpis_and_baselines_and_the_coordinator_is_told()
    {
        var phase = await PhaseAsync();
        await Send(TestUsers.Official, new UpdateProgrammeSettings(4, 30, 60, 75, 90, 70, 0));
        var clusters = new CertifiedClusters(Services, Database.Clock);
        var alfa = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Alfa", Voivodeship = "14", Members = 4 }, Ct);
        var beta = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Beta", Voivodeship = "10", Members = 3 }, Ct);

        // Alfa's application: two years of indicators and a snapshot of its four members; two join the cluster later.
        var alfaApplication = await Read(db => db.KkkStatuses.Where(s => s.Id == alfa.StatusId).Select(s => s.ApplicationId).SingleAsync(Ct));
        await SetIndicatorsAsync(alfaApplication, 2025, Earlier);
        await SetIndicatorsAsync(alfaApplication, 2026, Latest);
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var application = await db.Applications.SingleAsync(a => a.Id == alfaApplication, Ct);
            await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Submission, "KKK/2027/1/0001", Database.Clock.GetUtcNow(), Ct);
            var cluster = await db.Clusters.SingleAsync(c => c.Id == alfa.ClusterId, Ct);
            db.ClusterMembers.Add(cluster.AddMember("Nowy Członek 1", "5260250274", MemberType.Enterprise, EnterpriseSize.Micro, "14", Today, 5));
            db.ClusterMembers.Add(cluster.AddMember("Nowy Członek 2", "7740001454", MemberType.Enterprise, EnterpriseSize.Small, "14", Today, 5));
            await db.SaveChangesAsync(Ct);
        }

        var candidates = await Send(TestUsers.Official, new ListContractCandidates(phase.Id));
        Assert.Equal(["Klaster Alfa", "Klaster Beta"], candidates.Items.Select(c => c.ClusterName));
        Assert.Equal([alfa.StatusId], (await Send(TestUsers.Official, new ListContractCandidates(phase.Id, "alfa"))).Items.Select(c => c.StatusId));

        var first = await Send(TestUsers.Official, new DraftContract(alfa.StatusId, phase.Id));
        var second = await Send(TestUsers.Official, new DraftContract(beta.StatusId, phase.Id, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)));

        Assert.Equal(("KP/1/0001", "KP/1/0002"), (first.Number, second.Number));
        var view = await ViewAsync(first.Id);
        Assert.Equal((ContractStatus.Draft, "Klaster Alfa", "Stowarzyszenie Klaster Alfa"), (view.Status, view.ClusterName, view.CoordinatorName));
        Assert.Equal(("Zarząd Województwa Mazowieckiego", ContractParties.StatePl, "mazowieckie"), (view.RegionPartyPl, view.StatePartyPl, view.VoivodeshipName));
        Assert.Equal((phase.StartsOn, phase.EndsOn, 1), (view.StartsOn, view.EndsOn, view.PhaseNumber));
        Assert.Equal([2025, 2026, 2027, 2028], view.Years);
        Assert.Equal(new ReportingTerms(4, 30, 60, 75), view.Terms);
        Assert.Equal(TestUsers.Official.UserId, view.ResponsibleOfficialId);
        Assert.Equal(["KPI-EMP", "KPI-FDI", "KPI-INN", "KPI-MEM", "KPI-RD", "KPI-SME"], view.Plan.Kpis.Select(k => k.Code).Order(StringComparer.Ordinal));
        Assert.All(view.Plan.Kpis, k => Assert.True(k.IsMandatory));
        var baselines = view.Plan.Kpis.ToDictionary(k => k.Code, k => k.Baseline);

        // The latest year of indicators; the members as the snapshot froze them, not as the cluster has them now.
        Assert.Equal(120m, baselines["KPI-EMP"]);
        Assert.Equal(5m, baselines["KPI-INN"]);
        Assert.Equal(7m, baselines["KPI-RD"]);
        Assert.Equal(4m, baselines["KPI-MEM"]);
        Assert.Null(baselines["KPI-FDI"]);
        Assert.Null(baselines["KPI-SME"]);
        Assert.Equal(70m, view.Plan.Kpis.Single(k => k.Code == "KPI-SME").Minimum);
        Assert.Equal(1, view.Plan.Number);
        Assert.Contains(view.Gaps, g => g.Kind == "budget" && g.Year == 2025);
        Assert.Contains(view.Gaps, g => g.KpiCode == "KPI-RD" && g.Year == 2028);

        // Beta has no snapshot and no indicators: its current members, nothing else.
        var betaView = await ViewAsync(second.Id);
        Assert.Equal(("Zarząd Województwa Łódzkiego", new DateOnly(2026, 1, 1)), (betaView.RegionPartyPl, betaView.StartsOn));
        Assert.Equal(3m, betaView.Plan.Kpis.Single(k => k.Code == "KPI-MEM").Baseline);
        Assert.Null(betaView.Plan.Kpis.Single(k => k.Code == "KPI-EMP").Baseline);

        Assert.Empty((await Send(TestUsers.Official, new ListContractCandidates(phase.Id))).Items);
        var notice = Assert.Single(await MessagesAsync(ContractMessages.DraftReady), m => m.RecipientUserId == alfa.CoordinatorUserId);
        Assert.Equal(ContractData.ContractLink(first.Id), notice.Link);
        Assert.Contains("KP/1/0001", notice.Subject, StringComparison.Ordinal);
        Assert.Equal(2, (await MessagesAsync(ContractMessages.DraftReady)).Count);

        await RefusedAsync("contract.already_exists", () => Send(TestUsers.Official, new DraftContract(alfa.StatusId, phase.Id)));
        Assert.Equal(2, await Read(db => db.ProgrammeContracts.CountAsync(Ct)));
        Assert.Contains(await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(DraftContract)).Select(e => e.EntityType).ToListAsync(Ct)), t => t == nameof(ProgrammeContract));
    }

    [Fact]
    public async Task A_status_not_in_force_dates_outside_the_phase_or_the_wrong_caller_draft_nothing()
    {
        var phase = await PhaseAsync();
        var clusters = new CertifiedClusters(Services, Database.Clock);
        var revoked = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Cofnięty" }, Ct);
        var current = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Aktualny" }, Ct);
        await Send(TestUsers.Official, new RevokeKkkStatus(revoked.StatusId, "Klaster utracił warunki statusu.", 0));

        await RefusedAsync("contract.status_not_current", () => Send(TestUsers.Official, new DraftContract(revoked.StatusId, phase.Id)));
        await RefusedAsync("contract.dates_outside_phase", () => Send(TestUsers.Official, new DraftContract(current.StatusId, phase.Id, new DateOnly(2024, 12, 31), new DateOnly(2028, 12, 31))));
        await InvalidAsync("EndsOn", () => Send(TestUsers.Official, new DraftContract(current.StatusId, phase.Id, new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31))));
        await Assert.ThrowsAsync<Common.Exceptions.NotFoundException>(() => Send(TestUsers.Official, new DraftContract(current.StatusId, Guid.CreateVersion7())));
        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenException>(() => Send(TestUsers.Applicant, new DraftContract(current.StatusId, phase.Id)));
        Assert.Equal([current.StatusId], (await Send(TestUsers.Official, new ListContractCandidates(phase.Id))).Items.Select(c => c.StatusId));

        Assert.Equal(0, await Read(db => db.ProgrammeContracts.CountAsync(Ct)));
        Assert.Empty(await MessagesAsync(ContractMessages.DraftReady));
    }

    [Fact]
    public async Task Drafts_made_at_the_same_moment_take_their_numbers_one_after_the_other()
    {
        var phase = await PhaseAsync();
        var statuses = await new CertifiedClusters(Services, Database.Clock).GrantManyAsync(
            [.. Enumerable.Range(1, 4).Select(i => new CertifiedShape { ClusterName = $"Klaster Równoczesny {i}" })], Ct);

        // Each draft locks the phase's row before it counts, so none reads the number another is about to take.
        var drafted = await Task.WhenAll(statuses.Select(s => Send(TestUsers.Official, new DraftContract(s.StatusId, phase.Id))));

        Assert.Equal(["KP/1/0001", "KP/1/0002", "KP/1/0003", "KP/1/0004"], drafted.Select(d => d.Number).Order(StringComparer.Ordinal));
        Assert.Equal(4, await Read(db => db.ProgrammeContracts.CountAsync(Ct)));
    }

    [Fact]
    public async Task Drafts_in_two_phases_are_numbered_each_in_its_own_phase()
    {
        var first = await PhaseAsync(1, 2025);
        var second = await PhaseAsync(2, 2029);
        var clusters = new CertifiedClusters(Services, Database.Clock);
        var a = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster A" }, Ct);
        var b = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster B" }, Ct);

        var inFirst = await Send(TestUsers.Official, new DraftContract(a.StatusId, first.Id));
        var inSecond = await Send(TestUsers.Official, new DraftContract(a.StatusId, second.Id));
        var alsoInSecond = await Send(TestUsers.Official, new DraftContract(b.StatusId, second.Id));

        Assert.Equal(["KP/1/0001", "KP/2/0001", "KP/2/0002"], new[] { inFirst.Number, inSecond.Number, alsoInSecond.Number });
        Assert.Equal([2029, 2030, 2031, 2032], (await ViewAsync(inSecond.Id)).Years);
    }
}

public sealed class ContractDraftingTestsOnSqlite(SqliteDatabaseFixture database) : ContractDraftingTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ContractDraftingTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ContractDraftingTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
