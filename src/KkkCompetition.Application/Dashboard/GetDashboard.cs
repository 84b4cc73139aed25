using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Dashboard;

/// <summary>The home page's counts, one card set per role the user holds, all read from the database.</summary>
[AnyAuthenticatedUser]
public sealed record GetDashboard : IQuery<DashboardDto>;

public sealed record DashboardDto(IReadOnlyList<DashboardCard> Cards);

/// <summary>A counter on the home page; <see cref="Key"/> names its label in the resources.</summary>
public sealed record DashboardCard(string Role, string Key, long Count);

public sealed class GetDashboardHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var cards = new List<DashboardCard>();
        if (user.IsInRole(Roles.Applicant) && user.UserId is { } me)
        {
            cards.Add(new(Roles.Applicant, "MyOrganisations", await db.Organisations.CountAsync(o => o.OwnerUserId == me, cancellationToken)));
            cards.Add(new(Roles.Applicant, "MyDraftApplications", await db.Applications.CountAsync(a => a.OwnerUserId == me && a.Status == ApplicationStatus.Draft, cancellationToken)));
            cards.Add(new(Roles.Applicant, "OpenCompetitions", await CountOpenCompetitions(cancellationToken)));
        }

        if (user.IsInRole(Roles.Official))
        {
            cards.Add(new(Roles.Official, "DraftCompetitions", await db.Competitions.CountAsync(c => c.Status == CompetitionStatus.Draft, cancellationToken)));
            cards.Add(new(Roles.Official, "OpenCompetitions", await CountOpenCompetitions(cancellationToken)));
            cards.Add(new(Roles.Official, "SubmittedApplications", await db.Applications.CountAsync(a => a.Status != ApplicationStatus.Draft, cancellationToken)));
            cards.Add(new(Roles.Official, "Clusters", await db.Clusters.CountAsync(cancellationToken)));
        }

        if (user.IsInRole(Roles.Expert))
        {
            cards.Add(new(Roles.Expert, "ApplicationsUnderEvaluation", await db.Applications.CountAsync(a => a.Status == ApplicationStatus.UnderEvaluation, cancellationToken)));
        }

        if (user.IsInRole(Roles.CommissionMember))
        {
            cards.Add(new(Roles.CommissionMember, "ApplicationsRecommended", await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Recommended, cancellationToken)));
        }

        if (user.IsInRole(Roles.Administrator))
        {
            cards.Add(new(Roles.Administrator, "Users", await db.Users.CountAsync(cancellationToken)));
            cards.Add(new(Roles.Administrator, "AuditEntries", await db.AuditEntries.CountAsync(cancellationToken)));
            cards.Add(new(Roles.Administrator, "AuditVerifications", await db.AuditVerifications.CountAsync(cancellationToken)));
        }

        return new DashboardDto(cards);
    }

    private Task<int> CountOpenCompetitions(CancellationToken cancellationToken) =>
        db.Competitions.CountAsync(c => c.Status == CompetitionStatus.Announced || c.Status == CompetitionStatus.Open, cancellationToken);
}
