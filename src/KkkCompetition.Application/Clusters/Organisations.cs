using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

public sealed record OrganisationDto(
    Guid Id,
    Guid OwnerUserId,
    string Name,
    string Nip,
    string? Regon,
    string? Krs,
    string LegalForm,
    string Address,
    string VoivodeshipTeryt,
    int Version)
{
    internal static OrganisationDto From(Organisation o) =>
        new(o.Id, o.OwnerUserId, o.Name, o.Nip, o.Regon, o.Krs, o.LegalForm, o.Address, o.VoivodeshipTeryt, o.Version);
}

/// <summary>The caller's own coordinating organisation (404 before it is registered).</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record GetMyOrganisation : IQuery<OrganisationDto>;

public sealed class GetMyOrganisationHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyOrganisation, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(GetMyOrganisation query, CancellationToken cancellationToken)
    {
        var userId = ClusterAccess.UserId(user);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.OwnerUserId == userId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), "mine");
        return OrganisationDto.From(organisation);
    }
}

/// <summary>Any organisation, read-only (officials and administrators).</summary>
[AllowedRoles(Roles.Official, Roles.Administrator)]
public sealed record GetOrganisation(Guid OrganisationId) : IQuery<OrganisationDto>;

public sealed class GetOrganisationHandler(IAppDbContext db) : IQueryHandler<GetOrganisation, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(GetOrganisation query, CancellationToken cancellationToken) =>
        OrganisationDto.From(await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.OrganisationId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), query.OrganisationId));
}

/// <summary>
/// Registers the caller's coordinating organisation. An applicant coordinates one organisation: a second
/// registration is refused with 409 <c>organisation.already_registered</c> (edit the first instead).
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record RegisterOrganisation(
    string Name,
    string Nip,
    string? Regon,
    string? Krs,
    string LegalForm,
    string Address,
    string VoivodeshipTeryt) : ICommand<OrganisationDto>;

/// <summary>Changes the caller's organisation; <see cref="Version"/> is the one last read.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record UpdateMyOrganisation(
    string Name,
    string Nip,
    string? Regon,
    string? Krs,
    string LegalForm,
    string Address,
    string VoivodeshipTeryt,
    int Version) : ICommand<OrganisationDto>;

public sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator(IAppDbContext db)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ClusterRules.MaxName);
        RuleFor(x => x.Nip).Nip("organisation.invalid_nip");
        RuleFor(x => x.Regon).Regon();
        RuleFor(x => x.Krs).Krs();
        RuleFor(x => x.LegalForm).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Address).NotEmpty().MaximumLength(500);
        RuleFor(x => x.VoivodeshipTeryt).Voivodeship(db);
    }
}

public sealed class UpdateMyOrganisationValidator : AbstractValidator<UpdateMyOrganisation>
{
    public UpdateMyOrganisationValidator(IAppDbContext db)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ClusterRules.MaxName);
        RuleFor(x => x.Nip).Nip("organisation.invalid_nip");
        RuleFor(x => x.Regon).Regon();
        RuleFor(x => x.Krs).Krs();
        RuleFor(x => x.LegalForm).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Address).NotEmpty().MaximumLength(500);
        RuleFor(x => x.VoivodeshipTeryt).Voivodeship(db);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RegisterOrganisationHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RegisterOrganisation, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(RegisterOrganisation command, CancellationToken cancellationToken)
    {
        var userId = ClusterAccess.UserId(user);
        if (await db.Organisations.AnyAsync(o => o.OwnerUserId == userId, cancellationToken))
        {
            throw new BusinessRuleViolation("organisation.already_registered", "You have already registered your organisation; edit it instead.");
        }

        var organisation = Organisation.Register(userId, command.Name, command.Nip, command.Regon, command.Krs, command.LegalForm, command.Address, command.VoivodeshipTeryt);
        db.Organisations.Add(organisation);
        return OrganisationDto.From(organisation);
    }
}

public sealed class UpdateMyOrganisationHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<UpdateMyOrganisation, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(UpdateMyOrganisation command, CancellationToken cancellationToken)
    {
        var userId = ClusterAccess.UserId(user);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.OwnerUserId == userId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), "mine");
        db.ExpectVersion(organisation, command.Version);
        var before = OrganisationDto.From(organisation);
        organisation.Edit(command.Name, command.Nip, command.Regon, command.Krs, command.LegalForm, command.Address, command.VoivodeshipTeryt);
        var after = OrganisationDto.From(organisation);

        // The save bumps the version only when something changed; the answer carries the version the caller will read.
        return after == before ? after : after with { Version = organisation.Version + 1 };
    }
}
