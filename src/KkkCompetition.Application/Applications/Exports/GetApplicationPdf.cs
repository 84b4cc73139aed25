using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications.Exports;

/// <summary>
/// A submitted application as PDF, from its latest snapshot (the corrected one after a correction), as the evaluators
/// will read it (officials, and the owner; anyone else gets "not found"). A draft has no copy: 409.
/// </summary>
[AllowedRoles(Roles.Official, Roles.Applicant)]
public sealed record GetApplicationPdf(Guid ApplicationId) : IQuery<ExportedFile>;

public sealed class GetApplicationPdfValidator : AbstractValidator<GetApplicationPdf>
{
    public GetApplicationPdfValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetApplicationPdfHandler(IAppDbContext db, IApplicationPdfWriter writer) : IQueryHandler<GetApplicationPdf, ExportedFile>
{
    public const string PdfContentType = "application/pdf";

    public async ValueTask<ExportedFile> Handle(GetApplicationPdf query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
                .Where(a => a.Id == query.ApplicationId)
                .Select(a => new { a.Id, a.CompetitionId, a.Number, a.Status, a.SubmittedAt })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var snapshot = await FormalReviewData.LatestSnapshotAsync(db, application.Id, cancellationToken);
        if (application.Number is null || snapshot is null)
        {
            throw new BusinessRuleViolation("application.not_submitted", "Only a submitted application has a copy to print.");
        }

        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        var areas = competition.Criteria
            .GroupBy(c => c.AreaCode)
            .ToDictionary(g => g.Key, g => (g.First().AreaNamePl, g.First().AreaNameEn), StringComparer.Ordinal);
        var model = new ApplicationPdfModel(ApplicationSnapshots.Read(snapshot), snapshot.Kind, snapshot.Sha256, application.Status, application.SubmittedAt, areas);
        var language = FormalReviewRules.CurrentLanguage;
        return new ExportedFile($"{application.Number.Replace('/', '-')}.pdf", PdfContentType, writer.Write(model, language));
    }
}
