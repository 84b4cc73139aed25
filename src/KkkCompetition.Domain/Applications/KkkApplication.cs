using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    FormalReview,
    CorrectionRequested,
    Corrected,
    FormallyAccepted,
    FormallyRejected,
    UnderEvaluation,
    Evaluated,
    Recommended,
    NotRecommended,
    Certified,
    Rejected,
    Withdrawn,
    Appealed,
}

/// <summary>
/// A cluster's bid in one competition (named so as not to clash with the Application layer). It guards the
/// lifecycle of domain guide section 2: the draft and its sections, submission, withdrawal and the formal review
/// with its one correction request.
/// </summary>
public sealed class KkkApplication : Entity
{
    public const int MaxReasonLength = 4000;

    private readonly List<ApplicationIndicatorYear> _indicators = [];
    private readonly List<ApplicationNarrative> _narratives = [];
    private readonly List<ApplicationAttachment> _attachments = [];
    private readonly List<FormalCheck> _formalChecks = [];

    private KkkApplication()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ClusterId { get; private set; }
    public Guid OwnerUserId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary><c>KKK/{year}/{round}/{0001}</c>, given at submission.</summary>
    public string? Number { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>SHA-256 (hex) of the snapshot frozen at submission; the receipt carries it.</summary>
    public string? SubmissionHash { get; private set; }

    /// <summary>SHA-256 (hex) of the snapshot frozen with the answer to the correction request (null before it).</summary>
    public string? CorrectionHash { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>When the commission's latest resolution on it was recorded.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? FormalDecisionAt { get; private set; }

    /// <summary>The official's reasons for the formal outcome (mandatory for a rejection).</summary>
    public string? FormalDecisionReasons { get; private set; }

    public CorrectionRequest? Correction { get; private set; }

    /// <summary>When the experts' totals were found to differ by more than the threshold: one more expert is then needed.</summary>
    public DateTimeOffset? DivergenceDetectedAt { get; private set; }

    /// <summary>
    /// 1 for the first merit evaluation; each upheld appeal opens the next round, whose experts and result replace the
    /// earlier round's (kept as history, see <c>ExpertAssignment.Round</c> and <c>EvaluationResult.Round</c>).
    /// </summary>
    public int EvaluationRound { get; private set; } = 1;

    public bool IsReEvaluation => EvaluationRound > 1;

    public IReadOnlyList<ApplicationIndicatorYear> Indicators => _indicators;
    public IReadOnlyList<ApplicationNarrative> Narratives => _narratives;
    public IReadOnlyList<ApplicationAttachment> Attachments => _attachments;
    public IReadOnlyList<FormalCheck> FormalChecks => _formalChecks;

    /// <summary>The two full years before the competition's year, whose indicators the application reports.</summary>
    public static IReadOnlyList<int> IndicatorYears(int competitionYear) => [competitionYear - 2, competitionYear - 1];

    public static KkkApplication StartDraft(Competition competition, Guid clusterId, Guid ownerUserId, DateTimeOffset now)
    {
        if (competition.Status is not (CompetitionStatus.Announced or CompetitionStatus.Open) || now >= competition.Timeline.ClosesAt)
        {
            throw new BusinessRuleViolation("application.competition_not_accepting", "The competition does not accept applications.");
        }

        var application = new KkkApplication
        {
            CompetitionId = competition.Id,
            ClusterId = clusterId,
            OwnerUserId = ownerUserId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        application._indicators.AddRange(IndicatorYears(competition.Year).Select(y => new ApplicationIndicatorYear(application.Id, y)));
        application._narratives.AddRange(competition.Criteria.Select(c => c.AreaCode).Distinct().Select(a => new ApplicationNarrative(application.Id, a)));
        return application;
    }

    /// <summary>The keys of every section of this application (what a correction request may reopen), in the order of the form.</summary>
    public IReadOnlyList<string> SectionKeys() =>
    [
        ApplicationSections.Indicators,
        .. _narratives.Select(n => ApplicationSections.Narrative(n.AreaCode)).Order(StringComparer.Ordinal),
        .. Enum.GetValues<AttachmentKind>().Select(ApplicationSections.Attachments),
    ];

    /// <summary>Whether the applicant may change <paramref name="section"/> now: any section of a draft, or a section a pending correction reopens.</summary>
    public bool CanEdit(string section, DateTimeOffset now) => Status switch
    {
        ApplicationStatus.Draft => true,
        ApplicationStatus.CorrectionRequested => Correction is { } c && c.Reopens(section) && !c.IsOverdueAt(now),
        _ => false,
    };

    private void EnsureEditable(string section, DateTimeOffset now)
    {
        if (CanEdit(section, now))
        {
            return;
        }

        if (Status == ApplicationStatus.CorrectionRequested && Correction!.IsOverdueAt(now))
        {
            throw new BusinessRuleViolation("application.correction_deadline_passed", "The deadline of the correction request has passed.", Correction.DeadlineAt);
        }

        throw Status == ApplicationStatus.CorrectionRequested
            ? new BusinessRuleViolation("application.section_not_reopened", "The correction request does not reopen this section.", section)
            : new BusinessRuleViolation("application.not_editable", "The application can no longer be changed.", Status.ToString());
    }

    /// <summary>Saves one year's indicators; false (and nothing changed) when they are the values already saved.</summary>
    public bool SaveIndicators(int year, IndicatorValues values, DateTimeOffset now)
    {
        EnsureEditable(ApplicationSections.Indicators, now);
        var row = _indicators.SingleOrDefault(i => i.Year == year)
            ?? throw new BusinessRuleViolation("application.indicator_year_unknown", "The application reports indicators of the two last full years only.", year);
        if (!values.IsInRange)
        {
            throw new BusinessRuleViolation("application.indicator_out_of_range", "Indicators cannot be negative and a share is at most 100%.");
        }

        if (row.Values == values)
        {
            return false;
        }

        row.Values = values;
        Touch(now);
        return true;
    }

    /// <summary>Saves the narrative of one criteria area; false (and nothing changed) when it is the text already saved.</summary>
    public bool SaveNarrative(string areaCode, string text, DateTimeOffset now)
    {
        EnsureEditable(ApplicationSections.Narrative(areaCode), now);
        var narrative = _narratives.SingleOrDefault(n => n.AreaCode == areaCode)
            ?? throw new BusinessRuleViolation("application.area_unknown", "The competition has no such criteria area.", areaCode);
        if (text.Length > ApplicationNarrative.MaxLength)
        {
            throw new BusinessRuleViolation("application.narrative_too_long", "The narrative is too long.", ApplicationNarrative.MaxLength);
        }

        if (narrative.Text == text)
        {
            return false;
        }

        narrative.Text = text;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Every change of a section moves <see cref="UpdatedAt"/> forward, even within one clock tick, so the root itself is
    /// always saved with the change: its version is then checked and bumped whatever part of the application changed.
    /// </summary>
    private void Touch(DateTimeOffset now) => UpdatedAt = now > UpdatedAt ? now : UpdatedAt.AddTicks(1);

    /// <summary>Adds a file already checked by content and stored under its hash; the same content twice in one section is refused.</summary>
    public ApplicationAttachment AddAttachment(AttachmentKind kind, string sanitisedFileName, string contentType, long sizeBytes, string sha256, DateTimeOffset now)
    {
        EnsureEditable(ApplicationSections.Attachments(kind), now);
        if (sizeBytes is <= 0 or > ApplicationAttachment.MaxBytes)
        {
            throw new BusinessRuleViolation("attachment.too_large", "An attachment may have at most 20 MB.", ApplicationAttachment.MaxBytes);
        }

        if (_attachments.Any(a => a.Kind == kind && a.Sha256 == sha256))
        {
            throw new BusinessRuleViolation("attachment.duplicate", "This file is already attached in this section.", sanitisedFileName);
        }

        var attachment = new ApplicationAttachment(Id, kind, sanitisedFileName, contentType, sizeBytes, sha256, now);
        _attachments.Add(attachment);
        Touch(now);
        return attachment;
    }

    public void RemoveAttachment(Guid attachmentId, DateTimeOffset now)
    {
        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId)
            ?? throw new BusinessRuleViolation("attachment.not_found", "The application has no such attachment.");
        EnsureEditable(ApplicationSections.Attachments(attachment.Kind), now);
        _attachments.Remove(attachment);
        Touch(now);
    }

    /// <summary>What is missing before submission, per section (indicators of both years, each narrative, each mandatory kind of attachment).</summary>
    public CompletenessReport CheckCompleteness()
    {
        var missing = new List<MissingItem>();
        foreach (var year in _indicators.OrderBy(i => i.Year))
        {
            missing.AddRange(year.Values.Missing().Select(name => new MissingItem(ApplicationSections.Indicators, $"{year.Year}:{name}")));
        }

        missing.AddRange(_narratives.Where(n => string.IsNullOrWhiteSpace(n.Text)).Select(n => new MissingItem(ApplicationSections.Narrative(n.AreaCode), "text")));
        missing.AddRange(ApplicationAttachment.MandatoryKinds.Where(k => _attachments.All(a => a.Kind != k)).Select(k => new MissingItem(ApplicationSections.Attachments(k), "file")));
        return new CompletenessReport(missing);
    }

    /// <summary>
    /// Submits the draft: only while the competition accepts submissions (the closing instant itself refused), only when complete.
    /// The caller freezes the snapshot and gives the next number of the competition. Submitting a submitted application is a no-op
    /// (the caller returns the same receipt): check <see cref="IsSubmitted"/> first.
    /// </summary>
    public void Submit(Competition competition, int sequence, string snapshotSha256, DateTimeOffset now)
    {
        EnsureSubmittable(competition, now);
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Application numbers start at 1.");
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        SubmissionHash = snapshotSha256;
        Number = FormatNumber(competition.Year, competition.Round, sequence);
        UpdatedAt = now;
    }

    /// <summary>
    /// The checks of <see cref="Submit"/>, on their own: the caller runs them before it takes a number from the competition's
    /// counter, so a refused submission neither waits for nor holds the counter.
    /// </summary>
    public void EnsureSubmittable(Competition competition, DateTimeOffset now)
    {
        if (competition.Id != CompetitionId)
        {
            throw new ArgumentException("The application belongs to another competition.", nameof(competition));
        }

        if (Status != ApplicationStatus.Draft)
        {
            throw new BusinessRuleViolation("application.not_draft", "Only a draft can be submitted.", Status.ToString());
        }

        if (!competition.AcceptsSubmissionsAt(now))
        {
            throw new BusinessRuleViolation("application.submission_closed", "The competition does not accept submissions now.", competition.Timeline.OpensAt, competition.Timeline.ClosesAt);
        }

        var completeness = CheckCompleteness();
        if (!completeness.IsComplete)
        {
            throw new BusinessRuleViolation("application.incomplete", "The application is not complete.", completeness.Missing.Count);
        }
    }

    public bool IsSubmitted => SubmittedAt is not null;

    public static string FormatNumber(int year, int round, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"KKK/{year}/{round}/{sequence:0000}");

    /// <summary>Submitted and not yet finally decided: a draft is simply left unsent, and a decided application stays decided.</summary>
    public bool CanBeWithdrawn => Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn or ApplicationStatus.FormallyRejected
        or ApplicationStatus.Certified or ApplicationStatus.Rejected);

    /// <summary>The applicant withdraws a submitted application, with a reason, at any time before the decision on it.</summary>
    public void Withdraw(string reason, DateTimeOffset now)
    {
        if (!CanBeWithdrawn)
        {
            throw new BusinessRuleViolation("application.cannot_withdraw", "The application cannot be withdrawn in its present state.", Status.ToString());
        }

        RequireReason(reason, "application.reason_required");
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawalReason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>The official records pass / fail / fixable for one eligibility rule; the first finding starts the formal review.</summary>
    public void RecordFormalCheck(string ruleCode, FormalCheckOutcome outcome, string? comment, Guid officialId, DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.FormalReview or ApplicationStatus.Corrected))
        {
            throw new BusinessRuleViolation("application.not_in_formal_review", "The application is not in formal review.", Status.ToString());
        }

        if (outcome == FormalCheckOutcome.Fixable && Correction is not null)
        {
            throw new BusinessRuleViolation("application.correction_already_requested", "An application gets one correction request only; decide pass or fail.");
        }

        if (outcome != FormalCheckOutcome.Pass && string.IsNullOrWhiteSpace(comment))
        {
            throw new BusinessRuleViolation("application.formal_comment_required", "Say what is wrong when a rule is not met.", ruleCode);
        }

        if (comment is { Length: > FormalCheck.MaxCommentLength })
        {
            throw new BusinessRuleViolation("application.formal_comment_too_long", "The comment is too long.", FormalCheck.MaxCommentLength);
        }

        // Checked before anything changes, so a refused finding leaves the application as it was.
        if (Status == ApplicationStatus.Submitted)
        {
            Status = ApplicationStatus.FormalReview;
        }

        var check = _formalChecks.SingleOrDefault(c => c.RuleCode == ruleCode);
        if (check is null)
        {
            check = new FormalCheck(Id, ruleCode);
            _formalChecks.Add(check);
        }

        check.Outcome = outcome;
        check.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        check.DecidedBy = officialId;
        check.DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The one correction request: only when some rule is fixable and none has failed; reopens the listed sections only.</summary>
    public CorrectionRequest RequestCorrection(IReadOnlyList<CorrectionItem> items, int windowDays, DateTimeOffset now)
    {
        // First, so that a second request names the real reason whatever state the first one left behind.
        if (Correction is not null)
        {
            throw new BusinessRuleViolation("application.correction_already_requested", "An application gets one correction request only.");
        }

        if (Status != ApplicationStatus.FormalReview)
        {
            throw new BusinessRuleViolation("application.not_in_formal_review", "The application is not in formal review.", Status.ToString());
        }

        if (_formalChecks.Any(c => c.Outcome == FormalCheckOutcome.Fail))
        {
            throw new BusinessRuleViolation("application.correction_with_failed_rule", "A rule has failed: reject the application instead of asking for a correction.");
        }

        if (_formalChecks.All(c => c.Outcome != FormalCheckOutcome.Fixable))
        {
            throw new BusinessRuleViolation("application.correction_without_fixable_rule", "Mark at least one rule as fixable before asking for a correction.");
        }

        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Description) || string.IsNullOrWhiteSpace(i.Section)))
        {
            throw new BusinessRuleViolation("application.correction_items_required", "List what the applicant has to fix.");
        }

