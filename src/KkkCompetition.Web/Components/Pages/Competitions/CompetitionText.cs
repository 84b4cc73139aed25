using System.Globalization;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Web.Components.Pages.CompetitionSetup;

/// <summary>How the competition pages show and read times (Europe/Warsaw wall clock), points and names in the user's language.</summary>
public static class CompetitionText
{
    /// <summary>The value format of an <c>input type="datetime-local"</c>.</summary>
    public const string LocalInputFormat = "yyyy-MM-dd'T'HH:mm";

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Warsaw(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string ToLocalInput(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.Warsaw).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    /// <summary>A Warsaw wall-clock value of a datetime-local input as an instant, or null when it is empty or malformed.</summary>
    public static DateTimeOffset? FromLocalInput(string? value) =>
        DateTime.TryParseExact(value, [LocalInputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? WorkingDayCalendar.FromWarsaw(local)
            : null;

    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Name(CriterionDto c) => English ? c.NameEn : c.NamePl;

    public static string AreaName(CriterionDto c) => English ? c.AreaNameEn : c.AreaNamePl;

    public static string Name(EligibilityRuleDto r) => English ? r.NameEn : r.NamePl;

    /// <summary>The seven dates in the order of the lifecycle, with their resource keys.</summary>
    public static IReadOnlyList<(string Key, DateTimeOffset At)> Dates(CompetitionTimeline t) =>
    [
        ("CompetitionSetup.AnnouncementAt", t.AnnouncementAt),
        ("CompetitionSetup.OpensAt", t.OpensAt),
        ("CompetitionSetup.ClosesAt", t.ClosesAt),
        ("CompetitionSetup.FormalReviewDeadline", t.FormalReviewDeadline),
        ("CompetitionSetup.EvaluationDeadline", t.EvaluationDeadline),
        ("CompetitionSetup.PanelAt", t.PanelAt),
        ("CompetitionSetup.DecisionAt", t.DecisionAt),
    ];
}

/// <summary>The seven dates as the inputs hold them (Warsaw wall clock).</summary>
public sealed class TimelineForm
{
    public string? AnnouncementAt { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? FormalReviewDeadline { get; set; }
    public string? EvaluationDeadline { get; set; }
    public string? PanelAt { get; set; }
    public string? DecisionAt { get; set; }

    public static TimelineForm From(CompetitionTimeline t) => new()
    {
        AnnouncementAt = CompetitionText.ToLocalInput(t.AnnouncementAt),
        OpensAt = CompetitionText.ToLocalInput(t.OpensAt),
        ClosesAt = CompetitionText.ToLocalInput(t.ClosesAt),
        FormalReviewDeadline = CompetitionText.ToLocalInput(t.FormalReviewDeadline),
        EvaluationDeadline = CompetitionText.ToLocalInput(t.EvaluationDeadline),
        PanelAt = CompetitionText.ToLocalInput(t.PanelAt),
        DecisionAt = CompetitionText.ToLocalInput(t.DecisionAt),
    };

    /// <summary>The fields in lifecycle order: resource key of the label, input id, getter and setter.</summary>
    public IReadOnlyList<(string Key, string Id, Func<string?> Get, Action<string?> Set)> Fields =>
    [
        ("CompetitionSetup.AnnouncementAt", "timeline-announcement", () => AnnouncementAt, v => AnnouncementAt = v),
        ("CompetitionSetup.OpensAt", "timeline-opens", () => OpensAt, v => OpensAt = v),
        ("CompetitionSetup.ClosesAt", "timeline-closes", () => ClosesAt, v => ClosesAt = v),
        ("CompetitionSetup.FormalReviewDeadline", "timeline-formal-review", () => FormalReviewDeadline, v => FormalReviewDeadline = v),
        ("CompetitionSetup.EvaluationDeadline", "timeline-evaluation", () => EvaluationDeadline, v => EvaluationDeadline = v),
        ("CompetitionSetup.PanelAt", "timeline-panel", () => PanelAt, v => PanelAt = v),
        ("CompetitionSetup.DecisionAt", "timeline-decision", () => DecisionAt, v => DecisionAt = v),
    ];

    /// <summary>The instants, or the resource keys of the fields that are empty or not a date.</summary>
    public (CompetitionTimeline? Timeline, IReadOnlyList<string> Missing) Read()
    {
        var values = Fields.Select(f => (f.Key, At: CompetitionText.FromLocalInput(f.Get()))).ToList();
        var missing = values.Where(v => v.At is null).Select(v => v.Key).ToList();
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        var at = values.Select(v => v.At!.Value).ToList();
        return (new CompetitionTimeline(at[0], at[1], at[2], at[3], at[4], at[5], at[6]), []);
    }
}
