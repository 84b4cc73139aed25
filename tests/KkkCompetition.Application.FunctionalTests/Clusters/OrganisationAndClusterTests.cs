using FluentValidation;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Clusters;

public abstract class OrganisationAndClusterTests(DatabaseFixture database) : ClusterTest(database)
{
    [Fact]
    public async Task An_applicant_registers_the_organisation_with_identifiers_normalized_and_reads_it_back()
    {
        var created = await Send(TestUsers.Applicant, NewOrganisation() with { Nip = $"{OrganisationNip[..3]}-{OrganisationNip[3..6]}-{OrganisationNip[6..8]}-{OrganisationNip[8..]}", Regon = "123 456 785" });

        var mine = await Send(TestUsers.Applicant, new GetMyOrganisation());
        Assert.Equal(created.Id, mine.Id);
        Assert.Equal(OrganisationNip, mine.Nip);
        Assert.Equal("123456785", mine.Regon);
        Assert.Equal(TestUsers.Applicant.UserId, mine.OwnerUserId);
        Assert.Equal(mine, await Send(TestUsers.Official, new GetOrganisation(created.Id)));
        Assert.Single(await Read(db => db.AuditEntries.Where(e => e.EntityType == nameof(Organisation)).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData("Regon", "123456786", "organisation.invalid_regon")]
    [InlineData("Regon", "12345678512348", "organisation.invalid_regon")]
    [InlineData("Nip", "1234563219", "organisation.invalid_nip")]
    [InlineData("Krs", "00000123", "organisation.invalid_krs")]
    public async Task A_wrong_digit_in_an_identifier_is_refused_naming_the_field_and_nothing_is_saved(string field, string value, string code)
    {
        var command = field switch
        {
            "Regon" => NewOrganisation() with { Regon = value },
            "Nip" => NewOrganisation() with { Nip = value },
            _ => NewOrganisation() with { Krs = value },
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, command));

        var failure = Assert.Single(ex.Errors);
        Assert.Equal(field, failure.PropertyName);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Equal(0, await Read(db => db.Organisations.CountAsync(Ct)));
        Assert.Equal(0, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_14_digit_regon_and_no_krs_are_accepted()
    {
        var created = await Send(TestUsers.Applicant, NewOrganisation() with { Regon = Regon14(), Krs = " " });
        Assert.Equal(14, created.Regon!.Length);
        Assert.Null(created.Krs);
    }

    [Fact]
    public async Task An_unknown_voivodeship_is_refused_naming_the_field()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewOrganisation() with { VoivodeshipTeryt = "15" }));
        Assert.Equal("VoivodeshipTeryt", Assert.Single(ex.Errors).PropertyName);
    }

