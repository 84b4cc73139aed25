using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class RankingOrderTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly RankingOrder Order = new(["C1", "C2"]);

    private static RankingEntry Entry(string number, decimal total, decimal c1 = 0, decimal c2 = 0, decimal c3 = 0, int minute = 0) =>
        new(Guid.CreateVersion7(), total, new Dictionary<string, decimal> { ["C1"] = c1, ["C2"] = c2, ["C3"] = c3 }, T0.AddMinutes(minute), number);

    private static List<string> Numbers(IEnumerable<RankedEntry> ranked) => ranked.Select(r => r.Entry.Number).ToList();

    [Fact]
    public void A_higher_total_ranks_first_whatever_the_tie_break_criteria_say()
    {
        var low = Entry("0001", 100m, c1: 15, minute: 0);
        var high = Entry("0002", 100.5m, c1: 1, minute: 5);

        var ranked = Order.Rank([low, high]);

        Assert.Equal(["0002", "0001"], Numbers(ranked));
        Assert.Equal((1, RankingDecidedBy.First), (ranked[0].Position, ranked[0].DecidedBy));
        Assert.Equal((2, RankingDecidedBy.Total, (string?)null), (ranked[1].Position, ranked[1].DecidedBy, ranked[1].DecidingCriterion));
    }

    [Fact]
    public void Equal_totals_go_by_the_first_tie_break_criterion()
    {
        var a = Entry("0001", 110m, c1: 10, c2: 15, minute: 0);
        var b = Entry("0002", 110m, c1: 12, c2: 0, minute: 9);

        var ranked = Order.Rank([a, b]);

        Assert.Equal(["0002", "0001"], Numbers(ranked));
        Assert.Equal((RankingDecidedBy.TieBreakCriterion, "C1"), (ranked[1].DecidedBy, ranked[1].DecidingCriterion));
    }

    [Fact]
    public void Equal_in_the_first_criterion_they_go_by_the_second()
    {
        var a = Entry("0001", 110m, c1: 12, c2: 7, minute: 0);
        var b = Entry("0002", 110m, c1: 12, c2: 7.5m, minute: 9);

        var ranked = Order.Rank([a, b]);

        Assert.Equal(["0002", "0001"], Numbers(ranked));
        Assert.Equal((RankingDecidedBy.TieBreakCriterion, "C2"), (ranked[1].DecidedBy, ranked[1].DecidingCriterion));
    }

    [Fact]
    public void A_criterion_outside_the_tie_break_order_never_decides()
    {
        // C3 differs, but it is not a tie-break criterion: the earlier submission wins.
        var early = Entry("0001", 110m, c1: 12, c2: 7, c3: 0, minute: 0);
        var late = Entry("0002", 110m, c1: 12, c2: 7, c3: 10, minute: 1);

        var ranked = Order.Rank([late, early]);

        Assert.Equal(["0001", "0002"], Numbers(ranked));
        Assert.Equal(RankingDecidedBy.Submission, ranked[1].DecidedBy);
    }

    [Fact]
    public void The_tie_break_order_is_the_competitions_order_not_the_criteria_order()
    {
        var a = Entry("0001", 110m, c1: 12, c2: 5);
        var b = Entry("0002", 110m, c1: 10, c2: 6);

        Assert.Equal(["0001", "0002"], Numbers(new RankingOrder(["C1", "C2"]).Rank([a, b])));
        Assert.Equal(["0002", "0001"], Numbers(new RankingOrder(["C2", "C1"]).Rank([a, b])));
    }

    [Fact]
    public void Without_tie_break_criteria_equal_totals_go_by_earlier_submission()
    {
        var early = Entry("0007", 100m, c1: 1, minute: 0);
        var late = Entry("0003", 100m, c1: 9, minute: 30);

        var ranked = new RankingOrder([]).Rank([late, early]);

        Assert.Equal(["0007", "0003"], Numbers(ranked));
        Assert.Equal(RankingDecidedBy.Submission, ranked[1].DecidedBy);
    }

    [Fact]
    public void Submission_compares_instants_not_clock_readings_in_other_offsets()
    {
        // 10:30 in Warsaw (+02:00) is 08:30 UTC: earlier than 09:00 UTC, though its clock reads later.
        var warsaw = Entry("0002", 100m) with { SubmittedAt = new DateTimeOffset(2027, 3, 10, 10, 30, 0, TimeSpan.FromHours(2)) };
        var utc = Entry("0001", 100m) with { SubmittedAt = T0 };

        Assert.Equal(["0002", "0001"], Numbers(new RankingOrder([]).Rank([utc, warsaw])));
    }

    [Fact]
    public void Everything_equal_the_number_closes_the_order_so_positions_never_repeat()
    {
        var second = Entry("KKK/2027/1/0002", 100m, c1: 5, c2: 5);
        var first = Entry("KKK/2027/1/0001", 100m, c1: 5, c2: 5);

        var ranked = Order.Rank([second, first]);

        Assert.Equal(["KKK/2027/1/0001", "KKK/2027/1/0002"], Numbers(ranked));
        Assert.Equal([1, 2], ranked.Select(r => r.Position));
        Assert.Equal(RankingDecidedBy.Number, ranked[1].DecidedBy);
    }

    [Fact]
    public void The_order_is_the_same_whatever_order_the_entries_come_in()
    {
        var entries = new List<RankingEntry>
        {
            Entry("0001", 120m, c1: 10, minute: 3),
            Entry("0002", 110m, c1: 12, c2: 3, minute: 1),
            Entry("0003", 110m, c1: 12, c2: 4, minute: 2),
            Entry("0004", 110m, c1: 11, c2: 9, minute: 0),
            Entry("0005", 110m, c1: 12, c2: 4, minute: 1),
            Entry("0006", 90m, minute: 0),
        };
        var expected = new[] { "0001", "0005", "0003", "0002", "0004", "0006" };

        var random = new Random(20270310);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = entries.OrderBy(_ => random.Next()).ToList();
            var ranked = Order.Rank(shuffled);
            Assert.Equal(expected, Numbers(ranked));
            Assert.Equal(Enumerable.Range(1, 6), ranked.Select(r => r.Position));
        }
    }

    [Fact]
    public void A_missing_tie_break_criterion_counts_as_zero_points()
    {
        var without = new RankingEntry(Guid.CreateVersion7(), 100m, new Dictionary<string, decimal>(), T0, "0001");
        var with = Entry("0002", 100m, c1: 0.5m, minute: 10);

        Assert.Equal(["0002", "0001"], Numbers(Order.Rank([without, with])));
    }

    [Fact]
    public void The_comparer_agrees_with_the_ranking_and_is_antisymmetric()
    {
        var a = Entry("0001", 100m, c1: 5);
        var b = Entry("0002", 100m, c1: 6);

        Assert.True(Order.Compare(b, a) < 0);
        Assert.True(Order.Compare(a, b) > 0);
        Assert.Equal(0, Order.Compare(a, a));
    }
}
