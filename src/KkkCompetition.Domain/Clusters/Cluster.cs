using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Clusters;

/// <summary>
/// The coordinating organisation of a cluster (koordynator), owned by the applicant who registered it. One applicant
/// owns at most one organisation (the persistence layer keeps the owner unique).
/// </summary>
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
        var organisation = new Organisation { OwnerUserId = ownerUserId };
        organisation.Edit(name, nip, regon, krs, legalForm, address, voivodeshipTeryt);
        return organisation;
    }

    /// <summary>Changes the organisation's data; the identifiers are checked again (an empty REGON or KRS means none).</summary>
    public void Edit(string name, string nip, string? regon, string? krs, string legalForm, string address, string voivodeshipTeryt)
    {
        regon = string.IsNullOrWhiteSpace(regon) ? null : regon;
        krs = string.IsNullOrWhiteSpace(krs) ? null : krs;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleViolation("organisation.name_required", "The organisation needs a name.");
        }

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

        Name = name.Trim();
        Nip = PolishIdentifiers.Normalize(nip);
        Regon = regon is null ? null : PolishIdentifiers.Normalize(regon);
        Krs = krs is null ? null : PolishIdentifiers.Normalize(krs);
        LegalForm = legalForm.Trim();
        Address = address.Trim();
        VoivodeshipTeryt = voivodeshipTeryt;
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

/// <summary>How an import treats the members already in the cluster.</summary>
public enum MemberImportMode
{
    /// <summary>The file is the whole membership: members not in it are removed.</summary>
    Replace,

    /// <summary>The file's members are added to those already there; a NIP already in the cluster is refused.</summary>
    Append,
}

