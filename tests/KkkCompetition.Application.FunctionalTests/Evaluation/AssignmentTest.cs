using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>Base of the assignment tests: formally accepted applications and experts built the domain's way, and the reads the tests check.</summary>
public abstract class AssignmentTest(DatabaseFixture database) : FunctionalTest(database)
{
    protected AssignmentArrange Arrange => new(Services, Database.Clock);

    /// <summary>A competition with <paramref name="expertsPerApplication"/> experts per application and accepted applications of the given clusters.</summary>
    protected async Task<(Guid CompetitionId, IReadOnlyList<SubmittedApplication> Applications)> AcceptedAsync(int expertsPerApplication, params string[] clusters)
    {
        var competitionId = await Arrange.CompetitionAsync(expertsPerApplication, cancellationToken: Ct);
        return (competitionId, await Arrange.AcceptedAsync(competitionId, clusters, cancellationToken: Ct));
    }

    protected Task<IReadOnlyList<PoolExpert>> ExpertsAsync(int count, ExpertShape? shape = null, string prefix = "Ekspert") =>
        Arrange.ExpertsAsync([.. Enumerable.Range(1, count).Select(i => ($"{prefix} {i:00}", shape ?? new ExpertShape()))], Ct);

    protected Task<AssignmentRunSummary> RunAsync(Guid competitionId) => Send(TestUsers.Official, new RunAssignment(competitionId));

    protected Task<List<ExpertAssignment>> AssignmentsAsync(Guid? applicationId = null) =>
        Read(db => db.ExpertAssignments.AsNoTracking().Where(a => applicationId == null || a.ApplicationId == applicationId).OrderBy(a => a.AssignedAt).ThenBy(a => a.Id).ToListAsync(Ct));

    protected Task<List<ExpertAssignment>> ActiveAsync(Guid applicationId) =>
        Read(db => db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted || a.Status == AssignmentStatus.Submitted)).ToListAsync(Ct));

    protected Task<ExpertAssignment> AssignmentAsync(Guid assignmentId) =>
        Read(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId, Ct));

    /// <summary>The expert's active assignment on the application.</summary>
    protected async Task<ExpertAssignment> AssignmentOfAsync(Guid applicationId, Guid expertId) =>
        (await ActiveAsync(applicationId)).Single(a => a.ExpertId == expertId);

    protected async Task<DeclarationSigned> SignAsync(PoolExpert expert, Guid assignmentId)
    {
        var version = (await AssignmentAsync(assignmentId)).Version;
        return await Send(expert.Caller, new SignDeclaration(assignmentId, version));
    }

    protected async Task<ConflictDeclared> DeclareConflictAsync(PoolExpert expert, Guid assignmentId, string reason = "Pracowałem dla członka klastra w 2025 r.")
    {
        var version = (await AssignmentAsync(assignmentId)).Version;
        return await Send(expert.Caller, new DeclareConflict(assignmentId, reason, version));
    }

    protected async Task<ReleaseOutcome> ReleaseAsync(Guid assignmentId, string reason = "Ekspert zachorował.")
    {
        var version = (await AssignmentAsync(assignmentId)).Version;
        return await Send(TestUsers.Official, new ReleaseAssignment(assignmentId, reason, version));
    }

    protected Task<ApplicationStatus> StatusAsync(Guid applicationId) =>
        Read(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync(Ct));

    protected Task<List<OutboxMessage>> OutboxAsync(string templateKey) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == templateKey).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Ct));
}
