using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class ProgrammePhaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 1, 1);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void A_phase_of_three_or_four_years_is_defined(int years)
    {
        var phase = ProgrammePhase.Define(1, Start, ProgrammePhase.EndOf(Start, years), [], Now);

        Assert.Equal(1, phase.Number);
        Assert.Equal(new DateOnly(2026 + years, 12, 31), phase.EndsOn);
        Assert.True(phase.Contains(phase.EndsOn));
        Assert.False(phase.Contains(phase.EndsOn.AddDays(1)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_phase_a_day_shorter_than_three_or_longer_than_four_years_is_refused(int shift)
    {
        var end = shift < 0 ? ProgrammePhase.EndOf(Start, 3).AddDays(-1) : ProgrammePhase.EndOf(Start, 4).AddDays(1);

        var ex = Assert.Throws<BusinessRuleViolation>(() => ProgrammePhase.Define(1, Start, end, [], Now));
        Assert.Equal("phase.length_out_of_range", ex.Code);
    }

    [Fact]
    public void Phases_follow_each_other_but_never_overlap_or_share_a_number()
    {
        var first = ProgrammePhase.Define(1, Start, ProgrammePhase.EndOf(Start, 4), [], Now);
        var next = ProgrammePhase.Define(2, first.EndsOn.AddDays(1), ProgrammePhase.EndOf(first.EndsOn.AddDays(1), 4), [first], Now);
        Assert.Equal(new DateOnly(2031, 1, 1), next.StartsOn);

        var overlap = Assert.Throws<BusinessRuleViolation>(() => ProgrammePhase.Define(3, first.EndsOn, ProgrammePhase.EndOf(first.EndsOn, 4), [first, next], Now));
        Assert.Equal("phase.overlaps", overlap.Code);
        var taken = Assert.Throws<BusinessRuleViolation>(() => ProgrammePhase.Define(2, new DateOnly(2040, 1, 1), ProgrammePhase.EndOf(new DateOnly(2040, 1, 1), 4), [first, next], Now));
        Assert.Equal("phase.number_taken", taken.Code);
        Assert.Equal("phase.number_out_of_range", Assert.Throws<BusinessRuleViolation>(() => ProgrammePhase.Define(0, new DateOnly(2040, 1, 1), ProgrammePhase.EndOf(new DateOnly(2040, 1, 1), 4), [], Now)).Code);
    }

    [Fact]
    public void A_changed_phase_is_not_compared_with_itself()
    {
        var phase = ProgrammePhase.Define(1, Start, ProgrammePhase.EndOf(Start, 4), [], Now);

        phase.Change(1, Start, ProgrammePhase.EndOf(Start, 3), [phase]);

        Assert.Equal(new DateOnly(2029, 12, 31), phase.EndsOn);
    }

    [Fact]
    public void A_draft_competition_is_tied_to_a_phase_and_an_announced_one_is_not()
    {
        var competition = Draft();
        var phaseId = Guid.CreateVersion7();

        competition.TieToPhase(phaseId);
        Assert.Equal(phaseId, competition.ProgrammePhaseId);

        competition.Announce(Timeline().AnnouncementAt);
        var ex = Assert.Throws<BusinessRuleViolation>(() => competition.TieToPhase(null));
        Assert.Equal("competition.frozen", ex.Code);
        Assert.Equal(phaseId, competition.ProgrammePhaseId);
    }
}
