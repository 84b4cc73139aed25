using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Clusters;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Clusters;

/// <summary>Base of the cluster tests: an applicant with a registered organisation and a founded cluster, one call away.</summary>
public abstract class ClusterTest(DatabaseFixture database) : FunctionalTest(database)
{
    protected static readonly string OrganisationNip = PolishIdentifiers.CompleteNip("525123456");

    /// <summary>An applicant other than <see cref="TestUsers.Applicant"/>, with an organisation and cluster of his own in some tests.</summary>
    protected static readonly FixedUser OtherApplicant = new(Guid.Parse("0195f000-0000-7000-8000-000000000002"), "other-applicant@test.kkk.gov.pl", [Roles.Applicant], "192.0.2.11", "test-other");

    protected static RegisterOrganisation NewOrganisation(string? nip = null) =>
        new("Fundacja Klastra Testowego", nip ?? OrganisationNip, "123456785", "0000012345", "fundacja", "ul. Testowa 1, 00-001 Warszawa", "14");

    protected static FoundCluster NewCluster(string name = "Klaster Testowy") =>
        new(name, new DateOnly(2019, 5, 20), "14", ["KIS1", "KIS3"], ["fotonika", "AI"], "https://klaster.example.pl");

    protected async Task<ClusterDto> ClusterOfAsync(FixedUser applicant, string? organisationNip = null)
    {
        await Send(applicant, NewOrganisation(organisationNip));
        return await Send(applicant, NewCluster());
    }

    protected Task<MemberImportResult> ImportAsync(FixedUser applicant, Guid clusterId, byte[] file, string fileName, MemberImportMode mode = MemberImportMode.Replace, IProgress<MemberImportProgress>? progress = null) =>
        Send(applicant, new ImportClusterMembers(clusterId, fileName, new MemoryStream(file), mode) { Progress = progress });

    protected Task<MemberImportResult> ImportCsvAsync(FixedUser applicant, Guid clusterId, MemberFileBuilder file, MemberImportMode mode = MemberImportMode.Replace) =>
        ImportAsync(applicant, clusterId, file.ToCsv(), "czlonkowie.csv", mode);

    protected Task<int> MemberCountAsync(Guid clusterId) => Read(db => db.ClusterMembers.CountAsync(m => m.ClusterId == clusterId, Ct));

    protected Task<List<ClusterMember>> MembersAsync(Guid clusterId) =>
        Read(db => db.ClusterMembers.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.Nip).ToListAsync(Ct));

    protected static AddClusterMember NewMember(Guid clusterId, string nip, MemberType type = MemberType.Enterprise, EnterpriseSize? size = EnterpriseSize.Small, string name = "Firma Testowa sp. z o.o.") =>
        new(clusterId, name, nip, type, size, "12", new DateOnly(2021, 4, 1), 42);
}
