using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Programme.Benchmark;

/// <summary>
/// The national benchmark report over the clusters of a phase, a competition or a day (officials): the group's figures, the ten
/// largest clusters and every cluster's position against the group. Exactly one scope (400 otherwise); an unknown phase or
/// competition is 404.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetBenchmarkReport(Guid? PhaseId = null, Guid? CompetitionId = null, DateOnly? Date = null) : IQuery<BenchmarkReport>, IBenchmarkScope;

public sealed class GetBenchmarkReportValidator : AbstractValidator<GetBenchmarkReport>
{
    public GetBenchmarkReportValidator() => Include(new BenchmarkScopeValidator());
}

public sealed class GetBenchmarkReportHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetBenchmarkReport, BenchmarkReport>
{
    public async ValueTask<BenchmarkReport> Handle(GetBenchmarkReport query, CancellationToken cancellationToken) =>
        await BenchmarkData.ReportAsync(db, query, clock.GetUtcNow(), cancellationToken);
}

/// <summary>The benchmark report as XLSX or as a PDF with charts, in the caller's language (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record ExportBenchmarkReport(BenchmarkFileFormat Format = BenchmarkFileFormat.Xlsx, Guid? PhaseId = null, Guid? CompetitionId = null, DateOnly? Date = null)
    : IQuery<ExportedFile>, IBenchmarkScope;

public sealed class ExportBenchmarkReportValidator : AbstractValidator<ExportBenchmarkReport>
{
    public ExportBenchmarkReportValidator()
    {
        Include(new BenchmarkScopeValidator());
        RuleFor(x => x.Format).IsInEnum();
    }
}

public sealed class ExportBenchmarkReportHandler(IAppDbContext db, IBenchmarkReportWriter writer, TimeProvider clock) : IQueryHandler<ExportBenchmarkReport, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportBenchmarkReport query, CancellationToken cancellationToken) =>
        BenchmarkFiles.File(await BenchmarkData.ReportAsync(db, query, clock.GetUtcNow(), cancellationToken), query.Format, writer, individual: false);
}

/// <summary>
/// The coordinator's individual benchmark report (applicants): the group's figures and his own cluster's positions, never another
/// cluster's row (no list of the largest). Only for a phase in which his cluster has a contract, a competition he submitted to, or
/// a day on which its status was in force; any other scope is 404, so nothing about other groups can be learnt.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record GetMyBenchmarkReport(Guid? PhaseId = null, Guid? CompetitionId = null, DateOnly? Date = null) : IQuery<BenchmarkReport>, IBenchmarkScope;

public sealed class GetMyBenchmarkReportValidator : AbstractValidator<GetMyBenchmarkReport>
{
    public GetMyBenchmarkReportValidator() => Include(new BenchmarkScopeValidator());
}

public sealed class GetMyBenchmarkReportAuthorizer(IAppDbContext db) : MyBenchmarkAuthorizer<GetMyBenchmarkReport>(db);

public sealed class GetMyBenchmarkReportHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetMyBenchmarkReport, BenchmarkReport>
{
    public async ValueTask<BenchmarkReport> Handle(GetMyBenchmarkReport query, CancellationToken cancellationToken) =>
        await BenchmarkFiles.IndividualAsync(db, query, user, clock, cancellationToken);
}

/// <summary>The coordinator's individual report as a PDF with charts (or XLSX), in his language (applicants; the same scopes as the report).</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record ExportMyBenchmarkReport(BenchmarkFileFormat Format = BenchmarkFileFormat.Pdf, Guid? PhaseId = null, Guid? CompetitionId = null, DateOnly? Date = null)
    : IQuery<ExportedFile>, IBenchmarkScope;

public sealed class ExportMyBenchmarkReportValidator : AbstractValidator<ExportMyBenchmarkReport>
{
    public ExportMyBenchmarkReportValidator()
    {
        Include(new BenchmarkScopeValidator());
        RuleFor(x => x.Format).IsInEnum();
    }
}

public sealed class ExportMyBenchmarkReportAuthorizer(IAppDbContext db) : MyBenchmarkAuthorizer<ExportMyBenchmarkReport>(db);

public sealed class ExportMyBenchmarkReportHandler(IAppDbContext db, ICurrentUser user, IBenchmarkReportWriter writer, TimeProvider clock) : IQueryHandler<ExportMyBenchmarkReport, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportMyBenchmarkReport query, CancellationToken cancellationToken) =>
        BenchmarkFiles.File(await BenchmarkFiles.IndividualAsync(db, query, user, clock, cancellationToken), query.Format, writer, individual: true);
}

