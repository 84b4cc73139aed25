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
    /// A new assignment. Nothing of the application's content: the expert has not signed the declaration of impartiality yet.
    /// An expert not linked to an account yet cannot be in the pool, so the recipient list is never empty in practice.
    /// </summary>
    public static OutboxEnvelope Assigned(ExpertAssignment assignment, Competition competition, ApplicationFacts facts, Expert expert) => new(
        AssignmentMessages.Assigned,
        expert.UserId is { } userId ? [userId] : [],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["applicationNumber"] = facts.Number,
            ["clusterName"] = facts.ClusterName,
            ["competitionName"] = competition.Name,
            ["deadline"] = DeadlineDay(assignment.Deadline),
        },
        AssignmentLink(assignment.Id));

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