        var sections = SectionKeys();
        foreach (var unknown in items.Select(i => i.Section).Where(k => !sections.Contains(k)).Take(1))
        {
            throw new BusinessRuleViolation("application.correction_section_unknown", "The application has no such section.", unknown);
        }

        if (windowDays <= 0)
        {
            throw new BusinessRuleViolation("application.correction_window_invalid", "The correction window must be at least one day.", windowDays);
        }

        Correction = new CorrectionRequest(Id, items, now, windowDays);
        Status = ApplicationStatus.CorrectionRequested;
        UpdatedAt = now;
        return Correction;
    }

    /// <summary>The applicant opened the correction request: delivery; the deadline now runs from today. True the first time only.</summary>
    public bool MarkCorrectionDelivered(DateTimeOffset now) =>
        Status == ApplicationStatus.CorrectionRequested && Correction!.MarkDelivered(now);

    /// <summary>The applicant's one answer, before the deadline; the caller freezes a new snapshot of the corrected content.</summary>
    public void AnswerCorrection(string answer, string snapshotSha256, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.CorrectionRequested)
        {
            throw new BusinessRuleViolation("application.no_pending_correction", "There is no correction request to answer.", Status.ToString());
        }

        if (Correction!.IsOverdueAt(now))
        {
            throw new BusinessRuleViolation("application.correction_deadline_passed", "The deadline of the correction request has passed.", Correction.DeadlineAt);
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new BusinessRuleViolation("application.answer_required", "Say what was corrected.");
        }

        if (answer.Length > CorrectionRequest.MaxAnswerLength)
        {
            throw new BusinessRuleViolation("application.answer_too_long", "The answer is too long.", CorrectionRequest.MaxAnswerLength);
        }

        Correction.RecordAnswer(answer.Trim(), now);

        // The receipt keeps the hash of the submitted snapshot; the corrected one has its own.
        CorrectionHash = snapshotSha256;
        Status = ApplicationStatus.Corrected;
        UpdatedAt = now;
    }

    /// <summary>Formally accepted once every eligibility rule of the competition has passed.</summary>
    public void AcceptFormally(IEnumerable<string> eligibilityRuleCodes, string? reasons, DateTimeOffset now)
    {
        EnsureFormalDecisionPossible();
        var notPassed = eligibilityRuleCodes.Where(code => _formalChecks.All(c => c.RuleCode != code || c.Outcome != FormalCheckOutcome.Pass)).ToList();
        if (notPassed.Count > 0)
        {
            throw new BusinessRuleViolation("application.formal_rules_not_passed", "Every eligibility rule must pass before formal acceptance.", string.Join(", ", notPassed));
        }

        Status = ApplicationStatus.FormallyAccepted;
        FormalDecisionAt = now;
        FormalDecisionReasons = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        UpdatedAt = now;
    }

    /// <summary>Formally rejected, with reasons, when a rule failed or (after the correction) is still not met.</summary>
    public void RejectFormally(string reasons, DateTimeOffset now)
    {
        EnsureFormalDecisionPossible();
        if (_formalChecks.All(c => c.Outcome == FormalCheckOutcome.Pass))
        {
            throw new BusinessRuleViolation("application.rejection_without_failed_rule", "No eligibility rule has failed.");
        }

        RequireReason(reasons, "application.reason_required");
        Status = ApplicationStatus.FormallyRejected;
        FormalDecisionAt = now;
        FormalDecisionReasons = reasons.Trim();
        UpdatedAt = now;
    }

    /// <summary>Run by the daily job: a correction request left unanswered past its deadline ends in formal rejection.</summary>
    public void RejectForUnansweredCorrection(string reasons, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.CorrectionRequested || !Correction!.IsOverdueAt(now))
        {
            throw new BusinessRuleViolation("application.correction_not_overdue", "The correction request is answered or still within its deadline.");
        }

        Status = ApplicationStatus.FormallyRejected;
        FormalDecisionAt = now;
        FormalDecisionReasons = reasons;
        UpdatedAt = now;
    }

    /// <summary>Experts are assigned: a formally accepted application goes into merit evaluation (a no-op when it already is).</summary>
    public void StartEvaluation(DateTimeOffset now)
    {
        if (Status == ApplicationStatus.UnderEvaluation)
        {
            return;
        }

        if (Status != ApplicationStatus.FormallyAccepted)
        {
            throw new BusinessRuleViolation("application.not_formally_accepted", "Only a formally accepted application is evaluated on its merits.", Status.ToString());
        }

        Status = ApplicationStatus.UnderEvaluation;
        UpdatedAt = now;
    }

    /// <summary>The sheets diverge (domain guide, section 3): the application needs one expert more than the competition's N. Once only.</summary>
    public void MarkDivergent(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.UnderEvaluation)
        {
            throw new BusinessRuleViolation("application.not_under_evaluation", "The application is not under merit evaluation.", Status.ToString());
        }

        if (DivergenceDetectedAt is not null)
        {
            throw new BusinessRuleViolation("application.divergence_already_handled", "An extra expert has already been called for this application.");
        }

        DivergenceDetectedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// How many experts this application needs in its current round: the competition's N, plus one after divergence; in a
    /// re-evaluation after an upheld appeal, the competition's re-evaluation experts (no divergence there: their mean counts).
    /// </summary>
    public int ExpertsNeeded(Competition competition) =>
        IsReEvaluation ? competition.ReEvaluationExperts : competition.ExpertsPerApplication + (DivergenceDetectedAt is null ? 0 : 1);

    /// <summary>All sheets are in and the result is computed.</summary>
    public void CompleteEvaluation(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.UnderEvaluation)
        {
            throw new BusinessRuleViolation("application.not_under_evaluation", "The application is not under merit evaluation.", Status.ToString());
        }

        Status = ApplicationStatus.Evaluated;
        UpdatedAt = now;
    }

    /// <summary>
    /// The official puts the evaluated application on the commission's recommendation list: recommended when its
    /// result passed, not recommended otherwise (domain guide, section 4).
    /// </summary>
    public void PutBeforeCommission(bool passed, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Evaluated)
        {
            throw new BusinessRuleViolation("application.not_evaluated", "Only an evaluated application goes before the commission.", Status.ToString());
        }

        Status = passed ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended;
        UpdatedAt = now;
    }

    /// <summary>The commission's resolution: certified or rejected. An application whose result did not pass is never certified.</summary>
    public void RecordDecision(bool positive, DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Recommended or ApplicationStatus.NotRecommended))
        {
            throw new BusinessRuleViolation("application.not_before_commission", "The application is not before the commission.", Status.ToString());
        }

        if (positive && Status == ApplicationStatus.NotRecommended)
        {
            throw new BusinessRuleViolation("certification.not_passed", "An application whose result did not pass cannot be certified.");
        }

        Status = positive ? ApplicationStatus.Certified : ApplicationStatus.Rejected;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The applicant appealed against the commission's negative decision.</summary>
    public void Appeal(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Rejected)
        {
            throw new BusinessRuleViolation("application.not_rejected", "Only a rejected application can be appealed.", Status.ToString());
        }

        Status = ApplicationStatus.Appealed;
        UpdatedAt = now;
    }

    /// <summary>The appeal was dismissed: the rejection stands, finally.</summary>
    public void DismissAppeal(DateTimeOffset now)
    {
        EnsureAppealed();
        Status = ApplicationStatus.Rejected;
        UpdatedAt = now;
    }

    /// <summary>The appeal was upheld: the application goes back to merit evaluation in a new round, by new experts.</summary>
    public void ReopenForReEvaluation(DateTimeOffset now)
    {
        EnsureAppealed();
        Status = ApplicationStatus.UnderEvaluation;
        EvaluationRound++;
        UpdatedAt = now;
    }

    private void EnsureAppealed()
    {
        if (Status != ApplicationStatus.Appealed)
        {
            throw new BusinessRuleViolation("application.not_appealed", "The application has no appeal awaiting a ruling.", Status.ToString());
        }
    }

    private void EnsureFormalDecisionPossible()
    {
        if (Status is not (ApplicationStatus.FormalReview or ApplicationStatus.Corrected))
        {
            throw new BusinessRuleViolation("application.not_in_formal_review", "The application is not in formal review.", Status.ToString());
        }
    }

    private static void RequireReason(string reason, string code)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleViolation(code, "Give a reason.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation("application.reason_too_long", "The reason is too long.", MaxReasonLength);
        }
    }
}
