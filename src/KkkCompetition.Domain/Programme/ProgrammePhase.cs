using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Programme;

/// <summary>
/// One phase of the long-term cluster programme (domain guide, section 7): numbered, 3 to 4 years long (4 by default),
/// phases never overlap. A contract always belongs to a phase; a competition tied to a phase grants statuses valid to
/// the phase's end.
/// </summary>
public sealed class ProgrammePhase : Entity
{
    public const int MinYears = 3;
    public const int MaxYears = 4;
    public const int DefaultYears = 4;

    private ProgrammePhase()
    {
    }

    public int Number { get; private set; }
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of the phase.</summary>
    public DateOnly EndsOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last day of a phase of <paramref name="years"/> years starting on <paramref name="startsOn"/>.</summary>
    public static DateOnly EndOf(DateOnly startsOn, int years) => startsOn.AddYears(years).AddDays(-1);

    public static ProgrammePhase Define(int number, DateOnly startsOn, DateOnly endsOn, IEnumerable<ProgrammePhase> others, DateTimeOffset now)
    {
        var phase = new ProgrammePhase { CreatedAt = now };
        phase.Change(number, startsOn, endsOn, others);
        return phase;
    }

    public void Change(int number, DateOnly startsOn, DateOnly endsOn, IEnumerable<ProgrammePhase> others)
    {
        if (number < 1)
        {
            throw new BusinessRuleViolation("phase.number_out_of_range", "Phases are numbered from 1.");
        }

        if (endsOn < EndOf(startsOn, MinYears) || endsOn > EndOf(startsOn, MaxYears))
        {
            throw new BusinessRuleViolation("phase.length_out_of_range", $"A phase lasts {MinYears} to {MaxYears} years.", MinYears, MaxYears);
        }

        foreach (var other in others.Where(o => o.Id != Id))
        {
            if (other.Number == number)
            {
                throw new BusinessRuleViolation("phase.number_taken", "Another phase has this number.", number);
            }

            if (startsOn <= other.EndsOn && other.StartsOn <= endsOn)
            {
                throw new BusinessRuleViolation("phase.overlaps", "The phase overlaps another phase.", other.Number);
            }
        }

        Number = number;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;
}
