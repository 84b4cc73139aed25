using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Applications;

/// <summary>
/// The sections of an application, by key. A correction request reopens sections by these keys, and the
/// completeness check reports per key: <c>indicators</c>, <c>narrative:{AREA}</c>, <c>attachments:{Kind}</c>.
/// </summary>
public static class ApplicationSections
{
    public const string Indicators = "indicators";
    public const string NarrativePrefix = "narrative:";
    public const string AttachmentsPrefix = "attachments:";

    public static string Narrative(string areaCode) => NarrativePrefix + areaCode;

    public static string Attachments(AttachmentKind kind) => AttachmentsPrefix + kind;
}

/// <summary>
/// The indicators of one full year (domain guide section 2). Nullable so a draft can be saved half filled;
/// the completeness check asks for every value.
/// </summary>
public sealed record IndicatorValues(
    int? Employment,
    decimal? Revenue,
    decimal? RdSpending,
    int? Patents,
    int? ProductInnovations,
    int? ProcessInnovations,
    int? JointProjects,
    decimal? JointProjectsValue,
    int? InternationalAgreements,
    int? InternshipsAndTrainings,
    decimal? ExportSharePercent)
{
    public static readonly IndicatorValues Empty = new(null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The names of the values not filled in yet, in the order of the form.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        void Check(object? value, string name)
        {
            if (value is null)
            {
                missing.Add(name);
            }
        }

        Check(Employment, nameof(Employment));
        Check(Revenue, nameof(Revenue));
        Check(RdSpending, nameof(RdSpending));
        Check(Patents, nameof(Patents));
        Check(ProductInnovations, nameof(ProductInnovations));
        Check(ProcessInnovations, nameof(ProcessInnovations));
        Check(JointProjects, nameof(JointProjects));
        Check(JointProjectsValue, nameof(JointProjectsValue));
        Check(InternationalAgreements, nameof(InternationalAgreements));
        Check(InternshipsAndTrainings, nameof(InternshipsAndTrainings));
        Check(ExportSharePercent, nameof(ExportSharePercent));
        return missing;
    }

    /// <summary>Counts and amounts are never negative and a share is a percentage.</summary>
    public bool IsInRange =>
        Employment is null or >= 0 && Revenue is null or >= 0 && RdSpending is null or >= 0 && Patents is null or >= 0
        && ProductInnovations is null or >= 0 && ProcessInnovations is null or >= 0 && JointProjects is null or >= 0
        && JointProjectsValue is null or >= 0 && InternationalAgreements is null or >= 0 && InternshipsAndTrainings is null or >= 0
        && ExportSharePercent is null or (>= 0 and <= 100);
}

/// <summary>The indicators of one of the two last full years before the competition's year.</summary>
public sealed class ApplicationIndicatorYear : Entity
{
    private ApplicationIndicatorYear()
    {
    }

    internal ApplicationIndicatorYear(Guid applicationId, int year)
    {
        ApplicationId = applicationId;
        Year = year;
    }

    public Guid ApplicationId { get; private set; }
    public int Year { get; private set; }
    public IndicatorValues Values { get; internal set; } = IndicatorValues.Empty;
}

/// <summary>The applicant's narrative for one criteria area of the competition.</summary>
public sealed class ApplicationNarrative : Entity
{
    public const int MaxLength = 20_000;

    private ApplicationNarrative()
    {
    }

    internal ApplicationNarrative(Guid applicationId, string areaCode)
    {
        ApplicationId = applicationId;
        AreaCode = areaCode;
    }

    public Guid ApplicationId { get; private set; }
    public string AreaCode { get; private set; } = "";
    public string Text { get; internal set; } = "";
}

public enum AttachmentKind
{
    /// <summary>The cluster's statute or rules (mandatory).</summary>
    Statute,

    /// <summary>The development strategy with its action plan (mandatory).</summary>
    DevelopmentStrategy,

    /// <summary>The coordinator's declarations (mandatory).</summary>
    CoordinatorDeclaration,

    /// <summary>A detached electronic signature (XAdES) of another attachment.</summary>
    Signature,

    Other,
}

/// <summary>A file attached to an application; the bytes live in the file store under <see cref="Sha256"/>.</summary>
public sealed class ApplicationAttachment : Entity
{
    /// <summary>20 MB, the largest attachment accepted.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static readonly IReadOnlyList<AttachmentKind> MandatoryKinds =
        [AttachmentKind.Statute, AttachmentKind.DevelopmentStrategy, AttachmentKind.CoordinatorDeclaration];

    private ApplicationAttachment()
    {
    }

    internal ApplicationAttachment(Guid applicationId, AttachmentKind kind, string fileName, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt)
    {
        ApplicationId = applicationId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
    }

    public Guid ApplicationId { get; private set; }
    public AttachmentKind Kind { get; private set; }

    /// <summary>The sanitised name, as shown; never used as a path.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content: the key of the file in the store.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>What is missing, per section key; empty when the application can be submitted.</summary>
public sealed record CompletenessReport(IReadOnlyList<MissingItem> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}

/// <summary>One missing item: the section key and the item (an indicator name with its year, "text", or "file").</summary>
public sealed record MissingItem(string Section, string Item);
