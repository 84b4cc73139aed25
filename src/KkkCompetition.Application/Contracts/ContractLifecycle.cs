using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

// The contract's life: Draft → Signed → Active → (Suspended → Active) → Completed | Terminated, and nothing else (409
// contract.transition_not_allowed). Each command carries the contract's version last read, takes its row lock, answers the
// new version, and tells the coordinator through the outbox.

/// <summary>
/// The coordinator signs the draft as it stands (the owner of the cluster's organisation only; anyone else's contract is
/// 404). An incomplete plan is 409 <c>contract.plan_incomplete</c>. The official in charge is told.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record SignContractAsCoordinator(Guid ContractId, int Version) : ICommand<int>, IContractRequest;

/// <summary>
/// The official records the day the State and the region signed (not in the future: 409 <c>contract.signed_in_future</c>),
/// after the coordinator (409 <c>contract.coordinator_not_signed</c>). The plan is then frozen and the reporting schedule —
/// an annual report per calendar year and the final report — is created.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record SignContract(Guid ContractId, DateOnly SignedOn, int Version) : ICommand<int>, IContractRequest;

/// <summary>Puts a signed contract in force from its first day (409 <c>contract.not_started</c> before it).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ActivateContract(Guid ContractId, int Version) : ICommand<int>, IContractRequest;

/// <summary>Suspends an active contract with a reason of 10 to 2000 characters (409 <c>contract.suspension_reason_required</c>).</summary>
[AllowedRoles(Roles.Official)]
public sealed record SuspendContract(Guid ContractId, string? Reason, int Version) : ICommand<int>, IContractRequest;

/// <summary>Resumes a suspended contract.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ResumeContract(Guid ContractId, int Version) : ICommand<int>, IContractRequest;

/// <summary>
/// Completes an active contract after its last day (409 <c>contract.not_ended</c>) once its final report is accepted
/// (409 <c>contract.final_report_pending</c>).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record CompleteContract(Guid ContractId, int Version) : ICommand<int>, IContractRequest;

/// <summary>Ends an active or suspended contract early with a reason (409 <c>contract.termination_reason_required</c>).</summary>
[AllowedRoles(Roles.Official)]
public sealed record TerminateContract(Guid ContractId, string? Reason, int Version) : ICommand<int>, IContractRequest;

/// <summary>
/// Run nightly by a recurring job (System): every signed contract whose first day has come is put in force and its
/// coordinator told. Audited like any command.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record ActivateDueContracts : ICommand<ContractsActivated>;

public sealed record ContractsActivated(IReadOnlyList<Guid> ContractIds)
{
    public int Count => ContractIds.Count;
}

