using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Competitions;

/// <summary>Setting up a draft: timeline, settings, threshold, eligibility rules and criteria, each allowed and refused; then frozen.</summary>
public sealed class CompetitionSetupTests
{
    private static readonly DateTimeOffset BeforeClosing = ClosesAt.AddDays(-10);

    private static CriterionDefinition Criterion(
        string code = "N.1",
        string area = "N",
        string? areaPl = "Nowy obszar",
        string? areaEn = "New area",
        decimal max = 10m,
        bool half = true,
        decimal weight = 1m,
        decimal? minimum = null,
        bool justification = true,
        int justificationLength = 100) =>
        new(code, area, areaPl, areaEn, $"Kryterium {code}", $"Criterion {code}", "Wskazówki", max, half, weight, minimum, justification, justificationLength);

    private static BusinessRuleViolation Refused(Action action) => Assert.Throws<BusinessRuleViolation>(action);

    [Fact]
    public void A_new_competition_has_the_four_rules_of_the_regulations_pre_checked_and_the_default_settings()
    {
        var competition = Draft();

        Assert.Equal(
            [EligibilityRule.ClusterAge, EligibilityRule.MemberCount, EligibilityRule.CoordinatorIdentifiers, EligibilityRule.MandatoryAttachments],
            competition.EligibilityRules.OrderBy(r => r.Order).Select(r => r.Code));
        Assert.All(competition.EligibilityRules, r =>
        {
            Assert.True(r.IsPreChecked);
            Assert.False(r.IsCustom);
            Assert.False(string.IsNullOrWhiteSpace(r.NamePl));
            Assert.False(string.IsNullOrWhiteSpace(r.NameEn));
        });
        Assert.Equal(3, competition.MinimumClusterAgeYears);
        Assert.Equal(51, competition.MinimumMembers);
        Assert.Equal(CompetitionSettings.Defaults, competition.Settings);
        Assert.Equal(0, competition.RulesVersion);
        Assert.Null(competition.AnnouncedSnapshot);
        Assert.Null(competition.AnnouncedSnapshotSha256);
    }

    // Timeline

    [Fact]
    public void A_drafts_timeline_is_replaced_and_stored_in_utc()
    {
        var competition = Draft();
        var warsaw = TimeSpan.FromHours(2);
        var moved = Timeline() with { ClosesAt = ClosesAt.AddDays(5).ToOffset(warsaw) };

        competition.UpdateTimeline(moved);

        Assert.Equal(ClosesAt.AddDays(5), competition.Timeline.ClosesAt);
        Assert.Equal(TimeSpan.Zero, competition.Timeline.ClosesAt.Offset);
        Assert.Equal(1, competition.DraftRevision);
    }

    [Fact]
    public void A_timeline_out_of_order_is_refused_and_the_old_one_kept()
    {
        var competition = Draft();
        var before = competition.Timeline;

        var ex = Refused(() => competition.UpdateTimeline(Timeline() with { ClosesAt = OpensAt.AddMinutes(-1) }));

        Assert.Equal("competition.timeline_out_of_order", ex.Code);
        Assert.Equal(before, competition.Timeline);
        Assert.Equal(0, competition.DraftRevision);
    }

    // Settings and threshold

    [Fact]
    public void Settings_within_their_ranges_are_kept()
    {
        var competition = Draft();
        var settings = new CompetitionSettings(3, 25.5m, false, 10, 21, 4, 21);

        competition.UpdateSettings(settings);

        Assert.Equal(settings, competition.Settings);
        Assert.Equal(3, competition.ExpertsPerApplication);
        Assert.False(competition.HoldsPanel);
    }

