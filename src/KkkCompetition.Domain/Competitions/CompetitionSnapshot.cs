using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KkkCompetition.Domain.Competitions;

/// <summary>
/// The announced terms of a competition as canonical JSON (fixed property order, UTC instants, decimals without
/// trailing zeros), so that its SHA-256 identifies exactly what applicants were told.
/// </summary>
public static class CompetitionSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static string Write(Competition c) => JsonSerializer.Serialize(
        new Snapshot(
            c.Id,
            c.Name,
            c.Year,
            c.Round,
            c.RulesVersion,
            new TimelineSnapshot(
                Instant(c.Timeline.AnnouncementAt),
                Instant(c.Timeline.OpensAt),
                Instant(c.Timeline.ClosesAt),
                Instant(c.Timeline.FormalReviewDeadline),
                Instant(c.Timeline.EvaluationDeadline),
                Instant(c.Timeline.PanelAt),
                Instant(c.Timeline.DecisionAt)),
            Plain(c.PassThreshold),
            Plain(c.MaxTotal),
            new SettingsSnapshot(c.ExpertsPerApplication, Plain(c.DivergenceThresholdPercent), c.HoldsPanel, c.CorrectionWindowDays, c.AppealWindowDays, c.StatusValidityYears, c.ScoringWindowDays),
            c.TieBreakOrder,
            new EligibilitySnapshot(
                c.MinimumClusterAgeYears,
                c.MinimumMembers,
                c.EligibilityRules.OrderBy(r => r.Order).Select(r => new RuleSnapshot(r.Code, r.NamePl, r.NameEn, r.IsPreChecked, r.IsCustom)).ToList()),
            c.Criteria.OrderBy(x => x.Order).Select(x => new CriterionSnapshot(
                x.Code, x.AreaCode, x.AreaNamePl, x.AreaNameEn, x.NamePl, x.NameEn, x.Guidance, Plain(x.MaxPoints), x.HalfPointsAllowed,
                Plain(x.Weight), x.MinimumPoints is { } m ? Plain(m) : null, x.JustificationRequired, x.MinimumJustificationLength)).ToList()),
        Json);

    public static string Sha256(string snapshot) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot)));

    // Databases hand decimals back with their column's scale (10 or 10.0); the snapshot must not depend on that.
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    // PostgreSQL keeps microseconds, the others 100 ns: written to the microsecond, the snapshot reads the same back from any of them.
    private static string Instant(DateTimeOffset instant) =>
        new DateTime(instant.UtcTicks - (instant.UtcTicks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed record Snapshot(
        Guid Id,
        string Name,
        int Year,
        int Round,
        int RulesVersion,
        TimelineSnapshot Timeline,
        decimal PassThreshold,
        decimal MaxTotal,
        SettingsSnapshot Settings,
        IReadOnlyList<string> TieBreakOrder,
        EligibilitySnapshot Eligibility,
        IReadOnlyList<CriterionSnapshot> Criteria);

    private sealed record TimelineSnapshot(string AnnouncementAt, string OpensAt, string ClosesAt, string FormalReviewDeadline, string EvaluationDeadline, string PanelAt, string DecisionAt);

    private sealed record SettingsSnapshot(int ExpertsPerApplication, decimal DivergenceThresholdPercent, bool HoldsPanel, int CorrectionWindowDays, int AppealWindowDays, int StatusValidityYears, int ScoringWindowDays);

    private sealed record EligibilitySnapshot(int MinimumClusterAgeYears, int MinimumMembers, IReadOnlyList<RuleSnapshot> Rules);

    private sealed record RuleSnapshot(string Code, string NamePl, string NameEn, bool IsPreChecked, bool IsCustom);

    private sealed record CriterionSnapshot(
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
        int MinimumJustificationLength);
}
