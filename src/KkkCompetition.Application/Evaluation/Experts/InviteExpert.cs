using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>
/// Invites a person to the expert pool (officials): the entry is created and an e-mail in <see cref="Language"/>
/// ("pl" or "en") carries a one-time link valid for 14 days. An address already in the pool is 409
/// <c>expert.email_taken</c> naming the entry (<c>expertId</c>).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record InviteExpert(string Email, string FullName, string Language = "pl") : ICommand<ExpertDto>;

/// <summary>Sends a new link to an expert who has not joined yet; the old link stops working (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ReinviteExpert(Guid ExpertId, int Version, string Language = "pl") : ICommand<ExpertDto>;

internal static class InvitationRules
{
    public const int MaxEmailLength = 256;

    public const int MaxNameLength = 200;

    public static IRuleBuilderOptions<T, string> Language<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(l => l is "pl" or "en").WithErrorCode("expert.language").WithMessage("The language is pl or en.");
}

public sealed class InviteExpertValidator : AbstractValidator<InviteExpert>
{
    public InviteExpertValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(InvitationRules.MaxEmailLength).EmailAddress()
            .WithErrorCode("expert.email_invalid").WithMessage("The e-mail address is not valid.");
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(InvitationRules.MaxNameLength);
        RuleFor(x => x.Language).Language();
    }
}

public sealed class ReinviteExpertValidator : AbstractValidator<ReinviteExpert>
{
    public ReinviteExpertValidator()
    {
        RuleFor(x => x.ExpertId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Language).Language();
    }
}

public sealed class InviteExpertHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<InviteExpert, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(InviteExpert command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        var existing = await db.Experts.AsNoTracking().Where(e => e.Email == email).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            throw EmailTaken(existingId);
        }

        // Two officials inviting the same address at once: the unique index on the address refuses the second with the same code.
        var (token, hash) = InvitationTokens.New();
        var now = clock.GetUtcNow();
        var expert = Expert.Invite(email, command.FullName, hash, user.UserId ?? Guid.Empty, now, now + InvitationTokens.Validity);
        db.Experts.Add(expert);
        await InvitationMail.SendAsync(db, outbox, user, expert, token, command.Language, cancellationToken);
        return ExpertDto.From(expert, expert.Version);
    }

    public const string EmailTakenCode = "expert.email_taken";

    internal static DetailedRuleViolation EmailTaken(Guid expertId) => new(
        EmailTakenCode,
        "This address is already in the expert pool.",
        new Dictionary<string, object?> { ["expertId"] = expertId });
}

public sealed class ReinviteExpertHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReinviteExpert, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(ReinviteExpert command, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == command.ExpertId, cancellationToken)
            ?? throw new NotFoundException(nameof(Expert), command.ExpertId);
        db.ExpectVersion(expert, command.Version);
        var (token, hash) = InvitationTokens.New();
        var now = clock.GetUtcNow();
        expert.Reinvite(hash, now, now + InvitationTokens.Validity);
        await InvitationMail.SendAsync(db, outbox, user, expert, token, command.Language, cancellationToken);
        return ExpertDto.From(expert, expert.Version + 1);
    }
}