    public static TheoryData<string, string> BadSettings() => new()
    {
        { "one expert", "competition.experts_out_of_range" },
        { "eleven experts", "competition.experts_out_of_range" },
        { "zero divergence", "competition.divergence_out_of_range" },
        { "divergence over 100", "competition.divergence_out_of_range" },
        { "no correction days", "competition.window_out_of_range" },
        { "appeal of 91 days", "competition.window_out_of_range" },
        { "no scoring days", "competition.window_out_of_range" },
        { "no validity", "competition.validity_out_of_range" },
        { "validity of 11 years", "competition.validity_out_of_range" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Settings_out_of_range_are_refused_and_nothing_changes(string which, string code)
    {
        var competition = Draft();
        var d = CompetitionSettings.Defaults;
        var bad = which switch
        {
            "one expert" => d with { ExpertsPerApplication = 1 },
            "eleven experts" => d with { ExpertsPerApplication = 11 },
            "zero divergence" => d with { DivergenceThresholdPercent = 0m },
            "divergence over 100" => d with { DivergenceThresholdPercent = 100.01m },
            "no correction days" => d with { CorrectionWindowDays = 0 },
            "appeal of 91 days" => d with { AppealWindowDays = 91 },
            "no scoring days" => d with { ScoringWindowDays = 0 },
            "no validity" => d with { StatusValidityYears = 0 },
            _ => d with { StatusValidityYears = 11 },
        };

        var ex = Refused(() => competition.UpdateSettings(bad));

        Assert.Equal(code, ex.Code);
        Assert.Equal(CompetitionSettings.Defaults, competition.Settings);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(30)] // the maximum total of the three 10-point criteria
    public void A_pass_threshold_above_zero_and_reachable_is_kept(double threshold)
    {
        var competition = Draft();
        competition.SetPassThreshold((decimal)threshold);
        Assert.Equal((decimal)threshold, competition.PassThreshold);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(30.5)]
    public void A_pass_threshold_of_zero_or_above_the_maximum_total_is_refused(double threshold)
    {
        var competition = Draft();

        var ex = Refused(() => competition.SetPassThreshold((decimal)threshold));

        Assert.Equal("competition.threshold_out_of_range", ex.Code);
        Assert.Equal(20m, competition.PassThreshold);
    }

    [Fact]
    public void The_maximum_total_counts_the_weights()
    {
        var competition = Draft();
        competition.AddCriterion(Criterion(max: 10m, weight: 2.5m));
        Assert.Equal(55m, competition.MaxTotal);
    }

    [Fact]
    public void The_name_is_changed_and_a_blank_one_refused()
    {
        var competition = Draft();
        competition.Rename("  Nabór jesienny  ");
        Assert.Equal("Nabór jesienny", competition.Name);
        Assert.Equal("competition.name_required", Refused(() => competition.Rename(" ")).Code);
    }

    // Tie-break order

    [Fact]
    public void The_tie_break_order_ranks_the_criteria_named()
    {
        var competition = Draft();

        competition.SetTieBreakOrder(["C3", "C1"]);

        Assert.Equal(["C3", "C1"], competition.TieBreakOrder);
        Assert.Equal(1, competition.FindCriterion("C3")!.TieBreakRank);
        Assert.Equal(2, competition.FindCriterion("C1")!.TieBreakRank);
        Assert.Null(competition.FindCriterion("C2")!.TieBreakRank);

        competition.SetTieBreakOrder([]);
        Assert.Empty(competition.TieBreakOrder);
    }

    [Fact]
    public void A_tie_break_order_naming_a_criterion_twice_or_an_unknown_one_is_refused()
    {
        var competition = Draft();
        competition.SetTieBreakOrder(["C2"]);

        Assert.Equal("competition.tie_break_duplicate", Refused(() => competition.SetTieBreakOrder(["C1", "C1"])).Code);
        Assert.Equal("competition.tie_break_unknown_criterion", Refused(() => competition.SetTieBreakOrder(["C1", "Z.9"])).Code);
        Assert.Equal(["C2"], competition.TieBreakOrder);
    }

    [Fact]
    public void Removing_a_tie_break_criterion_closes_the_gap_in_the_order()
    {
        var competition = Draft();
        competition.SetTieBreakOrder(["C3", "C1", "C2"]);

        competition.RemoveCriterion("C1");

        Assert.Equal(["C3", "C2"], competition.TieBreakOrder);
        Assert.Equal(2, competition.FindCriterion("C2")!.TieBreakRank);
    }

    // Eligibility

    [Fact]
    public void The_figures_of_the_pre_checked_rules_are_set()
    {
        var competition = Draft();
        competition.SetEligibilityThresholds(5, 80);
        Assert.Equal(5, competition.MinimumClusterAgeYears);
        Assert.Equal(80, competition.MinimumMembers);
    }

    [Theory]
    [InlineData(0, 51, "competition.cluster_age_out_of_range")]
    [InlineData(51, 51, "competition.cluster_age_out_of_range")]
    [InlineData(3, 0, "competition.member_count_out_of_range")]
    [InlineData(3, 10_001, "competition.member_count_out_of_range")]
    public void Figures_out_of_range_are_refused(int years, int members, string code)
    {
        var competition = Draft();

        Assert.Equal(code, Refused(() => competition.SetEligibilityThresholds(years, members)).Code);
        Assert.Equal(3, competition.MinimumClusterAgeYears);
        Assert.Equal(51, competition.MinimumMembers);
    }

    [Fact]
    public void An_official_adds_a_rule_of_his_own_which_the_system_does_not_pre_check_and_removes_it_again()
    {
        var competition = Draft();

        var rule = competition.AddEligibilityRule("regional_letter", " List poparcia samorządu ", "Letter of support from the region");

        Assert.Equal(5, competition.EligibilityRules.Count);
        Assert.False(rule.IsPreChecked);
        Assert.True(rule.IsCustom);
        Assert.Equal("List poparcia samorządu", rule.NamePl);
        Assert.Equal(5, rule.Order);

        competition.RemoveEligibilityRule("regional_letter");

        Assert.Equal(4, competition.EligibilityRules.Count);
        Assert.Equal(2, competition.DraftRevision);
    }

    [Theory]
    [InlineData("regional_letter", "competition.eligibility_rule_duplicate")]
    [InlineData(EligibilityRule.MemberCount, "competition.eligibility_rule_duplicate")]
    [InlineData("Regional", "competition.eligibility_rule_code_invalid")]
    [InlineData("1st", "competition.eligibility_rule_code_invalid")]
    [InlineData("with space", "competition.eligibility_rule_code_invalid")]
    public void A_rule_with_a_taken_or_malformed_code_is_refused(string code, string expected)
    {
        var competition = Draft();
        competition.AddEligibilityRule("regional_letter", "List", "Letter");

        Assert.Equal(expected, Refused(() => competition.AddEligibilityRule(code, "Reguła", "Rule")).Code);
        Assert.Equal(5, competition.EligibilityRules.Count);
    }

    [Fact]
    public void A_rule_without_wording_in_both_languages_is_refused() =>
        Assert.Equal("competition.eligibility_rule_names_required", Refused(() => Draft().AddEligibilityRule("extra", "Reguła", " ")).Code);

    [Theory]
    [InlineData(EligibilityRule.ClusterAge)]
    [InlineData(EligibilityRule.MemberCount)]
    [InlineData(EligibilityRule.CoordinatorIdentifiers)]
    [InlineData(EligibilityRule.MandatoryAttachments)]
    public void A_rule_of_the_regulations_cannot_be_removed(string code)
    {
        var competition = Draft();

        Assert.Equal("competition.eligibility_rule_not_custom", Refused(() => competition.RemoveEligibilityRule(code)).Code);
        Assert.Equal(4, competition.EligibilityRules.Count);
    }

    [Fact]
    public void Removing_an_unknown_rule_is_refused() =>
        Assert.Equal("competition.eligibility_rule_unknown", Refused(() => Draft().RemoveEligibilityRule("nothing_here")).Code);

    // Criteria

    [Fact]
    public void A_criterion_in_a_new_area_is_added_with_the_areas_names_at_the_end()
    {
        var competition = Draft();

        var added = competition.AddCriterion(Criterion(minimum: 4.5m));

        Assert.Equal(4, competition.Criteria.Count);
        Assert.Equal("N", added.AreaCode);
        Assert.Equal("Nowy obszar", added.AreaNamePl);
        Assert.Equal("New area", added.AreaNameEn);
        Assert.Equal(4.5m, added.MinimumPoints);
        Assert.Equal(100, added.MinimumJustificationLength);
        Assert.Equal(competition.Criteria.Max(c => c.Order), added.Order);
    }

    [Fact]
    public void A_criterion_in_an_existing_area_keeps_the_areas_names_when_none_are_given()
    {
        var competition = Draft();

        var added = competition.AddCriterion(Criterion(area: "A", areaPl: null, areaEn: null));

        Assert.Equal("Obszar", added.AreaNamePl);
        Assert.Equal("Area", added.AreaNameEn);
    }

    [Fact]
    public void A_criterion_in_a_new_area_without_its_names_is_refused()
    {
        var competition = Draft();

        Assert.Equal("competition.area_names_required", Refused(() => competition.AddCriterion(Criterion(areaPl: null, areaEn: null))).Code);
        Assert.Equal(3, competition.Criteria.Count);
    }

    [Fact]
    public void Names_given_for_an_area_rename_the_whole_area()
    {
        var competition = Draft();

        competition.AddCriterion(Criterion(area: "A", areaPl: "Zasoby", areaEn: "Resources"));

        Assert.All(competition.Criteria, c => Assert.Equal(("Zasoby", "Resources"), (c.AreaNamePl, c.AreaNameEn)));
    }

    [Fact]
    public void A_criterion_code_is_unique_in_the_competition()
    {
        var competition = Draft();

        Assert.Equal("competition.criterion_duplicate_code", Refused(() => competition.AddCriterion(Criterion(code: "C2"))).Code);
        Assert.Equal(3, competition.Criteria.Count);
    }

    [Theory]
    [InlineData(7.5, true)]
    [InlineData(7, false)]
    [InlineData(0.5, true)]
    public void Maximum_points_on_the_criterions_scale_are_allowed(double max, bool half)
    {
        var competition = Draft();
        var added = competition.AddCriterion(Criterion(max: (decimal)max, half: half));
        Assert.Equal((decimal)max, added.MaxPoints);
    }

    [Theory]
    [InlineData(7.5, false)] // half points where they are not allowed
    [InlineData(7.25, true)] // a quarter point
    [InlineData(0, true)]
    [InlineData(-5, false)]
    public void Maximum_points_off_the_scale_or_not_above_zero_are_refused(double max, bool half)
    {
        var competition = Draft();

        Assert.Equal("competition.criterion_max_points_invalid", Refused(() => competition.AddCriterion(Criterion(max: (decimal)max, half: half))).Code);
        Assert.Equal(3, competition.Criteria.Count);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(2.5, true)]
    [InlineData(3, false)]
    public void A_minimum_within_the_scale_is_allowed(double minimum, bool half) =>
        Assert.Equal((decimal)minimum, Draft().AddCriterion(Criterion(half: half, minimum: (decimal)minimum)).MinimumPoints);

    [Theory]
    [InlineData(2.5, false)]
    [InlineData(10.5, true)]
    [InlineData(-0.5, true)]
    public void A_minimum_off_the_scale_or_above_the_maximum_is_refused(double minimum, bool half) =>
        Assert.Equal("competition.criterion_minimum_invalid", Refused(() => Draft().AddCriterion(Criterion(half: half, minimum: (decimal)minimum))).Code);

    [Theory]
    [InlineData(0.25)]
    [InlineData(1)]
    [InlineData(10)]
    public void Weights_above_zero_up_to_ten_are_allowed(double weight) =>
        Assert.Equal((decimal)weight, Draft().AddCriterion(Criterion(weight: (decimal)weight)).Weight);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.01)]
    public void Weights_of_zero_below_or_above_ten_are_refused(double weight) =>
        Assert.Equal("competition.criterion_weight_invalid", Refused(() => Draft().AddCriterion(Criterion(weight: (decimal)weight))).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(4001)]
    public void A_required_justification_needs_a_sensible_minimum_length(int length) =>
        Assert.Equal("competition.criterion_justification_invalid", Refused(() => Draft().AddCriterion(Criterion(justificationLength: length))).Code);

