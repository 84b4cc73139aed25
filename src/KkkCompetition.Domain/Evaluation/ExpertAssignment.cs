using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Domain.Evaluation;

public enum AssignmentStatus
{
    /// <summary>Assigned; the expert has not signed the declaration of impartiality yet and sees only the summary.</summary>
    Assigned,

    /// <summary>Declaration signed: the expert sees the application and scores it.</summary>
    Accepted,

    /// <summary>The sheet is submitted and locked.</summary>
    Submitted,

    /// <summary>The expert declared a conflict of interest; the place is free for a replacement.</summary>
    ConflictDeclared,

    /// <summary>An official took the assignment back (e.g. overdue) before the sheet was submitted.</summary>
    Released,
}

/// <summary>Why an assignment exists: the solver's run, an official by hand, or a replacement of one kind or another.</summary>
public enum AssignmentOrigin
{
    Solver,
    Manual,
    Replacement,
    Divergence,
    Appeal,
}

/// <summary>Why the solver (or an official) chose this expert: shown beside the pair.</summary>
public sealed record AssignmentReasons(int KisMatches, bool OtherVoivodeship, int LoadAfter, bool Pinned)
{
    public static AssignmentReasons Manual(int loadAfter) => new(0, false, loadAfter, true);
}

/// <summary>What an expert enters for one criterion; a draft may leave points or justification out.</summary>
public sealed record CriterionScoreInput(string CriterionCode, decimal? Points, string? Justification);

/// <summary>One line of the scoring sheet.</summary>
public sealed class CriterionScore
{
    private CriterionScore()
    {
    }

    internal CriterionScore(string criterionCode, decimal? points, string? justification)
    {
        CriterionCode = criterionCode;
        Points = points;
        Justification = justification;
    }

    public string CriterionCode { get; private set; } = "";
    public decimal? Points { get; private set; }
    public string? Justification { get; private set; }
}

/// <summary>
/// One expert on one application (domain guide, section 3): the declaration of impartiality before the content is
/// shown, the scoring sheet (karta oceny) with its drafts, and the submission that locks it.
/// </summary>
public sealed class ExpertAssignment : Entity
{
    public const int MaxOpinionLength = 8000;
    public const int MaxReasonLength = 2000;

    private ExpertAssignment()
    {
    }

    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ExpertId { get; private set; }
    public AssignmentStatus Status { get; private set; }
    public AssignmentOrigin Origin { get; private set; }

    /// <summary>The application's evaluation round this assignment belongs to (2 and on: re-evaluation after an upheld appeal).</summary>
    public int Round { get; private set; } = 1;
    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>The user who assigned by hand, or null for the solver.</summary>
    public Guid? AssignedBy { get; private set; }

    /// <summary>The scoring deadline (a competition setting counted from the assignment).</summary>
    public DateTimeOffset Deadline { get; private set; }

