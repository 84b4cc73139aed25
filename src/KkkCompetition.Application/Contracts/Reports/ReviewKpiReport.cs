using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>What an acceptance did: the report's new version and the contract's achievement recomputed with it.</summary>
public sealed record KpiReportAccepted(int Version, decimal? AchievementPercent, int AchievementReports);

/// <summary>
/// The official accepts a submitted report (<c>KpiReport.Accept</c>): it is final, and the contract's stored achievement is
/// recomputed with it. The coordinator is told.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record AcceptKpiReport(Guid ReportId, int Version) : ICommand<KpiReportAccepted>, IKpiReportRequest;

public sealed class AcceptKpiReportValidator : AbstractValidator<AcceptKpiReport>
{
    public AcceptKpiReportValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class AcceptKpiReportAuthorizer(IAppDbContext db) : KpiReportAuthorizer<AcceptKpiReport>(db);

public sealed class AcceptKpiReportHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<AcceptKpiReport, KpiReportAccepted>
{
    public async ValueTask<KpiReportAccepted> Handle(AcceptKpiReport command, CancellationToken cancellationToken)
    {
        // The contract's row first: an amendment's approval recomputes the same achievement.
        var (report, contract) = await ReportData.LoadAsync(db, command.ReportId, command.Version, lockContract: true, cancellationToken);
        var now = clock.GetUtcNow();
        report.Accept(user.UserId!.Value, now);
        var achievement = await ContractAchievements.RefreshAsync(db, contract, report, now, cancellationToken);
        var coordinator = await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken);
        await outbox.EnqueueAsync(ReportData.Accepted(contract, report, coordinator), cancellationToken);
        return new KpiReportAccepted(report.Version + 1, contract.AchievementPercent, achievement.Reports);
    }
}

/// <summary>
/// The official returns a submitted report for correction (<c>KpiReport.Return</c>) with comments per KPI and/or a general
/// one — at least one. The coordinator is told with the comments; the report can then be corrected and submitted again.
/// Answers the new version.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ReturnKpiReport(Guid ReportId, IReadOnlyList<KpiReviewComment>? KpiComments, string? Comment, int Version) : ICommand<int>, IKpiReportRequest;

public sealed class ReturnKpiReportValidator : AbstractValidator<ReturnKpiReport>
{
    public ReturnKpiReportValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Comment).MaximumLength(KpiReport.MaxCommentLength);
        RuleForEach(x => x.KpiComments).NotNull().ChildRules(comment =>
        {
            comment.RuleFor(c => c.KpiCode).NotEmpty().MaximumLength(ContractKpi.MaxCodeLength);
            comment.RuleFor(c => c.Comment).MaximumLength(KpiReport.MaxCommentLength);
        });
        RuleFor(x => x.KpiComments)
            .Must(comments => comments!.Where(c => c is not null).Select(c => c.KpiCode).Distinct(StringComparer.Ordinal).Count() == comments!.Count(c => c is not null))
            .When(x => x.KpiComments is not null)
            .WithMessage("Each KPI is commented once.").WithErrorCode("report.kpi_repeated");
    }
}

public sealed class ReturnKpiReportAuthorizer(IAppDbContext db) : KpiReportAuthorizer<ReturnKpiReport>(db);

public sealed class ReturnKpiReportHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock, ICurrentUser user) : ICommandHandler<ReturnKpiReport, int>
{
    public async ValueTask<int> Handle(ReturnKpiReport command, CancellationToken cancellationToken)
    {
        var (report, contract) = await ReportData.LoadAsync(db, command.ReportId, command.Version, lockContract: false, cancellationToken);
        var comments = (command.KpiComments ?? []).ToDictionary(c => c.KpiCode, c => c.Comment ?? "", StringComparer.Ordinal);
        report.Return(user.UserId!.Value, comments, command.Comment, clock.GetUtcNow());
        var coordinator = await ContractData.CoordinatorAsync(db, contract.ClusterId, cancellationToken);
        await outbox.EnqueueAsync(ReportData.Returned(contract, report, coordinator), cancellationToken);
        return report.Version + 1;
    }
}
