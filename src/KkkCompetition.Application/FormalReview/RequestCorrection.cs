using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// The one correction request (wezwanie do uzupełnienia) of an application (officials): the sections it reopens, each
/// with what to fix. The window is the competition's; the deadline runs from delivery. The applicant is notified.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RequestCorrection(Guid ApplicationId, IReadOnlyList<CorrectionItemInput> Items, int Version) : ICommand<CorrectionRequested>;

/// <summary>One thing to fix: a section key (<c>indicators</c>, <c>narrative:A</c>, <c>attachments:Statute</c>) and what is wrong there.</summary>
public sealed record CorrectionItemInput(string Section, string Description);

public sealed record CorrectionRequested(int Version, DateTimeOffset DeadlineAt, DateOnly LastDay);

public sealed class RequestCorrectionValidator : AbstractValidator<RequestCorrection>
{
    public const int MaxItems = 50;
    public const int MaxDescriptionLength = 2000;

    public RequestCorrectionValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Items).NotNull().NotEmpty().Must(items => items.Count <= MaxItems).WithMessage($"At most {MaxItems} items.");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Section).NotEmpty().MaximumLength(60);
            item.RuleFor(i => i.Description).NotEmpty().MaximumLength(MaxDescriptionLength);
        });
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RequestCorrectionHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<RequestCorrection, CorrectionRequested>
{
    public async ValueTask<CorrectionRequested> Handle(RequestCorrection command, CancellationToken cancellationToken)
    {
        var application = await FormalReviewData.LoadApplicationAsync(db, command.ApplicationId, cancellationToken);
        db.ExpectVersion(application, command.Version);
        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        var correction = application.RequestCorrection(
            command.Items.Select(i => new CorrectionItem(i.Section.Trim(), i.Description.Trim())).ToList(),
            competition.CorrectionWindowDays,
            clock.GetUtcNow());
        db.CorrectionRequests.Add(correction);

        var clusterName = await FormalReviewData.ClusterNameAsync(db, application.ClusterId, cancellationToken);
        await outbox.EnqueueAsync(FormalReviewData.CorrectionNotice(application, clusterName, competition), cancellationToken);
        return new CorrectionRequested(application.Version + 1, correction.DeadlineAt, FormalReviewRules.LastDay(correction.DeadlineAt));
    }
}
