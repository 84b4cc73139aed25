using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.UnitTests.Clusters;

public sealed class ClusterTests
{
    private const string ValidNip = "1234563218";
    private const string OtherValidNip = "5260250274";

    private static Cluster NewCluster() =>
        Cluster.Found(Guid.CreateVersion7(), "Klaster", new DateOnly(2018, 1, 1), "14", ["KIS1", "KIS1", "KIS2"], null);

    private static ClusterMember Add(Cluster cluster, string nip, MemberType type = MemberType.Enterprise, EnterpriseSize? size = EnterpriseSize.Small) =>
        cluster.AddMember("Firma", nip, type, size, "14", new DateOnly(2020, 1, 1), 10);

    [Fact]
    public void A_cluster_keeps_each_specialisation_once() =>
        Assert.Equal(["KIS1", "KIS2"], NewCluster().KisCodes);

    [Fact]
    public void A_member_with_a_valid_nip_is_added_with_the_nip_normalized()
    {
        var cluster = NewCluster();

        var member = Add(cluster, "123-456-32-18");

        Assert.Equal(ValidNip, member.Nip);
        Assert.Equal(cluster.Id, member.ClusterId);
        Assert.Single(cluster.Members);
    }

    [Fact]
    public void A_member_with_an_invalid_nip_is_refused()
    {
        var cluster = NewCluster();

        var ex = Assert.Throws<BusinessRuleViolation>(() => Add(cluster, "1234563219"));

        Assert.Equal("cluster.member_invalid_nip", ex.Code);
        Assert.Empty(cluster.Members);
    }

    [Theory]
    [InlineData(ValidNip)]
    [InlineData("123 456 32 18")]
    public void A_second_member_with_the_same_nip_is_refused(string sameNip)
    {
        var cluster = NewCluster();
        Add(cluster, ValidNip);

        var ex = Assert.Throws<BusinessRuleViolation>(() => Add(cluster, sameNip, MemberType.Other, null));

        Assert.Equal("cluster.member_duplicate_nip", ex.Code);
        Assert.Single(cluster.Members);
    }

    [Fact]
    public void Members_with_different_nips_are_added()
    {
        var cluster = NewCluster();
        Add(cluster, ValidNip);
        Add(cluster, OtherValidNip, MemberType.ResearchOrUniversity, null);
        Assert.Equal(2, cluster.Members.Count);
    }

    [Fact]
    public void An_enterprise_without_a_size_is_refused()
    {
        var cluster = NewCluster();
        var ex = Assert.Throws<BusinessRuleViolation>(() => Add(cluster, ValidNip, MemberType.Enterprise, null));
        Assert.Equal("cluster.member_size_mismatch", ex.Code);
        Assert.Empty(cluster.Members);
    }

    [Theory]
    [InlineData(MemberType.ResearchOrUniversity)]
    [InlineData(MemberType.BusinessSupportInstitution)]
    [InlineData(MemberType.LocalGovernment)]
    [InlineData(MemberType.Other)]
    public void A_non_enterprise_with_a_size_is_refused(MemberType type)
    {
        var cluster = NewCluster();
        var ex = Assert.Throws<BusinessRuleViolation>(() => Add(cluster, ValidNip, type, EnterpriseSize.Micro));
        Assert.Equal("cluster.member_size_mismatch", ex.Code);
    }

    [Theory]
    [InlineData(MemberType.ResearchOrUniversity)]
    [InlineData(MemberType.BusinessSupportInstitution)]
    [InlineData(MemberType.LocalGovernment)]
    [InlineData(MemberType.Other)]
    public void A_non_enterprise_without_a_size_is_added(MemberType type) =>
        Assert.Null(Add(NewCluster(), ValidNip, type, null).Size);

    [Fact]
    public void An_organisation_with_valid_identifiers_registers_normalized()
    {
        var organisation = Organisation.Register(Guid.CreateVersion7(), "Fundacja", "123-456-32-18", "123-456-785", "0000-012-345", "fundacja", "Warszawa", "14");
        Assert.Equal(ValidNip, organisation.Nip);
        Assert.Equal("123456785", organisation.Regon);
        Assert.Equal("0000012345", organisation.Krs);
    }

