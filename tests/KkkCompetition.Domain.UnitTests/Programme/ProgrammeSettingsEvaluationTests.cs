using KkkCompetition.Domain.Programme;
using static KkkCompetition.Domain.UnitTests.Programme.PhaseEvaluationBuilders;

namespace KkkCompetition.Domain.UnitTests.Programme;

public sealed class ProgrammeSettingsEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 15, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_evaluation_opens_180_days_before_a_phase_end_by_default() =>
        Assert.Equal(180, ProgrammeSettings.Defaults().EvaluationLeadDays);

    [Theory]
    [InlineData(1)]
    [InlineData(ProgrammeSettings.MaxEvaluationLeadDays)]
    public void A_lead_of_1_to_365_days_is_allowed(int days)
    {
        var settings = ProgrammeSettings.Defaults();

        settings.ChangeEvaluationLeadDays(days, Now);

        Assert.Equal((days, Now), (settings.EvaluationLeadDays, settings.UpdatedAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ProgrammeSettings.MaxEvaluationLeadDays + 1)]
    public void A_lead_of_0_or_366_days_is_refused_and_changes_nothing(int days)
    {
        var settings = ProgrammeSettings.Defaults();

        Assert.Equal("settings.evaluation_lead_days_out_of_range", Code(() => settings.ChangeEvaluationLeadDays(days, Now)));
        Assert.Equal((ProgrammeSettings.DefaultEvaluationLeadDays, null), (settings.EvaluationLeadDays, settings.UpdatedAt));
    }
}
