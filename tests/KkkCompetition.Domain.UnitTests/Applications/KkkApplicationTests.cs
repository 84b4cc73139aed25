using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Applications;

public sealed class KkkApplicationTests
{
    [Theory]
    [InlineData(CompetitionStatus.Announced)]
    [InlineData(CompetitionStatus.Open)]
    public void A_draft_is_started_while_the_competition_accepts_applications(CompetitionStatus status)
    {
        var competition = InStatus(status);
        var cluster = Guid.CreateVersion7();
        var owner = Guid.CreateVersion7();
        var now = ClosesAt.AddDays(-1);

        var application = KkkApplication.StartDraft(competition, cluster, owner, now);

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(competition.Id, application.CompetitionId);
        Assert.Equal(cluster, application.ClusterId);
        Assert.Equal(owner, application.OwnerUserId);
        Assert.Equal(now, application.CreatedAt);
    }

    [Fact]
    public void A_draft_may_be_started_before_the_competition_opens()
    {
        var competition = InStatus(CompetitionStatus.Announced);
        Assert.Equal(ApplicationStatus.Draft, KkkApplication.StartDraft(competition, Guid.CreateVersion7(), Guid.CreateVersion7(), OpensAt.AddDays(-1)).Status);
    }

    [Fact]
    public void A_draft_may_be_started_one_tick_before_closing() =>
        Assert.Equal(ApplicationStatus.Draft, KkkApplication.StartDraft(InStatus(CompetitionStatus.Open), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddTicks(-1)).Status);

    public static TheoryData<CompetitionStatus> NotAccepting() =>
        new(Enum.GetValues<CompetitionStatus>().Where(s => s is not (CompetitionStatus.Announced or CompetitionStatus.Open)));

    [Theory]
    [MemberData(nameof(NotAccepting))]
    public void No_draft_in_a_competition_that_is_not_announced_or_open(CompetitionStatus status)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => KkkApplication.StartDraft(InStatus(status), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddDays(-1)));
        Assert.Equal("application.competition_not_accepting", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void No_draft_once_the_closing_has_come(int secondsAfterClosing)
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => KkkApplication.StartDraft(InStatus(CompetitionStatus.Open), Guid.CreateVersion7(), Guid.CreateVersion7(), ClosesAt.AddSeconds(secondsAfterClosing)));
        Assert.Equal("application.competition_not_accepting", ex.Code);
    }
}