    [Fact]
    public void Without_a_required_justification_the_minimum_length_is_zero()
    {
        var added = Draft().AddCriterion(Criterion(justification: false, justificationLength: 250));
        Assert.False(added.JustificationRequired);
        Assert.Equal(0, added.MinimumJustificationLength);
    }

    [Fact]
    public void A_criterion_without_names_is_refused() =>
        Assert.Equal("competition.criterion_names_required", Refused(() => Draft().AddCriterion(Criterion() with { NameEn = "" })).Code);

    [Fact]
    public void A_criterion_is_changed_in_place_and_keeps_its_order()
    {
        var competition = Draft();
        var order = competition.FindCriterion("C2")!.Order;

        competition.UpdateCriterion("C2", Criterion(code: "C2", area: "A", areaPl: null, areaEn: null, max: 15m, half: false, weight: 2m, minimum: 5m, justificationLength: 300));

        var changed = competition.FindCriterion("C2")!;
        Assert.Equal((15m, false, 2m, 5m, 300, order), (changed.MaxPoints, changed.HalfPointsAllowed, changed.Weight, changed.MinimumPoints, changed.MinimumJustificationLength, changed.Order));
        Assert.Equal("Kryterium C2", changed.NamePl);
        Assert.Equal("Wskazówki", changed.Guidance);
        Assert.Equal(1, competition.DraftRevision);
    }

