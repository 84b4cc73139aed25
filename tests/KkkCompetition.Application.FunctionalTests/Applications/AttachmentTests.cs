using System.Security.Cryptography;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Applications;

public abstract class AttachmentTests(DatabaseFixture database) : ApplicationTest(database)
{
    private async Task<Guid> DraftAsync() => (await StartDraftAsync(await ArrangeAsync())).ApplicationId;

    public static TheoryData<string, string, string> AllowedFiles() => new()
    {
        { nameof(SampleFiles.Pdf), "statut.pdf", "application/pdf" },
        { nameof(SampleFiles.Docx), "strategia.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(SampleFiles.Xlsx), "plan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(SampleFiles.Png), "logo.png", "image/png" },
        { nameof(SampleFiles.Jpeg), "zdjecie.jpg", "image/jpeg" },
        { nameof(SampleFiles.XadesSignature), "statut.pdf.xades", "application/xml" },
    };

    private static byte[] Sample(string name) => (byte[])typeof(SampleFiles).GetMethod(name)!.Invoke(null, name == nameof(SampleFiles.Pdf) ? ["KKK"] : [])!;

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public async Task Each_allowed_type_is_recognised_by_content_and_stored_under_its_hash(string sample, string fileName, string contentType)
    {
        var id = await DraftAsync();
        var bytes = Sample(sample);

        var uploaded = await UploadAsync(id, AttachmentKind.Other, fileName, bytes);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(contentType, uploaded.Attachment.ContentType);
        Assert.Equal(sha, uploaded.Attachment.Sha256);
        Assert.Equal(bytes.Length, uploaded.Attachment.SizeBytes);
        Assert.Equal(fileName, uploaded.Attachment.FileName);
        Assert.Equal([Path.Combine(FilesRoot, sha[..2], sha[2..4], sha)], StoredFiles());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(StoredFiles()[0], Ct));

        var download = await As(Applicant, new DownloadApplicationAttachment(id, uploaded.Attachment.Id));
        await using (download.Content)
        {
            using var copy = new MemoryStream();
            await download.Content.CopyToAsync(copy, Ct);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.Equal(contentType, download.ContentType);
    }

