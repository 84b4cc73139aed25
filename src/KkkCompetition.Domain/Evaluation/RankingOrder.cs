namespace KkkCompetition.Domain.Evaluation;

/// <summary>What the ranking needs of one result: the weighted total, the final points per criterion, and the submission.</summary>
public sealed record RankingEntry(
    Guid ApplicationId,
    decimal Total,
    IReadOnlyDictionary<string, decimal> FinalPoints,
    DateTimeOffset SubmittedAt,
    string Number);

/// <summary>Which rule put an entry below the one ranked just above it.</summary>
public enum RankingDecidedBy
{
    /// <summary>The first of the ranking: nothing above it.</summary>
    First,

    /// <summary>A lower weighted total.</summary>
    Total,

    /// <summary>The same total; fewer final points in a tie-break criterion (named beside it).</summary>
    TieBreakCriterion,

    /// <summary>Everything above equal: submitted later.</summary>
    Submission,

    /// <summary>Submitted at the same instant as well: the later number (only so that the order is total and repeatable).</summary>
    Number,
}

/// <summary>One place of the ranking: 1-based, unique, and why the entry is not above its predecessor.</summary>
public sealed record RankedEntry(int Position, RankingEntry Entry, RankingDecidedBy DecidedBy, string? DecidingCriterion);

/// <summary>
/// The order of the ranking (domain guide, section 3), kept in this one place: weighted total descending; equal totals
/// by the tie-break criteria in the competition's order, each by final points descending; then the earlier submission.
/// The number and the application id close it, so that no two entries compare equal and the order never depends on
/// the order the rows were read in.
/// </summary>
public sealed class RankingOrder(IReadOnlyList<string> tieBreakOrder) : IComparer<RankingEntry>
{
    public IReadOnlyList<string> TieBreakOrder { get; } = tieBreakOrder;

    public int Compare(RankingEntry? x, RankingEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        return Decide(x, y).Comparison;
    }

    /// <summary>All entries in ranking order with their positions (1 to n, no two alike).</summary>
    public IReadOnlyList<RankedEntry> Rank(IEnumerable<RankingEntry> entries)
    {
        var ordered = entries.Order(this).ToList();
        var ranked = new List<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i == 0)
            {
                ranked.Add(new RankedEntry(1, ordered[0], RankingDecidedBy.First, null));
                continue;
            }

            var (_, decidedBy, criterion) = Decide(ordered[i - 1], ordered[i]);
            ranked.Add(new RankedEntry(i + 1, ordered[i], decidedBy, criterion));
        }

        return ranked;
    }

    /// <summary>Negative when <paramref name="x"/> ranks above <paramref name="y"/>, with the rule that decided it.</summary>
    private (int Comparison, RankingDecidedBy DecidedBy, string? Criterion) Decide(RankingEntry x, RankingEntry y)
    {
        var byTotal = y.Total.CompareTo(x.Total);
        if (byTotal != 0)
        {
            return (byTotal, RankingDecidedBy.Total, null);
        }

        foreach (var code in TieBreakOrder)
        {
            var byCriterion = y.FinalPoints.GetValueOrDefault(code).CompareTo(x.FinalPoints.GetValueOrDefault(code));
            if (byCriterion != 0)
            {
                return (byCriterion, RankingDecidedBy.TieBreakCriterion, code);
            }
        }

        var bySubmission = x.SubmittedAt.CompareTo(y.SubmittedAt);
        if (bySubmission != 0)
        {
            return (bySubmission, RankingDecidedBy.Submission, null);
        }

        var byNumber = string.CompareOrdinal(x.Number, y.Number);
        return (byNumber != 0 ? byNumber : x.ApplicationId.CompareTo(y.ApplicationId), RankingDecidedBy.Number, null);
    }
}