    public int KisMatches { get; private set; }
    public bool OtherVoivodeship { get; private set; }
    public int LoadAfter { get; private set; }
    public bool Pinned { get; private set; }
    public DateTimeOffset? DeclarationSignedAt { get; private set; }
    public DateTimeOffset? ConflictDeclaredAt { get; private set; }
    public string? ConflictReason { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? ReleaseReason { get; private set; }
    public string? OverallOpinion { get; private set; }
    public DateTimeOffset? SheetSavedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public List<CriterionScore> Scores { get; private set; } = [];

    public AssignmentReasons Reasons => new(KisMatches, OtherVoivodeship, LoadAfter, Pinned);

    /// <summary>Holds a place on the application and a unit of the expert's load.</summary>
    public bool IsActive => Status is AssignmentStatus.Assigned or AssignmentStatus.Accepted or AssignmentStatus.Submitted;

    /// <summary>Holds one of the places of the application's <paramref name="round"/>; an earlier round's sheet is history there.</summary>
    public bool HoldsPlaceIn(int round) => IsActive && Round == round;

    /// <summary>The expert has seen the content (signed the declaration): never assigned to this application again.</summary>
    public bool HasSeenApplication => DeclarationSignedAt is not null;

    /// <summary>
    /// The expert may read the application's content and files: he signed the declaration and still holds the assignment.
    /// One who declared a conflict or was released sees no more than the summary, though he has seen it once.
    /// </summary>
    public bool MayReadApplication => HasSeenApplication && Status is AssignmentStatus.Accepted or AssignmentStatus.Submitted;

    public bool IsOverdueAt(DateTimeOffset now) => Status is AssignmentStatus.Assigned or AssignmentStatus.Accepted && now > Deadline;

    public static ExpertAssignment Create(
        Guid competitionId,
        Guid applicationId,
        Guid expertId,
        AssignmentOrigin origin,
        AssignmentReasons reasons,
        DateTimeOffset now,
        DateTimeOffset deadline,
        Guid? assignedBy = null,
        int round = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(round);
        if (deadline <= now)
        {
            throw new BusinessRuleViolation("evaluation.deadline_in_past", "The scoring deadline must be after the assignment.");
        }

        return new ExpertAssignment
        {
            CompetitionId = competitionId,
            ApplicationId = applicationId,
            ExpertId = expertId,
            Status = AssignmentStatus.Assigned,
            Origin = origin,
            Round = round,
            AssignedAt = now,
            AssignedBy = assignedBy,
            Deadline = deadline,
            KisMatches = reasons.KisMatches,
            OtherVoivodeship = reasons.OtherVoivodeship,
            LoadAfter = reasons.LoadAfter,
            Pinned = reasons.Pinned,
        };
    }

    /// <summary>The expert declares impartiality; from now on the application's content is visible to him.</summary>
    public void SignDeclaration(DateTimeOffset now)
    {
        if (Status != AssignmentStatus.Assigned)
        {
            throw new BusinessRuleViolation("evaluation.declaration_not_pending", "The declaration is not awaited on this assignment.", Status.ToString());
        }

        Status = AssignmentStatus.Accepted;
        DeclarationSignedAt = now;
    }

    /// <summary>The expert declares a conflict of interest: the assignment is released for a replacement.</summary>
    public void DeclareConflict(string reason, DateTimeOffset now)
    {
        if (Status is not (AssignmentStatus.Assigned or AssignmentStatus.Accepted))
        {
            throw new BusinessRuleViolation("evaluation.conflict_not_possible", "A conflict can be declared only before the sheet is submitted.", Status.ToString());
        }

        ConflictReason = RequireReason(reason, "evaluation.conflict_reason_required");
        Status = AssignmentStatus.ConflictDeclared;
        ConflictDeclaredAt = now;
    }

    /// <summary>An official takes the assignment back (overdue, illness) before the sheet is submitted.</summary>
    public void Release(string reason, DateTimeOffset now)
    {
        if (Status is not (AssignmentStatus.Assigned or AssignmentStatus.Accepted))
        {
            throw new BusinessRuleViolation("evaluation.release_not_possible", "Only an assignment without a submitted sheet can be released.", Status.ToString());
        }

        ReleaseReason = RequireReason(reason, "evaluation.release_reason_required");
        Status = AssignmentStatus.Released;
        ReleasedAt = now;
    }

    /// <summary>
    /// Saves the sheet as a draft. Points given must be valid for their criterion (range and half points); missing
    /// ones and short justifications are allowed until submission.
    /// </summary>
    public void SaveDraft(IReadOnlyList<CriterionScoreInput> scores, string? overallOpinion, IReadOnlyList<CompetitionCriterion> criteria, DateTimeOffset now)
    {
        EnsureEditable();
        var byCode = criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var lines = new List<CriterionScore>(scores.Count);
        foreach (var input in scores)
        {
            if (!byCode.TryGetValue(input.CriterionCode, out var criterion))
            {
                throw new BusinessRuleViolation("evaluation.criterion_unknown", "The competition has no such criterion.", input.CriterionCode);
            }

            if (lines.Any(l => l.CriterionCode == input.CriterionCode))
            {
                throw new BusinessRuleViolation("evaluation.criterion_repeated", "A criterion is scored once per sheet.", input.CriterionCode);
            }

            if (input.Points is { } points)
            {
                ScoreRules.CheckPoints(criterion, points);
            }

            var justification = string.IsNullOrWhiteSpace(input.Justification) ? null : input.Justification.Trim();
            ScoreRules.CheckJustificationLength(input.CriterionCode, justification);

            lines.Add(new CriterionScore(input.CriterionCode, input.Points, justification));
        }

        var opinion = string.IsNullOrWhiteSpace(overallOpinion) ? null : overallOpinion.Trim();
        if (opinion?.Length > MaxOpinionLength)
        {
            throw new BusinessRuleViolation("evaluation.opinion_too_long", $"The overall opinion has at most {MaxOpinionLength} characters.", MaxOpinionLength);
        }

        Scores = lines;
        OverallOpinion = opinion;
        SheetSavedAt = now;
    }

    /// <summary>What is missing before the sheet can be submitted: criterion codes without points or with a short justification, and the opinion.</summary>
    public IReadOnlyList<SheetGap> FindGaps(IReadOnlyList<CompetitionCriterion> criteria)
    {
        var gaps = new List<SheetGap>();
        foreach (var criterion in criteria.OrderBy(c => c.Order))
        {
            var line = Scores.FirstOrDefault(s => s.CriterionCode == criterion.Code);
            if (line?.Points is null)
            {
                gaps.Add(new SheetGap(criterion.Code, SheetGapKind.PointsMissing, 0));
            }

            var length = line?.Justification?.Length ?? 0;
            if (criterion.JustificationRequired && length < criterion.MinimumJustificationLength)
            {
                gaps.Add(new SheetGap(criterion.Code, SheetGapKind.JustificationTooShort, criterion.MinimumJustificationLength));
            }
        }

        if (OverallOpinion is null)
        {
            gaps.Add(new SheetGap(null, SheetGapKind.OpinionMissing, 0));
        }

        return gaps;
    }

    /// <summary>Submits and locks the sheet: every criterion scored, every required justification long enough, an opinion.</summary>
    public void Submit(IReadOnlyList<CompetitionCriterion> criteria, DateTimeOffset now)
    {
        EnsureEditable();
        var gaps = FindGaps(criteria);
        if (gaps.Count > 0)
        {
            throw new BusinessRuleViolation(
                "evaluation.sheet_incomplete",
                "The sheet is not complete: every criterion needs points and a justification of the required length, and the sheet an overall opinion.",
                string.Join(", ", gaps.Select(g => g.CriterionCode ?? "opinion").Distinct()));
        }

        Status = AssignmentStatus.Submitted;
        SubmittedAt = now;
    }

    /// <summary>The sheet's total weighted by the criteria (only meaningful once submitted).</summary>
    public decimal WeightedTotal(IReadOnlyList<CompetitionCriterion> criteria) =>
        EvaluationCalculator.Total(criteria, Scores.Where(s => s.Points is not null).ToDictionary(s => s.CriterionCode, s => s.Points!.Value));

    private void EnsureEditable()
    {
        if (Status == AssignmentStatus.Assigned)
        {
            throw new BusinessRuleViolation("evaluation.declaration_required", "Sign the declaration of impartiality before scoring.");
        }

        if (Status != AssignmentStatus.Accepted)
        {
            throw new BusinessRuleViolation("evaluation.sheet_locked", "The sheet is submitted or the assignment is no longer yours to score.", Status.ToString());
        }
    }

    private static string RequireReason(string reason, string code)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleViolation(code, "A reason is required.");
        }

        var trimmed = reason.Trim();
        if (trimmed.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation("evaluation.reason_too_long", $"A reason has at most {MaxReasonLength} characters.", MaxReasonLength);
        }

        return trimmed;
    }
}

public enum SheetGapKind
{
    PointsMissing,
    JustificationTooShort,
    OpinionMissing,
}

/// <summary>One thing missing from a sheet before it can be submitted (criterion null for the opinion).</summary>
public sealed record SheetGap(string? CriterionCode, SheetGapKind Kind, int RequiredLength);
