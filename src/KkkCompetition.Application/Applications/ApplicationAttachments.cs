using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// Attaches an uploaded file to a section of the application (the owner, while that section may be edited). The caller
/// stages the upload first (<see cref="IAttachmentStore.StageAsync"/>: size, type by content, virus scan, hash), outside this
/// command's transaction, so a slow upload never holds the database; this command names the file safely, records it and
/// moves it into the store. Answers the attachment and the application's new version.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record UploadApplicationAttachment(Guid ApplicationId, AttachmentKind Kind, string FileName, StagedAttachment File)
    : ICommand<AttachmentUploaded>, IApplicationRequest;

public sealed record AttachmentUploaded(AttachmentDto Attachment, int Version);

public sealed class UploadApplicationAttachmentValidator : AbstractValidator<UploadApplicationAttachment>
{
    public UploadApplicationAttachmentValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(1_000);
        RuleFor(x => x.File).NotNull();
    }
}

public sealed class UploadApplicationAttachmentHandler(IAppDbContext db, IAttachmentStore store, TimeProvider clock)
    : ICommandHandler<UploadApplicationAttachment, AttachmentUploaded>
{
    public async ValueTask<AttachmentUploaded> Handle(UploadApplicationAttachment command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        var file = command.File;
        var attachment = application.AddAttachment(
            command.Kind,
            AttachmentFileName.Sanitise(command.FileName, file.Type),
            file.Type.ContentType,
            file.SizeBytes,
            file.Sha256,
            clock.GetUtcNow());

        // Kept only once the application accepted it. Should the transaction still fail, the stored file is merely unused
        // (content-addressed, so a later upload of the same bytes finds it), never a record without its file.
        await store.KeepAsync(file, cancellationToken);
        return new AttachmentUploaded(ApplicationViews.Attachment(attachment), application.Version + 1);
    }
}

/// <summary>Removes an attachment (the owner, while its section may be edited); the file stays in the store. Answers the new version.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record RemoveApplicationAttachment(Guid ApplicationId, Guid AttachmentId) : ICommand<int>, IApplicationRequest;

public sealed class RemoveApplicationAttachmentValidator : AbstractValidator<RemoveApplicationAttachment>
{
    public RemoveApplicationAttachmentValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.AttachmentId).NotEmpty();
    }
}

public sealed class RemoveApplicationAttachmentHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RemoveApplicationAttachment, int>
{
    public async ValueTask<int> Handle(RemoveApplicationAttachment command, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.LoadAsync(db, command.ApplicationId, cancellationToken);
        if (application.Attachments.All(a => a.Id != command.AttachmentId))
        {
            throw new NotFoundException("Attachment", command.AttachmentId);
        }

        application.RemoveAttachment(command.AttachmentId, clock.GetUtcNow());
        return application.Version + 1;
    }
}

/// <summary>An attachment's content, with its safe name and type (the owner; officials read only).</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record DownloadApplicationAttachment(Guid ApplicationId, Guid AttachmentId) : IQuery<AttachmentContent>, IApplicationRequest;

/// <summary>An open stream of the stored file; the caller disposes it.</summary>
public sealed record AttachmentContent(string FileName, string ContentType, long SizeBytes, string Sha256, Stream Content);

public sealed class DownloadApplicationAttachmentValidator : AbstractValidator<DownloadApplicationAttachment>
{
    public DownloadApplicationAttachmentValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.AttachmentId).NotEmpty();
    }
}

public sealed class DownloadApplicationAttachmentHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<DownloadApplicationAttachment, AttachmentContent>
{
    public async ValueTask<AttachmentContent> Handle(DownloadApplicationAttachment query, CancellationToken cancellationToken)
    {
        var attachment = await db.Applications.AsNoTracking()
            .Where(a => a.Id == query.ApplicationId)
            .SelectMany(a => a.Attachments)
            .Where(f => f.Id == query.AttachmentId)
            .Select(f => new { f.FileName, f.ContentType, f.SizeBytes, f.Sha256 })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
        return store.OpenAttachment(query.AttachmentId, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256);
    }
}

/// <summary>How every download of an attachment, whoever asks, is served from the store.</summary>
internal static class AttachmentDownloads
{
    /// <summary>
    /// The stored file under its recorded name and type. A recorded attachment whose file is gone is a fault of the store
    /// (files are never deleted), not the caller's "not found".
    /// </summary>
    public static AttachmentContent OpenAttachment(this IAttachmentStore store, Guid attachmentId, string fileName, string contentType, long sizeBytes, string sha256)
    {
        var content = store.OpenRead(sha256)
            ?? throw new InvalidOperationException($"The file {sha256} of attachment {attachmentId} is missing from the store.");
        return new AttachmentContent(fileName, contentType, sizeBytes, sha256, content);
    }
}