    [Theory]
    [InlineData("1234563219", null, null, "organisation.invalid_nip")]
    [InlineData(ValidNip, "123456786", null, "organisation.invalid_regon")]
    [InlineData(ValidNip, null, "12345", "organisation.invalid_krs")]
    public void An_organisation_with_an_invalid_identifier_is_refused(string nip, string? regon, string? krs, string code)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => Organisation.Register(Guid.CreateVersion7(), "F", nip, regon, krs, "f", "W", "14"));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void An_organisation_is_edited_with_its_identifiers_checked_again()
    {
        var organisation = Organisation.Register(Guid.CreateVersion7(), "F", ValidNip, null, null, "f", "W", "14");

        organisation.Edit(" Fundacja ", OtherValidNip, "123456785", "", "stowarzyszenie", "Kraków", "12");

        Assert.Equal(("Fundacja", OtherValidNip, "123456785", (string?)null, "12"), (organisation.Name, organisation.Nip, organisation.Regon, organisation.Krs, organisation.VoivodeshipTeryt));
        var ex = Assert.Throws<BusinessRuleViolation>(() => organisation.Edit("F", ValidNip, "123456786", null, "f", "W", "14"));
        Assert.Equal("organisation.invalid_regon", ex.Code);
        Assert.Equal(OtherValidNip, organisation.Nip);
    }

    [Fact]
    public void An_organisation_without_a_name_is_refused() =>
        Assert.Equal("organisation.name_required", Assert.Throws<BusinessRuleViolation>(() => Organisation.Register(Guid.CreateVersion7(), " ", ValidNip, null, null, "f", "W", "14")).Code);

    [Fact]
    public void A_cluster_founded_today_is_allowed_and_one_founded_tomorrow_is_refused()
    {
        var today = new DateOnly(2027, 1, 15);
        Assert.Equal(today, Cluster.Found(Guid.CreateVersion7(), "K", today, "14", ["KIS1"], null, today: today).FoundedOn);

        var ex = Assert.Throws<BusinessRuleViolation>(() => Cluster.Found(Guid.CreateVersion7(), "K", today.AddDays(1), "14", ["KIS1"], null, today: today));
        Assert.Equal("cluster.founded_in_future", ex.Code);
    }

    [Fact]
    public void A_cluster_needs_at_least_one_specialisation()
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => Cluster.Found(Guid.CreateVersion7(), "K", new DateOnly(2018, 1, 1), "14", [" "], null));
        Assert.Equal("cluster.specialisation_required", ex.Code);
        var cluster = NewCluster();
        Assert.Throws<BusinessRuleViolation>(() => cluster.Edit("K", new DateOnly(2018, 1, 1), "14", [], [], null, null));
        Assert.Equal(["KIS1", "KIS2"], cluster.KisCodes);
    }

    [Fact]
    public void A_cluster_is_edited_keeping_each_technology_once_and_an_empty_website_as_none()
    {
        var cluster = NewCluster();

        cluster.Edit(" Klaster 2 ", new DateOnly(2017, 6, 1), "12", ["KIS4"], ["AI", " ai ", "fotonika", ""], " ", new DateOnly(2027, 1, 1));

        Assert.Equal(("Klaster 2", "12", (string?)null), (cluster.Name, cluster.VoivodeshipTeryt, cluster.Website));
        Assert.Equal(["AI", "fotonika"], cluster.KeyEnablingTechnologies);
    }

    [Fact]
    public void A_member_with_negative_employment_is_refused_and_zero_is_allowed()
    {
        var cluster = NewCluster();
        var ex = Assert.Throws<BusinessRuleViolation>(() => cluster.AddMember("F", ValidNip, MemberType.Other, null, "14", new DateOnly(2020, 1, 1), -1));
        Assert.Equal("cluster.member_negative_employment", ex.Code);
        Assert.Equal(0, cluster.AddMember("F", ValidNip, MemberType.Other, null, "14", new DateOnly(2020, 1, 1), 0).Employment);
    }

    [Fact]
    public void A_member_is_edited_keeping_its_own_nip_and_refused_a_nip_another_member_has()
    {
        var cluster = NewCluster();
        var first = Add(cluster, ValidNip);
        Add(cluster, OtherValidNip, MemberType.Other, null);

        var edited = cluster.EditMember(first.Id, new MemberData("Nowa", ValidNip, MemberType.LocalGovernment, null, "02", new DateOnly(2021, 1, 1), 5));
        Assert.Equal(("Nowa", MemberType.LocalGovernment, (EnterpriseSize?)null), (edited.Name, edited.Type, edited.Size));

        var ex = Assert.Throws<BusinessRuleViolation>(() => cluster.EditMember(first.Id, new MemberData("Nowa", "526-025-02-74", MemberType.Other, null, "02", new DateOnly(2021, 1, 1), 5)));
        Assert.Equal("cluster.member_duplicate_nip", ex.Code);
        Assert.Equal(ValidNip, first.Nip);
    }

    [Fact]
    public void A_member_is_removed_and_an_unknown_one_cannot_be()
    {
        var cluster = NewCluster();
        var member = Add(cluster, ValidNip);

        cluster.RemoveMember(member.Id);

        Assert.Empty(cluster.Members);
        Assert.Equal("cluster.member_not_found", Assert.Throws<BusinessRuleViolation>(() => cluster.RemoveMember(member.Id)).Code);
    }

    private static MemberData Row(string nip, string name = "Firma") => new(name, nip, MemberType.Other, null, "14", new DateOnly(2020, 1, 1), 3);

    [Fact]
    public void An_import_replaces_the_members_and_records_when_and_how()
    {
        var cluster = NewCluster();
        Add(cluster, ValidNip);
        var at = new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero);

        var imported = cluster.ImportMembers([Row("123-456-32-18", "Nowa"), Row(OtherValidNip)], MemberImportMode.Replace, at);

        Assert.Equal(2, imported);
        Assert.Equal(["Nowa", "Firma"], cluster.Members.Select(m => m.Name));
        Assert.Equal((at, 2, (MemberImportMode?)MemberImportMode.Replace), (cluster.LastImportAt, cluster.LastImportRows, cluster.LastImportMode));
    }

    [Fact]
    public void An_import_appends_and_refuses_a_nip_already_in_the_cluster_changing_nothing()
    {
        var cluster = NewCluster();
        Add(cluster, ValidNip);

        var ex = Assert.Throws<BusinessRuleViolation>(() => cluster.ImportMembers([Row(OtherValidNip), Row(ValidNip)], MemberImportMode.Append, DateTimeOffset.UnixEpoch));

        Assert.Equal("cluster.member_duplicate_nip", ex.Code);
        Assert.Single(cluster.Members);
        Assert.Null(cluster.LastImportAt);
        Assert.Equal(1, cluster.ImportMembers([Row(OtherValidNip)], MemberImportMode.Append, DateTimeOffset.UnixEpoch));
        Assert.Equal(2, cluster.Members.Count);
    }

    [Fact]
    public void An_import_with_a_nip_twice_or_an_invalid_row_changes_nothing()
    {
        var cluster = NewCluster();
        Add(cluster, ValidNip);

        Assert.Equal("cluster.member_duplicate_nip", Assert.Throws<BusinessRuleViolation>(() => cluster.ImportMembers([Row(OtherValidNip), Row("5260250274")], MemberImportMode.Replace, DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal("cluster.member_invalid_nip", Assert.Throws<BusinessRuleViolation>(() => cluster.ImportMembers([Row("5260250275")], MemberImportMode.Replace, DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal(ValidNip, Assert.Single(cluster.Members).Nip);
    }
}
