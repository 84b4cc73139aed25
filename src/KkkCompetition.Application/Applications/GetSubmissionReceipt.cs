using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// The receipt of a submission (UPO) as PDF: number, competition, cluster, coordinator, time of submission and the SHA-256 of
/// the submitted snapshot, all read from that snapshot. The same bytes on every download. The owner; officials read only.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetSubmissionReceipt(Guid ApplicationId) : IQuery<ReceiptFile>, IApplicationRequest;

public sealed record ReceiptFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/pdf";
}

public sealed class GetSubmissionReceiptValidator : AbstractValidator<GetSubmissionReceipt>
{
    public GetSubmissionReceiptValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetSubmissionReceiptHandler(IAppDbContext db, ISubmissionReceiptRenderer renderer) : IQueryHandler<GetSubmissionReceipt, ReceiptFile>
{
    public async ValueTask<ReceiptFile> Handle(GetSubmissionReceipt query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.Id == query.ApplicationId)
            .Select(a => new { a.Id, a.Number, a.SubmittedAt })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        if (application.Number is null || application.SubmittedAt is null)
        {
            throw new BusinessRuleViolation("application.not_submitted", "The application has not been submitted: there is no receipt yet.");
        }

        var snapshot = await SubmissionSnapshots.FindAsync(db, application.Id, cancellationToken);
        var content = ApplicationSnapshots.Read(snapshot);
        var receipt = new SubmissionReceipt(
            application.Id,
            application.Number,
            content.Competition.Name,
            content.Competition.Year,
            content.Competition.Round,
            content.Cluster.Name,
            content.Organisation.Name,
            content.Organisation.Nip,
            application.SubmittedAt.Value,
            snapshot.Sha256);
        return new ReceiptFile($"UPO-{application.Number.Replace('/', '-')}.pdf", renderer.Render(receipt));
    }
}
