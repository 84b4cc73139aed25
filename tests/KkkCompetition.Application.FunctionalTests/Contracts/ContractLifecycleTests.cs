using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Signing (the coordinator's, then the State's and the region's with the schedule), the transitions allowed and refused, and the nightly activation.</summary>
public abstract class ContractLifecycleTests(DatabaseFixture database) : ContractTest(database)
{
    private const string Reason = "Opóźnienia w realizacji planu działań klastra.";

    [Fact]
    public async Task The_coordinator_signs_the_complete_draft_then_the_official_records_the_signing_and_the_schedule_is_created()
    {
        var official = await OfficialAccountAsync();
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.CompleteDraft }, Ct);
        var coordinator = CoordinatorOf(arranged);
        var version = await VersionAsync(arranged.ContractId);

        await RefusedAsync("contract.coordinator_not_signed", () => Send(official, new SignContract(arranged.ContractId, Today, version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(official, new SignContractAsCoordinator(arranged.ContractId, version)));
        var signedOnce = await Send(coordinator, new SignContractAsCoordinator(arranged.ContractId, version));
        Assert.NotNull((await ViewAsync(arranged.ContractId)).CoordinatorSignedAt);
        Assert.Equal(official.UserId, Assert.Single(await MessagesAsync(ContractMessages.CoordinatorSigned)).RecipientUserId);

        // The official changes the draft after the coordinator signed it: the coordinator signs what it says now.
        var edited = await Send(official, new SetContractBudget(arranged.ContractId, [ContractArrange.DefaultBudget(2025) with { Staff = 450_000 }], signedOnce));
        Assert.Null((await ViewAsync(arranged.ContractId)).CoordinatorSignedAt);
        await RefusedAsync("contract.coordinator_not_signed", () => Send(official, new SignContract(arranged.ContractId, Today, edited)));
        version = await Send(coordinator, new SignContractAsCoordinator(arranged.ContractId, edited));

        await RefusedAsync("contract.signed_in_future", () => Send(official, new SignContract(arranged.ContractId, Today.AddDays(1), version)));
        await InvalidAsync("SignedOn", () => Send(official, new SignContract(arranged.ContractId, default, version)));
        Assert.Equal(0, await Read(db => db.KpiReports.CountAsync(Ct)));

        version = await Send(official, new SignContract(arranged.ContractId, Today.AddDays(-2), version));

        var view = await ViewAsync(arranged.ContractId);
        Assert.Equal((ContractStatus.Signed, Today.AddDays(-2), version), (view.Status, view.SignedOn, view.Version));
        Assert.Empty(view.Gaps);
        var reports = await Read(db => db.KpiReports.AsNoTracking().Where(r => r.ContractId == arranged.ContractId).OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ToListAsync(Ct));
        Assert.Equal(
            ReportingSchedule.For(new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31), ReportingTerms.Default).Select(r => (r.Kind, r.Year, r.PeriodStart, r.PeriodEnd, r.DueOn)),
            reports.Select(r => (r.Kind, r.Year, r.PeriodStart, r.PeriodEnd, r.DueOn)));
        Assert.Equal([2025, 2026, 2027, 2028, null], reports.Select(r => r.Year));
        Assert.All(reports, r => Assert.Equal(KpiReportStatus.NotStarted, r.Status));
        var concluded = Assert.Single(await MessagesAsync(ContractMessages.Concluded));
        Assert.Equal(arranged.CoordinatorUserId, concluded.RecipientUserId);
        Assert.Contains("2026-03-31", concluded.Text, StringComparison.Ordinal);

        await RefusedAsync("contract.transition_not_allowed", () => Send(official, new SignContract(arranged.ContractId, Today, version)));
        await RefusedAsync("contract.not_draft", () => Send(coordinator, new SignContractAsCoordinator(arranged.ContractId, version)));
        Assert.Equal(5, await Read(db => db.KpiReports.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_signed_and_another_applicant_cannot_sign_it()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.EmptyDraft }, Ct);
        var other = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Inny", Stage = ArrangedStage.CompleteDraft }, Ct);
        var version = await VersionAsync(other.ContractId);

        await RefusedAsync("contract.plan_incomplete", () => Send(CoordinatorOf(arranged), new SignContractAsCoordinator(arranged.ContractId, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(CoordinatorOf(arranged), new SignContractAsCoordinator(other.ContractId, version)));

        // An official who also holds the applicant's role is no coordinator of someone else's cluster.
        var both = new FixedUser(Guid.CreateVersion7(), "oba@gov.example.pl", [Roles.Applicant, Roles.Official]);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(both, new SignContractAsCoordinator(other.ContractId, version)));
        Assert.Null((await ViewAsync(other.ContractId)).CoordinatorSignedAt);
    }

    [Fact]
    public async Task The_allowed_transitions_run_with_their_reasons_and_notices_and_the_others_are_refused()
    {
        var arranged = await Arrange.CreateAsync(new ContractShape { Stage = ArrangedStage.Signed }, Ct);
        var id = arranged.ContractId;
        var version = await VersionAsync(id);

        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new SuspendContract(id, Reason, version)));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new ResumeContract(id, version)));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new CompleteContract(id, version)));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new TerminateContract(id, Reason, version)));

        version = await Send(TestUsers.Official, new ActivateContract(id, version));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new ActivateContract(id, version)));
        await RefusedAsync("contract.suspension_reason_required", () => Send(TestUsers.Official, new SuspendContract(id, "za krótko", version)));
        version = await Send(TestUsers.Official, new SuspendContract(id, Reason, version));
        Assert.Equal((ContractStatus.Suspended, Reason), ((await ViewAsync(id)).Status, (await ViewAsync(id)).StatusReason));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new SuspendContract(id, Reason, version)));
        await RefusedAsync("concurrency.stale_version", () => Send(TestUsers.Official, new ResumeContract(id, version - 1)));
        version = await Send(TestUsers.Official, new ResumeContract(id, version));
        Assert.Equal(ContractStatus.Active, (await ViewAsync(id)).Status);
        await RefusedAsync("contract.not_ended", () => Send(TestUsers.Official, new CompleteContract(id, version)));
        await RefusedAsync("contract.termination_reason_required", () => Send(TestUsers.Official, new TerminateContract(id, null, version)));
        version = await Send(TestUsers.Official, new TerminateContract(id, "Klaster zaprzestał działalności.", version));

        var terminated = await ViewAsync(id);
        Assert.Equal((ContractStatus.Terminated, Today, "Klaster zaprzestał działalności."), (terminated.Status, terminated.TerminatedOn!.Value, terminated.StatusReason));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new ResumeContract(id, version)));
        await RefusedAsync("contract.transition_not_allowed", () => Send(TestUsers.Official, new ActivateContract(id, version)));

        var notices = (await MessagesAsync(ContractMessages.StatusChanged)).OrderBy(m => m.CreatedAt).ThenBy(m => m.Subject, StringComparer.Ordinal).ToList();
        Assert.Equal(4, notices.Count);
        Assert.All(notices, n => Assert.Equal(arranged.CoordinatorUserId, n.RecipientUserId));
        Assert.Contains(notices, n => n.Subject.Contains("wszedł w życie", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Subject.Contains("zawieszony", StringComparison.Ordinal) && n.Text.Contains(Reason, StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Subject.Contains("wznowiono", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Subject.Contains("rozwiązany", StringComparison.Ordinal) && n.Text.Contains("zaprzestał działalności", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(CoordinatorOf(arranged), new SuspendContract(id, Reason, version)));
    }

    [Fact]
    public async Task A_contract_is_completed_after_its_last_day_only_with_the_final_report_accepted()
    {
        // A phase that ended before the test clock's day; the contract was drafted and signed in its time.
        var arranged = await Arrange.CreateAsync(new ContractShape { PhaseStartsOn = new DateOnly(2021, 1, 1), PhaseYears = 3, PhaseNumber = 7, Today = new DateOnly(2021, 2, 1) }, Ct);
        var version = await VersionAsync(arranged.ContractId);

        await RefusedAsync("contract.final_report_pending", () => Send(TestUsers.Official, new CompleteContract(arranged.ContractId, version)));
        await Arrange.AcceptReportAsync(arranged.ContractId, null, cancellationToken: Ct);
        version = await VersionAsync(arranged.ContractId);
        await Send(TestUsers.Official, new CompleteContract(arranged.ContractId, version));

        Assert.Equal(ContractStatus.Completed, (await ViewAsync(arranged.ContractId)).Status);
        Assert.Contains(await MessagesAsync(ContractMessages.StatusChanged), m => m.Subject.Contains("zakończony", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_run_activates_the_signed_contracts_whose_first_day_has_come_and_no_other()
    {
        var due = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Gotowy", Stage = ArrangedStage.Signed }, Ct);
        var later = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Przyszły", Stage = ArrangedStage.Signed, PhaseStartsOn = new DateOnly(2029, 1, 1), PhaseNumber = 2, Today = new DateOnly(2029, 1, 1) }, Ct);
        var draft = await Arrange.CreateAsync(new ContractShape { ClusterName = "Klaster Projekt", Stage = ArrangedStage.CompleteDraft }, Ct);

        var laterVersion = await VersionAsync(later.ContractId);
        await RefusedAsync("contract.not_started", () => Send(TestUsers.Official, new ActivateContract(later.ContractId, laterVersion)));
        var activated = await Send(TestUsers.System, new ActivateDueContracts());

        Assert.Equal([due.ContractId], activated.ContractIds);
        Assert.Equal(ContractStatus.Active, (await ViewAsync(due.ContractId)).Status);
        Assert.Equal(ContractStatus.Signed, (await ViewAsync(later.ContractId)).Status);
        Assert.Equal(ContractStatus.Draft, (await ViewAsync(draft.ContractId)).Status);
        Assert.Equal(due.CoordinatorUserId, Assert.Single(await MessagesAsync(ContractMessages.StatusChanged)).RecipientUserId);
        Assert.Contains(await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(ActivateDueContracts)).Select(e => e.EntityId).ToListAsync(Ct)), e => e == due.ContractId.ToString());
        Assert.Empty((await Send(TestUsers.System, new ActivateDueContracts())).ContractIds);

        Database.Clock.Set(new DateTimeOffset(2029, 1, 1, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal([later.ContractId], (await Send(TestUsers.System, new ActivateDueContracts())).ContractIds);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new ActivateDueContracts()));
    }
}

public sealed class ContractLifecycleTestsOnSqlite(SqliteDatabaseFixture database) : ContractLifecycleTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ContractLifecycleTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ContractLifecycleTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
