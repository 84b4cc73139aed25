using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.Evaluation.Ranking;

/// <summary>
/// The ranking of a competition as XLSX or CSV (officials), in ranking order with the same filters as the list (never
/// paged): position, number, cluster, coordinator, total, each criterion's final points, pass or fail and why, and
/// whether the panel changed the result. CSV as the applications list: UTF-8 with a byte-order mark, ';', CRLF.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ExportRanking(Guid CompetitionId, ListExportFormat Format = ListExportFormat.Xlsx, bool PassedOnly = false, string? Search = null) : IQuery<ExportedFile>;

public sealed class ExportRankingValidator : AbstractValidator<ExportRanking>
{
    public ExportRankingValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(GetRankingValidator.MaxSearchLength);
    }
}

public sealed class ExportRankingHandler(IAppDbContext db, IRankingWriter writer) : IQueryHandler<ExportRanking, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportRanking query, CancellationToken cancellationToken)
    {
        var ranking = await RankingData.LoadAsync(db, query.CompetitionId, cancellationToken);
        var competition = ranking.Competition;
        var export = new RankingExport(
            competition.Name,
            competition.Year,
            competition.Round,
            competition.PassThreshold,
            ranking.Columns,
            RankingData.Filter(ranking.Rows, query.PassedOnly, query.Search));
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"ranking-{competition.Year}-{competition.Round}";
        return query.Format == ListExportFormat.Csv
            ? new ExportedFile($"{name}.csv", ExportCompetitionApplicationsHandler.CsvContentType, writer.Write(export, ListExportFormat.Csv, language))
            : new ExportedFile($"{name}.xlsx", ExportCompetitionApplicationsHandler.XlsxContentType, writer.Write(export, ListExportFormat.Xlsx, language));
    }
}
