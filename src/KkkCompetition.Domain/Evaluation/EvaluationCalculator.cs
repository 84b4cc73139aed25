using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Evaluation;

/// <summary>A submitted sheet as the calculator needs it.</summary>
public sealed record SubmittedSheet(Guid AssignmentId, IReadOnlyDictionary<string, decimal> Points, DateTimeOffset SubmittedAt);

public enum ResultMethod
{
    /// <summary>The sheets agree: per criterion, the mean of all of them.</summary>
    MeanOfAll,

    /// <summary>After divergence and the extra expert: per criterion, the mean of the two sheets with the closest totals.</summary>
    TwoClosest,
}

/// <summary>What the sheets of one application lead to.</summary>
public abstract record EvaluationOutcome
{
    /// <summary>Not all of the expected sheets are in yet.</summary>
    public sealed record Waiting(int Submitted, int Expected) : EvaluationOutcome;

    /// <summary>The totals differ by more than the threshold: one more expert is needed (domain guide, section 3).</summary>
    public sealed record Divergent(decimal Spread, decimal Allowed) : EvaluationOutcome;

    /// <summary>The expert result, per criterion, with the sheets it was computed from.</summary>
    public sealed record Computed(ResultMethod Method, IReadOnlyList<Guid> SheetsUsed, IReadOnlyDictionary<string, decimal> Points) : EvaluationOutcome;
}

/// <summary>
/// The rules of domain guide section 3 that turn sheets into a result: divergence, the mean of all sheets or of the
/// two closest, the weighted total and the pass conditions. Pure, so each rule is tested on its own.
/// </summary>
public static class EvaluationCalculator
{
    /// <summary>Results are kept to two decimals (a mean of half points can be a quarter; the ranking shows two places).</summary>
    public const int Decimals = 2;

    /// <param name="expectedSheets">The competition's experts per application (N).</param>
    /// <param name="extraExpertAssigned">Whether the divergence expert has been assigned already (then N + 1 sheets are awaited).</param>
    public static EvaluationOutcome Evaluate(
        IReadOnlyList<CompetitionCriterion> criteria,
        IReadOnlyList<SubmittedSheet> sheets,
        int expectedSheets,
        decimal divergenceThresholdPercent,
        bool extraExpertAssigned)
    {
        var expected = extraExpertAssigned ? expectedSheets + 1 : expectedSheets;
        if (sheets.Count < expected)
        {
            return new EvaluationOutcome.Waiting(sheets.Count, expected);
        }

        var ordered = sheets.OrderBy(s => s.SubmittedAt).ThenBy(s => s.AssignmentId).ToList();
        if (!extraExpertAssigned)
        {
            var totals = ordered.Select(s => Total(criteria, s.Points)).ToList();
            var spread = totals.Max() - totals.Min();
            var allowed = MaxTotal(criteria) * divergenceThresholdPercent / 100m;
            return spread > allowed
                ? new EvaluationOutcome.Divergent(spread, allowed)
                : new EvaluationOutcome.Computed(ResultMethod.MeanOfAll, ordered.Select(s => s.AssignmentId).ToList(), Mean(criteria, ordered));
        }

        var pair = TwoClosest(criteria, ordered);
        return new EvaluationOutcome.Computed(ResultMethod.TwoClosest, pair.Select(s => s.AssignmentId).ToList(), Mean(criteria, pair));
    }

    /// <summary>
    /// The re-evaluation after an upheld appeal: the mean of the new sheets only, once all <paramref name="expectedSheets"/>
    /// are in; the earlier round's sheets never enter it and no divergence is looked for.
    /// </summary>
    public static EvaluationOutcome ReEvaluate(IReadOnlyList<CompetitionCriterion> criteria, IReadOnlyList<SubmittedSheet> sheets, int expectedSheets)
    {
        if (sheets.Count < expectedSheets)
        {
            return new EvaluationOutcome.Waiting(sheets.Count, expectedSheets);
        }

        var ordered = sheets.OrderBy(s => s.SubmittedAt).ThenBy(s => s.AssignmentId).ToList();
        return new EvaluationOutcome.Computed(ResultMethod.MeanOfAll, ordered.Select(s => s.AssignmentId).ToList(), Mean(criteria, ordered));
    }

    /// <summary>Σ points × weight over the criteria (a criterion without points counts 0).</summary>
    public static decimal Total(IReadOnlyList<CompetitionCriterion> criteria, IReadOnlyDictionary<string, decimal> points) =>
        Math.Round(criteria.Sum(c => points.GetValueOrDefault(c.Code) * c.Weight), Decimals, MidpointRounding.AwayFromZero);

    public static decimal MaxTotal(IReadOnlyList<CompetitionCriterion> criteria) => criteria.Sum(c => c.MaxPoints * c.Weight);

    /// <summary>Why a result does not pass: empty when it passes (total at least the threshold, every criterion at least its minimum).</summary>
    public static IReadOnlyList<FailReason> FailReasons(IReadOnlyList<CompetitionCriterion> criteria, IReadOnlyDictionary<string, decimal> points, decimal passThreshold)
    {
        var reasons = new List<FailReason>();
        var total = Total(criteria, points);
        if (total < passThreshold)
        {
            reasons.Add(new FailReason(null, total, passThreshold));
        }

        foreach (var c in criteria.OrderBy(c => c.Order))
        {
            var value = points.GetValueOrDefault(c.Code);
            if (c.MinimumPoints is { } minimum && value < minimum)
            {
                reasons.Add(new FailReason(c.Code, value, minimum));
            }
        }

        return reasons;
    }

    // The pair with the smallest difference of totals; among equal differences the earlier-submitted pair, so the
    // result does not depend on the order the database returns rows in.
    private static List<SubmittedSheet> TwoClosest(IReadOnlyList<CompetitionCriterion> criteria, List<SubmittedSheet> ordered)
    {
        var totals = ordered.Select(s => Total(criteria, s.Points)).ToList();
        (int First, int Second, decimal Difference)? best = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count; j++)
            {
                var difference = Math.Abs(totals[i] - totals[j]);
                if (best is null || difference < best.Value.Difference)
                {
                    best = (i, j, difference);
                }
            }
        }

        return [ordered[best!.Value.First], ordered[best.Value.Second]];
    }

    private static Dictionary<string, decimal> Mean(IReadOnlyList<CompetitionCriterion> criteria, IReadOnlyList<SubmittedSheet> sheets) =>
        criteria.ToDictionary(
            c => c.Code,
            c => Math.Round(sheets.Average(s => s.Points.GetValueOrDefault(c.Code)), Decimals, MidpointRounding.AwayFromZero),
            StringComparer.Ordinal);
}

/// <summary>One reason a result does not pass: the total below the threshold (criterion null) or a criterion below its minimum.</summary>
public sealed record FailReason(string? CriterionCode, decimal Value, decimal Required);
