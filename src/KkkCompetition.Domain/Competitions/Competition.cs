using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.Competitions;

public enum CompetitionStatus
{
    Draft,
    Announced,
    Open,
    Closed,
    FormalReview,
    Evaluation,
    Panel,
    Decided,
    Archived,
}

/// <summary>The dates of an edition, stored in UTC and shown in Europe/Warsaw.</summary>
public sealed record CompetitionTimeline(
    DateTimeOffset AnnouncementAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset FormalReviewDeadline,
    DateTimeOffset EvaluationDeadline,
    DateTimeOffset PanelAt,
    DateTimeOffset DecisionAt)
{
    /// <summary>The same instants with a zero offset, as every provider stores them.</summary>
    public CompetitionTimeline ToUtc() => new(
        AnnouncementAt.ToUniversalTime(),
        OpensAt.ToUniversalTime(),
        ClosesAt.ToUniversalTime(),
        FormalReviewDeadline.ToUniversalTime(),
        EvaluationDeadline.ToUniversalTime(),
        PanelAt.ToUniversalTime(),
        DecisionAt.ToUniversalTime());

    public bool IsOrdered =>
        AnnouncementAt <= OpensAt && OpensAt < ClosesAt && ClosesAt <= FormalReviewDeadline
        && FormalReviewDeadline <= EvaluationDeadline && EvaluationDeadline <= PanelAt && PanelAt <= DecisionAt;
}

/// <summary>The settings of an edition that are not criteria (domain guide, section 1; defaults in brackets there).</summary>
public sealed record CompetitionSettings(
    int ExpertsPerApplication,
    decimal DivergenceThresholdPercent,
    bool HoldsPanel,
    int CorrectionWindowDays,
    int AppealWindowDays,
    int StatusValidityYears,
    int ScoringWindowDays = CompetitionSettings.DefaultScoringWindowDays)
{
    public const int MinExperts = 2;
    public const int MaxExperts = 10;
    public const int MaxWindowDays = 90;
    public const int MaxStatusValidityYears = 10;
    public const int DefaultScoringWindowDays = 14;

    public static CompetitionSettings Defaults { get; } = new(2, 30m, true, 7, 14, 3);
}

/// <summary>Who rules on an appeal against the commission's decision (domain guide, section 4).</summary>
public enum AppealRuling
{
    Official,
    Commission,
}

/// <summary>A competition for the KKK status (one round of one year).</summary>
public sealed class Competition : Entity
{
    public const int MaxRoundsPerYear = 2;
    public const int MaxClusterAgeYears = 50;
    public const int MaxMinimumMembers = 10_000;

    private readonly List<CompetitionCriterion> _criteria = [];
    private readonly List<EligibilityRule> _eligibilityRules = [];

    private Competition()
    {
    }

    public string Name { get; private set; } = "";
    public int Year { get; private set; }
    public int Round { get; private set; }
    public CompetitionStatus Status { get; private set; }
    public CompetitionTimeline Timeline { get; private set; } = null!;
    public decimal PassThreshold { get; private set; }
    public int ExpertsPerApplication { get; private set; } = 2;
    public decimal DivergenceThresholdPercent { get; private set; } = 30m;
    public bool HoldsPanel { get; private set; } = true;
    public int CorrectionWindowDays { get; private set; } = 7;
    public int AppealWindowDays { get; private set; } = 14;
    public int StatusValidityYears { get; private set; } = 3;

    /// <summary>Days an expert has to submit a sheet, counted from the assignment.</summary>
    public int ScoringWindowDays { get; private set; } = CompetitionSettings.DefaultScoringWindowDays;

    /// <summary>The programme phase the competition is tied to: its statuses are valid to the phase's end (null: the validity in years).</summary>
    public Guid? ProgrammePhaseId { get; private set; }
    public int MinimumClusterAgeYears { get; private set; } = 3;

    /// <summary>Who rules on appeals in this competition: the official (default) or a commission member.</summary>
    public AppealRuling AppealRuledBy { get; private set; } = AppealRuling.Official;