/// <summary>The applicant may ask only for a scope that holds his own cluster; anything else is "not found".</summary>
public abstract class MyBenchmarkAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IBenchmarkScope
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
        && await BenchmarkData.OwnCluster(db, userId).AnyAsync(id => BenchmarkData.ClusterIds(db, request).Contains(id), cancellationToken);
}

/// <summary>The phases and competitions with clusters to compare (officials): every phase, and the competitions with submitted applications.</summary>
[AllowedRoles(Roles.Official)]
public sealed record GetBenchmarkScopes : IQuery<BenchmarkScopes>;

public sealed class GetBenchmarkScopesHandler(IAppDbContext db) : IQueryHandler<GetBenchmarkScopes, BenchmarkScopes>
{
    public async ValueTask<BenchmarkScopes> Handle(GetBenchmarkScopes query, CancellationToken cancellationToken) =>
        await BenchmarkFiles.ScopesAsync(db, db.ProgrammePhases.Select(p => p.Id), db.Applications.Where(a => a.SubmittedAt != null).Select(a => a.CompetitionId), cancellationToken);
}

/// <summary>The phases in which the applicant's cluster has a contract and the competitions it submitted to (applicants).</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record GetMyBenchmarkScopes : IQuery<BenchmarkScopes>;

public sealed class GetMyBenchmarkScopesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyBenchmarkScopes, BenchmarkScopes>
{
    public async ValueTask<BenchmarkScopes> Handle(GetMyBenchmarkScopes query, CancellationToken cancellationToken)
    {
        var own = BenchmarkData.OwnCluster(db, user.UserId ?? Guid.Empty);
        return await BenchmarkFiles.ScopesAsync(
            db,
            db.ProgrammeContracts.Where(c => c.Status != Domain.Contracts.ContractStatus.Draft && own.Contains(c.ClusterId)).Select(c => c.PhaseId),
            db.Applications.Where(a => a.SubmittedAt != null && a.Status != Domain.Applications.ApplicationStatus.Withdrawn && own.Contains(a.ClusterId)).Select(a => a.CompetitionId),
            cancellationToken);
    }
}

/// <summary>What the report's use cases share: the individual cut of the report, the files and the lists of scopes.</summary>
public static class BenchmarkFiles
{
    /// <summary>The group's report cut to the caller's cluster: its own positions and no other cluster's row.</summary>
    public static async Task<BenchmarkReport> IndividualAsync(IAppDbContext db, IBenchmarkScope scope, ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var clusterId = await BenchmarkData.OwnCluster(db, user.UserId ?? Guid.Empty).SingleAsync(cancellationToken);
        var report = await BenchmarkData.ReportAsync(db, scope, clock.GetUtcNow(), cancellationToken);
        return report with { LargestClusters = [], Positions = [.. report.Positions.Where(p => p.ClusterId == clusterId)] };
    }

    public static ExportedFile File(BenchmarkReport report, BenchmarkFileFormat format, IBenchmarkReportWriter writer, bool individual)
    {
        var language = FormalReviewRules.CurrentLanguage;
        var en = language == "en";
        var scope = report.Scope.Kind switch
        {
            BenchmarkScopeKind.Phase => $"{(en ? "phase" : "faza")}-{report.Scope.PhaseNumber}",
            BenchmarkScopeKind.Competition => $"{(en ? "competition" : "konkurs")}-{report.Scope.CompetitionId!.Value.ToString("N")[..8]}",
            _ => report.Scope.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var name = $"{(individual ? (en ? "my-benchmark" : "moj-raport-porownawczy") : (en ? "benchmark" : "raport-porownawczy"))}-{scope}";
        return format == BenchmarkFileFormat.Pdf
            ? new ExportedFile($"{name}.pdf", GetApplicationPdfHandler.PdfContentType, writer.Pdf(report, language))
            : new ExportedFile($"{name}.xlsx", ExportCompetitionApplicationsHandler.XlsxContentType, writer.Xlsx(report, language));
    }

    public static async Task<BenchmarkScopes> ScopesAsync(IAppDbContext db, IQueryable<Guid> phaseIds, IQueryable<Guid> competitionIds, CancellationToken cancellationToken)
    {
        var phases = await db.ProgrammePhases.AsNoTracking().Where(p => phaseIds.Contains(p.Id)).OrderBy(p => p.Number)
            .Select(p => new BenchmarkPhaseOption(p.Id, p.Number, p.StartsOn, p.EndsOn)).ToListAsync(cancellationToken);
        var competitions = await db.Competitions.AsNoTracking().Where(c => competitionIds.Contains(c.Id)).OrderByDescending(c => c.Year).ThenByDescending(c => c.Round).ThenBy(c => c.Name)
            .Select(c => new BenchmarkCompetitionOption(c.Id, c.Name, c.Year, c.Round)).ToListAsync(cancellationToken);
        return new BenchmarkScopes(phases, competitions);
    }
}