/// <summary>
/// Only the coordinator signs for the cluster: unlike the readers' rule, officials are not let through (a person with both
/// roles signs only his or her own cluster's contract).
/// </summary>
public sealed class SignContractAsCoordinatorAuthorizer(IAppDbContext db) : IResourceAuthorizer<SignContractAsCoordinator>
{
    public async ValueTask<bool> IsAllowedAsync(SignContractAsCoordinator request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await ContractData.OwnContracts(db, userId).AnyAsync(c => c.Id == request.ContractId, cancellationToken);
}

public sealed class SignContractAuthorizer(IAppDbContext db) : ContractAuthorizer<SignContract>(db);

public sealed class ActivateContractAuthorizer(IAppDbContext db) : ContractAuthorizer<ActivateContract>(db);

public sealed class SuspendContractAuthorizer(IAppDbContext db) : ContractAuthorizer<SuspendContract>(db);

public sealed class ResumeContractAuthorizer(IAppDbContext db) : ContractAuthorizer<ResumeContract>(db);

public sealed class CompleteContractAuthorizer(IAppDbContext db) : ContractAuthorizer<CompleteContract>(db);

public sealed class TerminateContractAuthorizer(IAppDbContext db) : ContractAuthorizer<TerminateContract>(db);

public sealed class SignContractAsCoordinatorValidator : AbstractValidator<SignContractAsCoordinator>
{
    public SignContractAsCoordinatorValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SignContractValidator : AbstractValidator<SignContract>
{
    public SignContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.SignedOn).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ActivateContractValidator : AbstractValidator<ActivateContract>
{
    public ActivateContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SuspendContractValidator : AbstractValidator<SuspendContract>
{
    public SuspendContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Reason).MaximumLength(ProgrammeContract.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ResumeContractValidator : AbstractValidator<ResumeContract>
{
    public ResumeContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class CompleteContractValidator : AbstractValidator<CompleteContract>
{
    public CompleteContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class TerminateContractValidator : AbstractValidator<TerminateContract>
{
    public TerminateContractValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Reason).MaximumLength(ProgrammeContract.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SignContractAsCoordinatorHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignContractAsCoordinator, int>
{
    public async ValueTask<int> Handle(SignContractAsCoordinator command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.SignAsCoordinator(user.UserId ?? throw new UnauthenticatedException(), clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.CoordinatorSigned(contract, await ContractData.OfficialsInChargeAsync(db, contract, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class SignContractHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignContract, int>
{
    public async ValueTask<int> Handle(SignContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.Sign(user.UserId ?? throw new UnauthenticatedException(), command.SignedOn, ContractData.Today(clock), clock.GetUtcNow());

        // The schedule is made from the signed dates and terms, in the same transaction: a signed contract always has it.
        var schedule = ReportingSchedule.For(contract);
        db.KpiReports.AddRange(schedule.Select(entry => KpiReport.Schedule(contract.Id, entry)));
        var firstDue = schedule.Where(r => r.Kind == ReportKind.Annual).Min(r => r.DueOn);
        await outbox.EnqueueAsync(ContractNotices.Concluded(contract, firstDue, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class ActivateContractHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<ActivateContract, int>
{
    public async ValueTask<int> Handle(ActivateContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.Activate(ContractData.Today(clock), clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.StatusChanged(contract, ContractChange.Activated, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class SuspendContractHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<SuspendContract, int>
{
    public async ValueTask<int> Handle(SuspendContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.Suspend(command.Reason ?? "", clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.StatusChanged(contract, ContractChange.Suspended, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class ResumeContractHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<ResumeContract, int>
{
    public async ValueTask<int> Handle(ResumeContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.Resume(clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.StatusChanged(contract, ContractChange.Resumed, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class CompleteContractHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<CompleteContract, int>
{
    public async ValueTask<int> Handle(CompleteContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        var finalAccepted = await db.KpiReports.AnyAsync(r => r.ContractId == contract.Id && r.Kind == ReportKind.Final && r.Status == KpiReportStatus.Accepted, cancellationToken);
        contract.Complete(finalAccepted, ContractData.Today(clock), clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.StatusChanged(contract, ContractChange.Completed, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class TerminateContractHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<TerminateContract, int>
{
    public async ValueTask<int> Handle(TerminateContract command, CancellationToken cancellationToken)
    {
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        contract.Terminate(command.Reason ?? "", ContractData.Today(clock), clock.GetUtcNow());
        await outbox.EnqueueAsync(ContractNotices.StatusChanged(contract, ContractChange.Terminated, await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken)), cancellationToken);
        return contract.Version + 1;
    }
}

public sealed class ActivateDueContractsHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<ActivateDueContracts, ContractsActivated>
{
    /// <summary>How many contracts one run activates at most; the next run takes the rest.</summary>
    public const int BatchSize = 500;

    public async ValueTask<ContractsActivated> Handle(ActivateDueContracts command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ContractData.Today(clock);

        // Found by the (Status, Voivodeship) index's leading column.
        var due = await db.ProgrammeContracts
            .Where(c => c.Status == ContractStatus.Signed && c.StartsOn <= today)
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Number)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new ContractsActivated([]);
        }

        foreach (var contract in due)
        {
            contract.Activate(today, now);
        }

        var coordinators = await RegistryNotices.CoordinatorsAsync(db, [.. due.Select(c => c.ClusterId).Distinct()], cancellationToken);
        await outbox.EnqueueAsync(
            [.. due.Where(c => coordinators.ContainsKey(c.ClusterId)).Select(c => ContractNotices.StatusChanged(c, ContractChange.Activated, coordinators[c.ClusterId]))],
            cancellationToken);
        return new ContractsActivated([.. due.Select(c => c.Id)]);
    }
}
