using FluentValidation;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Clusters;

public abstract class MemberTests(DatabaseFixture database) : ClusterTest(database)
{
    private static readonly string NipA = PolishIdentifiers.CompleteNip("111222333");
    private static readonly string NipB = PolishIdentifiers.CompleteNip("444555666");

    [Fact]
    public async Task Members_are_added_edited_and_removed_one_by_one()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);

        var added = await Send(TestUsers.Applicant, NewMember(cluster.Id, NipA));
        var edited = await Send(TestUsers.Applicant, new UpdateClusterMember(cluster.Id, added.Id, "Uczelnia", NipA, MemberType.ResearchOrUniversity, null, "02", new DateOnly(2020, 1, 1), 900, added.Version));

        Assert.Equal(1, edited.Version);
        var stored = Assert.Single(await MembersAsync(cluster.Id));
        Assert.Equal(("Uczelnia", MemberType.ResearchOrUniversity, (EnterpriseSize?)null, 900, 1), (stored.Name, stored.Type, stored.Size, stored.Employment, stored.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Applicant, new UpdateClusterMember(cluster.Id, added.Id, "Stara", NipA, MemberType.Other, null, "02", new DateOnly(2020, 1, 1), 1, added.Version)));

        Assert.True(await Send(TestUsers.Applicant, new RemoveClusterMember(cluster.Id, added.Id)));
        Assert.Equal(0, await MemberCountAsync(cluster.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new RemoveClusterMember(cluster.Id, added.Id)));
        var audited = await Read(db => db.AuditEntries.Where(e => e.EntityType == nameof(ClusterMember)).OrderBy(e => e.Sequence).Select(e => e.Operation).ToListAsync(Ct));
        Assert.Equal(["Added", "Modified", "Deleted"], audited);
    }

    [Fact]
    public async Task A_second_member_with_the_same_nip_is_refused_with_409_and_editing_into_a_taken_nip_too()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        await Send(TestUsers.Applicant, NewMember(cluster.Id, NipA));
        var b = await Send(TestUsers.Applicant, NewMember(cluster.Id, NipB, MemberType.Other, null));

        var duplicate = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Applicant, NewMember(cluster.Id, $"{NipA[..3]}-{NipA[3..]}", MemberType.LocalGovernment, null)));
        Assert.Equal("cluster.member_duplicate_nip", duplicate.Code);
        var edit = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Applicant, new UpdateClusterMember(cluster.Id, b.Id, "B", NipA, MemberType.Other, null, "14", new DateOnly(2020, 1, 1), 1, b.Version)));
        Assert.Equal("cluster.member_duplicate_nip", edit.Code);
        Assert.Equal(2, await MemberCountAsync(cluster.Id));

        // The same NIP in another cluster is fine.
        var other = await ClusterOfAsync(OtherApplicant, PolishIdentifiers.CompleteNip("777000111"));
        await Send(OtherApplicant, NewMember(other.Id, NipA));
    }

    [Fact]
    public async Task An_enterprise_needs_a_size_and_others_have_none_and_bad_fields_are_named()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);

        var noSize = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewMember(cluster.Id, NipA, MemberType.Enterprise, null)));
        Assert.Equal(("Size", "cluster.member_size_mismatch"), (Assert.Single(noSize.Errors).PropertyName, noSize.Errors.Single().ErrorCode));
        var sized = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewMember(cluster.Id, NipA, MemberType.LocalGovernment, EnterpriseSize.Large)));
        Assert.Equal("Size", Assert.Single(sized.Errors).PropertyName);

        var bad = NewMember(cluster.Id, MemberFileBuilderSpoil(NipA)) with { Employment = -1, VoivodeshipTeryt = "99", JoinedOn = new DateOnly(2030, 1, 1), Name = "" };
        var fields = (await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, bad))).Errors.Select(e => e.PropertyName).Distinct().Order().ToArray();
        Assert.Equal(["Employment", "JoinedOn", "Name", "Nip", "VoivodeshipTeryt"], fields);
        Assert.Equal(0, await MemberCountAsync(cluster.Id));
    }

    [Fact]
    public async Task Members_are_paged_sorted_and_filtered_by_name_nip_and_type_on_the_server()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);
        await ImportCsvAsync(TestUsers.Applicant, cluster.Id, Testing.Clusters.MemberFileBuilder.Valid(60));

        var first = await Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, PageSize: 25, SortBy: MemberSort.Employment, Descending: true));
        Assert.Equal(60, first.TotalCount);
        Assert.Equal(25, first.Items.Count);
        Assert.Equal(first.Items.Select(m => m.Employment).OrderDescending(), first.Items.Select(m => m.Employment));
        var third = await Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, Page: 3, PageSize: 25, SortBy: MemberSort.Employment, Descending: true));
        Assert.Equal(10, third.Items.Count);
        Assert.Empty(first.Items.Select(m => m.Id).Intersect(third.Items.Select(m => m.Id)));

        var byName = await Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, Search: "członek 17 "));
        Assert.Equal("Członek 17 sp. z o.o.", Assert.Single(byName.Items).Name);
        var nip = byName.Items[0].Nip;
        var byNip = await Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, Search: $"{nip[..3]}-{nip[3..6]}"));
        Assert.Contains(byNip.Items, m => m.Nip == nip);
        Assert.All(byNip.Items, m => Assert.StartsWith(nip[..6], m.Nip, StringComparison.Ordinal));
        var universities = await Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, Type: MemberType.ResearchOrUniversity));
        Assert.Equal(6, universities.TotalCount);
        Assert.All(universities.Items, m => Assert.Equal(MemberType.ResearchOrUniversity, m.Type));
        await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, new ListClusterMembers(cluster.Id, PageSize: 500)));
    }

    private static string MemberFileBuilderSpoil(string nip) => Testing.Clusters.MemberFileBuilder.Spoil(nip);
}

public sealed class MemberTestsOnSqlite(SqliteDatabaseFixture database) : MemberTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class MemberTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : MemberTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
