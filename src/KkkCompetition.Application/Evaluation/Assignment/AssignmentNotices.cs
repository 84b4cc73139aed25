using System.Globalization;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>The messages to experts about their assignments, and the pages they link to.</summary>
public static class AssignmentNotices
{
    /// <summary>The expert's page of one assignment: the declaration, then the application.</summary>
    public static string AssignmentLink(Guid assignmentId) => $"/my-assignments/{assignmentId}";

    public const string MyAssignmentsLink = "/my-assignments";

    /// <summary>The official's board of a competition's assignment.</summary>
    public static string BoardLink(Guid competitionId) => $"/assignments/{competitionId}";

    /// <summary>The last day of the deadline in Warsaw, as the notices and pages show it.</summary>
    public static string DeadlineDay(DateTimeOffset deadline) =>
        WorkingDayCalendar.ToWarsawDate(deadline).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// One notice per expert for the assignments one command gave him (a run gives an expert several), listing each
    /// application by number, cluster and deadline — nothing of the content: he has not signed the declarations yet. The link
    /// opens the assignment itself when there is one, otherwise the list. An expert without an account gets none (he cannot
    /// be in the pool anyway).
    /// </summary>
    public static IReadOnlyList<OutboxEnvelope> Assigned(
        IReadOnlyList<ExpertAssignment> assignments, Competition competition, IReadOnlyDictionary<Guid, ApplicationFacts> facts, Func<Guid, Expert> expertOf) =>
        assignments
            .GroupBy(a => a.ExpertId)
            .Select(group =>
            {
                var own = group.OrderBy(a => facts[a.ApplicationId].Number, StringComparer.Ordinal).ToList();
                var expert = expertOf(group.Key);
                return new OutboxEnvelope(
                    AssignmentMessages.Assigned,
                    expert.UserId is { } userId ? [userId] : [],
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["competitionName"] = competition.Name,
                        ["count"] = own.Count.ToString(CultureInfo.InvariantCulture),
                        ["applications.pl"] = string.Join('\n', own.Select(a => $"- {facts[a.ApplicationId].Number}, klaster {facts[a.ApplicationId].ClusterName}, termin oceny: {DeadlineDay(a.Deadline)}")),
                        ["applications.en"] = string.Join('\n', own.Select(a => $"- {facts[a.ApplicationId].Number}, cluster {facts[a.ApplicationId].ClusterName}, scoring deadline: {DeadlineDay(a.Deadline)}")),
                    },
                    own.Count == 1 ? AssignmentLink(own[0].Id) : MyAssignmentsLink);
            })
            .Where(e => e.RecipientUserIds.Count > 0)
            .ToList();

    public static OutboxEnvelope Released(string applicationNumber, string clusterName, string competitionName, string reason, Guid? expertUserId) => new(
        AssignmentMessages.Released,
        expertUserId is { } userId ? [userId] : [],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["applicationNumber"] = applicationNumber,
            ["clusterName"] = clusterName,
            ["competitionName"] = competitionName,
            ["reason"] = reason,
        },
        MyAssignmentsLink);
}
