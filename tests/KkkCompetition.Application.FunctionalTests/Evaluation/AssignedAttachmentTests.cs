using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The expert downloads the files of the application he scores: his own assignment, after the declaration, while it is his, and only the files of the snapshot he reads.</summary>
public abstract class AssignedAttachmentTests(DatabaseFixture database) : AssignmentTest(database)
{
    private static readonly ApplicationShape WithFiles = new() { StoreAttachmentFiles = true };

    /// <summary>One application with its files in the store and two experts assigned to it, neither signed yet.</summary>
    private async Task<(SubmittedApplication Application, PoolExpert First, Guid FirstAssignment, PoolExpert Second, Guid SecondAssignment)> AssignedAsync(int experts = 2)
    {
        var competitionId = await Arrange.CompetitionAsync(2, cancellationToken: Ct);
        var application = await Arrange.AcceptedAsync(competitionId, "Klaster Alfa", WithFiles, Ct);
        var pool = await ExpertsAsync(experts);
        var run = await RunAsync(competitionId);
        var (first, second) = (run.Pairs[0], run.Pairs[1]);
        return (application, pool.Single(e => e.Id == first.ExpertId), first.AssignmentId, pool.Single(e => e.Id == second.ExpertId), second.AssignmentId);
    }

    private Task<Guid> FirstFileAsync(Guid applicationId) =>
        Read(db => db.Applications.Where(a => a.Id == applicationId).SelectMany(a => a.Attachments).Select(f => f.Id).FirstAsync(Ct));

    private async Task<IReadOnlyList<SnapshotAttachment>> AttachmentsSeenAsync(PoolExpert expert, Guid assignmentId) =>
        (await Send(expert.Caller, new GetAssignedApplication(assignmentId))).Content!.Attachments;

    private async Task SubmitSheetAsync(PoolExpert expert, Guid assignmentId)
    {
        var criteria = await new ScoringArrange(Services, Database.Clock).CriteriaAsync((await AssignmentAsync(assignmentId)).CompetitionId, Ct);
        var sheet = await Send(expert.Caller, new GetScoreSheet(assignmentId));
        var saved = await Send(expert.Caller, new SaveScoreSheetDraft(assignmentId, ScoringArrange.Sheet(criteria, 5m), ScoringArrange.Opinion, sheet.Version));
        await Send(expert.Caller, new SubmitScoreSheet(assignmentId, saved.Version));
    }

    private static async Task<byte[]> BytesAsync(AttachmentContent file)
    {
        await using (file.Content)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy, Ct);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task The_assigned_expert_who_signed_downloads_every_file_of_the_snapshot_he_reads()
    {
        var (application, expert, assignmentId, _, _) = await AssignedAsync();
        await SignAsync(expert, assignmentId);

        var attachments = await AttachmentsSeenAsync(expert, assignmentId);

        Assert.Equal(ApplicationAttachment.MandatoryKinds.Order(), attachments.Select(a => a.Kind).Order());
        foreach (var attachment in attachments)
        {
            Assert.NotEqual(Guid.Empty, attachment.Id);
            var file = await Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, attachment.Id));
            var bytes = await BytesAsync(file);
            Assert.Equal(SubmittedApplications.AttachmentContent(application.ClusterName, attachment.Kind), bytes);
            Assert.Equal((attachment.FileName, "application/pdf", attachment.Sha256, (long)bytes.Length), (file.FileName, file.ContentType, file.Sha256, file.SizeBytes));
        }

        // A submitted sheet does not close the application: he may still read what he scored.
        await SubmitSheetAsync(expert, assignmentId);
        Assert.Equal(AssignmentStatus.Submitted, (await AssignmentAsync(assignmentId)).Status);
        var again = await Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, attachments[0].Id));
        Assert.Equal(attachments[0].Sha256, again.Sha256);
        await again.Content.DisposeAsync();
    }

    [Fact]
    public async Task Before_the_declaration_the_files_are_not_found()
    {
        var (application, expert, assignmentId, _, _) = await AssignedAsync();
        var attachmentId = await FirstFileAsync(application.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, attachmentId)));

        // The same file once he has signed: only the declaration stood in the way.
        await SignAsync(expert, assignmentId);
        await (await Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, attachmentId))).Content.DisposeAsync();
    }

    [Fact]
    public async Task Another_experts_assignment_is_not_found_even_to_an_expert_of_the_same_application()
    {
        var (_, first, firstAssignment, second, secondAssignment) = await AssignedAsync();
        await SignAsync(first, firstAssignment);
        await SignAsync(second, secondAssignment);
        var attachment = (await AttachmentsSeenAsync(first, firstAssignment))[0];

        await Assert.ThrowsAsync<NotFoundException>(() => Send(second.Caller, new DownloadAssignedAttachment(firstAssignment, attachment.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Expert, new DownloadAssignedAttachment(firstAssignment, attachment.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(first.Caller, new DownloadAssignedAttachment(Guid.NewGuid(), attachment.Id)));
        // Other roles may not send the expert's request at all; the owner and officials download through the application.
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new DownloadAssignedAttachment(firstAssignment, attachment.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new DownloadAssignedAttachment(firstAssignment, attachment.Id)));
    }

    [Fact]
    public async Task After_a_declared_conflict_or_a_release_the_files_are_not_found()
    {
        var (_, conflicted, conflictedAssignment, released, releasedAssignment) = await AssignedAsync(4);
        await SignAsync(conflicted, conflictedAssignment);
        await SignAsync(released, releasedAssignment);
        var attachment = (await AttachmentsSeenAsync(conflicted, conflictedAssignment))[0];
        await (await Send(released.Caller, new DownloadAssignedAttachment(releasedAssignment, attachment.Id))).Content.DisposeAsync();

        await DeclareConflictAsync(conflicted, conflictedAssignment);
        await ReleaseAsync(releasedAssignment);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(conflicted.Caller, new DownloadAssignedAttachment(conflictedAssignment, attachment.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(released.Caller, new DownloadAssignedAttachment(releasedAssignment, attachment.Id)));
    }

    [Fact]
    public async Task A_file_outside_the_snapshot_of_the_assigned_application_is_not_found()
    {
        var (application, expert, assignmentId, _, _) = await AssignedAsync();
        await SignAsync(expert, assignmentId);
        var competitionId = await Arrange.CompetitionAsync(2, cancellationToken: Ct);
        var other = await Arrange.AcceptedAsync(competitionId, "Klaster Beta", WithFiles, Ct);
        var othersFile = await FirstFileAsync(other.Id);
        Assert.NotEqual(application.Id, other.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, othersFile)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(expert.Caller, new DownloadAssignedAttachment(assignmentId, Guid.NewGuid())));
    }

    [Fact]
    public async Task Missing_ids_are_refused_naming_the_field()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Expert, new DownloadAssignedAttachment(Guid.Empty, Guid.Empty)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(DownloadAssignedAttachment.AssignmentId));
        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(DownloadAssignedAttachment.AttachmentId));
    }
}

public sealed class AssignedAttachmentTestsOnSqlite(SqliteDatabaseFixture database) : AssignedAttachmentTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AssignedAttachmentTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AssignedAttachmentTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
