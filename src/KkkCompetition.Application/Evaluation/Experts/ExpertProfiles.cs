using System.Linq.Expressions;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Identifiers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>The fields of a profile, as the expert's and the official's update carry them.</summary>
public interface IExpertProfileFields
{
    string FullName { get; }
    string VoivodeshipTeryt { get; }
    IReadOnlyList<string> KisCodes { get; }
    int MaxLoadPerCompetition { get; }
    bool Available { get; }
    IReadOnlyList<ExpertAffiliation> Affiliations { get; }
}

/// <summary>The caller's own pool entry and profile (experts); 404 when the account is not in the pool.</summary>
[AllowedRoles(Roles.Expert)]
public sealed record GetMyExpertProfile : IQuery<ExpertDto>;

/// <summary>Changes the caller's own profile (experts); <see cref="Version"/> is the one last read.</summary>
[AllowedRoles(Roles.Expert)]
public sealed record UpdateMyExpertProfile(
    string FullName,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation> Affiliations,
    int Version) : ICommand<ExpertDto>, IExpertProfileFields;

/// <summary>Changes an expert's profile: an official any (also before the expert joins), an expert only his own (else 404).</summary>
[AllowedRoles(Roles.Official, Roles.Expert)]
public sealed record UpdateExpertProfile(
    Guid ExpertId,
    string FullName,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation> Affiliations,
    int Version) : ICommand<ExpertDto>, IExpertProfileFields, IExpertRequest;

/// <summary>
/// The field rules of a profile. Each failure carries the code of the domain rule it mirrors (the aggregate checks
/// again), and an affiliation's failure names its row and field (<c>affiliations[2].nip</c>).
/// </summary>
internal static class ExpertProfileRules
{
    public const int MaxOrganisationName = 300;

    public static void Apply<T>(AbstractValidator<T> validator, IAppDbContext db, Func<T, Expression<Func<Expert, bool>>> ownEntry)
        where T : IExpertProfileFields
    {
        validator.RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("expert.name_required").WithMessage("The expert's name is required (at most 200 characters).")
            .MaximumLength(InvitationRules.MaxNameLength).WithErrorCode("expert.name_required").WithMessage("The expert's name is required (at most 200 characters).");
        validator.RuleFor(x => x.VoivodeshipTeryt).Cascade(CascadeMode.Stop).NotEmpty().WithErrorCode("expert.voivodeship_required").WithMessage("Choose the voivodeship.")
            .MustAsync((teryt, ct) => db.Voivodeships.AnyAsync(v => v.Teryt == teryt, ct))
            .WithErrorCode("reference.unknown_voivodeship").WithMessage("'{PropertyValue}' is not a voivodeship TERYT code.");
        validator.RuleFor(x => x.KisCodes).Cascade(CascadeMode.Stop).NotNull().NotEmpty().WithErrorCode("expert.kis_required").WithMessage("Choose at least one specialisation (KIS).");

        // A code retired from the dictionary may stay on a profile that had it; it cannot be chosen anew.
        validator.RuleForEach(x => x.KisCodes).MustAsync(async (request, code, ct) =>
                await db.KisSpecialisations.AnyAsync(k => k.Code == code && k.IsActive, ct)
                || (await db.KisSpecialisations.AnyAsync(k => k.Code == code, ct) && await db.Experts.Where(ownEntry(request)).AnyAsync(e => e.KisCodes.Contains(code), ct)))
            .WithErrorCode("reference.unknown_kis").WithMessage("'{PropertyValue}' is not an active KIS code.");
        validator.RuleFor(x => x.MaxLoadPerCompetition).InclusiveBetween(1, Expert.MaxLoadLimit)
            .WithErrorCode("expert.max_load_invalid").WithMessage($"The maximum load must be between 1 and {Expert.MaxLoadLimit}.");
        validator.RuleFor(x => x.Affiliations).Cascade(CascadeMode.Stop).NotNull().Must(a => a is null || a.Count <= Expert.MaxAffiliations)
            .WithErrorCode("expert.too_many_affiliations").WithMessage($"At most {Expert.MaxAffiliations} affiliations.");
        validator.RuleForEach(x => x.Affiliations).ChildRules(a =>
        {
            a.RuleFor(x => x.Nip).Cascade(CascadeMode.Stop).NotEmpty().WithErrorCode("expert.affiliation_nip_invalid").Must(nip => PolishIdentifiers.IsValidNip(nip ?? "")).WithErrorCode("expert.affiliation_nip_invalid")
                .WithMessage("The NIP is not valid: it has 10 digits and the last one is a check digit of the others.");
            a.RuleFor(x => x.OrganisationName).NotEmpty().WithErrorCode("expert.affiliation_name_required").WithMessage("An affiliation needs the organisation's name.")
                .MaximumLength(MaxOrganisationName);
            a.RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.To is not null)
                .WithErrorCode("expert.affiliation_dates_invalid").WithMessage("An affiliation cannot end before it starts.");
        });
    }

    public static ExpertProfile ToProfile(IExpertProfileFields fields) =>
        new(fields.FullName, fields.VoivodeshipTeryt, fields.KisCodes, fields.MaxLoadPerCompetition, fields.Available, fields.Affiliations);
}

public sealed class UpdateMyExpertProfileValidator : AbstractValidator<UpdateMyExpertProfile>
{
    public UpdateMyExpertProfileValidator(IAppDbContext db, ICurrentUser user)
    {
        ExpertProfileRules.Apply(this, db, _ =>
        {
            var userId = user.UserId;
            return e => e.UserId != null && e.UserId == userId;
        });
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class UpdateExpertProfileValidator : AbstractValidator<UpdateExpertProfile>
{
    public UpdateExpertProfileValidator(IAppDbContext db)
    {
        RuleFor(x => x.ExpertId).NotEmpty();
        ExpertProfileRules.Apply(this, db, request => e => e.Id == request.ExpertId);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetMyExpertProfileHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyExpertProfile, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(GetMyExpertProfile query, CancellationToken cancellationToken)
    {
        var expert = await MyExpert.FindAsync(db, user, tracked: false, cancellationToken);
        return ExpertDto.From(expert, expert.Version);
    }
}

public sealed class UpdateMyExpertProfileHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateMyExpertProfile, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(UpdateMyExpertProfile command, CancellationToken cancellationToken)
    {
        var expert = await MyExpert.FindAsync(db, user, tracked: true, cancellationToken);
        db.ExpectVersion(expert, command.Version);
        expert.UpdateProfile(ExpertProfileRules.ToProfile(command), clock.GetUtcNow());

        // Every update stamps the profile, so the save always bumps the version.
        return ExpertDto.From(expert, expert.Version + 1);
    }
}

public sealed class UpdateExpertProfileHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateExpertProfile, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(UpdateExpertProfile command, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == command.ExpertId, cancellationToken)
            ?? throw new NotFoundException(nameof(Expert), command.ExpertId);
        db.ExpectVersion(expert, command.Version);
        expert.UpdateProfile(ExpertProfileRules.ToProfile(command), clock.GetUtcNow());
        return ExpertDto.From(expert, expert.Version + 1);
    }
}

internal static class MyExpert
{
    public static async Task<Expert> FindAsync(IAppDbContext db, ICurrentUser user, bool tracked, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new NotFoundException(nameof(Expert), user.UserName);
        var experts = tracked ? db.Experts : db.Experts.AsNoTracking();
        return await experts.SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken)
            ?? throw new NotFoundException(nameof(Expert), user.UserName);
    }
}
