using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Certification;

/// <summary>Whom a commission member represents: the ministry or a voivodeship's government.</summary>
public enum CommissionSide
{
    Ministry,
    Regional,
}

/// <summary>
/// A member of one competition's government–regional commission (domain guide, section 4): a user account, marked as a
/// ministry or a regional representative (with the voivodeship), and the NIPs of the organisations the member belongs to,
/// which decide the conflicts of interest on the applications. The membership cannot change while a voting is open.
/// </summary>
public sealed class CommissionMember : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxAffiliations = 50;

    private CommissionMember()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid UserId { get; private set; }
    public string Email { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public CommissionSide Side { get; private set; }

    /// <summary>The voivodeship a regional member represents; null for the ministry's.</summary>
    public string? VoivodeshipTeryt { get; private set; }

    /// <summary>The NIPs of the organisations the member belongs to (normalised, each once).</summary>
    public List<string> AffiliationNips { get; private set; } = [];

    public DateTimeOffset AddedAt { get; private set; }
    public Guid AddedBy { get; private set; }

    /// <param name="votingOpen">Whether a voting is open on the competition: the commission is then fixed.</param>
    public static CommissionMember Appoint(
        Guid competitionId,
        Guid userId,
        string email,
        string fullName,
        CommissionSide side,
        string? voivodeshipTeryt,
        IReadOnlyCollection<string> affiliationNips,
        bool votingOpen,
        Guid addedBy,
        DateTimeOffset now)
    {
        CommissionRules.EnsureMembershipCanChange(votingOpen);
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > MaxNameLength)
        {
            throw new BusinessRuleViolation("commission.name_required", "The member's name is required (at most 200 characters).", MaxNameLength);
        }

        var voivodeship = string.IsNullOrWhiteSpace(voivodeshipTeryt) ? null : voivodeshipTeryt.Trim();
        if (side == CommissionSide.Regional && voivodeship is null)
        {
            throw new BusinessRuleViolation("commission.voivodeship_required", "A regional representative needs the voivodeship.");
        }

        if (side == CommissionSide.Ministry && voivodeship is not null)
        {
            throw new BusinessRuleViolation("commission.voivodeship_not_allowed", "A ministry representative has no voivodeship.");
        }

        return new CommissionMember
        {
            CompetitionId = competitionId,
            UserId = userId,
            Email = email.Trim().ToLowerInvariant(),
            FullName = fullName.Trim(),
            Side = side,
            VoivodeshipTeryt = voivodeship,
            AffiliationNips = CheckNips(affiliationNips),
            AddedAt = now,
            AddedBy = addedBy,
        };
    }

    /// <summary>Removing a member: refused while a voting of the competition is open.</summary>
    public void EnsureRemovable(bool votingOpen) => CommissionRules.EnsureMembershipCanChange(votingOpen);

    /// <summary>The NIP this member shares with the application's coordinator or members (the lowest, ordinal), or null.</summary>
    public string? ConflictingNip(IReadOnlySet<string> applicationNips) => CommissionRules.ConflictingNip(AffiliationNips, applicationNips);

    private static List<string> CheckNips(IReadOnlyCollection<string> nips)
    {
        if (nips.Count > MaxAffiliations)
        {
            throw new BusinessRuleViolation("commission.too_many_affiliations", $"At most {MaxAffiliations} organisations.", MaxAffiliations);
        }

        var result = new List<string>(nips.Count);
        foreach (var nip in nips)
        {
            var normalised = PolishIdentifiers.Normalize(nip);
            if (!PolishIdentifiers.IsValidNip(normalised))
            {
                throw new BusinessRuleViolation("commission.affiliation_nip_invalid", "An organisation's NIP is not valid.", nip);
            }

            if (!result.Contains(normalised, StringComparer.Ordinal))
            {
                result.Add(normalised);
            }
        }

        return result;
    }
}

/// <summary>The commission's rules that are not one aggregate's: the fixed membership while voting, and the conflict of interest.</summary>
public static class CommissionRules
{
    public const string VotingOpen = "commission.voting_open";
    public const string ConflictOfInterest = "commission.conflict_of_interest";

    public static void EnsureMembershipCanChange(bool votingOpen)
    {
        if (votingOpen)
        {
            throw new BusinessRuleViolation(VotingOpen, "A voting is open on this competition: the commission cannot change until it is closed.");
        }
    }

    /// <summary>
    /// The conflict of interest of a member and an application, as the experts' rule has it: a NIP the member belongs to
    /// that is the coordinator's or a member's of the application; the lowest (ordinal) when several, so every caller names
    /// the same one.
    /// </summary>
    public static string? ConflictingNip(IEnumerable<string> memberNips, IReadOnlySet<string> applicationNips) =>
        memberNips.Where(applicationNips.Contains).Order(StringComparer.Ordinal).FirstOrDefault();
}
