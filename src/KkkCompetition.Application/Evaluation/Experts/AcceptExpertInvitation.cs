using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Users;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>
/// What an invitation link is for, before the person accepts it (anyone holding the link): the invited name and
/// address and until when the link works. A wrong or used link is 409 <c>expert.invitation_invalid</c>, an expired one
/// <c>expert.invitation_expired</c>.
/// </summary>
[PublicRequest]
public sealed record GetExpertInvitation(string Token) : IQuery<ExpertInvitationDto>;

public sealed record ExpertInvitationDto(string Email, string FullName, DateTimeOffset ExpiresAt, bool AccountExists);

/// <summary>
/// Accepts an invitation (anyone holding the link). Signed in: the caller's account joins the pool. Not signed in: an
/// account is created with the invited address and <see cref="Password"/> (the policy's objections are 400 naming
/// <c>password</c>; an address that already has an account is 409 <c>expert.account_exists</c> — sign in and open the
/// link again). Either way the account gets the Expert role and the link stops working.
/// </summary>
[PublicRequest]
public sealed record AcceptExpertInvitation(string Token, string? Password = null, string Language = "pl") : ICommand<AcceptedExpertInvitation>;

public sealed record AcceptedExpertInvitation(Guid ExpertId, Guid UserId, string Email, bool AccountCreated);

public sealed class GetExpertInvitationValidator : AbstractValidator<GetExpertInvitation>
{
    public GetExpertInvitationValidator() => RuleFor(x => x.Token).NotEmpty().MaximumLength(InvitationTokens.MaxTokenLength);
}

public sealed class AcceptExpertInvitationValidator : AbstractValidator<AcceptExpertInvitation>
{
    public AcceptExpertInvitationValidator(ICurrentUser user, IUserAccounts accounts)
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(InvitationTokens.MaxTokenLength);
        RuleFor(x => x.Language).Language();

        // Only a new account needs a password; a signed-in caller links the account he has.
        When(_ => !user.IsAuthenticated, () =>
        {
            RuleFor(x => x.Password).NotEmpty().WithErrorCode("account.password_required").WithMessage("Choose a password.");
            RuleFor(x => x.Password).CustomAsync(async (password, context, ct) =>
            {
                if (string.IsNullOrEmpty(password))
                {
                    return;
                }

                foreach (var problem in await accounts.CheckPasswordAsync(password, ct))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, problem.Message) { ErrorCode = $"account.{problem.Code}" });
                }
            });
        });
    }
}

public sealed class GetExpertInvitationHandler(IAppDbContext db, IUserAccounts accounts, TimeProvider clock) : IQueryHandler<GetExpertInvitation, ExpertInvitationDto>
{
    public async ValueTask<ExpertInvitationDto> Handle(GetExpertInvitation query, CancellationToken cancellationToken)
    {
        var (expert, _) = await ExpertInvitations.FindAsync(db, query.Token, clock, cancellationToken);
        return new ExpertInvitationDto(expert.Email, expert.FullName, expert.InvitationExpiresAt!.Value, await accounts.FindByEmailAsync(expert.Email, cancellationToken) is not null);
    }
}

public sealed class AcceptExpertInvitationHandler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AcceptExpertInvitation, AcceptedExpertInvitation>
{
    public async ValueTask<AcceptedExpertInvitation> Handle(AcceptExpertInvitation command, CancellationToken cancellationToken)
    {
        var (expert, hash) = await ExpertInvitations.FindAsync(db, command.Token, clock, cancellationToken);
        Guid userId;
        var created = false;
        if (user.UserId is { } signedIn)
        {
            if (await db.Experts.AnyAsync(e => e.UserId == signedIn, cancellationToken))
            {
                throw new BusinessRuleViolation("expert.account_already_expert", "Your account is already in the expert pool.");
            }

            userId = signedIn;
        }
        else if (user.IsAuthenticated)
        {
            // A system integration has no account a person could sign in with.
            throw new ForbiddenException(nameof(AcceptExpertInvitation));
        }
        else
        {
            if (await accounts.FindByEmailAsync(expert.Email, cancellationToken) is not null)
            {
                throw new BusinessRuleViolation("expert.account_exists", "An account with this address exists: sign in and open the link again.");
            }

            userId = await accounts.CreateAsync(expert.Email, expert.FullName, command.Password!, command.Language, cancellationToken);
            created = true;
        }

        await accounts.AddToRoleAsync(userId, Roles.Expert, cancellationToken);
        expert.AcceptInvitation(hash, userId, clock.GetUtcNow());
        return new AcceptedExpertInvitation(expert.Id, userId, expert.Email, created);
    }
}

internal static class ExpertInvitations
{
    /// <summary>The entry the link belongs to, checked as accepting would check it; an unknown link answers as a used one.</summary>
    public static async Task<(Expert Expert, string Hash)> FindAsync(IAppDbContext db, string token, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.Hash(token);
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.InvitationTokenHash == hash, cancellationToken)
            ?? throw new BusinessRuleViolation("expert.invitation_invalid", "The invitation link is not valid or has already been used.");
        expert.CheckInvitation(hash, clock.GetUtcNow());
        return (expert, hash);
    }
}
