using FluentValidation;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

/// <summary>A request about one amendment.</summary>
public interface IAmendmentRequest
{
    Guid AmendmentId { get; }
}

/// <summary>
/// Proposes an amendment of a signed contract in force: changed targets and budget years with a reason of 20 to 4000
/// characters (the coordinator on his or her own contract, and officials). Only what differs from the current version is
/// kept. Refused: a year whose period has ended (409 <c>amendment.past_period</c>), another amendment pending
/// (<c>amendment.already_pending</c>), nothing changed (<c>amendment.no_changes</c>), a broken plan rule (the 70% SME share,
/// a negative value, a year outside the contract). The official in charge is told. <see cref="Version"/> is the contract's.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record ProposeAmendment(Guid ContractId, string? Reason, IReadOnlyList<KpiTarget> Targets, IReadOnlyList<BudgetYear> Budget, int Version)
    : ICommand<AmendmentView>, IContractRequest;

/// <summary>
/// Approves a pending amendment (officials): the contract gets the next version of its plan, in force from today, and its
/// achievement is recomputed. An amendment based on an older version is 409 <c>amendment.outdated</c>. The proposer and the
/// coordinator are told. <see cref="Version"/> is the amendment's.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ApproveAmendment(Guid AmendmentId, int Version) : ICommand<AmendmentView>, IAmendmentRequest;

/// <summary>Rejects a pending amendment with reasons of 20 to 4000 characters (officials); the plan stays as it is.</summary>
[AllowedRoles(Roles.Official)]
public sealed record RejectAmendment(Guid AmendmentId, string? Reason, int Version) : ICommand<AmendmentView>, IAmendmentRequest;

/// <summary>The amendments of a contract, newest first (the coordinator his or her own; officials any).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record ListContractAmendments(Guid ContractId) : IQuery<IReadOnlyList<AmendmentView>>, IContractRequest;

/// <summary>The amendments awaiting a decision, oldest first, searchable by contract number or cluster (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListPendingAmendments(string? Search = null, int Page = 1, int PageSize = 25) : IQuery<PagedResult<AmendmentView>>;

public sealed class ProposeAmendmentAuthorizer(IAppDbContext db) : ContractAuthorizer<ProposeAmendment>(db);

public sealed class ListContractAmendmentsAuthorizer(IAppDbContext db) : ContractAuthorizer<ListContractAmendments>(db);

public sealed class ProposeAmendmentValidator : AbstractValidator<ProposeAmendment>
{
    /// <summary>Far more than any plan holds (a few dozen KPIs over a few years).</summary>
    public const int MaxTargets = 2000;

