using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Clusters;

/// <summary>The coordinating organisation of a cluster (koordynator), owned by the applicant who registered it.</summary>
public sealed class Organisation : Entity
{
    private Organisation()
    {
    }

    public Guid OwnerUserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Nip { get; private set; } = "";
    public string? Regon { get; private set; }
    public string? Krs { get; private set; }
    public string LegalForm { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string VoivodeshipTeryt { get; private set; } = "";

    public static Organisation Register(Guid ownerUserId, string name, string nip, string? regon, string? krs, string legalForm, string address, string voivodeshipTeryt)
    {
        if (!PolishIdentifiers.IsValidNip(nip))
        {
            throw new BusinessRuleViolation("organisation.invalid_nip", "The NIP is not valid.");
        }

        if (regon is not null && !PolishIdentifiers.IsValidRegon(regon))
        {
            throw new BusinessRuleViolation("organisation.invalid_regon", "The REGON is not valid.");
        }

        if (krs is not null && !PolishIdentifiers.IsValidKrs(krs))
        {
            throw new BusinessRuleViolation("organisation.invalid_krs", "The KRS number is not valid.");
        }

        return new Organisation
        {
            OwnerUserId = ownerUserId,
            Name = name,
            Nip = PolishIdentifiers.Normalize(nip),
            Regon = regon is null ? null : PolishIdentifiers.Normalize(regon),
            Krs = krs is null ? null : PolishIdentifiers.Normalize(krs),
            LegalForm = legalForm,
            Address = address,
            VoivodeshipTeryt = voivodeshipTeryt,
        };
    }
}

public enum MemberType
{
    Enterprise,
    ResearchOrUniversity,
    BusinessSupportInstitution,
    LocalGovernment,
    Other,
}

public enum EnterpriseSize
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>A cluster led by a coordinating organisation, with its members.</summary>
public sealed class Cluster : Entity
{
    private readonly List<ClusterMember> _members = [];

    private Cluster()
    {
    }

    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly FoundedOn { get; private set; }
    public string VoivodeshipTeryt { get; private set; } = "";
    public List<string> KisCodes { get; private set; } = [];
    public string? Website { get; private set; }
    public IReadOnlyList<ClusterMember> Members => _members;

    public static Cluster Found(Guid organisationId, string name, DateOnly foundedOn, string voivodeshipTeryt, IEnumerable<string> kisCodes, string? website) => new()
    {
        OrganisationId = organisationId,
        Name = name,
        FoundedOn = foundedOn,
        VoivodeshipTeryt = voivodeshipTeryt,
        KisCodes = kisCodes.Distinct().ToList(),
        Website = website,
    };

    public ClusterMember AddMember(string name, string nip, MemberType type, EnterpriseSize? size, string voivodeshipTeryt, DateOnly joinedOn, int employment)
    {
        var normalized = PolishIdentifiers.Normalize(nip);
        if (!PolishIdentifiers.IsValidNip(normalized))
        {
            throw new BusinessRuleViolation("cluster.member_invalid_nip", "The member's NIP is not valid.", nip);
        }

        if (_members.Any(m => m.Nip == normalized))
        {
            throw new BusinessRuleViolation("cluster.member_duplicate_nip", "A member with this NIP is already in the cluster.", normalized);
        }

        if ((type == MemberType.Enterprise) != size.HasValue)
        {
            throw new BusinessRuleViolation("cluster.member_size_mismatch", "Enterprises, and only enterprises, have a size.");
        }

        var member = new ClusterMember(Id, name, normalized, type, size, voivodeshipTeryt, joinedOn, employment);
        _members.Add(member);
        return member;
    }
}

public sealed class ClusterMember : Entity
{
    private ClusterMember()
    {
    }

    internal ClusterMember(Guid clusterId, string name, string nip, MemberType type, EnterpriseSize? size, string voivodeshipTeryt, DateOnly joinedOn, int employment)
    {
        ClusterId = clusterId;
        Name = name;
        Nip = nip;
        Type = type;
        Size = size;
        VoivodeshipTeryt = voivodeshipTeryt;
        JoinedOn = joinedOn;
        Employment = employment;
    }

    public Guid ClusterId { get; private set; }
    public string Name { get; private set; } = "";
    public string Nip { get; private set; } = "";
    public MemberType Type { get; private set; }
    public EnterpriseSize? Size { get; private set; }
    public string VoivodeshipTeryt { get; private set; } = "";
    public DateOnly JoinedOn { get; private set; }
    public int Employment { get; private set; }
}
