using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Users;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

public sealed record CommissionMemberDto(
    Guid Id,
    Guid CompetitionId,
    Guid UserId,
    string Email,
    string FullName,
    CommissionSide Side,
    string? VoivodeshipTeryt,
    IReadOnlyList<string> AffiliationNips,
    DateTimeOffset AddedAt,
    int Version)
{
    public static CommissionMemberDto From(CommissionMember m, int version) =>
        new(m.Id, m.CompetitionId, m.UserId, m.Email, m.FullName, m.Side, m.VoivodeshipTeryt, m.AffiliationNips, m.AddedAt, version);
}

/// <summary>The commission of a competition with whether a voting is open (the membership is then fixed) (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ListCommissionMembers(Guid CompetitionId, int Page = 1, int PageSize = 50) : IQuery<CommissionMembersView>;

public sealed record CommissionMembersView(Guid CompetitionId, string CompetitionName, bool VotingOpen, PagedResult<CommissionMemberDto> Members);

/// <summary>
/// Appoints a person with an account (found by e-mail) to the competition's commission and grants the account the
/// commission member's role (officials). No account with that address: 409 <c>commission.account_not_found</c>; already
/// a member: 409 <c>commission.member_exists</c>; while a voting is open: 409 <c>commission.voting_open</c>.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record AddCommissionMember(
    Guid CompetitionId,
    string Email,
    string FullName,
    CommissionSide Side,
    string? VoivodeshipTeryt,
    IReadOnlyList<string> AffiliationNips) : ICommand<CommissionMemberDto>;

/// <summary>Removes a member from the commission (officials); refused while a voting is open, or once the member has voted.</summary>
[AllowedRoles(Roles.Official)]
public sealed record RemoveCommissionMember(Guid MemberId, int Version) : ICommand<Unit>;

public sealed class ListCommissionMembersValidator : AbstractValidator<ListCommissionMembers>
{
    public ListCommissionMembersValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
    }
}

public sealed class AddCommissionMemberValidator : AbstractValidator<AddCommissionMember>
{
    public AddCommissionMemberValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(CommissionMember.MaxNameLength);
        RuleFor(x => x.Side).IsInEnum();
        RuleFor(x => x.VoivodeshipTeryt).NotEmpty().When(x => x.Side == CommissionSide.Regional)
            .WithErrorCode("commission.voivodeship_required").WithMessage("A regional representative needs the voivodeship.");
        RuleFor(x => x.VoivodeshipTeryt).Empty().When(x => x.Side == CommissionSide.Ministry)
            .WithErrorCode("commission.voivodeship_not_allowed").WithMessage("A ministry representative has no voivodeship.");
        RuleFor(x => x.VoivodeshipTeryt).Length(2).When(x => !string.IsNullOrEmpty(x.VoivodeshipTeryt));
        RuleFor(x => x.AffiliationNips).NotNull().Must(n => n is null || n.Count <= CommissionMember.MaxAffiliations)
            .WithMessage($"At most {CommissionMember.MaxAffiliations} organisations.");
        RuleForEach(x => x.AffiliationNips).NotEmpty().Must(Domain.Identifiers.PolishIdentifiers.IsValidNip)
            .WithErrorCode("commission.affiliation_nip_invalid").WithMessage("The NIP is not valid.");
    }
}

public sealed class RemoveCommissionMemberValidator : AbstractValidator<RemoveCommissionMember>
{
    public RemoveCommissionMemberValidator()
    {
        RuleFor(x => x.MemberId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ListCommissionMembersHandler(IAppDbContext db) : IQueryHandler<ListCommissionMembers, CommissionMembersView>
{
    public async ValueTask<CommissionMembersView> Handle(ListCommissionMembers query, CancellationToken cancellationToken)
    {
        var competition = await db.Competitions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == query.CompetitionId)
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Competition", query.CompetitionId);
        var scope = db.CommissionMembers.AsNoTracking().Where(m => m.CompetitionId == query.CompetitionId);
        var total = await scope.CountAsync(cancellationToken);
        var members = await scope.OrderBy(m => m.Side).ThenBy(m => m.FullName).ThenBy(m => m.Id).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        var open = await CommissionData.MembershipFixedAsync(db, query.CompetitionId, cancellationToken);
        return new CommissionMembersView(
            competition.Id,
            competition.Name,
            open,
            new PagedResult<CommissionMemberDto>(members.Select(m => CommissionMemberDto.From(m, m.Version)).ToList(), total, query.Page, query.PageSize));
    }
}

public sealed class AddCommissionMemberHandler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddCommissionMember, CommissionMemberDto>
{
    public async ValueTask<CommissionMemberDto> Handle(AddCommissionMember command, CancellationToken cancellationToken)
    {
        if (!await db.Competitions.AnyAsync(c => c.Id == command.CompetitionId, cancellationToken))
        {
            throw new NotFoundException("Competition", command.CompetitionId);
        }

        var userId = await accounts.FindByEmailAsync(command.Email.Trim(), cancellationToken)
            ?? throw new BusinessRuleViolation("commission.account_not_found", "There is no account with this e-mail address: the person must register first.");
        if (await db.CommissionMembers.AnyAsync(m => m.CompetitionId == command.CompetitionId && m.UserId == userId, cancellationToken))
        {
            throw new BusinessRuleViolation("commission.member_exists", "This person is already on the competition's commission.");
        }

        var member = CommissionMember.Appoint(
            command.CompetitionId,
            userId,
            command.Email,
            command.FullName,
            command.Side,
            command.VoivodeshipTeryt,
            command.AffiliationNips,
            await CommissionData.MembershipFixedAsync(db, command.CompetitionId, cancellationToken),
            user.UserId ?? Guid.Empty,
            clock.GetUtcNow());
        db.CommissionMembers.Add(member);
        await accounts.AddToRoleAsync(userId, Roles.CommissionMember, cancellationToken);
        return CommissionMemberDto.From(member, member.Version);
    }
}

public sealed class RemoveCommissionMemberHandler(IAppDbContext db) : ICommandHandler<RemoveCommissionMember, Unit>
{
    public async ValueTask<Unit> Handle(RemoveCommissionMember command, CancellationToken cancellationToken)
    {
        var member = await db.CommissionMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId, cancellationToken)
            ?? throw new NotFoundException("CommissionMember", command.MemberId);
        db.ExpectVersion(member, command.Version);
        member.EnsureRemovable(await CommissionData.MembershipFixedAsync(db, member.CompetitionId, cancellationToken));

        // The votes of a closed voting are part of its resolution's record: their member stays.
        if (await db.CommissionVotes.AnyAsync(v => v.MemberId == member.Id, cancellationToken))
        {
            throw new BusinessRuleViolation("commission.member_has_voted", "The member has voted in a resolution of this competition and stays on its record.");
        }

        db.CommissionMembers.Remove(member);
        return Unit.Value;
    }
}
