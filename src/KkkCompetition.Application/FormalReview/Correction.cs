using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>The correction request of an application as its owner reads it (officials may read it too); none is "not found".</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetCorrectionRequest(Guid ApplicationId) : IQuery<CorrectionRequestView>;

public sealed record CorrectionRequestView(
    Guid ApplicationId,
    string? Number,
    string ClusterName,
    string CompetitionName,
    ApplicationStatus Status,
    int Version,
    CorrectionDto Correction,
    bool CanAnswer);

/// <summary>
/// The applicant opened the correction request (owner only; the correction page sends it): the first time, before delivery
/// is deemed, this is its delivery and the deadline runs from today. Audited; later calls change nothing.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record OpenCorrectionRequest(Guid ApplicationId) : ICommand<CorrectionOpened>;

public sealed record CorrectionOpened(bool DeliveryRecorded, DateTimeOffset DeadlineAt, DateOnly LastDay);

/// <summary>
/// The applicant's one answer to the correction request (owner only), before its deadline, after editing the reopened
/// sections: freezes a new snapshot of kind <see cref="SnapshotKind.Correction"/>. <see cref="Version"/> is the application's.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record AnswerCorrection(Guid ApplicationId, string Answer, int Version) : ICommand<CorrectionAnswered>;

public sealed record CorrectionAnswered(int Version, string SnapshotSha256);

public sealed class GetCorrectionRequestValidator : AbstractValidator<GetCorrectionRequest>
{
    public GetCorrectionRequestValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class OpenCorrectionRequestValidator : AbstractValidator<OpenCorrectionRequest>
{
    public OpenCorrectionRequestValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class AnswerCorrectionValidator : AbstractValidator<AnswerCorrection>
{
    public AnswerCorrectionValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(CorrectionRequest.MaxAnswerLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetCorrectionRequestHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetCorrectionRequest, CorrectionRequestView>
{
    public async ValueTask<CorrectionRequestView> Handle(GetCorrectionRequest query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        var correction = GetFormalReviewHandler.CorrectionOf(application, competition) ?? throw new NotFoundException("CorrectionRequest", query.ApplicationId);
        var clusterName = await FormalReviewData.ClusterNameAsync(db, application.ClusterId, cancellationToken);
        var canAnswer = application.Status == ApplicationStatus.CorrectionRequested && !application.Correction!.IsOverdueAt(clock.GetUtcNow());
        return new CorrectionRequestView(application.Id, application.Number, clusterName, competition.Name, application.Status, application.Version, correction, canAnswer);
    }
}

public sealed class OpenCorrectionRequestHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<OpenCorrectionRequest, CorrectionOpened>
{
    public async ValueTask<CorrectionOpened> Handle(OpenCorrectionRequest command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        var correction = application.Correction ?? throw new NotFoundException("CorrectionRequest", command.ApplicationId);
        var recorded = application.MarkCorrectionDelivered(clock.GetUtcNow());
        return new CorrectionOpened(recorded, correction.DeadlineAt, FormalReviewRules.LastDay(correction.DeadlineAt));
    }
}

public sealed class AnswerCorrectionHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AnswerCorrection, CorrectionAnswered>
{
    public async ValueTask<CorrectionAnswered> Handle(AnswerCorrection command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var now = clock.GetUtcNow();

        // A refused answer saves nothing: the pipeline saves only when the handler returns.
        var snapshot = await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Correction, application.Number, now, cancellationToken);
        application.AnswerCorrection(command.Answer, snapshot.Sha256, now);
        return new CorrectionAnswered(application.Version + 1, snapshot.Sha256);
    }
}
