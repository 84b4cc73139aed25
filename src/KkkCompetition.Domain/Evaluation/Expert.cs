using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Evaluation;

public enum ExpertStatus
{
    /// <summary>Invited by e-mail; no account linked yet.</summary>
    Invited,

    /// <summary>Linked to an account; assignable once the profile is complete and the expert is available.</summary>
    Active,

    /// <summary>Taken out of the pool by an official; keeps the history, gets no new assignments.</summary>
    Inactive,
}

/// <summary>An organisation the expert worked for or with (domain guide, section 3): the NIP drives conflict detection.</summary>
public sealed record ExpertAffiliation(string Nip, string OrganisationName, DateOnly From, DateOnly? To);

/// <summary>What an expert (or an official for him) writes in the profile.</summary>
public sealed record ExpertProfile(
    string FullName,
    string VoivodeshipTeryt,
    IReadOnlyList<string> KisCodes,
    int MaxLoadPerCompetition,
    bool Available,
    IReadOnlyList<ExpertAffiliation> Affiliations);

/// <summary>
/// A member of the expert pool (domain guide, section 3): invited by an official, linked to an account when the
/// invitation is accepted, with the profile that the assignment uses (specialisations, region, load, affiliations).
/// </summary>
public sealed class Expert : Entity
{
    public const int DefaultMaxLoad = 10;
    public const int MaxLoadLimit = 100;
    public const int MaxAffiliations = 100;
    public const int AffiliationLookbackYears = 3;

    private Expert()
    {
    }

