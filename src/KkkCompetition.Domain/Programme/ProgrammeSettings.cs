using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Programme;

/// <summary>
/// The programme's settings for contracts and KPI reports (domain guide, sections 5 and 6), edited by officials. The
/// reporting terms are copied into each contract when it is drafted, so a later change never moves a signed contract's
/// deadlines; the achievement bands are read live by the dashboards.
/// </summary>
public sealed class ProgrammeSettings : Entity
{
    /// <summary>The one row there is.</summary>
    public static readonly Guid SingletonId = new("0193a5b0-0000-7000-8000-000000000001");

    public const int DefaultAnnualDueMonth = 3;
    public const int DefaultAnnualDueDay = 31;
    public const int DefaultFinalDueDays = 90;
    public const decimal DefaultJustificationBelowPercent = 80m;
    public const decimal DefaultGreenFromPercent = 90m;
    public const decimal DefaultAmberFromPercent = 70m;
    public const int DefaultEvaluationLeadDays = 180;
    public const int MaxEvaluationLeadDays = 365;

    private ProgrammeSettings()
    {
    }

    /// <summary>The month and day of the year after the reported one by which an annual report is due.</summary>
    public int AnnualDueMonth { get; private set; } = DefaultAnnualDueMonth;

    public int AnnualDueDay { get; private set; } = DefaultAnnualDueDay;

    /// <summary>Days after the contract's end by which the final report is due.</summary>
    public int FinalDueDays { get; private set; } = DefaultFinalDueDays;

    /// <summary>A KPI whose achievement in a report is below this share of its target needs an explanation.</summary>
    public decimal JustificationBelowPercent { get; private set; } = DefaultJustificationBelowPercent;

    /// <summary>A contract's achievement from this percent up is green.</summary>
    public decimal GreenFromPercent { get; private set; } = DefaultGreenFromPercent;

    /// <summary>From this percent up to green it is amber; below it, red.</summary>
    public decimal AmberFromPercent { get; private set; } = DefaultAmberFromPercent;

    /// <summary>How many days before a phase's last day its evaluation may be opened (domain guide, section 7).</summary>
    public int EvaluationLeadDays { get; private set; } = DefaultEvaluationLeadDays;

    public DateTimeOffset? UpdatedAt { get; private set; }

    public ReportingTerms Terms => new(AnnualDueMonth, AnnualDueDay, FinalDueDays, JustificationBelowPercent);

    public AchievementBands Bands => new(GreenFromPercent, AmberFromPercent);

    public static ProgrammeSettings Defaults() => new() { Id = SingletonId };

    public void ChangeEvaluationLeadDays(int days, DateTimeOffset now)
    {
        if (days is < 1 or > MaxEvaluationLeadDays)
        {
            throw new BusinessRuleViolation("settings.evaluation_lead_days_out_of_range", $"A phase's evaluation opens 1 to {MaxEvaluationLeadDays} days before its end.", MaxEvaluationLeadDays);
        }

        EvaluationLeadDays = days;
        UpdatedAt = now;
    }

    public void Change(ReportingTerms terms, AchievementBands bands, DateTimeOffset now)
    {
        terms.EnsureValid();
        bands.EnsureValid();
        AnnualDueMonth = terms.AnnualDueMonth;
        AnnualDueDay = terms.AnnualDueDay;
        FinalDueDays = terms.FinalDueDays;
        JustificationBelowPercent = terms.JustificationBelowPercent;
        GreenFromPercent = bands.GreenFromPercent;
        AmberFromPercent = bands.AmberFromPercent;
        UpdatedAt = now;
    }
}

/// <summary>
/// When a contract's reports are due and when a KPI needs an explanation: copied from the programme's settings into each
/// contract, editable while it is a draft.
/// </summary>
public sealed record ReportingTerms(int AnnualDueMonth, int AnnualDueDay, int FinalDueDays, decimal JustificationBelowPercent)
{
    public const int MaxFinalDueDays = 365;

    public static ReportingTerms Default { get; } = new(
        ProgrammeSettings.DefaultAnnualDueMonth, ProgrammeSettings.DefaultAnnualDueDay, ProgrammeSettings.DefaultFinalDueDays, ProgrammeSettings.DefaultJustificationBelowPercent);

    public void EnsureValid()
    {
        // 28 February at the latest in February, so every year has the day.
        if (AnnualDueMonth is < 1 or > 12 || AnnualDueDay < 1 || AnnualDueDay > (AnnualDueMonth == 2 ? 28 : DateTime.DaysInMonth(2001, AnnualDueMonth)))
        {
            throw new BusinessRuleViolation("settings.due_day_invalid", "The annual report's due day is not a day of that month.", AnnualDueMonth, AnnualDueDay);
        }

        if (FinalDueDays is < 1 or > MaxFinalDueDays)
        {
            throw new BusinessRuleViolation("settings.final_due_days_out_of_range", $"The final report is due 1 to {MaxFinalDueDays} days after the contract's end.", MaxFinalDueDays);
        }

        if (JustificationBelowPercent is <= 0 or > 100)
        {
            throw new BusinessRuleViolation("settings.percent_out_of_range", "A percentage lies between 0 and 100.", JustificationBelowPercent);
        }
    }
}

/// <summary>The colours of achievement: green from <see cref="GreenFromPercent"/>, amber from <see cref="AmberFromPercent"/>, red below.</summary>
public sealed record AchievementBands(decimal GreenFromPercent, decimal AmberFromPercent)
{
    public static AchievementBands Default { get; } = new(ProgrammeSettings.DefaultGreenFromPercent, ProgrammeSettings.DefaultAmberFromPercent);

    public void EnsureValid()
    {
        if (GreenFromPercent is <= 0 or > 100 || AmberFromPercent is <= 0 or > 100)
        {
            throw new BusinessRuleViolation("settings.percent_out_of_range", "A percentage lies between 0 and 100.", GreenFromPercent);
        }

        if (AmberFromPercent >= GreenFromPercent)
        {
            throw new BusinessRuleViolation("settings.bands_out_of_order", "Amber must start below green.", AmberFromPercent, GreenFromPercent);
        }
    }

    public AchievementColour ColourOf(decimal percent) =>
        percent >= GreenFromPercent ? AchievementColour.Green : percent >= AmberFromPercent ? AchievementColour.Amber : AchievementColour.Red;
}

public enum AchievementColour
{
    Green,
    Amber,
    Red,
}
