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
}