/// <summary>One member's data, as typed in a form or read from an import file.</summary>
public sealed record MemberData(string Name, string Nip, MemberType Type, EnterpriseSize? Size, string VoivodeshipTeryt, DateOnly JoinedOn, int Employment);

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

    /// <summary>Key enabling technologies (KET), as the applicant names them: a free list.</summary>
    public List<string> KeyEnablingTechnologies { get; private set; } = [];

    public string? Website { get; private set; }
    public IReadOnlyList<ClusterMember> Members => _members;

    /// <summary>When the members were last imported from a file, how many rows, and how (null before any import).</summary>
    public DateTimeOffset? LastImportAt { get; private set; }

    public int? LastImportRows { get; private set; }

    public MemberImportMode? LastImportMode { get; private set; }

    /// <summary>
    /// Founds a cluster. With <paramref name="today"/> (Warsaw date) a founding date after it is refused; seeds and
    /// generators that build history leave it out.
    /// </summary>
    public static Cluster Found(
        Guid organisationId,
        string name,
        DateOnly foundedOn,
        string voivodeshipTeryt,
        IEnumerable<string> kisCodes,
        string? website,
        IEnumerable<string>? keyEnablingTechnologies = null,
        DateOnly? today = null)
    {
        var cluster = new Cluster { OrganisationId = organisationId };
        cluster.Edit(name, foundedOn, voivodeshipTeryt, kisCodes, keyEnablingTechnologies ?? [], website, today);
        return cluster;
    }

    public void Edit(string name, DateOnly foundedOn, string voivodeshipTeryt, IEnumerable<string> kisCodes, IEnumerable<string> keyEnablingTechnologies, string? website, DateOnly? today)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleViolation("cluster.name_required", "The cluster needs a name.");
        }

        if (today is { } day && foundedOn > day)
        {
            throw new BusinessRuleViolation("cluster.founded_in_future", "The founding date cannot be in the future.", foundedOn);
        }

        var kis = kisCodes.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        if (kis.Count == 0)
        {
            throw new BusinessRuleViolation("cluster.specialisation_required", "A cluster has at least one smart specialisation (KIS).");
        }

        Name = name.Trim();
        FoundedOn = foundedOn;
        VoivodeshipTeryt = voivodeshipTeryt;
        KisCodes = kis;
        KeyEnablingTechnologies = keyEnablingTechnologies.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
    }

    public ClusterMember AddMember(string name, string nip, MemberType type, EnterpriseSize? size, string voivodeshipTeryt, DateOnly joinedOn, int employment) =>
        AddMember(new MemberData(name, nip, type, size, voivodeshipTeryt, joinedOn, employment));

    public ClusterMember AddMember(MemberData data)
    {
        var normalized = CheckMember(data);
        if (_members.Any(m => m.Nip == normalized))
        {
            throw DuplicateNip(normalized);
        }

        var member = new ClusterMember(Id, data with { Nip = normalized });
        _members.Add(member);
        return member;
    }

    /// <summary>Changes one member; a NIP another member already has is refused.</summary>
    public ClusterMember EditMember(Guid memberId, MemberData data)
    {
        var member = FindMember(memberId);
        var normalized = CheckMember(data);
        if (_members.Any(m => m.Nip == normalized && m.Id != memberId))
        {
            throw DuplicateNip(normalized);
        }

        member.Change(data with { Nip = normalized });
        return member;
    }

    public void RemoveMember(Guid memberId) => _members.Remove(FindMember(memberId));

    /// <summary>
    /// Takes in a whole file of members at once: all or none. In <see cref="MemberImportMode.Replace"/> the file is
    /// the new membership; in <see cref="MemberImportMode.Append"/> it is added to it. Any NIP twice (in the file, or
    /// in the file and the cluster when appending) refuses the whole import.
    /// </summary>
    public int ImportMembers(IReadOnlyCollection<MemberData> rows, MemberImportMode mode, DateTimeOffset at)
    {
        var nips = mode == MemberImportMode.Append ? _members.Select(m => m.Nip).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        var members = new List<ClusterMember>(rows.Count);
        foreach (var row in rows)
        {
            var normalized = CheckMember(row);
            if (!nips.Add(normalized))
            {
                throw DuplicateNip(normalized);
            }

            members.Add(new ClusterMember(Id, row with { Nip = normalized }));
        }

        if (mode == MemberImportMode.Replace)
        {
            _members.Clear();
        }

        _members.AddRange(members);
        LastImportAt = at;
        LastImportRows = rows.Count;
        LastImportMode = mode;
        return members.Count;
    }

    private ClusterMember FindMember(Guid memberId) =>
        _members.FirstOrDefault(m => m.Id == memberId)
        ?? throw new BusinessRuleViolation("cluster.member_not_found", "The member is not in this cluster.", memberId);

    private static BusinessRuleViolation DuplicateNip(string nip) =>
        new("cluster.member_duplicate_nip", "A member with this NIP is already in the cluster.", nip);

    private static string CheckMember(MemberData data)
    {
        var normalized = PolishIdentifiers.Normalize(data.Nip);
        if (!PolishIdentifiers.IsValidNip(normalized))
        {
            throw new BusinessRuleViolation("cluster.member_invalid_nip", "The member's NIP is not valid.", data.Nip);
        }

        if ((data.Type == MemberType.Enterprise) != data.Size.HasValue)
        {
            throw new BusinessRuleViolation("cluster.member_size_mismatch", "Enterprises, and only enterprises, have a size.");
        }

        if (data.Employment < 0)
        {
            throw new BusinessRuleViolation("cluster.member_negative_employment", "Employment cannot be negative.", data.Employment);
        }

        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new BusinessRuleViolation("cluster.member_name_required", "A member needs a name.");
        }

        return normalized;
    }
}

public sealed class ClusterMember : Entity
{
    private ClusterMember()
    {
    }

    internal ClusterMember(Guid clusterId, MemberData data)
    {
        ClusterId = clusterId;
        Change(data);
    }

    public Guid ClusterId { get; private set; }
    public string Name { get; private set; } = "";
    public string Nip { get; private set; } = "";
    public MemberType Type { get; private set; }
    public EnterpriseSize? Size { get; private set; }
    public string VoivodeshipTeryt { get; private set; } = "";
    public DateOnly JoinedOn { get; private set; }
    public int Employment { get; private set; }

    internal void Change(MemberData data)
    {
        Name = data.Name.Trim();
        Nip = data.Nip;
        Type = data.Type;
        Size = data.Size;
        VoivodeshipTeryt = data.VoivodeshipTeryt;
        JoinedOn = data.JoinedOn;
        Employment = data.Employment;
    }
}
