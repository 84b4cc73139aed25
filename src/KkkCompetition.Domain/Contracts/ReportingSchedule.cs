using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Programme;

namespace KkkCompetition.Domain.Contracts;

public enum ReportKind
{
    /// <summary>For one calendar year of the contract, due on the terms' day of the next year.</summary>
    Annual,

    /// <summary>For the whole contract, due the terms' days after its end.</summary>
    Final,
}

/// <summary>One report the contract asks for: its period (cut at the contract's start and end) and its due day.</summary>
public sealed record ScheduledReport(ReportKind Kind, int? Year, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn);

/// <summary>
/// The reporting schedule of a contract (domain guide, section 6): an annual report for each calendar year it covers, due on
/// the terms' day (31 March by default) of the following year, and a final report due the terms' days (90 by default) after
/// its last day. A due day on a Saturday, Sunday or public holiday moves to the next working day, as every deadline does.
/// </summary>
public static class ReportingSchedule
{
    public static IReadOnlyList<ScheduledReport> For(DateOnly startsOn, DateOnly endsOn, ReportingTerms terms)
    {
        var reports = new List<ScheduledReport>();
        for (var year = startsOn.Year; year <= endsOn.Year; year++)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            var due = new DateOnly(year + 1, terms.AnnualDueMonth, terms.AnnualDueDay);
            reports.Add(new ScheduledReport(
                ReportKind.Annual, year, first > startsOn ? first : startsOn, last < endsOn ? last : endsOn, WorkingDayCalendar.OnOrNextWorkingDay(due)));
        }

        reports.Add(new ScheduledReport(ReportKind.Final, null, startsOn, endsOn, WorkingDayCalendar.OnOrNextWorkingDay(endsOn.AddDays(terms.FinalDueDays))));
        return reports;
    }

    public static IReadOnlyList<ScheduledReport> For(ProgrammeContract contract) => For(contract.StartsOn, contract.EndsOn, contract.Terms);
}