    [Fact]
    public void A_criterion_moved_to_a_new_area_needs_the_areas_names_even_when_it_was_the_last_of_its_own()
    {
        var competition = Draft(criteria: 1);

        var ex = Refused(() => competition.UpdateCriterion("C1", Criterion(code: "C1", area: "Z", areaPl: null, areaEn: null)));

        Assert.Equal("competition.area_names_required", ex.Code);
        Assert.Equal("A", competition.FindCriterion("C1")!.AreaCode);
    }

    [Fact]
    public void Changing_an_unknown_criterion_or_a_criterions_code_is_refused()
    {
        var competition = Draft();

        Assert.Equal("competition.criterion_unknown", Refused(() => competition.UpdateCriterion("X.1", Criterion(code: "X.1"))).Code);
        Assert.Equal("competition.criterion_code_fixed", Refused(() => competition.UpdateCriterion("C1", Criterion(code: "C9"))).Code);
        Assert.Equal("competition.criterion_unknown", Refused(() => competition.RemoveCriterion("X.1")).Code);
        Assert.Equal(3, competition.Criteria.Count);
    }

    [Fact]
    public void An_invalid_change_leaves_the_criterion_as_it_was()
    {
        var competition = Draft();

        Refused(() => competition.UpdateCriterion("C1", Criterion(code: "C1", area: "A", max: 10m, weight: 0m)));

        Assert.Equal(1m, competition.FindCriterion("C1")!.Weight);
        Assert.Equal("Kryterium 1", competition.FindCriterion("C1")!.NamePl);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(9.5, true)]
    [InlineData(10, true)]
    [InlineData(10.5, false)]
    [InlineData(-0.5, false)]
    [InlineData(9.25, false)]
    public void A_criterion_with_half_points_accepts_scores_in_half_points_within_its_range(double points, bool accepted) =>
        Assert.Equal(accepted, Draft().AddCriterion(Criterion(half: true)).Accepts((decimal)points));

