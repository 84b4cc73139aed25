using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>
/// The official enters the day the decision was delivered on paper (officials): the appeal window runs from it. Refused
/// with 409 <c>decision.already_delivered</c> when the decision was delivered already (in the portal or on paper) and
/// <c>decision.delivery_date_out_of_range</c> for a day before the decision or after today. An appealable decision's
/// applicant is told the last day of the appeal window through the outbox. Answers the decision's new version.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record RecordPaperDelivery(Guid DecisionId, DateOnly? DeliveredOn, int Version) : ICommand<int>;

public sealed class RecordPaperDeliveryValidator : AbstractValidator<RecordPaperDelivery>
{
    public RecordPaperDeliveryValidator()
    {
        RuleFor(x => x.DecisionId).NotEmpty();
        RuleFor(x => x.DeliveredOn).NotNull();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class RecordPaperDeliveryHandler(IAppDbContext db, IOutbox outbox, TimeProvider clock) : ICommandHandler<RecordPaperDelivery, int>
{
    public async ValueTask<int> Handle(RecordPaperDelivery command, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.SingleOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken)
            ?? throw new NotFoundException("CertificationDecision", command.DecisionId);
        db.ExpectVersion(decision, command.Version);
        decision.RecordPaperDelivery(command.DeliveredOn!.Value, clock.GetUtcNow());

        if (decision.IsAppealable && decision.AppealLastDay is { } lastDay)
        {
            var facts = await (
                    from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                    where a.Id == decision.ApplicationId
                    join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on a.ClusterId equals c.Id
                    join k in db.Competitions.AsNoTracking().IgnoreAutoIncludes() on a.CompetitionId equals k.Id
                    select new { a.OwnerUserId, a.Number, ClusterName = c.Name, CompetitionName = k.Name })
                .SingleAsync(cancellationToken);
            await outbox.EnqueueAsync(
                new OutboxEnvelope(
                    DecisionMessages.DeliveredOnPaper,
                    [facts.OwnerUserId],
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["applicationNumber"] = facts.Number ?? "",
                        ["clusterName"] = facts.ClusterName,
                        ["competitionName"] = facts.CompetitionName,
                        ["resolutionNumber"] = decision.ResolutionNumber,
                        ["deliveredOn"] = DecisionLinks.Day(command.DeliveredOn.Value),
                        ["appealLastDay"] = DecisionLinks.Day(lastDay),
                        ["appealWindowDays"] = decision.AppealWindowDays.ToString(CultureInfo.InvariantCulture),
                    },
                    DecisionLinks.Page(decision.Id)),
                cancellationToken);
        }

        return decision.Version + 1;
    }
}