    [Fact]
    public async Task One_applicant_registers_one_organisation_and_edits_it_with_the_version_last_read()
    {
        var created = await Send(TestUsers.Applicant, NewOrganisation());
        var second = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Applicant, NewOrganisation()));
        Assert.Equal("organisation.already_registered", second.Code);

        var edit = new UpdateMyOrganisation("Nowa nazwa", created.Nip, null, null, "stowarzyszenie", "ul. Nowa 2", "12", created.Version);
        var edited = await Send(TestUsers.Applicant, edit);
        Assert.Equal(1, edited.Version);
        Assert.Equal(edited, await Send(TestUsers.Applicant, new GetMyOrganisation()));
        Assert.Null(edited.Regon);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Applicant, edit with { Name = "Jeszcze inna" }));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);
        Assert.Equal("Nowa nazwa", (await Send(TestUsers.Applicant, new GetMyOrganisation())).Name);
    }

    [Fact]
    public async Task Before_registering_there_is_no_organisation_and_no_cluster()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetMyOrganisation()));
        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Applicant, NewCluster()));
        Assert.Equal("cluster.organisation_required", ex.Code);
        Assert.Equal(0, (await Send(TestUsers.Applicant, new ListClusters())).TotalCount);
    }

    [Fact]
    public async Task An_organisation_founds_one_cluster_and_edits_it()
    {
        var cluster = await ClusterOfAsync(TestUsers.Applicant);

        Assert.Equal(["KIS1", "KIS3"], cluster.KisCodes);
        Assert.Equal(["fotonika", "AI"], cluster.KeyEnablingTechnologies);
        Assert.Equal("Fundacja Klastra Testowego", cluster.OrganisationName);
        Assert.Equal(cluster, await Send(TestUsers.Applicant, new GetCluster(cluster.Id)));
        Assert.Equal(cluster.Id, Assert.Single((await Send(TestUsers.Applicant, new ListClusters())).Items).Id);
        var second = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Applicant, NewCluster("Drugi")));
        Assert.Equal("cluster.already_founded", second.Code);

        var edited = await Send(TestUsers.Applicant, new UpdateCluster(cluster.Id, "Klaster Zmieniony", new DateOnly(2018, 1, 1), "12", ["KIS2"], [], null, cluster.Version));
        Assert.Equal(1, edited.Version);
        Assert.Equal(edited, await Send(TestUsers.Applicant, new GetCluster(cluster.Id)));
        var unchanged = await Send(TestUsers.Applicant, new UpdateCluster(cluster.Id, "Klaster Zmieniony", new DateOnly(2018, 1, 1), "12", ["KIS2"], [], null, edited.Version));
        Assert.Equal(edited.Version, unchanged.Version);
        Assert.Equal(unchanged.Version, (await Send(TestUsers.Applicant, new GetCluster(cluster.Id))).Version);
    }

    [Fact]
    public async Task A_cluster_with_a_future_founding_date_no_or_an_unknown_specialisation_is_refused_naming_the_fields()
    {
        await Send(TestUsers.Applicant, NewOrganisation());
        var tomorrow = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(TestClock.Start).AddDays(1);

        var future = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewCluster() with { FoundedOn = tomorrow }));
        Assert.Equal("FoundedOn", Assert.Single(future.Errors).PropertyName);
        Assert.Equal("cluster.founded_in_future", Assert.Single(future.Errors).ErrorCode);

        var none = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewCluster() with { KisCodes = [] }));
        Assert.Equal("KisCodes", Assert.Single(none.Errors).PropertyName);

        var unknown = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Applicant, NewCluster() with { KisCodes = ["KIS1", "KIS99"], Website = "ftp://x" }));
        Assert.Equal(["KisCodes[1]", "Website"], unknown.Errors.Select(e => e.PropertyName).Order().ToArray());
        Assert.Equal(0, await Read(db => db.Clusters.CountAsync(Ct)));

        var today = await Send(TestUsers.Applicant, NewCluster() with { FoundedOn = tomorrow.AddDays(-1) });
        Assert.Equal(tomorrow.AddDays(-1), today.FoundedOn);
    }

    [Fact]
    public async Task Someone_elses_cluster_is_not_found_and_staff_read_any_cluster_but_change_none()
    {
        var mine = await ClusterOfAsync(TestUsers.Applicant);
        var theirs = await ClusterOfAsync(OtherApplicant, Domain.Identifiers.PolishIdentifiers.CompleteNip("777000111"));

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new GetCluster(theirs.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new ListClusterMembers(theirs.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, NewMember(theirs.Id, Domain.Identifiers.PolishIdentifiers.CompleteNip("888000111"))));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Applicant, new UpdateCluster(theirs.Id, "Przejęty", theirs.FoundedOn, "14", ["KIS1"], [], null, theirs.Version)));
        await Assert.ThrowsAsync<NotFoundException>(() => ImportCsvAsync(TestUsers.Applicant, theirs.Id, Testing.Clusters.MemberFileBuilder.Valid(3)));
        Assert.Equal([mine.Id], (await Send(TestUsers.Applicant, new ListClusters())).Items.Select(c => c.Id));
        Assert.Equal(0, await MemberCountAsync(theirs.Id));

        Assert.Equal(theirs.Name, (await Send(TestUsers.Official, new GetCluster(theirs.Id))).Name);
        Assert.Equal(2, (await Send(TestUsers.Official, new ListClusters())).TotalCount);
        Assert.Equal("Klaster Testowy", Assert.Single((await Send(TestUsers.Administrator, new ListClusters(Search: "TESTOWY", PageSize: 1))).Items).Name);
        Assert.Equal(0, (await Send(TestUsers.Official, new ListClusterMembers(theirs.Id))).TotalCount);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, NewMember(theirs.Id, Domain.Identifiers.PolishIdentifiers.CompleteNip("888000111"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new GetCluster(theirs.Id)));
    }

    private static string Regon14()
    {
        for (var d = 0; d < 10; d++)
        {
            var candidate = "1234567851234" + d;
            if (Domain.Identifiers.PolishIdentifiers.IsValidRegon(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No check digit fits.");
    }
}

public sealed class OrganisationAndClusterTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationAndClusterTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class OrganisationAndClusterTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationAndClusterTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
