using System.Globalization;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Notifications;

public enum ReminderTiming
{
    Before,
    OnTheDay,
    After,
}

/// <summary>One offset of a rule: so many days before or after the due date, or on the day itself.</summary>
public readonly record struct ReminderOffset(int Days, ReminderTiming When)
{
    public const int MaxDays = 366;

    /// <summary>Signed days relative to the due date: before is negative, after positive, the day itself 0.</summary>
    public int Relative => When switch
    {
        ReminderTiming.Before => -Days,
        ReminderTiming.After => Days,
        _ => 0,
    };

    public bool IsValid => When switch
    {
        ReminderTiming.OnTheDay => Days == 0,
        ReminderTiming.Before or ReminderTiming.After => Days is > 0 and <= MaxDays,
        _ => false,
    };

    public static ReminderOffset FromRelative(int relative) => relative switch
    {
        < 0 => new(-relative, ReminderTiming.Before),
        0 => new(0, ReminderTiming.OnTheDay),
        _ => new(relative, ReminderTiming.After),
    };

    public static ReminderOffset Before(int days) => new(days, ReminderTiming.Before);

    public static ReminderOffset After(int days) => new(days, ReminderTiming.After);

    public static ReminderOffset OnTheDay => new(0, ReminderTiming.OnTheDay);

    /// <summary>The offset in words, in "pl" or "en", for the <c>{{timing}}</c> placeholder.</summary>
    public static string Describe(int relative, string language)
    {
        var days = Math.Abs(relative);
        if (language == "en")
        {
            var unit = days == 1 ? "day" : "days";
            return relative switch
            {
                < 0 => $"in {days} {unit}",
                0 => "today",
                _ => $"{days} {unit} overdue",
            };
        }

        var jednostka = days == 1 ? "dzień" : "dni";
        return relative switch
        {
            < 0 => $"za {days} {jednostka}",
            0 => "dziś",
            _ => $"{days} {jednostka} po terminie",
        };
    }
}

/// <summary>
/// A reminder rule of the catalogue: the offsets at which subjects with a due date are reminded, whether users
/// may turn its e-mails off, and whether reminders after the deadline copy the responsible official.
/// Offsets are stored as one text of signed day counts ("-30,-14,-3,0,1,7"), the same on every provider.
/// </summary>
public sealed class ReminderRule : Entity
{
    private ReminderRule()
    {
    }