    public string Email { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public Guid? UserId { get; private set; }
    public ExpertStatus Status { get; private set; }
    public string? VoivodeshipTeryt { get; private set; }
    public List<string> KisCodes { get; private set; } = [];
    public int MaxLoadPerCompetition { get; private set; } = DefaultMaxLoad;
    public bool Available { get; private set; } = true;
    public DateTimeOffset InvitedAt { get; private set; }
    public Guid InvitedBy { get; private set; }

    /// <summary>SHA-256 (hex) of the one-time invitation token; the token itself is only in the e-mail.</summary>
    public string? InvitationTokenHash { get; private set; }

    public DateTimeOffset? InvitationExpiresAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    public DateTimeOffset? ProfileUpdatedAt { get; private set; }
    public List<ExpertAffiliation> Affiliations { get; private set; } = [];

    /// <summary>The assignment needs a region and at least one specialisation.</summary>
    public bool IsProfileComplete => VoivodeshipTeryt is not null && KisCodes.Count > 0;

    public bool IsAssignable => Status == ExpertStatus.Active && Available && IsProfileComplete;

    public static Expert Invite(string email, string fullName, string invitationTokenHash, Guid invitedBy, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var normalised = email.Trim().ToLowerInvariant();
        if (normalised.Length == 0 || !normalised.Contains('@', StringComparison.Ordinal))
        {
            throw new BusinessRuleViolation("expert.email_invalid", "The e-mail address is not valid.");
        }

        RequireName(fullName);
        return new Expert
        {
            Email = normalised,
            FullName = fullName.Trim(),
            Status = ExpertStatus.Invited,
            InvitedAt = now,
            InvitedBy = invitedBy,
            InvitationTokenHash = invitationTokenHash,
            InvitationExpiresAt = expiresAt,
        };
    }

    /// <summary>A new invitation (the old link stops working), for an expert who has not joined yet.</summary>
    public void Reinvite(string invitationTokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        if (Status == ExpertStatus.Inactive)
        {
            throw new BusinessRuleViolation("expert.inactive", "The expert is out of the pool; reactivate him or her first.");
        }

        if (Status != ExpertStatus.Invited)
        {
            throw new BusinessRuleViolation("expert.already_joined", "The expert has already accepted an invitation.");
        }

        InvitationTokenHash = invitationTokenHash;
        InvitedAt = now;
        InvitationExpiresAt = expiresAt;
    }

    /// <summary>Links the account that followed the invitation link; the token works once and only before it expires.</summary>
    public void AcceptInvitation(string tokenHash, Guid userId, DateTimeOffset now)
    {
        CheckInvitation(tokenHash, now);
        UserId = userId;
        Status = ExpertStatus.Active;
        JoinedAt = now;
        InvitationTokenHash = null;
        InvitationExpiresAt = null;
    }

    /// <summary>
    /// Refuses a link that cannot be accepted (wrong, used, expired, or the expert taken out of the pool), before the
    /// person is asked for anything — the same checks <see cref="AcceptInvitation"/> makes.
    /// </summary>
    public void CheckInvitation(string tokenHash, DateTimeOffset now)
    {
        if (Status != ExpertStatus.Invited || InvitationTokenHash is null
            || !string.Equals(InvitationTokenHash, tokenHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new BusinessRuleViolation("expert.invitation_invalid", "The invitation link is not valid or has already been used.");
        }

        if (now >= InvitationExpiresAt)
        {
            throw new BusinessRuleViolation("expert.invitation_expired", "The invitation has expired; ask the ministry for a new one.");
        }
    }

    public void UpdateProfile(ExpertProfile profile, DateTimeOffset now)
    {
        RequireName(profile.FullName);
        if (string.IsNullOrWhiteSpace(profile.VoivodeshipTeryt))
        {
            throw new BusinessRuleViolation("expert.voivodeship_required", "Choose the voivodeship.");
        }

        var kis = profile.KisCodes.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (kis.Count == 0)
        {
            throw new BusinessRuleViolation("expert.kis_required", "Choose at least one specialisation (KIS).");
        }

        if (profile.MaxLoadPerCompetition is < 1 or > MaxLoadLimit)
        {
            throw new BusinessRuleViolation("expert.max_load_invalid", $"The maximum load must be between 1 and {MaxLoadLimit}.", MaxLoadLimit);
        }

        var affiliations = CheckAffiliations(profile.Affiliations);
        FullName = profile.FullName.Trim();
        VoivodeshipTeryt = profile.VoivodeshipTeryt.Trim();
        KisCodes = kis;
        MaxLoadPerCompetition = profile.MaxLoadPerCompetition;
        Available = profile.Available;
        Affiliations = affiliations;
        ProfileUpdatedAt = now;
    }

    public void Deactivate()
    {
        if (Status == ExpertStatus.Inactive)
        {
            throw new BusinessRuleViolation("expert.already_inactive", "The expert is already out of the pool.");
        }

        Status = ExpertStatus.Inactive;
    }

    public void Reactivate()
    {
        if (Status != ExpertStatus.Inactive)
        {
            throw new BusinessRuleViolation("expert.not_inactive", "The expert is not out of the pool.");
        }

        Status = UserId is null ? ExpertStatus.Invited : ExpertStatus.Active;
    }

    /// <summary>
    /// The affiliations that count for conflicts on <paramref name="today"/>: current ones and those that ended
    /// within the last <see cref="AffiliationLookbackYears"/> years.
    /// </summary>
    public IEnumerable<ExpertAffiliation> RecentAffiliations(DateOnly today)
    {
        var since = today.AddYears(-AffiliationLookbackYears);
        return Affiliations.Where(a => a.To is null || a.To.Value >= since);
    }

    /// <summary>Whether a recent affiliation's NIP is one of <paramref name="nips"/> (the coordinator's and the members').</summary>
    public bool HasConflictWith(IReadOnlySet<string> nips, DateOnly today) =>
        RecentAffiliations(today).Any(a => nips.Contains(a.Nip));

    private static List<ExpertAffiliation> CheckAffiliations(IReadOnlyList<ExpertAffiliation> affiliations)
    {
        if (affiliations.Count > MaxAffiliations)
        {
            throw new BusinessRuleViolation("expert.too_many_affiliations", $"At most {MaxAffiliations} affiliations.", MaxAffiliations);
        }

        var result = new List<ExpertAffiliation>(affiliations.Count);
        foreach (var a in affiliations)
        {
            var nip = PolishIdentifiers.Normalize(a.Nip);
            if (!PolishIdentifiers.IsValidNip(nip))
            {
                throw new BusinessRuleViolation("expert.affiliation_nip_invalid", "An affiliation's NIP is not valid.", a.Nip);
            }

            if (string.IsNullOrWhiteSpace(a.OrganisationName))
            {
                throw new BusinessRuleViolation("expert.affiliation_name_required", "An affiliation needs the organisation's name.", nip);
            }

            if (a.To is { } to && to < a.From)
            {
                throw new BusinessRuleViolation("expert.affiliation_dates_invalid", "An affiliation cannot end before it starts.", nip);
            }

            result.Add(new ExpertAffiliation(nip, a.OrganisationName.Trim(), a.From, a.To));
        }

        return result;
    }

    private static void RequireName(string fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > 200)
        {
            throw new BusinessRuleViolation("expert.name_required", "The expert's name is required (at most 200 characters).");
        }
    }
}
