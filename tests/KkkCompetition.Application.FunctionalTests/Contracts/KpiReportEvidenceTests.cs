using System.Security.Cryptography;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>Evidence files of a report: the application attachments' store and content inspection, the report's editability.</summary>
public abstract class KpiReportEvidenceTests(DatabaseFixture database) : KpiReportTest(database)
{
    [Fact]
    public async Task The_coordinator_uploads_evidence_both_download_it_and_he_removes_it_while_the_report_may_change()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        var bytes = SampleFiles.Pdf("Lista projektów B+R");

        var uploaded = await UploadAsync(c.Coordinator, reportId, "../lista projektów.pdf", bytes);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(("lista projektów.pdf", "application/pdf", sha, bytes.Length), (uploaded.Evidence.FileName, uploaded.Evidence.ContentType, uploaded.Evidence.Sha256, uploaded.Evidence.SizeBytes));
        Assert.Equal(ReportLinks.Evidence(reportId, uploaded.Evidence.Id), uploaded.Evidence.Link);
        Assert.True(File.Exists(Path.Combine(FilesRoot, sha[..2], sha[2..4], sha)));
        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        Assert.Equal((uploaded.Evidence.Id, uploaded.Version), (Assert.Single(view.Evidence).Id, view.Version));

        foreach (var reader in new[] { c.Coordinator, c.Official })
        {
            var download = await As(reader, new DownloadKpiReportEvidence(reportId, uploaded.Evidence.Id));
            await using (download.Content)
            {
                using var copy = new MemoryStream();
                await download.Content.CopyToAsync(copy, Ct);
                Assert.Equal(bytes, copy.ToArray());
            }
        }

        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new DownloadKpiReportEvidence(reportId, uploaded.Evidence.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => UploadAsync(Stranger, reportId, "obce.pdf", bytes));
        await Assert.ThrowsAsync<NotFoundException>(() => As(Stranger, new RemoveKpiReportEvidence(reportId, uploaded.Evidence.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(c.Coordinator, new RemoveKpiReportEvidence(reportId, Guid.CreateVersion7())));

        await As(c.Coordinator, new RemoveKpiReportEvidence(reportId, uploaded.Evidence.Id));
        Assert.Empty((await ReportAsync(reportId)).Evidence);
        await Assert.ThrowsAsync<NotFoundException>(() => As(c.Official, new DownloadKpiReportEvidence(reportId, uploaded.Evidence.Id)));
    }

    [Fact]
    public async Task A_file_judged_by_its_bytes_not_its_name_is_refused_and_a_submitted_report_takes_no_evidence()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);

        var exe = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(c.Coordinator, reportId, "dowod.pdf", SampleFiles.Exe()));
        Assert.Equal("attachment.type_not_allowed", exe.Code);
        Assert.Empty((await ReportAsync(reportId)).Evidence);

        var kept = await UploadAsync(c.Coordinator, reportId, "zdjecie.png", SampleFiles.Png());
        await As(c.Coordinator, new SubmitKpiReport(reportId, await FillAsync(c, reportId)));

        var late = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(c.Coordinator, reportId, "pozniej.pdf", SampleFiles.Pdf()));
        var removal = await Assert.ThrowsAsync<BusinessRuleViolation>(() => As(c.Coordinator, new RemoveKpiReportEvidence(reportId, kept.Evidence.Id)));
        Assert.Equal(("report.under_review", "report.under_review"), (late.Code, removal.Code));
        Assert.Equal(kept.Evidence.Id, Assert.Single((await ReportAsync(reportId)).Evidence).Id);
    }
}

public sealed class KpiReportEvidenceTestsOnSqlite(SqliteDatabaseFixture database) : KpiReportEvidenceTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class KpiReportEvidenceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KpiReportEvidenceTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
