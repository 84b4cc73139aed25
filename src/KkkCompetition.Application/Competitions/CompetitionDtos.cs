using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

public sealed record CriterionDto(
    string Code,
    string AreaCode,
    string AreaNamePl,
    string AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength,
    int Order,
    int? TieBreakRank)
{
    internal static CriterionDto From(CompetitionCriterion c) => new(
        c.Code, c.AreaCode, c.AreaNamePl, c.AreaNameEn, c.NamePl, c.NameEn, c.Guidance, c.MaxPoints, c.HalfPointsAllowed,
        c.Weight, c.MinimumPoints, c.JustificationRequired, c.MinimumJustificationLength, c.Order, c.TieBreakRank);
}

/// <summary>An eligibility rule; <see cref="Threshold"/> is the figure of the two rules that have one (years, members).</summary>
public sealed record EligibilityRuleDto(string Code, string NamePl, string NameEn, bool IsPreChecked, bool IsCustom, int? Threshold)
{
    internal static EligibilityRuleDto From(EligibilityRule r, Competition c) => new(
        r.Code,
        r.NamePl,
        r.NameEn,
        r.IsPreChecked,
        r.IsCustom,
        r.Code switch
        {
            EligibilityRule.ClusterAge => c.MinimumClusterAgeYears,
            EligibilityRule.MemberCount => c.MinimumMembers,
            _ => null,
        });
}

/// <summary>
/// A competition as its official sees it. <see cref="Status"/> is the status the timeline gives now (the stored one may
/// lag until the next run of the timeline job).
/// </summary>
public sealed record CompetitionDetailsDto(
    Guid Id,
    string Name,
    int Year,
    int Round,
    CompetitionStatus Status,
    CompetitionTimeline Timeline,
    decimal PassThreshold,
    decimal MaxTotal,
    CompetitionSettings Settings,
    IReadOnlyList<string> TieBreakOrder,
    int MinimumClusterAgeYears,
    int MinimumMembers,
    IReadOnlyList<EligibilityRuleDto> EligibilityRules,
    IReadOnlyList<CriterionDto> Criteria,
    DateTimeOffset? AnnouncedAt,
    int RulesVersion,
    string? SnapshotSha256,
    Guid? ProgrammePhaseId,
    bool IsEditable,
    int Version)
{
    internal static CompetitionDetailsDto From(Competition c, DateTimeOffset now) => new(
        c.Id,
        c.Name,
        c.Year,
        c.Round,
        c.StatusAt(now),
        c.Timeline,
        c.PassThreshold,
        c.MaxTotal,
        c.Settings,
        c.TieBreakOrder,
        c.MinimumClusterAgeYears,
        c.MinimumMembers,
        c.EligibilityRules.OrderBy(r => r.Order).Select(r => EligibilityRuleDto.From(r, c)).ToList(),
        c.Criteria.OrderBy(x => x.Order).Select(CriterionDto.From).ToList(),
        c.AnnouncedAt,
        c.RulesVersion,
        c.AnnouncedSnapshotSha256,
        c.ProgrammePhaseId,
        c.Status == CompetitionStatus.Draft,
        c.Version);
}

/// <summary>
/// A competition as the public sees it: its announced terms. <see cref="OpensAt"/>, <see cref="ClosesAt"/> and
/// <see cref="CriteriaCount"/> repeat parts of the rest for clients of the first version of this list.
/// </summary>
public sealed record PublicCompetitionDto(
    Guid Id,
    string Name,
    int Year,
    int Round,
    CompetitionStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    decimal PassThreshold,
    int CriteriaCount,
    CompetitionTimeline Timeline,
    decimal MaxTotal,
    CompetitionSettings Settings,
    IReadOnlyList<string> TieBreakOrder,
    int MinimumClusterAgeYears,
    int MinimumMembers,
    IReadOnlyList<EligibilityRuleDto> EligibilityRules,
    IReadOnlyList<CriterionDto> Criteria,
    DateTimeOffset? AnnouncedAt,
    int RulesVersion,
    string? SnapshotSha256)
{
    internal static PublicCompetitionDto From(Competition c, DateTimeOffset now) => new(
        c.Id,
        c.Name,
        c.Year,
        c.Round,
        c.StatusAt(now),
        c.Timeline.OpensAt,
        c.Timeline.ClosesAt,
        c.PassThreshold,
        c.Criteria.Count,
        c.Timeline,
        c.MaxTotal,
        c.Settings,
        c.TieBreakOrder,
        c.MinimumClusterAgeYears,
        c.MinimumMembers,
        c.EligibilityRules.OrderBy(r => r.Order).Select(r => EligibilityRuleDto.From(r, c)).ToList(),
        c.Criteria.OrderBy(x => x.Order).Select(CriterionDto.From).ToList(),
        c.AnnouncedAt,
        c.RulesVersion,
        c.AnnouncedSnapshotSha256);
}

internal static class CompetitionLoading
{
    /// <summary>The aggregate with its criteria and rules (tracked, for a command), or 404.</summary>
    public static async Task<Competition> LoadAsync(this IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Competitions.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Competition", id);

    /// <summary>Competitions whose status, as the timeline gives it at <paramref name="now"/>, is <paramref name="status"/>.</summary>
    public static IQueryable<Competition> WhereStatusAt(this IQueryable<Competition> competitions, CompetitionStatus status, DateTimeOffset now) => status switch
    {
        CompetitionStatus.Announced => competitions.Where(c => c.Status == CompetitionStatus.Announced && now < c.Timeline.OpensAt),
        CompetitionStatus.Open => competitions.Where(c =>
            (c.Status == CompetitionStatus.Announced || c.Status == CompetitionStatus.Open) && now >= c.Timeline.OpensAt && now < c.Timeline.ClosesAt),
        CompetitionStatus.Closed => competitions.Where(c =>
            c.Status == CompetitionStatus.Closed
            || ((c.Status == CompetitionStatus.Announced || c.Status == CompetitionStatus.Open) && now >= c.Timeline.ClosesAt)),
        _ => competitions.Where(c => c.Status == status),
    };
}
