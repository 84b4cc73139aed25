using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Applications;

public enum SnapshotKind
{
    /// <summary>Frozen at submission; the receipt carries its hash.</summary>
    Submission,

    /// <summary>Frozen when the applicant answers the correction request.</summary>
    Correction,
}

/// <summary>
/// An immutable copy of everything an application said at one moment (organisation, cluster, members,
/// content, attachment hashes), as canonical JSON with its SHA-256. Evaluators read the latest one.
/// </summary>
public sealed class ApplicationSnapshot : Entity
{
    private ApplicationSnapshot()
    {
    }

    public ApplicationSnapshot(Guid applicationId, SnapshotKind kind, string json, string sha256, DateTimeOffset takenAt)
    {
        ApplicationId = applicationId;
        Kind = kind;
        Json = json;
        Sha256 = sha256;
        TakenAt = takenAt;
    }

    public Guid ApplicationId { get; private set; }
    public SnapshotKind Kind { get; private set; }
    public string Json { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset TakenAt { get; private set; }
}

/// <summary>
/// The last application number given in a competition. Submission increments it with one UPDATE inside its
/// transaction, which holds the row until commit, so two submissions never get the same number.
/// </summary>
public sealed class SubmissionCounter
{
    private SubmissionCounter()
    {
    }

    public SubmissionCounter(Guid competitionId) => CompetitionId = competitionId;

    public Guid CompetitionId { get; private set; }
    public int LastNumber { get; private set; }
}
