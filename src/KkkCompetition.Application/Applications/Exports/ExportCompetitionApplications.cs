using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications.Exports;

/// <summary>
/// The submitted applications of a competition, by number, with status and formal outcome (officials): XLSX, or CSV
/// as UTF-8 with a byte-order mark and ';' between fields, which Excel in Polish opens as columns.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ExportCompetitionApplications(Guid CompetitionId, ListExportFormat Format = ListExportFormat.Xlsx) : IQuery<ExportedFile>;

public sealed class ExportCompetitionApplicationsValidator : AbstractValidator<ExportCompetitionApplications>
{
    public ExportCompetitionApplicationsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Format).IsInEnum();
    }
}

public sealed class ExportCompetitionApplicationsHandler(IAppDbContext db, IApplicationListWriter writer) : IQueryHandler<ExportCompetitionApplications, ExportedFile>
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public async ValueTask<ExportedFile> Handle(ExportCompetitionApplications query, CancellationToken cancellationToken)
    {
        var competition = await FormalReviewData.LoadCompetitionAsync(db, query.CompetitionId, cancellationToken);
        var rows = await (
                from a in db.Applications.AsNoTracking()
                where a.CompetitionId == query.CompetitionId && a.Number != null
                join c in db.Clusters.AsNoTracking() on a.ClusterId equals c.Id
                join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                orderby a.Number
                select new { a.Number, ClusterName = c.Name, CoordinatorName = o.Name, o.Nip, a.Status, a.SubmittedAt, a.FormalDecisionAt, a.FormalDecisionReasons })
            .ToListAsync(cancellationToken);
        var list = rows
            .Select(r => new ApplicationListRow(r.Number!, r.ClusterName, r.CoordinatorName, r.Nip, r.Status, r.SubmittedAt!.Value, FormalReviewRules.OutcomeOf(r.Status), r.FormalDecisionAt, r.FormalDecisionReasons))
            .ToList();
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "applications" : "wnioski")}-{competition.Year}-{competition.Round}";
        return query.Format == ListExportFormat.Csv
            ? new ExportedFile($"{name}.csv", CsvContentType, writer.Write(list, ListExportFormat.Csv, language))
            : new ExportedFile($"{name}.xlsx", XlsxContentType, writer.Write(list, ListExportFormat.Xlsx, language));
    }
}