    /// <summary>How many new experts re-evaluate an application after an upheld appeal.</summary>
    public int ReEvaluationExperts { get; private set; } = 1;
    public int MinimumMembers { get; private set; } = 51;
    public DateTimeOffset? AnnouncedAt { get; private set; }
    public IReadOnlyList<CompetitionCriterion> Criteria => _criteria;

    /// <summary>The formal (yes/no) criteria; the four defaults are pre-checked by the system, custom ones only by the official.</summary>
    public IReadOnlyList<EligibilityRule> EligibilityRules => _eligibilityRules;

    /// <summary>0 while a draft; the version of the criteria, rules and settings published by the announcement.</summary>
    public int RulesVersion { get; private set; }

    /// <summary>What was announced (criteria, rules, settings, timeline) as canonical JSON; null while a draft.</summary>
    public string? AnnouncedSnapshot { get; private set; }

    /// <summary>SHA-256 (hex) of <see cref="AnnouncedSnapshot"/>, shown on the public page so anyone can check the published rules.</summary>
    public string? AnnouncedSnapshotSha256 { get; private set; }

    /// <summary>
    /// Counts the edits of the draft. An edit of a criterion or rule alone would leave this row untouched, so its
    /// concurrency token would not move; counting here makes every edit of the aggregate a change of the aggregate.
    /// </summary>
    public int DraftRevision { get; private set; }

    public decimal MaxTotal => _criteria.Sum(c => c.MaxPoints * c.Weight);

    public CompetitionSettings Settings =>
        new(ExpertsPerApplication, DivergenceThresholdPercent, HoldsPanel, CorrectionWindowDays, AppealWindowDays, StatusValidityYears, ScoringWindowDays);

    /// <summary>The tie-break criteria, first one first.</summary>
    public IReadOnlyList<string> TieBreakOrder =>
        _criteria.Where(c => c.TieBreakRank is not null).OrderBy(c => c.TieBreakRank).Select(c => c.Code).ToList();

    public static Competition CreateFromTemplate(
        string name,
        int year,
        int round,
        CompetitionTimeline timeline,
        decimal passThreshold,
        IEnumerable<CriterionTemplate> template)
    {
        if (round is < 1 or > MaxRoundsPerYear)
        {
            throw new BusinessRuleViolation("competition.round_out_of_range", $"A year has at most {MaxRoundsPerYear} rounds.", MaxRoundsPerYear);
        }

        EnsureOrdered(timeline);
        var competition = new Competition
        {
            Name = name,
            Year = year,
            Round = round,
            Status = CompetitionStatus.Draft,
            Timeline = timeline.ToUtc(),
            PassThreshold = passThreshold,
        };
        competition._criteria.AddRange(template.OrderBy(t => t.Order).Select(CompetitionCriterion.FromTemplate));
        competition._eligibilityRules.AddRange(EligibilityRule.Defaults());
        return competition;
    }

    /// <summary>The status the timeline gives at <paramref name="now"/>: announced → open at opening, → closed at closing.</summary>
    public CompetitionStatus StatusAt(DateTimeOffset now) => StatusAt(Status, Timeline.OpensAt, Timeline.ClosesAt, now);

    /// <summary>
    /// The same, for queries that read the stored status and two dates without loading the aggregate: between two runs
    /// of the timeline job a page shows what the clock says, not what was last stored.
    /// </summary>
    public static CompetitionStatus StatusAt(CompetitionStatus stored, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) => stored switch
    {
        CompetitionStatus.Announced or CompetitionStatus.Open when now >= closesAt => CompetitionStatus.Closed,
        CompetitionStatus.Announced when now >= opensAt => CompetitionStatus.Open,
        _ => stored,
    };

    /// <summary>Moves the stored status to what the timeline gives at <paramref name="now"/>; true when it changed.</summary>
    public bool AdvanceTimeline(DateTimeOffset now)
    {
        var next = StatusAt(now);
        if (next == Status)
        {
            return false;
        }

        Status = next;
        return true;
    }

