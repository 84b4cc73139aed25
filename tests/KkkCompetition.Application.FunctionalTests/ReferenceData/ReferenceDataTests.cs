using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.ReferenceData;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.ReferenceData;

public abstract class ReferenceDataTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task The_reference_data_is_there_after_start_up()
    {
        Assert.Equal(16, (await Send(TestUsers.Anonymous, new ListVoivodeships())).Count);
        Assert.NotEmpty(await Send(TestUsers.Anonymous, new ListKisSpecialisations()));
        Assert.Equal(13, await Read(db => db.CriterionTemplates.CountAsync(Ct)));
        Assert.NotEmpty(await Read(db => db.KpiDefinitions.Where(k => k.IsMandatory).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Importing_brings_back_changed_rows_and_a_second_run_changes_and_audits_nothing()
    {
        await Read(db => db.Voivodeships.Where(v => v.Teryt == "14").ExecuteUpdateAsync(s => s.SetProperty(v => v.Name, "zmienione"), Ct));
        await Read(db => db.CriterionTemplates.Where(c => c.Order == 1).ExecuteDeleteAsync(Ct));

        var first = await Send(TestUsers.Administrator, ReferenceDataFiles.Load());
        var auditAfterFirst = await Read(db => db.AuditEntries.CountAsync(Ct));
        var second = await Send(TestUsers.System, ReferenceDataFiles.Load());

        Assert.Equal(2, first);
        Assert.Equal(2, auditAfterFirst);
        Assert.Equal(0, second);
        Assert.Equal(auditAfterFirst, await Read(db => db.AuditEntries.CountAsync(Ct)));
        Assert.Equal(13, await Read(db => db.CriterionTemplates.CountAsync(Ct)));
        Assert.NotEqual("zmienione", await Read(db => db.Voivodeships.Where(v => v.Teryt == "14").Select(v => v.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_kis_code_gone_from_the_list_is_retired_not_deleted()
    {
        var data = ReferenceDataFiles.Load();
        var gone = data.Kis[^1].Code;

        var changes = await Send(TestUsers.System, data with { Kis = data.Kis.Take(data.Kis.Count - 1).ToList() });

        Assert.Equal(1, changes);
        var all = await Send(TestUsers.Anonymous, new ListKisSpecialisations(IncludeRetired: true));
        Assert.False(all.Single(k => k.Code == gone).IsActive);
        Assert.DoesNotContain(await Send(TestUsers.Anonymous, new ListKisSpecialisations()), k => k.Code == gone);
    }

    [Fact]
    public async Task Officials_may_not_import_reference_data() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, ReferenceDataFiles.Load()));
}

public sealed class ReferenceDataTestsOnSqlite(SqliteDatabaseFixture database) : ReferenceDataTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ReferenceDataTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReferenceDataTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
