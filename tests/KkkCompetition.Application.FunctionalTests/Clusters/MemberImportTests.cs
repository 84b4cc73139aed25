using System.Diagnostics;
using System.Text;
using FluentValidation;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Auditing;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Clusters;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Clusters;

public abstract class MemberImportTests(DatabaseFixture database) : ClusterTest(database)
{
    [Fact]
    public async Task Sixty_rows_from_csv_are_imported_and_audited_as_one_summary()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(60);

        var result = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, file);

        Assert.True(result.Succeeded);
        Assert.Equal((60, 60, 0, 0), (result.Rows, result.Imported, result.Removed, result.ErrorCount));
        var members = await MembersAsync(cluster.Id);
        Assert.Equal(60, members.Count);
        var second = members.Single(m => m.Nip == file.Nip(3));
        Assert.Equal(("Członek 2 sp. z o.o.", MemberType.Enterprise, (EnterpriseSize?)EnterpriseSize.Small, "04", new DateOnly(2016, 2, 2), 37),
            (second.Name, second.Type, second.Size, second.VoivodeshipTeryt, second.JoinedOn, second.Employment));
        var university = members.Single(m => m.Nip == file.Nip(8));
        Assert.Equal((MemberType.ResearchOrUniversity, (EnterpriseSize?)null), (university.Type, university.Size));

        var stored = await Send(TestUsers.Applicant, new GetCluster(cluster.Id));
        Assert.Equal((60, 60, (MemberImportMode?)MemberImportMode.Replace), (stored.MemberCount, stored.LastImportRows, stored.LastImportMode));
        var audit = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(ImportClusterMembers)).ToListAsync(Ct));
        Assert.Equal(2, audit.Count);
        var summary = Assert.Single(audit, e => e.EntityType == nameof(ClusterMember));
        Assert.Equal(("bulk", "Added"), (summary.EntityId, summary.Operation));
        Assert.Contains("\"Count\":60", summary.After, StringComparison.Ordinal);
        Assert.Contains(cluster.Id.ToString(), summary.After, StringComparison.Ordinal);
        Assert.Single(audit, e => e.EntityType == nameof(Cluster) && e.Operation == "Modified");
        Assert.True((await Send(TestUsers.Administrator, new VerifyAuditChain())).IsIntact);
    }

    [Fact]
    public async Task Sixty_rows_from_xlsx_are_imported()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(60);

        var result = await ImportAsync(TestUsers.Applicant, cluster.Id, file.ToXlsx(), "Członkowie.XLSX");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Code}")));
        Assert.Equal(60, await MemberCountAsync(cluster.Id));
        Assert.Contains(await MembersAsync(cluster.Id), m => m.Nip == file.Nip(61) && m.Type == MemberType.Other);
    }

    [Fact]
    public async Task A_bad_nip_in_row_37_is_reported_as_row_37_and_nothing_is_imported()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        await ImportCsvAsync(TestUsers.Applicant, cluster.Id, MemberFileBuilder.Valid(5, nipSeed: 900_000_000));
        var auditBefore = await Read(db => db.AuditEntries.CountAsync(Ct));
        var file = MemberFileBuilder.Valid(60);
        file.Set(37, MemberColumn.Nip, MemberFileBuilder.Spoil(file.Nip(37)));

        foreach (var (content, name) in new[] { (file.ToCsv(), "czlonkowie.csv"), (file.ToXlsx(), "czlonkowie.xlsx") })
        {
            var result = await ImportAsync(TestUsers.Applicant, cluster.Id, content, name);

            Assert.False(result.Succeeded);
            Assert.Equal(0, result.Imported);
            var error = Assert.Single(result.Errors);
            Assert.Equal((37, "NIP", "import.invalid_nip"), (error.Row, error.Column, error.Code));
            Assert.Equal(file.Row(37)[(int)MemberColumn.Nip], error.Value);
        }

        Assert.Equal(5, await MemberCountAsync(cluster.Id));
        Assert.Equal(auditBefore, await Read(db => db.AuditEntries.CountAsync(Ct)));
        Assert.Equal(5, (await Send(TestUsers.Applicant, new GetCluster(cluster.Id))).LastImportRows);
    }

    [Fact]
    public async Task A_nip_twice_in_the_file_names_both_rows_and_nothing_is_imported()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(30);
        var nip = file.Nip(4);
        file.Set(20, MemberColumn.Nip, $"{nip[..3]} {nip[3..]}");

        var result = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((20, "NIP", "import.duplicate_nip_in_file", (int?)4), (error.Row, error.Column, error.Code, error.OtherRow));
        Assert.Equal(0, await MemberCountAsync(cluster.Id));
    }

    [Fact]
    public async Task Every_invalid_cell_is_reported_with_its_row_column_and_code()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(12);
        file.Set(2, MemberColumn.Type, "Korporacja")
            .Set(3, MemberColumn.Size, "")
            .Set(4, MemberColumn.Size, "Gigantyczne")
            .Set(9, MemberColumn.Size, "Mikro")
            .Set(5, MemberColumn.Voivodeship, "15")
            .Set(6, MemberColumn.JoinedOn, "31.02.2020")
            .Set(7, MemberColumn.JoinedOn, "2031-01-01")
            .Set(10, MemberColumn.Employment, "-3")
            .Set(11, MemberColumn.Employment, "dużo")
            .Set(12, MemberColumn.Name, " ")
            .Set(13, MemberColumn.Nip, "");

        var result = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, file);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (2, "Typ", "import.unknown_type"), (3, "Wielkość", "import.size_required"), (4, "Wielkość", "import.unknown_size"),
                (5, "Województwo (TERYT)", "import.unknown_voivodeship"), (6, "Data przystąpienia", "import.invalid_date"),
                (7, "Data przystąpienia", "import.joined_in_future"), (9, "Wielkość", "import.size_not_allowed"),
                (10, "Zatrudnienie", "import.negative_employment"), (11, "Zatrudnienie", "import.invalid_employment"),
                (12, "Nazwa", "import.name_required"), (13, "NIP", "import.nip_required"),
            ],
            result.Errors.Select(e => (e.Row, e.Column!, e.Code)).ToArray());
        Assert.Equal(11, result.ErrorCount);
        Assert.Equal(0, await MemberCountAsync(cluster.Id));
    }

    [Fact]
    public async Task Values_as_people_type_them_are_accepted()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(4);
        file.Set(2, MemberColumn.Voivodeship, "2").Set(2, MemberColumn.JoinedOn, "05.03.2019").Set(2, MemberColumn.Employment, "1 200")
            .Set(3, MemberColumn.Type, "przedsiebiorstwo").Set(3, MemberColumn.Size, "DUŻE").Set(3, MemberColumn.Voivodeship, "Małopolskie")
            .Set(4, MemberColumn.Type, "Enterprise").Set(4, MemberColumn.Size, "medium");
        file.Rows.Insert(1, ["", "", "", "", "", "", ""]);

        var result = await ImportAsync(TestUsers.Applicant, cluster.Id, file.ToCsv(separator: ','), "plik.csv");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Code}")));
        var members = await MembersAsync(cluster.Id);
        Assert.Equal(4, members.Count);
        var first = members.Single(m => m.Nip == PolishIdentifiers.Normalize(file.Rows[0][1]));
        Assert.Equal(("02", new DateOnly(2019, 3, 5), 1200), (first.VoivodeshipTeryt, first.JoinedOn, first.Employment));
        var second = members.Single(m => m.Nip == PolishIdentifiers.Normalize(file.Rows[2][1]));
        Assert.Equal((MemberType.Enterprise, (EnterpriseSize?)EnterpriseSize.Large, "12"), (second.Type, second.Size, second.VoivodeshipTeryt));
    }

    [Fact]
    public async Task A_blank_line_keeps_the_row_numbers_of_the_file()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(5);
        file.Rows.Insert(1, [null, null, null, null, null, null, null]);
        file.Set(5, MemberColumn.Employment, "x");

        foreach (var (content, name) in new[] { (file.ToCsv(), "a.csv"), (file.ToXlsx(), "a.xlsx") })
        {
            var error = Assert.Single((await ImportAsync(TestUsers.Applicant, cluster.Id, content, name)).Errors);
            Assert.Equal(5, error.Row);
        }
    }

    [Fact]
    public async Task A_windows_1250_csv_keeps_its_polish_letters()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(3);
        file.Set(2, MemberColumn.Name, "Zakład Łódzki Żółć sp. z o.o.");

        var result = await ImportAsync(TestUsers.Applicant, cluster.Id, file.ToCsv(encoding: CodePages1250()), "plik.csv");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Code} {e.Value}")));
        Assert.Contains(await MembersAsync(cluster.Id), m => m.Name == "Zakład Łódzki Żółć sp. z o.o.");
    }

    [Fact]
    public async Task A_missing_column_is_reported_on_row_1()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(3);
        file.Headers = ["Nazwa", "NIP", "Typ", "Wielkość", "Województwo", "Zatrudnienie", "Uwagi"];

        var result = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "Data przystąpienia", "import.missing_column"), (error.Row, error.Column, error.Code));
    }

    [Fact]
    public async Task Append_adds_to_the_members_and_refuses_a_nip_already_there_replace_makes_the_file_the_membership()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var first = MemberFileBuilder.Valid(10);
        await ImportCsvAsync(TestUsers.Applicant, cluster.Id, first);

        var more = MemberFileBuilder.Valid(5, nipSeed: 800_000_000);
        more.Set(4, MemberColumn.Nip, first.Nip(7));
        var refused = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, more, MemberImportMode.Append);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((4, "import.duplicate_nip_in_cluster"), (error.Row, error.Code));
        Assert.Equal(10, await MemberCountAsync(cluster.Id));

        var appended = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, MemberFileBuilder.Valid(5, nipSeed: 800_000_000), MemberImportMode.Append);
        Assert.Equal((5, 0), (appended.Imported, appended.Removed));
        Assert.Equal(15, await MemberCountAsync(cluster.Id));

        // The replacing file repeats a NIP already there: the old row goes, the new one comes, in one save.
        var replacement = MemberFileBuilder.Valid(3, nipSeed: 850_000_000);
        replacement.Set(2, MemberColumn.Nip, first.Nip(2)).Set(2, MemberColumn.Name, "Nowa nazwa");
        var replaced = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, replacement);
        Assert.Equal((3, 15), (replaced.Imported, replaced.Removed));
        var members = await MembersAsync(cluster.Id);
        Assert.Equal(3, members.Count);
        Assert.Equal("Nowa nazwa", members.Single(m => m.Nip == first.Nip(2)).Name);
        var audit = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ClusterMember)).OrderBy(e => e.Sequence).Select(e => e.Operation).ToListAsync(Ct));
        // Below the bulk threshold every row has its own audit entry.
        Assert.Equal(15, audit.Count(o => o == "Deleted"));
    }

    [Fact]
    public async Task The_templates_import_as_they_are()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        foreach (var format in new[] { MemberFileFormat.Xlsx, MemberFileFormat.Csv })
        {
            var template = await Send(TestUsers.Anonymous, new GetMemberImportTemplate(format));
            var result = await ImportAsync(TestUsers.Applicant, cluster.Id, template.Content, template.FileName);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Code} {e.Value}")));
            Assert.Equal(5, result.Imported);
        }

        var csv = Encoding.UTF8.GetString((await Send(TestUsers.Anonymous, new GetMemberImportTemplate(MemberFileFormat.Csv))).Content);
        Assert.StartsWith("\uFEFFNazwa;NIP;Typ;Wielkość;Województwo (TERYT);Data przystąpienia;Zatrudnienie\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_content_does_not_match_its_extension_is_refused_naming_the_file()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var csv = MemberFileBuilder.Valid(3).ToCsv();

        var asXlsx = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(TestUsers.Applicant, cluster.Id, csv, "plik.xlsx"));
        Assert.Equal(("file", "import.content_mismatch"), (Assert.Single(asXlsx.Errors).PropertyName, asXlsx.Errors.Single().ErrorCode));
        var exe = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(TestUsers.Applicant, cluster.Id, csv, "plik.exe"));
        Assert.Equal(("file", "import.unsupported_file"), (Assert.Single(exe.Errors).PropertyName, exe.Errors.Single().ErrorCode));
        var broken = await ImportAsync(TestUsers.Applicant, cluster.Id, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "plik.xlsx");
        Assert.Equal("import.unreadable_file", Assert.Single(broken.Errors).Code);
        Assert.Equal(0, await MemberCountAsync(cluster.Id));
    }

    [Fact]
    public async Task Ten_thousand_rows_are_imported_with_progress_and_one_more_is_refused()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        var file = MemberFileBuilder.Valid(MemberFileVocabulary.MaxRows);
        var stages = new List<MemberImportProgress>();
        var xlsx = file.ToXlsx();
        var clock = Stopwatch.StartNew();
        var marks = new List<(MemberImportStage, long)>();

        var result = await ImportAsync(TestUsers.Applicant, cluster.Id, xlsx, "duzy.xlsx", progress: new Recorder(stages, s => { if (marks.Count == 0 || marks[^1].Item1 != s.Stage) marks.Add((s.Stage, clock.ElapsedMilliseconds)); }));

        TestContext.Current.TestOutputHelper?.WriteLine($"10,000 rows from XLSX on {Database.Provider}: {clock.ElapsedMilliseconds} ms; {string.Join(", ", marks)}");
        Assert.True(result.Succeeded);
        Assert.Equal(MemberFileVocabulary.MaxRows, await MemberCountAsync(cluster.Id));
        Assert.Equal([MemberImportStage.Parsing, MemberImportStage.Validating, MemberImportStage.Saving], stages.Select(s => s.Stage).Distinct());
        Assert.Equal(new MemberImportProgress(MemberImportStage.Validating, 10_000, 10_000), stages.Last(s => s.Stage == MemberImportStage.Validating));
        Assert.True(stages.Count(s => s.Stage == MemberImportStage.Parsing) > 10);
        Assert.Equal(2, await Read(db => db.AuditEntries.CountAsync(e => e.Command == nameof(ImportClusterMembers), Ct)));

        var tooMany = MemberFileBuilder.Valid(MemberFileVocabulary.MaxRows + 1);
        var refused = await ImportCsvAsync(TestUsers.Applicant, cluster.Id, tooMany);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((10_002, "import.too_many_rows"), (error.Row, error.Code));
        Assert.Equal(MemberFileVocabulary.MaxRows, await MemberCountAsync(cluster.Id));
    }

    private static Encoding CodePages1250()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1250);
    }

    private sealed class Recorder(List<MemberImportProgress> stages, Action<MemberImportProgress>? also = null) : IProgress<MemberImportProgress>
    {
        public void Report(MemberImportProgress value)
        {
            stages.Add(value);
            also?.Invoke(value);
        }
    }
}

public sealed class MemberImportTestsOnSqlite(SqliteDatabaseFixture database) : MemberImportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class MemberImportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : MemberImportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