    public void Rename(string name)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleViolation("competition.name_required", "A competition needs a name.");
        }

        Name = name.Trim();
        Touch();
    }

    public void UpdateTimeline(CompetitionTimeline timeline)
    {
        EnsureDraft();
        EnsureOrdered(timeline);
        Timeline = timeline.ToUtc();
        Touch();
    }

    /// <summary>
    /// The appeal procedure: who rules and how many experts re-evaluate after an upheld appeal. It governs what happens
    /// after the decisions, so it may change at any stage (a ruling already made stays as it was).
    /// </summary>
    public void ChangeAppealSettings(AppealRuling ruledBy, int reEvaluationExperts)
    {
        if (!Enum.IsDefined(ruledBy) || reEvaluationExperts is < 1 or > CompetitionSettings.MaxExperts)
        {
            throw new BusinessRuleViolation(
                "competition.appeal_settings_out_of_range", $"Between 1 and {CompetitionSettings.MaxExperts} experts re-evaluate an appealed application.", CompetitionSettings.MaxExperts);
        }

        AppealRuledBy = ruledBy;
        ReEvaluationExperts = reEvaluationExperts;
        DraftRevision++;
    }

    public void UpdateSettings(CompetitionSettings settings)
    {
        EnsureDraft();
        if (settings.ExpertsPerApplication is < CompetitionSettings.MinExperts or > CompetitionSettings.MaxExperts)
        {
            throw new BusinessRuleViolation(
                "competition.experts_out_of_range",
                $"Each application needs {CompetitionSettings.MinExperts} to {CompetitionSettings.MaxExperts} experts.",
                CompetitionSettings.MinExperts,
                CompetitionSettings.MaxExperts);
        }

        if (settings.DivergenceThresholdPercent is <= 0m or > 100m)
        {
            throw new BusinessRuleViolation("competition.divergence_out_of_range", "The divergence threshold is a percentage above 0 and at most 100.");
        }

        if (settings.CorrectionWindowDays is < 1 or > CompetitionSettings.MaxWindowDays
            || settings.AppealWindowDays is < 1 or > CompetitionSettings.MaxWindowDays
            || settings.ScoringWindowDays is < 1 or > CompetitionSettings.MaxWindowDays)
        {
            throw new BusinessRuleViolation("competition.window_out_of_range", $"Correction, appeal and scoring windows are 1 to {CompetitionSettings.MaxWindowDays} days.", CompetitionSettings.MaxWindowDays);
        }

        if (settings.StatusValidityYears is < 1 or > CompetitionSettings.MaxStatusValidityYears)
        {
            throw new BusinessRuleViolation("competition.validity_out_of_range", $"The status is valid for 1 to {CompetitionSettings.MaxStatusValidityYears} years.", CompetitionSettings.MaxStatusValidityYears);
        }

        ExpertsPerApplication = settings.ExpertsPerApplication;
        DivergenceThresholdPercent = settings.DivergenceThresholdPercent;
        HoldsPanel = settings.HoldsPanel;
        CorrectionWindowDays = settings.CorrectionWindowDays;
        AppealWindowDays = settings.AppealWindowDays;
        StatusValidityYears = settings.StatusValidityYears;
        ScoringWindowDays = settings.ScoringWindowDays;
        Touch();
    }

    /// <summary>Ties a draft to a programme phase, or unties it (null).</summary>
    public void TieToPhase(Guid? phaseId)
    {
        EnsureDraft();
        ProgrammePhaseId = phaseId;
        Touch();
    }

    /// <summary>The points an application needs for the status: above zero and reachable with the criteria as they are.</summary>
    public void SetPassThreshold(decimal threshold)
    {
        EnsureDraft();
        EnsureThresholdReachable(threshold);
        PassThreshold = threshold;
        Touch();
    }

    /// <summary>Which criteria break ties in the ranking, in order; replaces the previous order (empty: ties go by submission time).</summary>
    public void SetTieBreakOrder(IReadOnlyList<string> criterionCodes)
    {
        EnsureDraft();
        if (criterionCodes.Distinct(StringComparer.Ordinal).Count() != criterionCodes.Count)
        {
            throw new BusinessRuleViolation("competition.tie_break_duplicate", "A criterion appears twice in the tie-break order.");
        }

        var unknown = criterionCodes.FirstOrDefault(code => FindCriterion(code) is null);
        if (unknown is not null)
        {
            throw new BusinessRuleViolation("competition.tie_break_unknown_criterion", $"The tie-break order names '{unknown}', which is not a criterion of this competition.", unknown);
        }

        var order = criterionCodes.ToList();
        foreach (var criterion in _criteria)
        {
            var index = order.IndexOf(criterion.Code);
            criterion.SetTieBreakRank(index < 0 ? null : index + 1);
        }

        Touch();
    }

    /// <summary>The figures of the two pre-checked rules that have one: minimum age of the cluster and minimum number of members.</summary>
    public void SetEligibilityThresholds(int minimumClusterAgeYears, int minimumMembers)
    {
        EnsureDraft();
        if (minimumClusterAgeYears is < 1 or > MaxClusterAgeYears)
        {
            throw new BusinessRuleViolation("competition.cluster_age_out_of_range", $"The minimum age of a cluster is 1 to {MaxClusterAgeYears} years.", MaxClusterAgeYears);
        }

        if (minimumMembers is < 1 or > MaxMinimumMembers)
        {
            throw new BusinessRuleViolation("competition.member_count_out_of_range", $"The minimum number of members is 1 to {MaxMinimumMembers}.", MaxMinimumMembers);
        }

        MinimumClusterAgeYears = minimumClusterAgeYears;
        MinimumMembers = minimumMembers;
        Touch();
    }

    /// <summary>Adds a formal criterion of the official's own; the system cannot check it, the official confirms it per application.</summary>
    public EligibilityRule AddEligibilityRule(string code, string namePl, string nameEn)
    {
        EnsureDraft();
        if (_eligibilityRules.Any(r => string.Equals(r.Code, code, StringComparison.Ordinal)))
        {
            throw new BusinessRuleViolation("competition.eligibility_rule_duplicate", $"The competition already has an eligibility rule '{code}'.", code);
        }

        var rule = EligibilityRule.Custom(code, namePl, nameEn, _eligibilityRules.Count == 0 ? 1 : _eligibilityRules.Max(r => r.Order) + 1);
        _eligibilityRules.Add(rule);
        Touch();
        return rule;
    }

    public void RemoveEligibilityRule(string code)
    {
        EnsureDraft();
        var rule = _eligibilityRules.SingleOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal))
            ?? throw new BusinessRuleViolation("competition.eligibility_rule_unknown", $"The competition has no eligibility rule '{code}'.", code);
        if (!rule.IsCustom)
        {
            throw new BusinessRuleViolation("competition.eligibility_rule_not_custom", $"'{code}' is a rule of the regulations; only rules added for this competition can be removed.", code);
        }

        _eligibilityRules.Remove(rule);
        Touch();
    }

    public CompetitionCriterion AddCriterion(CriterionDefinition definition)
    {
        EnsureDraft();
        if (FindCriterion(definition.Code) is not null)
        {
            throw new BusinessRuleViolation("competition.criterion_duplicate_code", $"The competition already has a criterion '{definition.Code}'.", definition.Code);
        }

        var (areaPl, areaEn) = AreaNames(definition, except: null);
        var criterion = CompetitionCriterion.Define(definition, areaPl, areaEn, _criteria.Count == 0 ? 1 : _criteria.Max(c => c.Order) + 1);
        _criteria.Add(criterion);
        RenameArea(definition.AreaCode, areaPl, areaEn);
        Touch();
        return criterion;
    }

    /// <summary>Changes a criterion (its code stays: scores and tie-break refer to it). Names given for its area rename the whole area.</summary>
    public void UpdateCriterion(string code, CriterionDefinition definition)
    {
        EnsureDraft();
        var criterion = FindCriterion(code)
            ?? throw new BusinessRuleViolation("competition.criterion_unknown", $"The competition has no criterion '{code}'.", code);
        if (!string.Equals(definition.Code, code, StringComparison.Ordinal))
        {
            throw new BusinessRuleViolation("competition.criterion_code_fixed", "A criterion keeps its code; remove it and add a new one instead.");
        }

        var (areaPl, areaEn) = AreaNames(definition, except: criterion);
        criterion.Redefine(definition, areaPl, areaEn);
        RenameArea(definition.AreaCode, areaPl, areaEn);
        Touch();
    }

    public void RemoveCriterion(string code)
    {
        EnsureDraft();
        var criterion = FindCriterion(code)
            ?? throw new BusinessRuleViolation("competition.criterion_unknown", $"The competition has no criterion '{code}'.", code);
        _criteria.Remove(criterion);
        if (criterion.TieBreakRank is not null)
        {
            var rank = 1;
            foreach (var next in _criteria.Where(c => c.TieBreakRank is not null).OrderBy(c => c.TieBreakRank))
            {
                next.SetTieBreakRank(rank++);
            }
        }

        Touch();
    }

    /// <summary>Publishes the competition: from here on its criteria and rules are frozen, as recorded in the snapshot.</summary>
    public void Announce(DateTimeOffset now)
    {
        if (Status != CompetitionStatus.Draft)
        {
            throw new BusinessRuleViolation("competition.not_draft", "Only a draft competition can be announced.");
        }

        if (_criteria.Count == 0)
        {
            throw new BusinessRuleViolation("competition.no_criteria", "A competition needs merit criteria before it is announced.");
        }

        if (now >= Timeline.ClosesAt)
        {
            throw new BusinessRuleViolation("competition.closing_in_past", "The closing date has already passed.");
        }

        EnsureThresholdReachable(PassThreshold);
        Status = CompetitionStatus.Announced;
        AnnouncedAt = now;
        RulesVersion++;
        AnnouncedSnapshot = CompetitionSnapshot.Write(this);
        AnnouncedSnapshotSha256 = CompetitionSnapshot.Sha256(AnnouncedSnapshot);
    }

    /// <summary>Whether submissions are accepted at <paramref name="now"/>: from opening, strictly before closing.</summary>
    public bool AcceptsSubmissionsAt(DateTimeOffset now) =>
        Status is CompetitionStatus.Announced or CompetitionStatus.Open && now >= Timeline.OpensAt && now < Timeline.ClosesAt;

    public CompetitionCriterion? FindCriterion(string code) =>
        _criteria.SingleOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    private static void EnsureOrdered(CompetitionTimeline timeline)
    {
        if (!timeline.IsOrdered)
        {
            throw new BusinessRuleViolation("competition.timeline_out_of_order", "The dates of the timeline must follow one another.");
        }
    }

    private void EnsureDraft()
    {
        if (Status != CompetitionStatus.Draft)
        {
            throw new BusinessRuleViolation("competition.frozen", "The competition has been announced: its timeline, criteria, rules and settings can no longer change.");
        }
    }

    private void EnsureThresholdReachable(decimal threshold)
    {
        if (threshold <= 0m || threshold > MaxTotal)
        {
            throw new BusinessRuleViolation(
                "competition.threshold_out_of_range",
                $"The pass threshold must be above 0 and at most the maximum total of the criteria ({MaxTotal}).",
                MaxTotal.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The names of the definition's area: the ones given, else the area's current ones; a new area needs names.</summary>
    private (string Pl, string En) AreaNames(CriterionDefinition definition, CompetitionCriterion? except)
    {
        if (!string.IsNullOrWhiteSpace(definition.AreaNamePl) && !string.IsNullOrWhiteSpace(definition.AreaNameEn))
        {
            return (definition.AreaNamePl.Trim(), definition.AreaNameEn.Trim());
        }

        var existing = _criteria.FirstOrDefault(c => c != except && string.Equals(c.AreaCode, definition.AreaCode, StringComparison.Ordinal));
        return existing is not null
            ? (existing.AreaNamePl, existing.AreaNameEn)
            : throw new BusinessRuleViolation("competition.area_names_required", $"The area '{definition.AreaCode}' is new: give its names in Polish and English.", definition.AreaCode);
    }

    private void RenameArea(string areaCode, string namePl, string nameEn)
    {
        foreach (var criterion in _criteria.Where(c => string.Equals(c.AreaCode, areaCode, StringComparison.Ordinal)))
        {
            criterion.RenameArea(namePl, nameEn);
        }
    }

    private void Touch() => DraftRevision++;
}