    public string Key { get; private set; } = "";
    public string NamePl { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>Signed days relative to the due date, ascending, comma-separated.</summary>
    public string OffsetDays { get; private set; } = "";

    public bool Enabled { get; private set; } = true;
    public bool Mandatory { get; private set; }
    public bool EscalateAfterDeadline { get; private set; }

    /// <summary>When a scan last went over this rule; the scan's first write, so concurrent scans queue behind it.</summary>
    public DateTimeOffset? LastScanAt { get; private set; }

    public IReadOnlyList<ReminderOffset> Offsets => ParseRelative(OffsetDays).Select(ReminderOffset.FromRelative).ToList();

    public IReadOnlyList<int> RelativeOffsets => ParseRelative(OffsetDays);

    /// <summary>The largest "days before" of the rule (0 when none): how far ahead a scan must look.</summary>
    public int MaxDaysBefore => Math.Max(0, -RelativeOffsets.DefaultIfEmpty(0).Min());

    /// <summary>The largest "days after" of the rule (0 when none): how far back a scan must look.</summary>
    public int MaxDaysAfter => Math.Max(0, RelativeOffsets.DefaultIfEmpty(0).Max());

    public static ReminderRule Create(string key, string namePl, string nameEn, IEnumerable<ReminderOffset> offsets, bool mandatory, bool escalateAfterDeadline)
    {
        var rule = new ReminderRule { Key = key, NamePl = namePl, NameEn = nameEn };
        rule.Update(offsets, true, mandatory, escalateAfterDeadline);
        return rule;
    }

    public void Update(IEnumerable<ReminderOffset> offsets, bool enabled, bool mandatory, bool escalateAfterDeadline)
    {
        var list = offsets.ToList();
        if (list.Count == 0)
        {
            throw new BusinessRuleViolation("reminder.no_offsets", "A reminder rule needs at least one offset.");
        }

        foreach (var invalid in list.Where(o => !o.IsValid).Take(1))
        {
            throw new BusinessRuleViolation("reminder.invalid_offset", $"The offset {invalid.Days} {invalid.When} is not valid.", invalid.Days, invalid.When);
        }

        var relative = list.Select(o => o.Relative).ToList();
        if (relative.Distinct().Count() != relative.Count)
        {
            throw new BusinessRuleViolation("reminder.duplicate_offset", "An offset appears twice.");
        }

        OffsetDays = string.Join(',', relative.Order().Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Enabled = enabled;
        Mandatory = mandatory;
        EscalateAfterDeadline = escalateAfterDeadline;
    }

    /// <summary>
    /// The latest offset (signed days) already due on <paramref name="scanDate"/> for a subject due on
    /// <paramref name="dueDate"/>; null when none is due yet. Older due offsets are deliberately not returned:
    /// after downtime only the latest goes out.
    /// </summary>
    public int? LatestDueOffset(DateOnly dueDate, DateOnly scanDate)
    {
        int? latest = null;
        foreach (var relative in RelativeOffsets)
        {
            if (dueDate.AddDays(relative) <= scanDate)
            {
                latest = relative;
            }
        }

        return latest;
    }

    /// <summary>Whether a reminder at this offset copies the responsible official: only after the deadline, when the rule escalates.</summary>
    public bool CopiesOfficials(int relative) => EscalateAfterDeadline && relative > 0;

    private static List<int> ParseRelative(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
}

/// <summary>Records that a reminder (rule, subject, offset) went out; unique, so it goes out at most once.</summary>
public sealed class ReminderDispatch : Entity
{
    private ReminderDispatch()
    {
    }

    public string RuleKey { get; private set; } = "";
    public string SubjectKey { get; private set; } = "";

    /// <summary>Signed days relative to the due date.</summary>
    public int OffsetDays { get; private set; }

    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset DispatchedAt { get; private set; }
    public int Recipients { get; private set; }
    public bool OfficialsCopied { get; private set; }

    public static ReminderDispatch Record(string ruleKey, string subjectKey, int offsetDays, DateTimeOffset dueAt, DateTimeOffset now, int recipients, bool officialsCopied) => new()
    {
        RuleKey = ruleKey,
        SubjectKey = subjectKey,
        OffsetDays = offsetDays,
        DueAt = dueAt,
        DispatchedAt = now,
        Recipients = recipients,
        OfficialsCopied = officialsCopied,
    };
}

/// <summary>The rules of the domain guide (section 8) with their default offsets.</summary>
public static class ReminderCatalogue
{
    public const string KpiReportDue = "reminder.kpi_report_due";
    public const string ExpertScoringDeadline = "reminder.expert_scoring_deadline";
    public const string CorrectionRequest = "reminder.correction_request";
    public const string KkkStatusExpiring = "reminder.kkk_status_expiring";
    public const string PhaseEnd = "reminder.phase_end";

    public static IReadOnlyList<string> Keys { get; } = [KpiReportDue, ExpertScoringDeadline, CorrectionRequest, KkkStatusExpiring, PhaseEnd];

    /// <summary>New instances every call: each is added to one database context.</summary>
    public static IReadOnlyList<ReminderRule> CreateDefaults() =>
    [
        ReminderRule.Create(KpiReportDue, "Termin raportu KPI", "KPI report due",
            [ReminderOffset.Before(30), ReminderOffset.Before(14), ReminderOffset.Before(3), ReminderOffset.OnTheDay, ReminderOffset.After(1), ReminderOffset.After(7)],
            mandatory: true, escalateAfterDeadline: true),
        ReminderRule.Create(ExpertScoringDeadline, "Termin oceny eksperckiej", "Expert scoring deadline",
            [ReminderOffset.Before(5), ReminderOffset.Before(1), ReminderOffset.After(1)],
            mandatory: false, escalateAfterDeadline: true),
        ReminderRule.Create(CorrectionRequest, "Termin uzupełnienia wniosku", "Correction request deadline",
            [ReminderOffset.Before(3), ReminderOffset.Before(1)],
            mandatory: true, escalateAfterDeadline: false),
        ReminderRule.Create(KkkStatusExpiring, "Wygaśnięcie statusu KKK", "KKK status expiring",
            [ReminderOffset.Before(90), ReminderOffset.Before(30)],
            mandatory: false, escalateAfterDeadline: false),
        ReminderRule.Create(PhaseEnd, "Koniec etapu", "Phase end",
            [ReminderOffset.Before(60)],
            mandatory: false, escalateAfterDeadline: false),
    ];
}
