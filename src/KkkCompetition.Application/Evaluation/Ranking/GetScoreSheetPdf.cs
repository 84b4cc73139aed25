using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Ranking;

/// <summary>
/// One submitted scoring sheet as PDF: per criterion the points and the justification, the overall opinion, the expert
/// and the dates. Officials get any sheet; an expert only his or her own (anyone else's is "not found"). A sheet not yet
/// submitted has nothing final to print: 409 <c>evaluation.sheet_not_submitted</c>.
/// </summary>
[AllowedRoles(Roles.Official, Roles.Expert)]
public sealed record GetScoreSheetPdf(Guid AssignmentId) : IQuery<ExportedFile>;

public sealed class GetScoreSheetPdfValidator : AbstractValidator<GetScoreSheetPdf>
{
    public GetScoreSheetPdfValidator() => RuleFor(x => x.AssignmentId).NotEmpty();
}

/// <summary>Officials read every sheet; an expert the sheets of his or her own assignments.</summary>
public sealed class GetScoreSheetPdfAuthorizer(IAppDbContext db) : IResourceAuthorizer<GetScoreSheetPdf>
{
    public async ValueTask<bool> IsAllowedAsync(GetScoreSheetPdf request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId && await (
                from a in db.ExpertAssignments
                where a.Id == request.AssignmentId
                join e in db.Experts on a.ExpertId equals e.Id
                where e.UserId == userId
                select a.Id)
            .AnyAsync(cancellationToken));
}

public sealed class GetScoreSheetPdfHandler(IAppDbContext db, IEvaluationDocumentWriter writer) : IQueryHandler<GetScoreSheetPdf, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(GetScoreSheetPdf query, CancellationToken cancellationToken)
    {
        var assignment = await db.ExpertAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssignmentId, cancellationToken)
            ?? throw new NotFoundException("ExpertAssignment", query.AssignmentId);
        if (assignment.Status != AssignmentStatus.Submitted || assignment.SubmittedAt is not { } submittedAt)
        {
            throw new BusinessRuleViolation("evaluation.sheet_not_submitted", "The sheet has not been submitted: only a submitted sheet is printed.", assignment.Status.ToString());
        }

        var application = await (
                from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                where a.Id == assignment.ApplicationId
                join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on a.ClusterId equals c.Id
                select new { a.Number, ClusterName = c.Name })
            .SingleAsync(cancellationToken);
        var expertName = await db.Experts.AsNoTracking().Where(e => e.Id == assignment.ExpertId).Select(e => e.FullName).SingleAsync(cancellationToken);
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == assignment.CompetitionId, cancellationToken);

        var lines = RankingData.Columns(competition)
            .Select(c => assignment.Scores.FirstOrDefault(s => s.CriterionCode == c.Code) is { } score
                ? new ScoreSheetLine(c, score.Points, score.Justification)
                : new ScoreSheetLine(c, null, null))
            .ToList();
        var sheet = new ScoreSheetDocument(
            assignment.Id,
            competition.Name,
            application.Number ?? "",
            application.ClusterName,
            expertName,
            assignment.AssignedAt,
            assignment.Deadline,
            assignment.DeclarationSignedAt,
            submittedAt,
            lines,
            assignment.WeightedTotal(competition.Criteria),
            competition.MaxTotal,
            assignment.OverallOpinion);
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "score-sheet" : "karta-eksperta")}-{sheet.ApplicationNumber.Replace('/', '-')}-{assignment.Id.ToString("N")[^8..]}.pdf";
        return new ExportedFile(name, GetEvaluationCardPdfHandler.PdfContentType, writer.ScoreSheet(sheet, language));
    }
}
