using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Identifiers;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Applications;

/// <summary>The system's pre-check of the eligibility rules from a snapshot's facts (competition closing 30 April 2027, 12:00 in Warsaw).</summary>
public sealed class EligibilityPreCheckTests
{
    private static readonly string ValidNip = PolishIdentifiers.CompleteNip("525000001");

    private static EligibilityFacts Facts(int members = 60, DateOnly? foundedOn = null, string? nip = null, string? regon = null, string? krs = null, AttachmentKind[]? attachments = null) =>
        new(members, foundedOn ?? new DateOnly(2018, 3, 1), nip ?? ValidNip, regon, krs, attachments ?? [.. ApplicationAttachment.MandatoryKinds]);

    private static PreCheckFinding Check(string rule, EligibilityFacts facts, Competition? competition = null) =>
        EligibilityPreCheck.Check(rule, facts, competition ?? Draft());

    /// <summary>A valid 9-digit REGON ending the given 8 digits.</summary>
    private static string Regon(string eightDigits)
    {
        int[] weights = [8, 9, 2, 3, 4, 5, 6, 7];
        var sum = eightDigits.Select((c, i) => (c - '0') * weights[i]).Sum();
        return eightDigits + (sum % 11 % 10);
    }

    [Theory]
    [InlineData(51, PreCheckOutcome.Met)]
    [InlineData(500, PreCheckOutcome.Met)]
    [InlineData(50, PreCheckOutcome.NotMet)]
    [InlineData(0, PreCheckOutcome.NotMet)]
    public void Member_count_is_at_least_the_competitions_minimum(int members, PreCheckOutcome expected)
    {
        var finding = Check(EligibilityPreCheck.MemberCount, Facts(members));
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(members.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Actual);
        Assert.Equal("51", finding.Required);
    }

    [Theory]
    [InlineData("2024-04-30", 3, PreCheckOutcome.Met)]
    [InlineData("2024-05-01", 2, PreCheckOutcome.NotMet)]
    [InlineData("2005-01-01", 22, PreCheckOutcome.Met)]
    [InlineData("2027-04-30", 0, PreCheckOutcome.NotMet)]
    public void Cluster_age_counts_full_years_from_founding_to_the_closing_date(string founded, int years, PreCheckOutcome expected)
    {
        var finding = Check(EligibilityPreCheck.ClusterAge, Facts(foundedOn: DateOnly.Parse(founded, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(years.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Actual);
        Assert.Equal("3", finding.Required);
        Assert.Equal([founded, "2027-04-30"], finding.Details);
    }

    [Fact]
    public void A_competition_closing_at_midnight_in_warsaw_closed_on_the_day_before()
    {
        // 1 May 2027, 00:00 in Warsaw is 30 April, 22:00 UTC: the last day submissions were accepted is 30 April.
        var closesAt = WorkingDayCalendar.FromWarsaw(new DateTime(2027, 5, 1, 0, 0, 0));
        var timeline = Timeline() with { ClosesAt = closesAt, FormalReviewDeadline = closesAt.AddDays(30) };
        var competition = Competition.CreateFromTemplate("Konkurs 2027/1", 2027, 1, timeline, 100m, Template());

        Assert.Equal(new DateOnly(2027, 4, 30), EligibilityPreCheck.ClosingDate(competition));
        Assert.Equal(PreCheckOutcome.Met, Check(EligibilityPreCheck.ClusterAge, Facts(foundedOn: new DateOnly(2024, 4, 30)), competition).Outcome);
        Assert.Equal(PreCheckOutcome.NotMet, Check(EligibilityPreCheck.ClusterAge, Facts(foundedOn: new DateOnly(2024, 5, 1)), competition).Outcome);
    }

    [Theory]
    [InlineData("2024-02-29", "2027-02-28", 3)]
    [InlineData("2024-02-29", "2027-02-27", 2)]
    [InlineData("2020-06-15", "2020-06-14", 0)]
    public void Full_years_count_an_anniversary_on_its_day(string from, string to, int expected) =>
        Assert.Equal(expected, EligibilityPreCheck.FullYears(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_valid_nip_passes_and_regon_and_krs_are_checked_when_given()
    {
        Assert.Equal(PreCheckOutcome.Met, Check(EligibilityPreCheck.CoordinatorIdentifiers, Facts()).Outcome);
        Assert.Equal(PreCheckOutcome.Met, Check(EligibilityPreCheck.CoordinatorIdentifiers, Facts(regon: Regon("12345678"), krs: "0000123456")).Outcome);
    }

    [Fact]
    public void Each_identifier_failing_its_checksum_is_named()
    {
        var wrongNip = ValidNip[..9] + (char)('0' + ((ValidNip[9] - '0' + 1) % 10));
        var wrongRegon = Regon("12345678")[..8] + (char)('0' + ((Regon("12345678")[8] - '0' + 1) % 10));

        var finding = Check(EligibilityPreCheck.CoordinatorIdentifiers, Facts(nip: wrongNip, regon: wrongRegon, krs: "12345"));

        Assert.Equal(PreCheckOutcome.NotMet, finding.Outcome);
        Assert.Equal(["nip", "regon", "krs"], finding.Details);
    }

    [Fact]
    public void Missing_mandatory_attachments_are_named()
    {
        var complete = Check(EligibilityPreCheck.MandatoryAttachments, Facts(attachments: [.. ApplicationAttachment.MandatoryKinds, AttachmentKind.Other]));
        Assert.Equal(PreCheckOutcome.Met, complete.Outcome);
        Assert.Empty(complete.Details);

        var missing = Check(EligibilityPreCheck.MandatoryAttachments, Facts(attachments: [AttachmentKind.DevelopmentStrategy, AttachmentKind.Other]));
        Assert.Equal(PreCheckOutcome.NotMet, missing.Outcome);
        Assert.Equal(["Statute", "CoordinatorDeclaration"], missing.Details);
        Assert.Equal("1", missing.Actual);
        Assert.Equal("3", missing.Required);
    }

    [Fact]
    public void A_custom_rule_is_not_pre_checked()
    {
        var finding = Check("regional_strategy_fit", Facts(members: 1));
        Assert.Equal(PreCheckOutcome.NotChecked, finding.Outcome);
        Assert.Null(finding.Actual);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void All_rules_are_checked_in_the_order_given()
    {
        var findings = EligibilityPreCheck.CheckAll([.. EligibilityPreCheck.CheckableRules, "custom"], Facts(members: 10), Draft());
        Assert.Equal([EligibilityPreCheck.ClusterAge, EligibilityPreCheck.MemberCount, EligibilityPreCheck.CoordinatorIdentifiers, EligibilityPreCheck.MandatoryAttachments, "custom"], findings.Select(f => f.RuleCode));
        Assert.Equal([PreCheckOutcome.Met, PreCheckOutcome.NotMet, PreCheckOutcome.Met, PreCheckOutcome.Met, PreCheckOutcome.NotChecked], findings.Select(f => f.Outcome));
    }
}
