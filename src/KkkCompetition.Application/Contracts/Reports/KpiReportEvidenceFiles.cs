using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts.Reports;

public sealed record KpiReportEvidenceUploaded(KpiReportEvidenceView Evidence, int Version);

/// <summary>
/// Attaches an evidence file to the report (its coordinator, while the report may be changed). As with the application's
/// attachments, the caller stages the upload first (<see cref="IAttachmentStore.StageAsync"/>: size, type by content, virus
/// scan, hash) outside this command's transaction; this command names the file safely, records it and keeps it in the
/// store. Answers the evidence and the report's new version.
/// </summary>
[AllowedRoles(Roles.Applicant)]
public sealed record UploadKpiReportEvidence(Guid ReportId, string FileName, StagedAttachment File) : ICommand<KpiReportEvidenceUploaded>, IKpiReportRequest;

public sealed class UploadKpiReportEvidenceValidator : AbstractValidator<UploadKpiReportEvidence>
{
    public UploadKpiReportEvidenceValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(1_000);
        RuleFor(x => x.File).NotNull();
    }
}

public sealed class UploadKpiReportEvidenceAuthorizer(IAppDbContext db) : CoordinatorKpiReportAuthorizer<UploadKpiReportEvidence>(db);

public sealed class UploadKpiReportEvidenceHandler(IAppDbContext db, IAttachmentStore store, TimeProvider clock, ICurrentUser user)
    : ICommandHandler<UploadKpiReportEvidence, KpiReportEvidenceUploaded>
{
    public async ValueTask<KpiReportEvidenceUploaded> Handle(UploadKpiReportEvidence command, CancellationToken cancellationToken)
    {
        var report = await ContractData.LoadReportAsync(db, command.ReportId, cancellationToken);
        var file = command.File;
        var evidence = report.AddEvidence(
            AttachmentFileName.Sanitise(command.FileName, file.Type), file.Type.ContentType, file.SizeBytes, file.Sha256, user.UserId!.Value, clock.GetUtcNow());

        // Kept only once the report accepted it; should the transaction still fail, the stored file is merely unused.
        await store.KeepAsync(file, cancellationToken);
        return new KpiReportEvidenceUploaded(KpiReportViews.Evidence(report.Id, evidence), report.Version + 1);
    }
}

/// <summary>Removes an evidence file (the coordinator, while the report may be changed); the file stays in the store. Answers the new version.</summary>
[AllowedRoles(Roles.Applicant)]
public sealed record RemoveKpiReportEvidence(Guid ReportId, Guid EvidenceId) : ICommand<int>, IKpiReportRequest;

public sealed class RemoveKpiReportEvidenceValidator : AbstractValidator<RemoveKpiReportEvidence>
{
    public RemoveKpiReportEvidenceValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.EvidenceId).NotEmpty();
    }
}

public sealed class RemoveKpiReportEvidenceAuthorizer(IAppDbContext db) : CoordinatorKpiReportAuthorizer<RemoveKpiReportEvidence>(db);

public sealed class RemoveKpiReportEvidenceHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RemoveKpiReportEvidence, int>
{
    public async ValueTask<int> Handle(RemoveKpiReportEvidence command, CancellationToken cancellationToken)
    {
        var report = await ContractData.LoadReportAsync(db, command.ReportId, cancellationToken);
        if (report.Evidence.All(e => e.Id != command.EvidenceId))
        {
            throw new NotFoundException("KpiReportEvidence", command.EvidenceId);
        }

        report.RemoveEvidence(command.EvidenceId, clock.GetUtcNow());
        return report.Version + 1;
    }
}

/// <summary>An evidence file's content under its safe name and type (the coordinator, officials). A read: not audited.</summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record DownloadKpiReportEvidence(Guid ReportId, Guid EvidenceId) : IQuery<AttachmentContent>, IKpiReportRequest;

public sealed class DownloadKpiReportEvidenceValidator : AbstractValidator<DownloadKpiReportEvidence>
{
    public DownloadKpiReportEvidenceValidator()
    {
        RuleFor(x => x.ReportId).NotEmpty();
        RuleFor(x => x.EvidenceId).NotEmpty();
    }
}

public sealed class DownloadKpiReportEvidenceAuthorizer(IAppDbContext db) : KpiReportAuthorizer<DownloadKpiReportEvidence>(db);

public sealed class DownloadKpiReportEvidenceHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<DownloadKpiReportEvidence, AttachmentContent>
{
    public async ValueTask<AttachmentContent> Handle(DownloadKpiReportEvidence query, CancellationToken cancellationToken)
    {
        var evidence = await db.KpiReportEvidence.AsNoTracking()
            .Where(e => e.ReportId == query.ReportId && e.Id == query.EvidenceId)
            .Select(e => new { e.FileName, e.ContentType, e.SizeBytes, e.Sha256 })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("KpiReportEvidence", query.EvidenceId);
        return store.OpenAttachment(query.EvidenceId, evidence.FileName, evidence.ContentType, evidence.SizeBytes, evidence.Sha256);
    }
}
