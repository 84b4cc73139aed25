using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Achievement;

/// <summary>A KPI of the catalogue: one column of the export.</summary>
public sealed record DashboardExportKpi(string Code, string NamePl, string NameEn);

/// <summary>
/// One contract of the export: its facts, its stored achievement with its colour, and the cumulative achievement of each
/// catalogue KPI it has (by code; absent when the contract has no such KPI or no figure yet).
/// </summary>
public sealed record DashboardExportRow(
    string Number,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipName,
    IReadOnlyList<string> KisCodes,
    int PhaseNumber,
    ContractStatus Status,
    decimal? AchievementPercent,
    DashboardColour Colour,
    int AcceptedReports,
    IReadOnlyDictionary<string, decimal?> KpiPercents);

public sealed record DashboardExport(IReadOnlyList<DashboardExportKpi> Kpis, IReadOnlyList<DashboardExportRow> Rows);

/// <summary>Writes the programme dashboard's contracts as a spreadsheet or CSV, with headings in "pl" or "en".</summary>
public interface IProgrammeDashboardWriter
{
    byte[] Write(DashboardExport export, ListExportFormat format, string language);
}

/// <summary>
/// The dashboard's filtered contracts as a file (officials), in the page's order: one row per contract with its stored
/// achievement and colour, and the cumulative achievement of each KPI of the catalogue computed by the domain's calculator.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ExportProgrammeDashboard(
    ListExportFormat Format = ListExportFormat.Xlsx,
    Guid? PhaseId = null,
    string? Voivodeship = null,
    string? Kis = null,
    IReadOnlyList<ContractStatus>? Statuses = null,
    DashboardColour? Colour = null,
    string? Search = null,
    ProgrammeDashboardSort SortBy = ProgrammeDashboardSort.Number,
    bool Descending = false) : IQuery<ExportedFile>, IProgrammeDashboardFilters;

public sealed class ExportProgrammeDashboardValidator : AbstractValidator<ExportProgrammeDashboard>
{
    public ExportProgrammeDashboardValidator()
    {
        Include(new ProgrammeDashboardFiltersValidator());
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.SortBy).IsInEnum();
    }
}

public sealed class ExportProgrammeDashboardHandler(IAppDbContext db, IProgrammeDashboardWriter writer, TimeProvider clock) : IQueryHandler<ExportProgrammeDashboard, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportProgrammeDashboard query, CancellationToken cancellationToken)
    {
        var bands = (await ProgrammeSettingsData.ReadAsync(db, cancellationToken)).Bands;
        var filtered = ProgrammeDashboardData.Filter(db.ProgrammeContracts.AsNoTracking(), query, bands);

        // Three set-based reads whatever the number of contracts: the contracts with their plan versions, and the lines of
        // all their accepted annual reports; the calculator then runs in memory, contract by contract.
        var contracts = await ProgrammeDashboardData.Sort(filtered, query.SortBy, query.Descending).AsSplitQuery().ToListAsync(cancellationToken);
        var reports = await (
                from r in db.KpiReports.AsNoTracking()
                join c in filtered on r.ContractId equals c.Id
                where r.Kind == ReportKind.Annual && r.Status == KpiReportStatus.Accepted
                select new { r.ContractId, r.Year, r.Lines })
            .ToListAsync(cancellationToken);
        var accepted = reports
            .GroupBy(r => r.ContractId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ReportedYear>)[.. g.Select(r => new ReportedYear(r.Year!.Value, r.Lines.ToDictionary(l => l.KpiCode, l => l.Actual, StringComparer.Ordinal)))]);

        var catalogue = await db.KpiDefinitions.AsNoTracking()
            .OrderByDescending(k => k.IsMandatory).ThenBy(k => k.Code)
            .Select(k => new DashboardExportKpi(k.Code, k.NamePl, k.NameEn))
            .ToListAsync(cancellationToken);
        var names = await RegistryData.VoivodeshipNamesAsync(db, cancellationToken);
        var phases = await ProgrammeDashboardData.PhaseNumbersAsync(db, cancellationToken);
        var rows = contracts.Select(c =>
            {
                var achievement = ContractAchievementCalculator.Compute(c, accepted.GetValueOrDefault(c.Id) ?? [], bands);
                var kpis = achievement.Kpis.ToDictionary(k => k.Kpi.Code, k => AchievementColours.Round(k.CumulativePercent), StringComparer.Ordinal);
                return new DashboardExportRow(
                    c.Number,
                    c.ClusterName,
                    c.CoordinatorName,
                    RegistryData.Name(names, c.VoivodeshipTeryt),
                    c.KisCodes,
                    phases.GetValueOrDefault(c.PhaseId),
                    c.Status,
                    c.AchievementPercent,
                    AchievementColours.Of(c.AchievementPercent, bands),
                    c.AchievementReports,
                    kpis);
            })
            .ToList();

        var language = FormalReviewRules.CurrentLanguage;
        var day = ContractData.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{(language == "en" ? "programme-dashboard" : "monitoring-kontraktow")}-{day}";
        var export = new DashboardExport(catalogue, rows);
        return query.Format == ListExportFormat.Csv
            ? new ExportedFile($"{name}.csv", ExportCompetitionApplicationsHandler.CsvContentType, writer.Write(export, ListExportFormat.Csv, language))
            : new ExportedFile($"{name}.xlsx", ExportCompetitionApplicationsHandler.XlsxContentType, writer.Write(export, ListExportFormat.Xlsx, language));
    }
}
