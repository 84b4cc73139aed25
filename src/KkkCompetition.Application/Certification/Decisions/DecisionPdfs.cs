using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>
/// The certificate of the KKK status a positive decision granted, as PDF: number, cluster, coordinator (name, NIP), validity
/// and the resolution (the applicant his or her own; officials any). A decision that granted no status: 409
/// <c>decision.no_certificate</c>.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetCertificatePdf(Guid DecisionId) : IQuery<ExportedFile>, IDecisionRequest;

/// <summary>
/// The letter of a negative decision as PDF: resolution, justification, votes, the appeal instruction and the anonymised
/// evaluation card and score sheets (never an expert's name). A positive decision has none: 409 <c>decision.no_letter</c>.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetDecisionLetterPdf(Guid DecisionId) : IQuery<ExportedFile>, IDecisionRequest;

public sealed class GetCertificatePdfValidator : AbstractValidator<GetCertificatePdf>
{
    public GetCertificatePdfValidator() => RuleFor(x => x.DecisionId).NotEmpty();
}

public sealed class GetDecisionLetterPdfValidator : AbstractValidator<GetDecisionLetterPdf>
{
    public GetDecisionLetterPdfValidator() => RuleFor(x => x.DecisionId).NotEmpty();
}

public sealed class GetCertificatePdfHandler(IAppDbContext db, IDecisionDocumentWriter writer) : IQueryHandler<GetCertificatePdf, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(GetCertificatePdf query, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DecisionId, cancellationToken)
            ?? throw new NotFoundException("CertificationDecision", query.DecisionId);
        var status = await db.KkkStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.DecisionId == decision.Id, cancellationToken)
            ?? throw new BusinessRuleViolation("decision.no_certificate", "The decision granted no KKK status: there is no certificate.", decision.Outcome.ToString());
        var competitionName = await db.Competitions.AsNoTracking().Where(c => c.Id == decision.CompetitionId).Select(c => c.Name).SingleAsync(cancellationToken);
        var document = new CertificateDocument(
            status.Id,
            status.CertificateNumber,
            competitionName,
            status.ClusterName,
            status.CoordinatorName,
            status.CoordinatorNip,
            status.ValidFrom,
            status.ValidTo,
            decision.ResolutionNumber,
            WorkingDayCalendar.ToWarsawDate(decision.DecidedAt),
            status.GrantedAt);
        var name = $"{(FormalReviewRules.CurrentLanguage == "en" ? "certificate" : "certyfikat")}-{status.CertificateNumber.Replace('/', '-')}.pdf";
        return new ExportedFile(name, GetEvaluationCardPdfHandler.PdfContentType, writer.Certificate(document));
    }
}

public sealed class GetDecisionLetterPdfHandler(IAppDbContext db, IDecisionDocumentWriter writer) : IQueryHandler<GetDecisionLetterPdf, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(GetDecisionLetterPdf query, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DecisionId, cancellationToken)
            ?? throw new NotFoundException("CertificationDecision", query.DecisionId);
        if (decision.Outcome != DecisionOutcome.Negative)
        {
            throw new BusinessRuleViolation("decision.no_letter", "A positive decision is delivered as a certificate, not as a decision letter.");
        }

        // The applicant's version of the card: the experts are numbers, and their names are never read.
        var card = await EvaluationCards.LoadAsync(db, decision.ApplicationId, anonymised: true, cancellationToken);
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == decision.CompetitionId, cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == decision.ApplicationId && a.Status == AssignmentStatus.Submitted)
            .ToListAsync(cancellationToken);
        var columns = RankingData.Columns(competition);
        var sheets = EvaluationCards.InSheetOrder(assignments, a => a.SubmittedAt!.Value, a => a.Id)
            .Select((a, i) => new AnonymisedSheet(
                i + 1,
                a.SubmittedAt!.Value,
                columns.Select(c => a.Scores.FirstOrDefault(s => s.CriterionCode == c.Code) is { } score
                        ? new ScoreSheetLine(c, score.Points, score.Justification)
                        : new ScoreSheetLine(c, null, null))
                    .ToList(),
                a.WeightedTotal(competition.Criteria),
                competition.MaxTotal,
                a.OverallOpinion))
            .ToList();
        var letter = new DecisionLetterDocument(
            decision.Id,
            competition.Name,
            card.ApplicationNumber,
            card.ClusterName,
            card.CoordinatorName,
            decision.ResolutionNumber,
            WorkingDayCalendar.ToWarsawDate(decision.DecidedAt),
            decision.DecidedAt,
            decision.Justification,
            decision.VotesFor,
            decision.VotesAgainst,
            decision.VotesAbstained,
            decision.AppealWindowDays,
            decision.DeliveredAt,
            decision.AppealLastDay,
            card,
            sheets);
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "decision-letter" : "decyzja")}-{card.ApplicationNumber.Replace('/', '-')}.pdf";
        return new ExportedFile(name, GetEvaluationCardPdfHandler.PdfContentType, writer.Letter(letter, language));
    }
}
