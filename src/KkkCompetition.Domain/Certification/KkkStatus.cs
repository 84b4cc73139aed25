using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Certification;

public enum KkkStatusState
{
    Active,
    Expired,
    Revoked,

    /// <summary>Ended by a phase evaluation's Terminate decision.</summary>
    Terminated,
}

/// <summary>The public facts of a certified cluster, frozen from the application's snapshot when the status is granted.</summary>
public sealed record CertifiedCluster(
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    string? Website);

/// <summary>
/// One KKK status of a cluster, as the public registry shows it (domain guide, section 4): granted by a certificate
/// after a positive decision, valid from the certificate date for the competition's validity (or to the end of the
/// programme phase the competition is tied to), ended by expiry or by revocation with a reason. A cluster's statuses
/// over the years are its public history.
/// </summary>
public sealed class KkkStatus : Entity
{
    public const int MaxReasonLength = 2000;

    private KkkStatus()
    {
    }

    public Guid ClusterId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CompetitionId { get; private set; }
    public Guid DecisionId { get; private set; }

    /// <summary><c>KKK/C/{year}/{0001}</c>, unique.</summary>
    public string CertificateNumber { get; private set; } = "";

    public string ClusterName { get; private set; } = "";
    public string CoordinatorName { get; private set; } = "";
    public string CoordinatorNip { get; private set; } = "";
    public string VoivodeshipTeryt { get; private set; } = "";
    public List<string> KisCodes { get; private set; } = [];
    public string? Website { get; private set; }

    /// <summary>The certificate date.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day of validity.</summary>
    public DateOnly ValidTo { get; private set; }

    public KkkStatusState State { get; private set; }

    /// <summary>The day the status ended (expiry: the day after <see cref="ValidTo"/>; revocation: its day).</summary>
    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }
    public Guid? EndedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Grants the status for a positive decision. Validity: <paramref name="validityYears"/> from the certificate date,
    /// or to the end of the programme phase when <paramref name="phaseEndsOn"/> is given.
    /// </summary>
    public static KkkStatus Grant(
        CertificationDecision decision,
        string certificateNumber,
        CertifiedCluster cluster,
        DateOnly certificateDate,
        int validityYears,
        DateOnly? phaseEndsOn,
        DateTimeOffset now)
    {
        if (decision.Outcome != DecisionOutcome.Positive)
        {
            throw new BusinessRuleViolation("certification.not_passed", "Only a positive decision grants the KKK status.");
        }

        var validTo = phaseEndsOn ?? certificateDate.AddYears(validityYears).AddDays(-1);
        if (validTo < certificateDate)
        {
            throw new BusinessRuleViolation("certification.phase_ended", "The programme phase ends before the certificate date.", validTo);
        }

        return new KkkStatus
        {
            ClusterId = decision.ClusterId,
            ApplicationId = decision.ApplicationId,
            CompetitionId = decision.CompetitionId,
            DecisionId = decision.Id,
            CertificateNumber = certificateNumber,
            ClusterName = cluster.ClusterName,
            CoordinatorName = cluster.CoordinatorName,
            CoordinatorNip = cluster.CoordinatorNip,
            VoivodeshipTeryt = cluster.VoivodeshipTeryt,
            KisCodes = [.. cluster.KisCodes],
            Website = cluster.Website,
            ValidFrom = certificateDate,
            ValidTo = validTo,
            State = KkkStatusState.Active,
            GrantedAt = now,
            UpdatedAt = now,
        };
    }

    public static string FormatCertificateNumber(int year, int sequence) => $"KKK/C/{year}/{sequence:0000}";

    /// <summary>Whether the status is in force on <paramref name="day"/> (Warsaw date).</summary>
    public bool IsCurrentOn(DateOnly day) => State == KkkStatusState.Active && day >= ValidFrom && day <= ValidTo;

    /// <summary>A phase evaluation's termination is approved: the status stays in force to its (shortened) last day.</summary>
    public bool IsTerminationScheduled => State == KkkStatusState.Active && EndReason is not null;

    /// <summary>
    /// What holds on <paramref name="day"/>, whether or not the nightly job has stored it yet: an active status past its last
    /// day has expired, or ended by the termination a phase evaluation scheduled.
    /// </summary>
    public KkkStatusState StateOn(DateOnly day) => StateOn(State, ValidTo, EndReason, day);

    /// <inheritdoc cref="StateOn(DateOnly)"/>
    public static KkkStatusState StateOn(KkkStatusState state, DateOnly validTo, string? endReason, DateOnly day) =>
        state == KkkStatusState.Active && day > validTo
            ? endReason is null ? KkkStatusState.Expired : KkkStatusState.Terminated
            : state;

    /// <summary>
    /// The nightly check: an active status past its last day ends (returns whether it did) — expired, or terminated when a
    /// phase evaluation scheduled its termination.
    /// </summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (State != KkkStatusState.Active || today <= ValidTo)
        {
            return false;
        }

        State = StateOn(today);
        EndedOn = ValidTo.AddDays(1);
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// A phase evaluation's approved decision to continue: the status is prolonged to the end of the next phase, so the
    /// cluster can sign that phase's contract. Refused for a status no longer active or whose termination is scheduled.
    /// </summary>
    public void ProlongTo(DateOnly validTo, DateTimeOffset now)
    {
        if (State != KkkStatusState.Active || IsTerminationScheduled)
        {
            throw new BusinessRuleViolation("kkk_status.not_active", "The status is no longer active.", State.ToString());
        }

        if (validTo > ValidTo)
        {
            ValidTo = validTo;
            UpdatedAt = now;
        }
    }

    /// <summary>An official revokes an active status; the reason is shown publicly with the date.</summary>
    public void Revoke(string reason, Guid officialId, DateOnly today, DateTimeOffset now) =>
        End(KkkStatusState.Revoked, reason, officialId, today, now, "kkk_status.revocation_reason_required");

    /// <summary>
    /// A phase evaluation's Terminate decision, approved by the commission: the status ends at the phase's end
    /// (<paramref name="endsOn"/>, its last day), shown with the reason; until then it stays in force, its end announced.
    /// </summary>
    public void Terminate(string reason, Guid by, DateOnly endsOn, DateTimeOffset now)
    {
        EnsureEndable(reason, "kkk_status.termination_reason_required");
        if (IsTerminationScheduled)
        {
            throw new BusinessRuleViolation("kkk_status.termination_scheduled", "The status's termination is already scheduled.", ValidTo);
        }

        ValidTo = endsOn < ValidTo ? endsOn : ValidTo;
        EndedOn = ValidTo.AddDays(1);
        EndReason = reason.Trim();
        EndedBy = by;
        UpdatedAt = now;
    }

    private void End(KkkStatusState state, string reason, Guid by, DateOnly on, DateTimeOffset now, string reasonCode)
    {
        EnsureEndable(reason, reasonCode);
        State = state;
        EndedOn = on;
        EndReason = reason.Trim();
        EndedBy = by;
        UpdatedAt = now;
    }

    private void EnsureEndable(string reason, string reasonCode)
    {
        if (State != KkkStatusState.Active)
        {
            throw new BusinessRuleViolation("kkk_status.not_active", "The status is no longer active.", State.ToString());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleViolation(reasonCode, "Give a reason.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation("kkk_status.reason_too_long", "The reason is too long.", MaxReasonLength);
        }
    }
}