    [Theory]
    [InlineData(9, true)]
    [InlineData(9.5, false)]
    public void A_criterion_without_half_points_accepts_whole_points_only(double points, bool accepted) =>
        Assert.Equal(accepted, Draft().AddCriterion(Criterion(half: false)).Accepts((decimal)points));

    // Announcement: versioned, snapshot, frozen

    [Fact]
    public void Announcing_records_version_one_and_a_snapshot_of_the_terms_with_its_sha256()
    {
        var competition = Draft();
        competition.AddEligibilityRule("regional_letter", "List poparcia", "Letter of support");
        competition.SetTieBreakOrder(["C2"]);

        competition.Announce(BeforeClosing);

        Assert.Equal(1, competition.RulesVersion);
        var snapshot = competition.AnnouncedSnapshot!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot))), competition.AnnouncedSnapshotSha256);
        var json = JsonDocument.Parse(snapshot).RootElement;
        Assert.Equal(1, json.GetProperty("rulesVersion").GetInt32());
        Assert.Equal(20m, json.GetProperty("passThreshold").GetDecimal());
        Assert.Equal(["C1", "C2", "C3"], json.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Order());
        Assert.Equal(5, json.GetProperty("eligibility").GetProperty("rules").GetArrayLength());
        Assert.Equal(51, json.GetProperty("eligibility").GetProperty("minimumMembers").GetInt32());
        Assert.Equal("C2", json.GetProperty("tieBreakOrder")[0].GetString());
        Assert.Equal(2, json.GetProperty("settings").GetProperty("expertsPerApplication").GetInt32());
    }

    [Fact]
    public void The_snapshot_does_not_depend_on_how_the_database_scaled_the_decimals()
    {
        var plain = Competition.CreateFromTemplate("K", 2027, 1, Timeline(), 20m, Template());
        var scaled = Competition.CreateFromTemplate("K", 2027, 1, Timeline(), 20.0m, Template().Select(t => { t.MaxPoints = 10.0m; return t; }));
        SetPrivate(scaled, nameof(Competition.Id), plain.Id);

        Assert.Equal(CompetitionSnapshot.Write(plain), CompetitionSnapshot.Write(scaled));
    }

    [Fact]
    public void Announcing_with_a_threshold_the_criteria_cannot_reach_is_refused()
    {
        var competition = Draft();
        competition.RemoveCriterion("C1");
        competition.RemoveCriterion("C2"); // 10 points left, threshold 20

        var ex = Refused(() => competition.Announce(BeforeClosing));

        Assert.Equal("competition.threshold_out_of_range", ex.Code);
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
        Assert.Null(competition.AnnouncedSnapshot);
    }

    public static TheoryData<string> Edits() => new()
    {
        "timeline", "settings", "threshold", "tie-break", "name", "eligibility figures", "add rule", "remove rule",
        "add criterion", "change criterion", "remove criterion",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_the_announcement_every_edit_is_refused_as_frozen_and_nothing_changes(string edit)
    {
        var competition = Draft();
        competition.AddEligibilityRule("regional_letter", "List poparcia", "Letter of support");
        competition.Announce(BeforeClosing);
        var snapshot = competition.AnnouncedSnapshot;
        var revision = competition.DraftRevision;

        var ex = Refused(() =>
        {
            switch (edit)
            {
                case "timeline": competition.UpdateTimeline(Timeline() with { ClosesAt = ClosesAt.AddDays(1) }); break;
                case "settings": competition.UpdateSettings(CompetitionSettings.Defaults with { ExpertsPerApplication = 3 }); break;
                case "threshold": competition.SetPassThreshold(25m); break;
                case "tie-break": competition.SetTieBreakOrder(["C1"]); break;
                case "name": competition.Rename("Inna nazwa"); break;
                case "eligibility figures": competition.SetEligibilityThresholds(4, 60); break;
                case "add rule": competition.AddEligibilityRule("another", "Inna", "Another"); break;
                case "remove rule": competition.RemoveEligibilityRule("regional_letter"); break;
                case "add criterion": competition.AddCriterion(Criterion()); break;
                case "change criterion": competition.UpdateCriterion("C1", Criterion(code: "C1", area: "A", max: 20m)); break;
                default: competition.RemoveCriterion("C1"); break;
            }
        });

        Assert.Equal("competition.frozen", ex.Code);
        Assert.Equal(revision, competition.DraftRevision);
        Assert.Equal(snapshot, CompetitionSnapshot.Write(competition));
    }

    [Theory]
    [InlineData(CompetitionStatus.Open)]
    [InlineData(CompetitionStatus.Closed)]
    [InlineData(CompetitionStatus.Evaluation)]
    public void Later_statuses_are_frozen_too(CompetitionStatus status) =>
        Assert.Equal("competition.frozen", Refused(() => InStatus(status).AddCriterion(Criterion())).Code);

    // Timeline on the clock

    [Theory]
    [InlineData(CompetitionStatus.Announced, -1, CompetitionStatus.Announced)]
    [InlineData(CompetitionStatus.Announced, 0, CompetitionStatus.Open)] // at opening
    [InlineData(CompetitionStatus.Open, 0, CompetitionStatus.Open)]
    [InlineData(CompetitionStatus.Draft, 0, CompetitionStatus.Draft)] // only an announced competition opens
    public void The_status_at_opening(CompetitionStatus stored, int secondsFromOpening, CompetitionStatus expected) =>
        Assert.Equal(expected, InStatus(stored).StatusAt(OpensAt.AddSeconds(secondsFromOpening)));

    [Theory]
    [InlineData(CompetitionStatus.Open, -1, CompetitionStatus.Open)] // one tick before closing
    [InlineData(CompetitionStatus.Open, 0, CompetitionStatus.Closed)] // at closing
    [InlineData(CompetitionStatus.Announced, 0, CompetitionStatus.Closed)] // the job missed the opening
    [InlineData(CompetitionStatus.Draft, 1, CompetitionStatus.Draft)]
    [InlineData(CompetitionStatus.FormalReview, 1, CompetitionStatus.FormalReview)]
    public void The_status_at_closing(CompetitionStatus stored, int ticksFromClosing, CompetitionStatus expected) =>
        Assert.Equal(expected, InStatus(stored).StatusAt(ClosesAt.AddTicks(ticksFromClosing)));

    [Fact]
    public void Advancing_the_timeline_stores_the_status_the_clock_gives_once()
    {
        var competition = Draft();
        competition.Announce(OpensAt.AddDays(-1));

        Assert.False(competition.AdvanceTimeline(OpensAt.AddTicks(-1)));
        Assert.Equal(CompetitionStatus.Announced, competition.Status);
        Assert.True(competition.AdvanceTimeline(OpensAt));
        Assert.Equal(CompetitionStatus.Open, competition.Status);
        Assert.False(competition.AdvanceTimeline(OpensAt.AddDays(1)));
        Assert.True(competition.AcceptsSubmissionsAt(OpensAt.AddDays(1)));
        Assert.True(competition.AdvanceTimeline(ClosesAt));
        Assert.Equal(CompetitionStatus.Closed, competition.Status);
        Assert.False(competition.AcceptsSubmissionsAt(ClosesAt.AddTicks(-1)));
    }

    [Fact]
    public void A_draft_is_not_opened_by_the_clock()
    {
        var competition = Draft();
        Assert.False(competition.AdvanceTimeline(ClosesAt.AddDays(1)));
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
    }
}