    public static TheoryData<string, string> RefusedFiles() => new()
    {
        { nameof(SampleFiles.Exe), "statut.pdf" },
        { nameof(SampleFiles.Zip), "strategia.docx" },
        { nameof(SampleFiles.Docm), "strategia.docx" },
        { nameof(SampleFiles.PlainXml), "podpis.xades" },
        { nameof(SampleFiles.XmlWithDtd), "podpis.xml" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_of_another_type_is_refused_whatever_its_name_and_nothing_is_stored(string sample, string fileName)
    {
        var id = await DraftAsync();

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(id, AttachmentKind.Statute, fileName, Sample(sample)));

        Assert.Equal("attachment.type_not_allowed", ex.Code);
        Assert.Empty(StoredFiles());
        Assert.Empty((await LoadAsync(id)).Attachments);
    }

    [Fact]
    public async Task A_file_of_20_MB_is_accepted_and_one_byte_more_is_refused_with_nothing_stored()
    {
        var id = await DraftAsync();
        var limit = SampleFiles.Pdf().Concat(new byte[ApplicationAttachment.MaxBytes - SampleFiles.Pdf().Length]).ToArray();

        var uploaded = await UploadAsync(id, AttachmentKind.Statute, "statut.pdf", limit);
        Assert.Equal(ApplicationAttachment.MaxBytes, uploaded.Attachment.SizeBytes);

        var over = limit.Append((byte)1).ToArray();
        var ex = await Assert.ThrowsAsync<ContentTooLargeException>(() => UploadAsync(id, AttachmentKind.Other, "za-duzy.pdf", over));

        Assert.Equal("attachment.too_large", ex.Code);
        Assert.Single(StoredFiles());
        Assert.Single((await LoadAsync(id)).Attachments);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var id = await DraftAsync();
        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(id, AttachmentKind.Statute, "pusty.pdf", []));
        Assert.Equal("attachment.empty", ex.Code);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_file_the_virus_scanner_refuses_is_not_attached_and_nothing_is_stored()
    {
        var id = await DraftAsync();
        Scanner.RefuseWith = "Eicar-Test-Signature";

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(id, AttachmentKind.Statute, "statut.pdf", SampleFiles.Pdf()));

        Assert.Equal("attachment.infected", ex.Code);
        Assert.Equal(1, Scanner.Scanned);
        Assert.Empty(StoredFiles());
        Assert.Empty((await LoadAsync(id)).Attachments);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\x\\y.pdf", "y.pdf")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini.pdf")]
    [InlineData("a\u0000b\u0007c<>:\"|?*.pdf", "abc.pdf")]
    [InlineData("...", "załącznik.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("zdjęcie.jpeg.pdf", "zdjęcie.jpeg.pdf")]
    [InlineData("raport.PDF", "raport.pdf")]
    public async Task A_file_name_keeps_only_its_last_segment_without_control_or_reserved_characters(string uploaded, string expected)
    {
        var id = await DraftAsync();

        var attachment = (await UploadAsync(id, AttachmentKind.Other, uploaded, SampleFiles.Pdf())).Attachment;

        Assert.Equal(expected, attachment.FileName);
        Assert.All(StoredFiles(), f => Assert.StartsWith(FilesRoot, f, StringComparison.Ordinal));
        Assert.Equal(attachment.Sha256, Path.GetFileName(Assert.Single(StoredFiles())));
    }

    [Fact]
    public async Task A_long_file_name_is_cut_keeping_its_extension()
    {
        var id = await DraftAsync();
        var attachment = (await UploadAsync(id, AttachmentKind.Other, new string('ż', 400) + ".pdf", SampleFiles.Pdf())).Attachment;
        Assert.Equal(AttachmentFileName.MaxLength, attachment.FileName.Length);
        Assert.EndsWith(".pdf", attachment.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_content_is_stored_once_even_for_two_applications()
    {
        var competitionId = await ArrangeAsync();
        var mine = (await StartDraftAsync(competitionId)).ApplicationId;
        await ApplicationArrange.CreateClusterAsync(App, OtherApplicant.UserId!.Value, seed: 2, members: 3, cancellationToken: Ct);
        var theirs = (await StartDraftAsync(competitionId, OtherApplicant)).ApplicationId;

        var a = await UploadAsync(mine, AttachmentKind.Statute, "statut.pdf", SampleFiles.Pdf("wspólny"));
        var b = await UploadAsync(theirs, AttachmentKind.Statute, "inny.pdf", SampleFiles.Pdf("wspólny"), OtherApplicant);

        Assert.Equal(a.Attachment.Sha256, b.Attachment.Sha256);
        Assert.Single(StoredFiles());
        var duplicate = await Assert.ThrowsAsync<BusinessRuleViolation>(() => UploadAsync(mine, AttachmentKind.Statute, "znowu.pdf", SampleFiles.Pdf("wspólny")));
        Assert.Equal("attachment.duplicate", duplicate.Code);
    }

    [Fact]
    public async Task A_removed_attachment_leaves_the_application_but_its_file_stays_in_the_store()
    {
        var id = await DraftAsync();
        var uploaded = await UploadAsync(id, AttachmentKind.Statute, "statut.pdf", SampleFiles.Pdf());

        var version = await As(Applicant, new RemoveApplicationAttachment(id, uploaded.Attachment.Id));

        Assert.Equal(uploaded.Version + 1, version);
        Assert.Empty((await LoadAsync(id)).Attachments);
        Assert.Single(StoredFiles());
        await Assert.ThrowsAsync<NotFoundException>(() => As(Applicant, new RemoveApplicationAttachment(id, uploaded.Attachment.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => As(Applicant, new DownloadApplicationAttachment(id, uploaded.Attachment.Id)));
    }

    [Fact]
    public async Task Someone_elses_attachment_cannot_be_downloaded_but_an_official_may()
    {
        var id = await DraftAsync();
        var uploaded = await UploadAsync(id, AttachmentKind.Statute, "statut.pdf", SampleFiles.Pdf());

        await Assert.ThrowsAsync<NotFoundException>(() => As(OtherApplicant, new DownloadApplicationAttachment(id, uploaded.Attachment.Id)));
        var official = await As(TestUsers.Official, new DownloadApplicationAttachment(id, uploaded.Attachment.Id));
        await official.Content.DisposeAsync();
        Assert.Equal("statut.pdf", official.FileName);
    }
}

public sealed class AttachmentTestsOnSqlite(SqliteDatabaseFixture database) : AttachmentTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AttachmentTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AttachmentTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
