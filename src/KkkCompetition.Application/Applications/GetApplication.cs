using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>An application with its sections, completeness per section, version, status, number and correction request (the owner; officials read only).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetApplication(Guid ApplicationId) : IQuery<ApplicationDto>, IApplicationRequest;

public sealed class GetApplicationValidator : AbstractValidator<GetApplication>
{
    public GetApplicationValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetApplicationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetApplication, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(GetApplication query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == application.CompetitionId, cancellationToken);
        var cluster = await (
                from c in db.Clusters.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                where c.Id == application.ClusterId
                select new ApplicationClusterDto(c.Id, c.Name, o.Name, o.Nip, db.ClusterMembers.Count(m => m.ClusterId == c.Id)))
            .SingleAsync(cancellationToken);
        var receiptSha256 = application.IsSubmitted ? (await SubmissionSnapshots.FindAsync(db, application.Id, cancellationToken)).Sha256 : null;
        return ApplicationViews.Application(application, competition, cluster, receiptSha256, application.OwnerUserId == user.UserId, clock.GetUtcNow());
    }
}

/// <summary>What is missing before the application can be submitted, per section (the owner; officials read only).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetApplicationCompleteness(Guid ApplicationId) : IQuery<CompletenessDto>, IApplicationRequest;

public sealed class GetApplicationCompletenessValidator : AbstractValidator<GetApplicationCompleteness>
{
    public GetApplicationCompletenessValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetApplicationCompletenessHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetApplicationCompleteness, CompletenessDto>
{
    public async ValueTask<CompletenessDto> Handle(GetApplicationCompleteness query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var completeness = ApplicationViews.Completeness(application, clock.GetUtcNow());
        return application.OwnerUserId == user.UserId
            ? completeness
            : completeness with { Sections = completeness.Sections.Select(s => s with { Editable = false }).ToList() };
    }
}
