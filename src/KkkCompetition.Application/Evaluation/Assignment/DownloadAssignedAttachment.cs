using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// A file of the application the expert scores (experts, own assignment, while he may read its content: see
/// <see cref="AssignedContentAuthorizer{TRequest}"/>). Only a file of the snapshot the expert reads counts, never one the
/// applicant attached later. A read, not a state change: not audited (domain guide, section 9).
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record DownloadAssignedAttachment(Guid AssignmentId, Guid AttachmentId) : IQuery<AttachmentContent>, IAssignmentRequest;

public sealed class DownloadAssignedAttachmentValidator : AbstractValidator<DownloadAssignedAttachment>
{
    public DownloadAssignedAttachmentValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.AttachmentId).NotEmpty();
    }
}

public sealed class DownloadAssignedAttachmentHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<DownloadAssignedAttachment, AttachmentContent>
{
    public async ValueTask<AttachmentContent> Handle(DownloadAssignedAttachment query, CancellationToken cancellationToken)
    {
        var applicationId = await db.ExpertAssignments.Where(a => a.Id == query.AssignmentId).Select(a => (Guid?)a.ApplicationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Assignment", query.AssignmentId);
        var snapshot = await AssignmentAccess.LatestSnapshotAsync(db, applicationId, cancellationToken);
        var attachment = ApplicationSnapshots.Read(snapshot).Attachments.FirstOrDefault(a => a.Id == query.AttachmentId)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
        return store.OpenAttachment(attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256);
    }
}

/// <summary>Where the browser downloads the files of an assigned application (the API serves the same under /api/v1/assignments).</summary>
public static class AssignmentLinks
{
    /// <summary>Downloads for the signed-in browser (cookie).</summary>
    public const string FilesPrefix = "/files/assignments";

    public static string Attachment(Guid assignmentId, Guid attachmentId) => $"{FilesPrefix}/{assignmentId}/attachments/{attachmentId}";
}
