using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Competitions;

public sealed class CompetitionTests
{
    [Fact]
    public void Created_from_the_template_as_a_draft_with_its_criteria_in_order()
    {
        var competition = Competition.CreateFromTemplate("Konkurs 2027/2", 2027, 2, Timeline(), 100m, Template(5));

        Assert.Equal(CompetitionStatus.Draft, competition.Status);
        Assert.Equal(2, competition.Round);
        Assert.Equal(5, competition.Criteria.Count);
        Assert.Equal(["C5", "C4", "C3", "C2", "C1"], competition.Criteria.Select(c => c.Code));
        Assert.Equal(50m, competition.MaxTotal);
        Assert.All(competition.Criteria, c => Assert.True(c.JustificationRequired));
        Assert.Null(competition.AnnouncedAt);
        Assert.NotEqual(Guid.Empty, competition.Id);
    }

    [Fact]
    public void The_timeline_is_stored_in_utc()
    {
        var warsaw = TimeSpan.FromHours(2);
        var t = Timeline();
        var local = t with { ClosesAt = t.ClosesAt.ToOffset(warsaw) };

        var competition = Competition.CreateFromTemplate("K", 2027, 1, local, 100m, Template());

        Assert.Equal(TimeSpan.Zero, competition.Timeline.ClosesAt.Offset);
        Assert.Equal(t.ClosesAt, competition.Timeline.ClosesAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Rounds_one_and_two_are_allowed(int round) =>
        Assert.Equal(round, Competition.CreateFromTemplate("K", 2027, round, Timeline(), 100m, Template()).Round);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Rounds_out_of_range_are_refused(int round)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => Competition.CreateFromTemplate("K", 2027, round, Timeline(), 100m, Template()));
        Assert.Equal("competition.round_out_of_range", ex.Code);
    }

    public static TheoryData<string> TimelineSwaps() => new()
    {
        "opens before announcement",
        "closes at opening",
        "formal review before closing",
        "evaluation before formal review",
        "panel before evaluation",
        "decision before panel",
    };

    [Theory]
    [MemberData(nameof(TimelineSwaps))]
    public void A_timeline_out_of_order_is_refused(string which)
    {
        var t = Timeline();
        var broken = which switch
        {
            "opens before announcement" => t with { AnnouncementAt = t.OpensAt.AddMinutes(1) },
            "closes at opening" => t with { ClosesAt = t.OpensAt },
            "formal review before closing" => t with { FormalReviewDeadline = t.ClosesAt.AddMinutes(-1) },
            "evaluation before formal review" => t with { EvaluationDeadline = t.FormalReviewDeadline.AddMinutes(-1) },
            "panel before evaluation" => t with { PanelAt = t.EvaluationDeadline.AddMinutes(-1) },
            _ => t with { DecisionAt = t.PanelAt.AddMinutes(-1) },
        };

        var ex = Assert.Throws<BusinessRuleViolation>(() => Competition.CreateFromTemplate("K", 2027, 1, broken, 100m, Template()));
        Assert.Equal("competition.timeline_out_of_order", ex.Code);
    }

    [Fact]
    public void A_timeline_with_equal_neighbouring_dates_is_allowed()
    {
        var t = Timeline();
        var tight = t with { AnnouncementAt = t.OpensAt, FormalReviewDeadline = t.ClosesAt };
        Assert.True(tight.IsOrdered);
    }

    [Fact]
    public void A_draft_is_announced_before_closing()
    {
        var competition = Draft();
        var now = ClosesAt.AddDays(-10);

        competition.Announce(now);

        Assert.Equal(CompetitionStatus.Announced, competition.Status);
        Assert.Equal(now, competition.AnnouncedAt);
    }

    public static TheoryData<CompetitionStatus> NotDraft() =>
        new(Enum.GetValues<CompetitionStatus>().Where(s => s != CompetitionStatus.Draft));

    [Theory]
    [MemberData(nameof(NotDraft))]
    public void Only_a_draft_can_be_announced(CompetitionStatus status)
    {
        var competition = InStatus(status);

        var ex = Assert.Throws<BusinessRuleViolation>(() => competition.Announce(ClosesAt.AddDays(-10)));

        Assert.Equal("competition.not_draft", ex.Code);
        Assert.Equal(status, competition.Status);
    }

    [Fact]
    public void Announcing_twice_is_refused()
    {
        var competition = Draft();
        competition.Announce(ClosesAt.AddDays(-10));

        var ex = Assert.Throws<BusinessRuleViolation>(() => competition.Announce(ClosesAt.AddDays(-9)));

        Assert.Equal("competition.not_draft", ex.Code);
    }

    [Fact]
    public void A_competition_without_criteria_cannot_be_announced()
    {
        var competition = Draft(criteria: 0);

        var ex = Assert.Throws<BusinessRuleViolation>(() => competition.Announce(ClosesAt.AddDays(-10)));

        Assert.Equal("competition.no_criteria", ex.Code);
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_competition_whose_closing_has_come_cannot_be_announced(int secondsAfterClosing)
    {
        var competition = Draft();

        var ex = Assert.Throws<BusinessRuleViolation>(() => competition.Announce(ClosesAt.AddSeconds(secondsAfterClosing)));

        Assert.Equal("competition.closing_in_past", ex.Code);
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
    }

    [Fact]
    public void A_competition_can_be_announced_one_tick_before_closing()
    {
        var competition = Draft();
        competition.Announce(ClosesAt.AddTicks(-1));
        Assert.Equal(CompetitionStatus.Announced, competition.Status);
    }

    [Theory]
    [InlineData(-1, false)] // before opening
    [InlineData(0, true)] // at opening
    [InlineData(1, true)]
    public void Submissions_are_accepted_from_opening(int secondsFromOpening, bool accepted)
    {
        var competition = Draft();
        competition.Announce(OpensAt.AddDays(-1));
        Assert.Equal(accepted, competition.AcceptsSubmissionsAt(OpensAt.AddSeconds(secondsFromOpening)));
    }

    [Theory]
    [InlineData(-1, true)] // one tick before closing
    [InlineData(0, false)] // at closing: strictly before it only
    [InlineData(1, false)]
    public void Submissions_are_accepted_strictly_before_closing(int ticksFromClosing, bool accepted)
    {
        var competition = Draft();
        competition.Announce(OpensAt.AddDays(-1));
        Assert.Equal(accepted, competition.AcceptsSubmissionsAt(ClosesAt.AddTicks(ticksFromClosing)));
    }

    [Theory]
    [InlineData(CompetitionStatus.Draft, false)]
    [InlineData(CompetitionStatus.Announced, true)]
    [InlineData(CompetitionStatus.Open, true)]
    [InlineData(CompetitionStatus.Closed, false)]
    [InlineData(CompetitionStatus.FormalReview, false)]
    [InlineData(CompetitionStatus.Decided, false)]
    public void Submissions_are_accepted_only_while_announced_or_open(CompetitionStatus status, bool accepted) =>
        Assert.Equal(accepted, InStatus(status).AcceptsSubmissionsAt(OpensAt.AddDays(1)));
}
