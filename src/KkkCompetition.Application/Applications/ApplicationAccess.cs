using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>A request about one application.</summary>
public interface IApplicationRequest
{
    Guid ApplicationId { get; }
}

/// <summary>Changes go to the owner only: anybody else's application is "not found".</summary>
public abstract class ApplicationOwnerAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IApplicationRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await ApplicationAccess.IsOwnedBy(db, request.ApplicationId, userId, cancellationToken);
}

/// <summary>The owner reads his or her application; officials read any (their request types are read-only queries).</summary>
public abstract class ApplicationReaderAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IApplicationRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId && await ApplicationAccess.IsOwnedBy(db, request.ApplicationId, userId, cancellationToken));
}

public sealed class GetApplicationAuthorizer(IAppDbContext db) : ApplicationReaderAuthorizer<GetApplication>(db);

public sealed class GetApplicationCompletenessAuthorizer(IAppDbContext db) : ApplicationReaderAuthorizer<GetApplicationCompleteness>(db);

public sealed class DownloadApplicationAttachmentAuthorizer(IAppDbContext db) : ApplicationReaderAuthorizer<DownloadApplicationAttachment>(db);

public sealed class GetSubmissionReceiptAuthorizer(IAppDbContext db) : ApplicationReaderAuthorizer<GetSubmissionReceipt>(db);

public sealed class SaveApplicationIndicatorsAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<SaveApplicationIndicators>(db);

public sealed class SaveApplicationNarrativeAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<SaveApplicationNarrative>(db);

public sealed class UploadApplicationAttachmentAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<UploadApplicationAttachment>(db);

public sealed class RemoveApplicationAttachmentAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<RemoveApplicationAttachment>(db);

public sealed class SubmitApplicationAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<SubmitApplication>(db);

public sealed class WithdrawApplicationAuthorizer(IAppDbContext db) : ApplicationOwnerAuthorizer<WithdrawApplication>(db);

internal static class ApplicationAccess
{
    public static Task<bool> IsOwnedBy(IAppDbContext db, Guid applicationId, Guid userId, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(a => a.Id == applicationId && a.OwnerUserId == userId, cancellationToken);

    /// <summary>
    /// The application with its sections, tracked. Split into one query per collection: a single query would multiply the
    /// rows of the sections by one another.
    /// </summary>
    public static async Task<KkkApplication> LoadAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.Applications.AsSplitQuery().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
        ?? throw new NotFoundException("Application", applicationId);
}
