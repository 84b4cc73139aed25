using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Appeals;

public enum AppealSort
{
    LodgedAt,
    ApplicationNumber,
    State,
}

public sealed record AppealRow(
    Guid Id, Guid CompetitionId, string CompetitionName, Guid ApplicationId, string ApplicationNumber, string ClusterName, AppealState State, DateTimeOffset LodgedAt, DateTimeOffset? RuledAt);

/// <summary>The appeals queue (officials and commission members): paged, sorted and filtered on the server.</summary>
[AllowedRoles(Roles.Official, Roles.CommissionMember)]
public sealed record ListAppeals(Guid? CompetitionId = null, AppealState? State = null, AppealSort Sort = AppealSort.LodgedAt, bool Descending = false, int Page = 1, int PageSize = 25)
    : IQuery<PagedResult<AppealRow>>;

public sealed class ListAppealsValidator : AbstractValidator<ListAppeals>
{
    public ListAppealsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagingExtensions.MaxPageSize);
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class ListAppealsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListAppeals, PagedResult<AppealRow>>
{
    public async ValueTask<PagedResult<AppealRow>> Handle(ListAppeals query, CancellationToken cancellationToken)
    {
        var appeals = db.Appeals.AsNoTracking();
        if (!user.IsInRole(Roles.Official))
        {
            // A commission member sees the appeals of the competitions whose commission he or she sits on, no others.
            var userId = user.UserId ?? Guid.Empty;
            appeals = appeals.Where(a => db.CommissionMembers.Any(m => m.CompetitionId == a.CompetitionId && m.UserId == userId));
        }

        if (query.CompetitionId is { } competitionId)
        {
            appeals = appeals.Where(a => a.CompetitionId == competitionId);
        }

        if (query.State is { } state)
        {
            appeals = appeals.Where(a => a.State == state);
        }

        // Sorted and paged on the joined rows, projected last: a positional record cannot be ordered by in SQL.
        var rows = from a in appeals
                   join application in db.Applications on a.ApplicationId equals application.Id
                   join cluster in db.Clusters on application.ClusterId equals cluster.Id
                   join competition in db.Competitions on a.CompetitionId equals competition.Id
                   select new { Appeal = a, application.Number, ClusterName = cluster.Name, CompetitionName = competition.Name };
        var total = await rows.CountAsync(cancellationToken);
        var sorted = query.Sort switch
        {
            AppealSort.ApplicationNumber => rows.SortBy(r => r.Number, r => r.Appeal.Id, query.Descending),
            AppealSort.State => rows.SortBy(r => r.Appeal.State, r => r.Appeal.Id, query.Descending),
            _ => rows.SortBy(r => r.Appeal.LodgedAt, r => r.Appeal.Id, query.Descending),
        };
        var items = await sorted.Page(query.Page, query.PageSize)
            .Select(r => new AppealRow(
                r.Appeal.Id, r.Appeal.CompetitionId, r.CompetitionName, r.Appeal.ApplicationId, r.Number ?? "", r.ClusterName, r.Appeal.State, r.Appeal.LodgedAt, r.Appeal.RuledAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<AppealRow>(items, total, query.Page, query.PageSize);
    }
}

public sealed record AppealGroundView(string CriterionCode, string NamePl, string NameEn, string Reason);

public sealed record AppealView(
    Guid Id,
    Guid CompetitionId,
    string CompetitionName,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    Guid DecisionId,
    DateTimeOffset LodgedAt,
    DateOnly LastDay,
    string Statement,
    IReadOnlyList<AppealGroundView> Grounds,
    AppealState State,
    AppealRuling RuledByCompetition,
    AppealRuling? RuledAs,
    DateTimeOffset? RuledAt,
    string? RulingReasons,
    decimal? EarlierTotal,
    decimal? ReEvaluationTotal,
    bool MayRule,
    int Version);

/// <summary>One appeal: the applicant's own, or any for officials and commission members (with whether the caller may rule).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official, Roles.CommissionMember)]
public sealed record GetAppeal(Guid AppealId) : IQuery<AppealView>, IAppealRequest;

public sealed class GetAppealValidator : AbstractValidator<GetAppeal>
{
    public GetAppealValidator() => RuleFor(x => x.AppealId).NotEmpty();
}

public sealed class GetAppealAuthorizer(IAppDbContext db) : AppealAuthorizer<GetAppeal>(db);

public sealed class GetAppealHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAppeal, AppealView>
{
    public async ValueTask<AppealView> Handle(GetAppeal query, CancellationToken cancellationToken)
    {
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AppealId, cancellationToken)
            ?? throw new NotFoundException("Appeal", query.AppealId);
        var competition = await AppealData.LoadCompetitionAsync(db, appeal.CompetitionId, cancellationToken);
        var application = await db.Applications.AsNoTracking().IgnoreAutoIncludes().SingleAsync(a => a.Id == appeal.ApplicationId, cancellationToken);
        var clusterName = await AppealData.ClusterNameAsync(db, application, cancellationToken);

        // The results of both rounds, the superseded one included: the appeal shows what the re-evaluation changed.
        var results = await db.EvaluationResults.IgnoreQueryFilters().AsNoTracking().Where(r => r.ApplicationId == appeal.ApplicationId)
            .Select(r => new { r.Id, r.Total, r.SupersededAt, r.Round }).ToListAsync(cancellationToken);
        var earlier = results.Where(r => r.SupersededAt != null && r.SupersededAt <= (appeal.RuledAt ?? DateTimeOffset.MaxValue)).OrderByDescending(r => r.Round).FirstOrDefault()
            ?? (appeal.State == AppealState.Lodged ? results.Where(r => r.SupersededAt == null).OrderByDescending(r => r.Round).FirstOrDefault() : null);
        var reEvaluated = results.FirstOrDefault(r => r.Id == appeal.ReEvaluationResultId);

        var names = competition.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var staff = user.IsInRole(Roles.Official) || user.IsInRole(Roles.CommissionMember);
        return new AppealView(
            appeal.Id,
            appeal.CompetitionId,
            competition.Name,
            appeal.ApplicationId,
            application.Number ?? "",
            clusterName,
            appeal.DecisionId,
            appeal.LodgedAt,
            Appeal.LastDay(appeal.Deadline),
            appeal.Statement,
            appeal.Grounds.Select(g => new AppealGroundView(g.CriterionCode, names.GetValueOrDefault(g.CriterionCode)?.NamePl ?? g.CriterionCode, names.GetValueOrDefault(g.CriterionCode)?.NameEn ?? g.CriterionCode, g.Reason)).ToList(),
            appeal.State,
            competition.AppealRuledBy,
            appeal.RuledAs,
            appeal.RuledAt,
            appeal.RulingReasons,
            staff ? earlier?.Total : null,
            reEvaluated?.Total,
            appeal.State == AppealState.Lodged && staff && await AppealRulers.MayRuleAsync(db, competition, user, cancellationToken),
            appeal.Version);
    }
}

public sealed record AppealCriterionOption(string Code, string NamePl, string NameEn);

/// <summary>What the appeal form shows: whether an appeal is possible now and until when, the criteria to pick, and an appeal already lodged.</summary>
public sealed record AppealFormView(
    Guid DecisionId,
    string ApplicationNumber,
    string ClusterName,
    string CompetitionName,
    bool Negative,
    bool Delivered,
    DateOnly? LastDay,
    bool InTime,
    Guid? ExistingAppealId,
    IReadOnlyList<AppealCriterionOption> Criteria);

/// <summary>The applicant's appeal form for one of his decisions (anybody else's decision is "not found").</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record GetAppealForm(Guid DecisionId) : IQuery<AppealFormView>, IOwnDecisionRequest;

public sealed class GetAppealFormValidator : AbstractValidator<GetAppealForm>
{
    public GetAppealFormValidator() => RuleFor(x => x.DecisionId).NotEmpty();
}

public sealed class GetAppealFormAuthorizer(IAppDbContext db) : OwnDecisionAuthorizer<GetAppealForm>(db);

public sealed class GetAppealFormHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetAppealForm, AppealFormView>
{
    public async ValueTask<AppealFormView> Handle(GetAppealForm query, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DecisionId, cancellationToken)
            ?? throw new NotFoundException("Decision", query.DecisionId);
        var competition = await AppealData.LoadCompetitionAsync(db, decision.CompetitionId, cancellationToken);
        var application = await db.Applications.AsNoTracking().IgnoreAutoIncludes().SingleAsync(a => a.Id == decision.ApplicationId, cancellationToken);
        var clusterName = await AppealData.ClusterNameAsync(db, application, cancellationToken);
        var existing = await db.Appeals.AsNoTracking().Where(a => a.DecisionId == decision.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return new AppealFormView(
            decision.Id,
            application.Number ?? "",
            clusterName,
            competition.Name,
            decision.Outcome == DecisionOutcome.Negative,
            decision.DeliveredAt is not null,
            decision.AppealDeadline is { } deadline ? Appeal.LastDay(deadline) : null,
            decision.IsAppealable && decision.IsWithinAppealWindow(clock.GetUtcNow()) && existing is null,
            existing,
            competition.Criteria.OrderBy(c => c.Order).Select(c => new AppealCriterionOption(c.Code, c.NamePl, c.NameEn)).ToList());
    }
}
