using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Documents;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Amendments: proposed with a reason, approved into a new version (every version readable) or rejected; the refusals.</summary>
public abstract class AmendmentTests(DatabaseFixture database) : ContractTest(database)
{
    private const string Reason = "Rozszerzenie klastra o nowych członków wymaga podniesienia celów.";
    private const string Rejection = "Cele nie są uzasadnione planem działań klastra.";

    [Fact]
    public async Task The_coordinator_proposes_an_official_approves_and_the_contract_gets_a_new_version_with_every_version_readable()
    {
        var official = await OfficialAccountAsync();
        var arranged = await Arrange.CreateAsync(cancellationToken: Ct);
        var coordinator = CoordinatorOf(arranged);
        await Arrange.AcceptReportAsync(arranged.ContractId, 2025, cancellationToken: Ct);
        var budget2028 = ContractArrange.DefaultBudget(2028) with { CascadePool = 1_200_000, CascadeSme = 900_000 };

        var proposed = await Send(coordinator, new ProposeAmendment(
            arranged.ContractId, Reason, [new KpiTarget("KPI-MEM", 2028, 80), new KpiTarget("KPI-RD", 2027, 10)], [budget2028], await VersionAsync(arranged.ContractId)));

        // The unchanged target (KPI-RD 2027 is 10 already) is not part of it.
        Assert.Equal((1, 1, AmendmentState.Proposed), (proposed.Number, proposed.BasedOnVersion, proposed.State));
        Assert.Equal([new KpiTarget("KPI-MEM", 2028, 80)], proposed.Targets);
        Assert.Equal(proposed.Id, (await ViewAsync(arranged.ContractId)).PendingAmendment!.Id);
        var notice = Assert.Single(await MessagesAsync(ContractMessages.AmendmentProposed));
        Assert.Equal((official.UserId!.Value, "/amendments"), (notice.RecipientUserId, notice.Link!));
        Assert.Equal([proposed.Id], (await Send(official, new ListPendingAmendments())).Items.Select(a => a.Id));

        Database.Clock.Advance(TimeSpan.FromDays(20));
        var approved = await Send(official, new ApproveAmendment(proposed.Id, proposed.Version));

        Assert.Equal((AmendmentState.Approved, 2), (approved.State, approved.ResultingVersion!.Value));
        var view = await ViewAsync(arranged.ContractId);
        Assert.Null(view.PendingAmendment);
        Assert.Equal((2, Today.AddDays(20), 1), (view.Plan.Number, view.Plan.EffectiveFrom, view.Plan.AmendmentNumber!.Value));
        Assert.Equal([1, 2], view.Versions.Select(v => v.Number));
        Assert.Equal(80m, view.Plan.Kpis.Single(k => k.Code == "KPI-MEM").Targets.Single(t => t.Year == 2028).Value);
        Assert.Equal(1_200_000m, view.Plan.Budget.Single(b => b.Year == 2028).CascadePool);
        var first = await Send(coordinator, new GetContractVersion(arranged.ContractId, 1));
        Assert.Equal((60m, 1_000_000m), (first.Kpis.Single(k => k.Code == "KPI-MEM").Targets.Single(t => t.Year == 2028).Value, first.Budget.Single(b => b.Year == 2028).CascadePool));
        Assert.Null(first.AmendmentNumber);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(coordinator, new GetContractVersion(arranged.ContractId, 3)));

        // The achievement is recomputed on approval (the accepted 2025 report keeps version 1's targets).
        var stored = await StoredAsync(arranged.ContractId);
        Assert.Equal((100m, 1), (stored.AchievementPercent!.Value, stored.AchievementReports));
        Assert.True(stored.AchievementUpdatedAt > TestClock.Start.AddDays(19));
        var approvedNotice = Assert.Single(await MessagesAsync(ContractMessages.AmendmentApproved));
        Assert.Equal(arranged.CoordinatorUserId, approvedNotice.RecipientUserId);
        Assert.Contains(ContractNotices.Day(Today.AddDays(20)), approvedNotice.Text, StringComparison.Ordinal);

        // Both versions print, each with its own number and targets.
        var v1 = PdfText.Flat((await Send(coordinator, new GetContractPdf(arranged.ContractId, 1))).Content);
        var v2 = PdfText.Flat((await Send(TestUsers.Official, new GetContractPdf(arranged.ContractId))).Content);
        Assert.Contains(arranged.Number, v1, StringComparison.Ordinal);
        Assert.Contains("1 z 2", v1, StringComparison.Ordinal);
        Assert.Contains("2 z 2", v2, StringComparison.Ordinal);
        Assert.Contains("aneks nr 1", v2, StringComparison.Ordinal);
        Assert.Contains("1 200 000.00", v2, StringComparison.Ordinal);
        Assert.DoesNotContain("1 200 000.00", v1, StringComparison.Ordinal);