    public ProposeAmendmentValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.Reason).MaximumLength(ContractAmendment.MaxReasonLength);
        RuleFor(x => x.Targets).NotNull().Must(t => t.Count <= MaxTargets).WithMessage($"An amendment changes at most {MaxTargets} targets.");
        RuleForEach(x => x.Targets).ChildRules(PlanRules.Target);
        RuleFor(x => x.Budget).NotNull().Must(b => b.Count <= PlanRules.MaxYears).WithMessage($"A contract has at most {PlanRules.MaxYears} years.");
        RuleForEach(x => x.Budget).ChildRules(PlanRules.Budget);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ApproveAmendmentValidator : AbstractValidator<ApproveAmendment>
{
    public ApproveAmendmentValidator()
    {
        RuleFor(x => x.AmendmentId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RejectAmendmentValidator : AbstractValidator<RejectAmendment>
{
    public RejectAmendmentValidator()
    {
        RuleFor(x => x.AmendmentId).NotEmpty();
        RuleFor(x => x.Reason).MaximumLength(ContractAmendment.MaxReasonLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ListContractAmendmentsValidator : AbstractValidator<ListContractAmendments>
{
    public ListContractAmendmentsValidator() => RuleFor(x => x.ContractId).NotEmpty();
}

public sealed class ListPendingAmendmentsValidator : AbstractValidator<ListPendingAmendments>
{
    public ListPendingAmendmentsValidator()
    {
        RuleFor(x => x.Search).MaximumLength(ListRegistryValidator.MaxSearchLength);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

internal static class AmendmentLinks
{
    public static string OfContract(Guid contractId) => $"{ContractData.ContractLink(contractId)}/amendments";

    public const string Queue = "/amendments";
}

public sealed class ProposeAmendmentHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposeAmendment, AmendmentView>
{
    public async ValueTask<AmendmentView> Handle(ProposeAmendment command, CancellationToken cancellationToken)
    {
        // The contract's lock serialises proposals: the next number and the "one pending" rule hold under a race.
        var contract = await PlanEdit.LoadAsync(db, command.ContractId, command.Version, cancellationToken);
        var existing = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == contract.Id).Select(a => new { a.Number, a.State }).ToListAsync(cancellationToken);
        var proposer = user.UserId ?? throw new UnauthenticatedException();
        var amendment = ContractAmendment.Propose(
            contract,
            existing.Count == 0 ? 1 : existing.Max(a => a.Number) + 1,
            existing.Any(a => a.State == AmendmentState.Proposed),
            command.Reason ?? "",
            command.Targets,
            command.Budget,
            proposer,
            ContractData.Today(clock),
            clock.GetUtcNow());
        db.ContractAmendments.Add(amendment);

        // The ministry decides: the official in charge hears of it; a proposal made by an official is told to the coordinator too.
        var coordinator = await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken);
        var officials = await ContractData.OfficialsInChargeAsync(db, contract, cancellationToken);
        await outbox.EnqueueAsync(
            [
                ContractNotices.Amendment(ContractMessages.AmendmentProposed, contract, amendment, [.. officials.Where(id => id != proposer)], AmendmentLinks.Queue),
                ContractNotices.Amendment(ContractMessages.AmendmentProposed, contract, amendment, proposer == coordinator ? [] : [coordinator], AmendmentLinks.OfContract(contract.Id)),
            ],
            cancellationToken);
        return ContractViews.Amendment(amendment, contract.Number, contract.ClusterName);
    }
}

/// <summary>Loads a pending amendment to decide on, with its contract locked first.</summary>
internal static class AmendmentDecision
{
    public static async Task<(ContractAmendment Amendment, ProgrammeContract Contract)> LoadAsync(IAppDbContext db, Guid amendmentId, int version, CancellationToken cancellationToken)
    {
        var contractId = await db.ContractAmendments.AsNoTracking().Where(a => a.Id == amendmentId).Select(a => (Guid?)a.ContractId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ContractAmendment", amendmentId);
        await ContractData.LockAsync(db, contractId, cancellationToken);
        var amendment = await db.ContractAmendments.SingleAsync(a => a.Id == amendmentId, cancellationToken);
        db.ExpectVersion(amendment, version);
        return (amendment, await ContractData.LoadAsync(db, contractId, cancellationToken));
    }

    /// <summary>The proposer and the coordinator (once each), but not the official who decided.</summary>
    public static async Task<IReadOnlyCollection<Guid>> RecipientsAsync(IAppDbContext db, ContractAmendment amendment, ProgrammeContract contract, Guid decidedBy, CancellationToken cancellationToken)
    {
        var coordinator = await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken);
        return [.. new[] { amendment.ProposedBy, coordinator }.Distinct().Where(id => id != decidedBy)];
    }
}

public sealed class ApproveAmendmentHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveAmendment, AmendmentView>
{
    public async ValueTask<AmendmentView> Handle(ApproveAmendment command, CancellationToken cancellationToken)
    {
        var (amendment, contract) = await AmendmentDecision.LoadAsync(db, command.AmendmentId, command.Version, cancellationToken);
        var official = user.UserId ?? throw new UnauthenticatedException();
        var now = clock.GetUtcNow();
        amendment.Approve(contract, official, ContractData.Today(clock), now);

        // The reports already accepted are measured against the version in force for their period: the figure may move.
        await ContractAchievements.RefreshAsync(db, contract, null, now, cancellationToken);
        await outbox.EnqueueAsync(
            ContractNotices.Amendment(ContractMessages.AmendmentApproved, contract, amendment, await AmendmentDecision.RecipientsAsync(db, amendment, contract, official, cancellationToken), ContractData.ContractLink(contract.Id)),
            cancellationToken);
        return ContractViews.Amendment(amendment, contract.Number, contract.ClusterName) with { Version = amendment.Version + 1 };
    }
}

public sealed class RejectAmendmentHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectAmendment, AmendmentView>
{
    public async ValueTask<AmendmentView> Handle(RejectAmendment command, CancellationToken cancellationToken)
    {
        var (amendment, contract) = await AmendmentDecision.LoadAsync(db, command.AmendmentId, command.Version, cancellationToken);
        var official = user.UserId ?? throw new UnauthenticatedException();
        amendment.Reject(official, command.Reason ?? "", clock.GetUtcNow());
        await outbox.EnqueueAsync(
            ContractNotices.Amendment(ContractMessages.AmendmentRejected, contract, amendment, await AmendmentDecision.RecipientsAsync(db, amendment, contract, official, cancellationToken), AmendmentLinks.OfContract(contract.Id)),
            cancellationToken);
        return ContractViews.Amendment(amendment, contract.Number, contract.ClusterName) with { Version = amendment.Version + 1 };
    }
}

public sealed class ListContractAmendmentsHandler(IAppDbContext db) : IQueryHandler<ListContractAmendments, IReadOnlyList<AmendmentView>>
{
    public async ValueTask<IReadOnlyList<AmendmentView>> Handle(ListContractAmendments query, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == query.ContractId)
            .Select(c => new { c.Number, c.ClusterName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", query.ContractId);
        var amendments = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == query.ContractId).OrderByDescending(a => a.Number).ToListAsync(cancellationToken);
        return [.. amendments.Select(a => ContractViews.Amendment(a, contract.Number, contract.ClusterName))];
    }
}

public sealed class ListPendingAmendmentsHandler(IAppDbContext db) : IQueryHandler<ListPendingAmendments, PagedResult<AmendmentView>>
{
    public async ValueTask<PagedResult<AmendmentView>> Handle(ListPendingAmendments query, CancellationToken cancellationToken)
    {
        // Found by the (State, ProposedAt) index.
        var pending = from a in db.ContractAmendments.AsNoTracking()
                      where a.State == AmendmentState.Proposed
                      join c in db.ProgrammeContracts.AsNoTracking().IgnoreAutoIncludes() on a.ContractId equals c.Id
                      select new { Amendment = a, c.Number, c.ClusterName };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // A StringComparison overload does not translate to SQL.
            pending = pending.Where(p => p.Number.ToLower().Contains(text) || p.ClusterName.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        var total = await pending.CountAsync(cancellationToken);
        var rows = await pending.OrderBy(p => p.Amendment.ProposedAt).ThenBy(p => p.Amendment.Id).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AmendmentView>([.. rows.Select(r => ContractViews.Amendment(r.Amendment, r.Number, r.ClusterName))], total, query.Page, query.PageSize);
    }
}
