using System.Reflection;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.UnitTests;

/// <summary>Builders shared by the domain tests.</summary>
internal static class DomainTestData
{
    public static readonly DateTimeOffset OpensAt = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ClosesAt = new(2027, 4, 30, 10, 0, 0, TimeSpan.Zero);

    public static CompetitionTimeline Timeline() => new(
        OpensAt.AddDays(-14),
        OpensAt,
        ClosesAt,
        ClosesAt.AddDays(30),
        ClosesAt.AddDays(90),
        ClosesAt.AddDays(100),
        ClosesAt.AddDays(120));

    public static List<CriterionTemplate> Template(int count = 3) =>
        Enumerable.Range(1, count)
            .Select(i => new CriterionTemplate
            {
                Code = $"C{i}",
                AreaCode = "A",
                AreaNamePl = "Obszar",
                AreaNameEn = "Area",
                NamePl = $"Kryterium {i}",
                NameEn = $"Criterion {i}",
                MaxPoints = 10,
                // Listed in reverse, so the test can see the copy is ordered by Order.
                Order = count - i + 1,
            })
            .ToList();

    /// <summary>A draft with <paramref name="criteria"/> criteria of 10 points each (area "A") and a threshold of 20 points.</summary>
    public static Competition Draft(int criteria = 3) =>
        Competition.CreateFromTemplate("Konkurs 2027/1", 2027, 1, Timeline(), 20m, Template(criteria));

    public static Competition InStatus(CompetitionStatus status)
    {
        var competition = Draft();
        SetPrivate(competition, nameof(Competition.Status), status);
        return competition;
    }

    /// <summary>Puts an aggregate into a state its public methods cannot reach yet (later lifecycle steps).</summary>
    public static void SetPrivate<T>(object target, string property, T value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!
            .SetValue(target, value);
}