        await RefusedAsync("amendment.already_decided", () => Send(official, new ApproveAmendment(proposed.Id, approved.Version)));
    }

    [Fact]
    public async Task An_official_proposes_and_rejects_with_reasons_and_the_plan_stays_as_it_was()
    {
        var official = await OfficialAccountAsync();
        var arranged = await Arrange.CreateAsync(cancellationToken: Ct);
        var proposed = await Send(official, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2028, 14)], [], await VersionAsync(arranged.ContractId)));
        Assert.Equal(arranged.CoordinatorUserId, Assert.Single(await MessagesAsync(ContractMessages.AmendmentProposed)).RecipientUserId);

        await RefusedAsync("amendment.rejection_reason_required", () => Send(official, new RejectAmendment(proposed.Id, "Nie.", proposed.Version)));
        await RefusedAsync("concurrency.stale_version", () => Send(official, new RejectAmendment(proposed.Id, Rejection, proposed.Version + 1)));
        var rejected = await Send(official, new RejectAmendment(proposed.Id, Rejection, proposed.Version));

        Assert.Equal((AmendmentState.Rejected, Rejection), (rejected.State, rejected.DecisionReason));
        var view = await ViewAsync(arranged.ContractId);
        Assert.Equal([1], view.Versions.Select(v => v.Number));
        Assert.Null(view.PendingAmendment);
        Assert.Equal(10m, view.Plan.Kpis.Single(k => k.Code == "KPI-RD").Targets.Single(t => t.Year == 2028).Value);
        var notice = Assert.Single(await MessagesAsync(ContractMessages.AmendmentRejected));
        Assert.Equal(arranged.CoordinatorUserId, notice.RecipientUserId);
        Assert.Contains(Rejection, notice.Text, StringComparison.Ordinal);

        // The next is numbered after it; the history lists both, newest first.
        var next = await Send(CoordinatorOf(arranged), new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2028, 12)], [], await VersionAsync(arranged.ContractId)));
        Assert.Equal(2, next.Number);
        Assert.Equal([2, 1], (await Send(CoordinatorOf(arranged), new ListContractAmendments(arranged.ContractId))).Select(a => a.Number));
    }

    [Fact]
    public async Task An_amendment_of_a_past_period_a_broken_plan_rule_a_second_pending_or_of_a_draft_is_refused()
    {
        var arranged = await Arrange.CreateAsync(cancellationToken: Ct);
        var coordinator = CoordinatorOf(arranged);
        var version = await VersionAsync(arranged.ContractId);

        // 2026 ended on 31 December, before the test clock's 15 January 2027.
        var past = await RefusedAsync("amendment.past_period", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2026, 3)], [], version)));
        Assert.Equal(2026, past.Arguments[0]);
        await RefusedAsync("amendment.past_period", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [], [ContractArrange.DefaultBudget(2025) with { Staff = 1 }], version)));
        await RefusedAsync("budget.sme_share_below_minimum", () => Send(coordinator, new ProposeAmendment(
            arranged.ContractId, Reason, [], [ContractArrange.DefaultBudget(2027) with { CascadePool = 1_000_000, CascadeSme = 699_000 }], version)));
        await RefusedAsync("amendment.no_changes", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2027, 10)], [], version)));
        await RefusedAsync("amendment.reason_required", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, "Krótko.", [new KpiTarget("KPI-RD", 2027, 11)], [], version)));
        await RefusedAsync("contract.kpi_unknown", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-PAT", 2027, 11)], [], version)));
        await InvalidAsync("Targets[0].value", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2027, -1)], [], version)));
        await InvalidAsync("Budget[0].staff", () => Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [], [ContractArrange.DefaultBudget(2027) with { Staff = -5 }], version)));
        Assert.Equal(0, await Read(db => db.ContractAmendments.CountAsync(Ct)));

        await Send(coordinator, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2027, 11)], [], version));
        await RefusedAsync("amendment.already_pending", () => Send(TestUsers.Official, new ProposeAmendment(arranged.ContractId, Reason, [new KpiTarget("KPI-RD", 2028, 11)], [], version)));

        var draft = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Projektowy", Stage = ArrangedStage.CompleteDraft }, Ct);
        await RefusedAsync("amendment.contract_not_in_force", () => Send(TestUsers.Official, new ProposeAmendment(draft.ContractId, Reason, [new KpiTarget("KPI-RD", 2028, 11)], [], 0)));
        Assert.Equal(1, await Read(db => db.ContractAmendments.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_applicant_reading_another_clusters_contract_finds_nothing_and_lists_only_his_own()
    {
        var mine = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Mój" }, Ct);
        var theirs = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Cudzy" }, Ct);
        var me = CoordinatorOf(mine);
        var version = await VersionAsync(theirs.ContractId);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(me, new GetContract(theirs.ContractId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(me, new GetContractVersion(theirs.ContractId, 1)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(me, new GetContractPdf(theirs.ContractId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(me, new ListContractAmendments(theirs.ContractId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(me, new ProposeAmendment(theirs.ContractId, Reason, [new KpiTarget("KPI-RD", 2028, 11)], [], version)));
        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenException>(() => Send(me, new ListContracts()));
        Assert.Equal(0, await Read(db => db.ContractAmendments.CountAsync(Ct)));

        var own = await Send(me, new ListMyContracts());
        Assert.Equal([mine.ContractId], own.Items.Select(c => c.Id));
        Assert.Equal("Klaster Mój", (await Send(me, new GetContract(mine.ContractId))).ClusterName);
    }

    [Fact]
    public async Task The_officials_list_filters_sorts_and_pages_on_the_server()
    {
        var contracts = await Arrange.CreateManyAsync(
        [
            new ContractShape { ClusterName = "Klaster Delta", Voivodeship = "14" },
            new ContractShape { ClusterName = "Klaster Alfa", Voivodeship = "12", Stage = ArrangedStage.EmptyDraft },
            new ContractShape { ClusterName = "Klaster Gamma", Voivodeship = "02", Stage = ArrangedStage.Signed },
            new ContractShape { ClusterName = "Klaster Beta", Voivodeship = "14" },
            new ContractShape { ClusterName = "Klaster Nowy", Voivodeship = "30", PhaseStartsOn = new DateOnly(2029, 1, 1), PhaseNumber = 2, Stage = ArrangedStage.EmptyDraft, Today = new DateOnly(2029, 1, 1) },
        ], Ct);

        var all = await Send(TestUsers.Official, new ListContracts(SortBy: ContractSort.ClusterName));
        Assert.Equal(["Klaster Alfa", "Klaster Beta", "Klaster Delta", "Klaster Gamma", "Klaster Nowy"], all.Items.Select(c => c.ClusterName));
        Assert.Equal(("mazowieckie", 1), (all.Items[1].VoivodeshipName, all.Items[1].PhaseNumber));
        Assert.Equal(2, all.Items[4].PhaseNumber);
        Assert.Equal(["Klaster Beta", "Klaster Delta"], (await Send(TestUsers.Official, new ListContracts(Voivodeship: "14", SortBy: ContractSort.ClusterName))).Items.Select(c => c.ClusterName));
        Assert.Equal(["Klaster Alfa", "Klaster Nowy"], (await Send(TestUsers.Official, new ListContracts(ContractStatus.Draft, SortBy: ContractSort.ClusterName))).Items.Select(c => c.ClusterName));
        Assert.Equal(["Klaster Nowy"], (await Send(TestUsers.Official, new ListContracts(PhaseId: contracts[4].PhaseId))).Items.Select(c => c.ClusterName));
        Assert.Equal(["Klaster Gamma"], (await Send(TestUsers.Official, new ListContracts(Search: "GAMMA"))).Items.Select(c => c.ClusterName));
        Assert.Equal([contracts[2].ContractId], (await Send(TestUsers.Official, new ListContracts(Search: contracts[2].Number))).Items.Select(c => c.Id));
        Assert.Equal(["dolnośląskie", "małopolskie"], (await Send(TestUsers.Official, new ListContracts(SortBy: ContractSort.Voivodeship, PageSize: 2))).Items.Select(c => c.VoivodeshipName));

        var page = await Send(TestUsers.Official, new ListContracts(SortBy: ContractSort.ClusterName, Descending: true, Page: 2, PageSize: 2));
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["Klaster Delta", "Klaster Beta"], page.Items.Select(c => c.ClusterName));
        var byStart = await Send(TestUsers.Official, new ListContracts(SortBy: ContractSort.StartsOn, Descending: true, PageSize: 1));
        Assert.Equal("Klaster Nowy", byStart.Items.Single().ClusterName);

        await InvalidAsync("Voivodeship", () => Send(TestUsers.Official, new ListContracts(Voivodeship: "mazowieckie")));
        await InvalidAsync("PageSize", () => Send(TestUsers.Official, new ListContracts(PageSize: 0)));
    }
}

public sealed class AmendmentTestsOnSqlite(SqliteDatabaseFixture database) : AmendmentTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AmendmentTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AmendmentTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
