using System.Globalization;
using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Application.Evaluation.Ranking;

/// <summary>
/// The words of the files (exports and PDFs), which are made outside the UI's resources: points in the language's
/// number format and the reasons a result fails, in "pl" or "en". The UI says the same from its resources.
/// </summary>
public static class RankingText
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static CultureInfo Culture(string language) => language == "en" ? CultureInfo.InvariantCulture : Polish;

    /// <summary>Points as people write them: no trailing zeros, decimal comma in Polish ("95,5"), point in English.</summary>
    public static string Points(decimal points, string language) => points.ToString("0.##", Culture(language));

    public static string YesNo(bool value, string language) => (value, language == "en") switch
    {
        (true, true) => "yes",
        (false, true) => "no",
        (true, false) => "tak",
        (false, false) => "nie",
    };

    public static string Outcome(bool passed, string language) => (passed, language == "en") switch
    {
        (true, true) => "passed",
        (false, true) => "failed",
        (true, false) => "pozytywny",
        (false, false) => "negatywny",
    };

    /// <summary>"suma 95 pkt poniżej progu 100 pkt" / "criterion C.1 (name): 3 points below the minimum of 5".</summary>
    public static string Reason(FailReason reason, IReadOnlyList<RankingCriterionColumn> criteria, string language)
    {
        var en = language == "en";
        var value = Points(reason.Value, language);
        var required = Points(reason.Required, language);
        if (reason.CriterionCode is null)
        {
            return en
                ? $"total {value} points below the threshold of {required}"
                : $"suma {value} pkt poniżej progu {required} pkt";
        }

        var criterion = criteria.FirstOrDefault(c => c.Code == reason.CriterionCode);
        var name = criterion is null ? reason.CriterionCode : $"{reason.CriterionCode} ({(en ? criterion.NameEn : criterion.NamePl)})";
        return en
            ? $"criterion {name}: {value} points below the minimum of {required}"
            : $"kryterium {name}: {value} pkt poniżej minimum {required} pkt";
    }

    public static string Reasons(IReadOnlyList<FailReason> reasons, IReadOnlyList<RankingCriterionColumn> criteria, string language) =>
        string.Join("; ", reasons.Select(r => Reason(r, criteria, language)));

    public static string Method(ResultMethod method, string language) => (method, language == "en") switch
    {
        (ResultMethod.TwoClosest, true) => "mean of the two sheets with the closest totals (after divergence)",
        (ResultMethod.TwoClosest, false) => "średnia dwóch kart o najbliższych sumach (po rozbieżności ocen)",
        (_, true) => "mean of all sheets",
        _ => "średnia wszystkich kart",
    };
}
