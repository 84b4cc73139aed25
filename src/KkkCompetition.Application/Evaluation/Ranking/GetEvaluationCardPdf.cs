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
/// The summary card (karta oceny) of an application as PDF (officials): per criterion each submitted sheet's points, the
/// experts' result, the panel's change with its justification, and the total with pass or fail and why.
/// <see cref="Anonymised"/> names the experts "Ekspert 1, 2, 3" (in the order they submitted): the version that may reach
/// the applicant. Before the result is computed: 409 <c>evaluation.result_pending</c>.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetEvaluationCardPdf(Guid ApplicationId, bool Anonymised = false) : IQuery<ExportedFile>;

public sealed class GetEvaluationCardPdfValidator : AbstractValidator<GetEvaluationCardPdf>
{
    public GetEvaluationCardPdfValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetEvaluationCardPdfHandler(IAppDbContext db, IEvaluationDocumentWriter writer) : IQueryHandler<GetEvaluationCardPdf, ExportedFile>
{
    public const string PdfContentType = "application/pdf";

    public async ValueTask<ExportedFile> Handle(GetEvaluationCardPdf query, CancellationToken cancellationToken)
    {
        var card = await EvaluationCards.LoadAsync(db, query.ApplicationId, query.Anonymised, cancellationToken);
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "evaluation-card" : "karta-oceny")}-{card.ApplicationNumber.Replace('/', '-')}{(query.Anonymised ? (language == "en" ? "-anonymised" : "-anonimizowana") : "")}.pdf";
        return new ExportedFile(name, PdfContentType, writer.EvaluationCard(card, language));
    }
}

/// <summary>Builds the card from the result, the submitted sheets and the competition's criteria.</summary>
public static class EvaluationCards
{
    /// <summary>The order the sheets of one application are numbered in everywhere (card, ranking): by submission, then id.</summary>
    public static IEnumerable<T> InSheetOrder<T>(IEnumerable<T> sheets, Func<T, DateTimeOffset> submittedAt, Func<T, Guid> id) =>
        sheets.OrderBy(submittedAt).ThenBy(id);

    internal static async Task<EvaluationCardDocument> LoadAsync(IAppDbContext db, Guid applicationId, bool anonymised, CancellationToken cancellationToken)
    {
        var application = await (
                from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                where a.Id == applicationId
                join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on a.ClusterId equals c.Id
                join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                select new { a.Id, a.CompetitionId, a.Number, ClusterName = c.Name, CoordinatorName = o.Name })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Application", applicationId);
        var result = await db.EvaluationResults.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken)
            ?? throw new BusinessRuleViolation("evaluation.result_pending", "The application has no merit result yet: the card is made once its sheets are in.");
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == application.CompetitionId, cancellationToken);

        var sheets = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && a.Status == AssignmentStatus.Submitted)
            .ToListAsync(cancellationToken);
        sheets = InSheetOrder(sheets, s => s.SubmittedAt!.Value, s => s.Id).ToList();

        // The anonymised card never reads the names, so none can slip into it.
        var expertIds = sheets.Select(s => s.ExpertId).Distinct().ToList();
        var names = anonymised
            ? []
            : await db.Experts.AsNoTracking()
                .Where(e => expertIds.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.FullName, cancellationToken);

        var columns = RankingData.Columns(competition);
        var experts = sheets
            .Select((s, i) => new CardExpert(
                i + 1,
                anonymised ? null : names.GetValueOrDefault(s.ExpertId, ""),
                s.SubmittedAt!.Value,
                EvaluationCalculator.Total(competition.Criteria, s.Scores.Where(x => x.Points is not null).ToDictionary(x => x.CriterionCode, x => x.Points!.Value)),
                result.SheetsUsed.Contains(s.Id)))
            .ToList();
        var criteria = columns
            .Select(column =>
            {
                var line = result.Criteria.FirstOrDefault(c => c.CriterionCode == column.Code);
                return new CardCriterion(
                    column,
                    sheets.Select(s => s.Scores.FirstOrDefault(x => x.CriterionCode == column.Code)?.Points).ToList(),
                    line?.ExpertPoints ?? 0m,
                    line?.PanelPoints,
                    line?.PanelJustification,
                    line?.FinalPoints ?? 0m);
            })
            .ToList();
        var lastChange = result.Criteria.Select(c => c.PanelChangedAt).Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(result.ComputedAt).Max();
        var reasons = result.FailReasons(competition);
        return new EvaluationCardDocument(
            application.Id,
            competition.Name,
            application.Number ?? "",
            application.ClusterName,
            application.CoordinatorName,
            competition.PassThreshold,
            competition.MaxTotal,
            anonymised,
            experts,
            criteria,
            result.Method,
            result.ComputedAt,
            lastChange > result.ComputedAt ? lastChange : result.ComputedAt,
            result.ExpertTotal,
            result.Total,
            reasons.Count == 0,
            reasons);
    }
}
