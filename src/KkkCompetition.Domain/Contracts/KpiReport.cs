using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.Contracts;

public enum KpiReportStatus
{
    /// <summary>On the schedule; nothing entered yet.</summary>
    NotStarted,

    /// <summary>Being filled in by the coordinator.</summary>
    Draft,

    /// <summary>Submitted, awaiting the official's review.</summary>
    Submitted,

    /// <summary>Returned by the official with comments, for correction and resubmission.</summary>
    Returned,

    /// <summary>Accepted: final, counted in the achievement.</summary>
    Accepted,
}

/// <summary>The coordinator's figure for one KPI of the report, the explanation where it falls short, and the official's comment.</summary>
public sealed record KpiReportLine(string KpiCode, decimal? Actual, string? Justification, string? ReviewComment);

/// <summary>What the coordinator enters for one KPI.</summary>
public sealed record KpiReportLineInput(string KpiCode, decimal? Actual, string? Justification);

/// <summary>One payment of cascade funding to a member's project: the recipient by NIP, its size and the amount.</summary>
public sealed record CascadeDisbursement(string RecipientNip, string RecipientName, EnterpriseSize Size, decimal Amount)
{
    public const int MaxNameLength = 300;

    /// <summary>Micro, small and medium enterprises are SMEs.</summary>
    public bool IsSme => Size != EnterpriseSize.Large;
}

/// <summary>A file of evidence attached to a report; the bytes live in the file store under <see cref="Sha256"/>.</summary>
public sealed class KpiReportEvidence : Entity
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxFiles = 20;

    private KpiReportEvidence()
    {
    }

    internal KpiReportEvidence(Guid reportId, string fileName, string contentType, long sizeBytes, string sha256, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        ReportId = reportId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid ReportId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>
/// A KPI report of a contract (domain guide, section 6), one per entry of the reporting schedule: the actual value of each
/// KPI for its period, a narrative, evidence files and the cascade disbursements with their SME share. The coordinator
/// fills it in once the period has ended and submits it; an explanation is needed for each KPI below the contract's
/// threshold (80% of the target by default) and for an SME share below 70%. The official accepts it — then it is final
/// and counts in the achievement — or returns it with comments per KPI for correction and resubmission. A report
/// submitted after its due day is flagged with the days late.
/// </summary>
public sealed class KpiReport : Entity
{
    public const string SmeShareKpiCode = "KPI-SME";
    public const int MaxNarrativeLength = 20_000;
    public const int MaxJustificationLength = 4000;
    public const int MaxCommentLength = 4000;
    public const int MaxDisbursements = 5000;

    private readonly List<KpiReportEvidence> _evidence = [];

    private KpiReport()
    {
    }

    public Guid ContractId { get; private set; }
    public ReportKind Kind { get; private set; }

    /// <summary>The reported calendar year of an annual report.</summary>
    public int? Year { get; private set; }

    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly DueOn { get; private set; }
    public KpiReportStatus Status { get; private set; }
    public string Narrative { get; private set; } = "";
    public List<KpiReportLine> Lines { get; private set; } = [];
    public List<CascadeDisbursement> Disbursements { get; private set; } = [];
    public IReadOnlyList<KpiReportEvidence> Evidence => _evidence;

    /// <summary>The official's general comment when returning the report.</summary>
    public string? ReviewComment { get; private set; }

    public int ReturnCount { get; private set; }
    public DateTimeOffset? FirstSubmittedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? SubmittedBy { get; private set; }

    /// <summary>Days after the due day of the first submission; 0 when in time, null before it.</summary>
    public int? DaysLate { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public bool IsLate => DaysLate > 0;

    /// <summary>Whether the coordinator may change the report: before submission, or after it was returned.</summary>
    public bool IsEditable => Status is KpiReportStatus.NotStarted or KpiReportStatus.Draft or KpiReportStatus.Returned;

    /// <summary>The SME share of the reported disbursements in percent; null without any.</summary>
    public decimal? SmeSharePercent => SmeShareOf(Disbursements);

    public static decimal? SmeShareOf(IReadOnlyCollection<CascadeDisbursement> disbursements)
    {
        var total = disbursements.Sum(d => d.Amount);
        return total == 0 ? null : decimal.Round(disbursements.Where(d => d.IsSme).Sum(d => d.Amount) * 100m / total, 2);
    }

    public static KpiReport Schedule(Guid contractId, ScheduledReport entry) => new()
    {
        ContractId = contractId,
        Kind = entry.Kind,
        Year = entry.Year,
        PeriodStart = entry.PeriodStart,
        PeriodEnd = entry.PeriodEnd,
        DueOn = entry.DueOn,
        Status = KpiReportStatus.NotStarted,
    };

    /// <summary>The first instant after the due day (Warsaw): a submission from then on is late.</summary>
    public DateTimeOffset DueEnd => WorkingDayCalendar.StartOfWarsawDay(DueOn.AddDays(1));

    /// <summary>Days past the due day while the report is not submitted; 0 otherwise.</summary>
    public int DaysOverdue(DateOnly today) => DaysOverdueOf(DueOn, FirstSubmittedAt, today);

    /// <summary>The same rule for a report read as columns (the lists project them, not the whole report).</summary>
    public static int DaysOverdueOf(DateOnly dueOn, DateTimeOffset? firstSubmittedAt, DateOnly today) =>
        firstSubmittedAt is null && today > dueOn ? today.DayNumber - dueOn.DayNumber : 0;

    /// <summary>
    /// The coordinator saves what he or she has entered (a draft, or a returned report being corrected). The KPIs are those
    /// of the plan in force for the period; the SME share KPI takes the share of the disbursements when there are any.
    /// </summary>
    public void Save(
        ProgrammeContract contract,
        IReadOnlyList<KpiReportLineInput> lines,
        string? narrative,
        IReadOnlyList<CascadeDisbursement> disbursements,
        DateOnly today,
        DateTimeOffset now)
    {
        EnsureOwnContract(contract);
        EnsureEditable();
        EnsurePeriodEnded(today);
        var kpis = PlanFor(contract).Kpis;

        var text = narrative?.Trim() ?? "";
        if (text.Length > MaxNarrativeLength)
        {
            throw new BusinessRuleViolation("report.narrative_too_long", "The narrative is too long.", MaxNarrativeLength);
        }

        if (disbursements.Count > MaxDisbursements)
        {
            throw new BusinessRuleViolation("report.too_many_disbursements", "Too many disbursements in one report.", MaxDisbursements);
        }

        for (var i = 0; i < disbursements.Count; i++)
        {
            var d = disbursements[i];
            if (!PolishIdentifiers.IsValidNip(d.RecipientNip))
            {
                throw new BusinessRuleViolation("report.recipient_nip_invalid", "The recipient's NIP is not valid.", i + 1, d.RecipientNip);
            }

            if (d.Amount <= 0 || d.Amount > BudgetYear.MaxAmount || decimal.Round(d.Amount, 2) != d.Amount)
            {
                throw new BusinessRuleViolation("report.disbursement_amount_invalid", "A disbursement is a positive amount in złoty with at most two decimal places.", i + 1);
            }

            if (string.IsNullOrWhiteSpace(d.RecipientName) || d.RecipientName.Length > CascadeDisbursement.MaxNameLength)
            {
                throw new BusinessRuleViolation("report.recipient_name_required", "Name the recipient.", i + 1);
            }
        }

        var byCode = kpis.ToDictionary(k => k.Code, StringComparer.Ordinal);
        var entered = new Dictionary<string, KpiReportLineInput>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!byCode.TryGetValue(line.KpiCode, out var kpi))
            {
                throw new BusinessRuleViolation("report.kpi_unknown", "The contract has no such KPI.", line.KpiCode);
            }

            if (!entered.TryAdd(line.KpiCode, line))
            {
                throw new BusinessRuleViolation("report.kpi_repeated", "Each KPI is reported once.", line.KpiCode);
            }

            if (line.Actual is { } actual)
            {
                kpi.EnsureValidValue(actual);
            }

            if (line.Justification?.Length > MaxJustificationLength)
            {
                throw new BusinessRuleViolation("report.justification_too_long", "The explanation is too long.", line.KpiCode, MaxJustificationLength);
            }
        }

        var smeShare = SmeShareOf(disbursements);
        var previous = Lines.ToDictionary(l => l.KpiCode, StringComparer.Ordinal);
        Lines = [.. kpis.Select(k =>
        {
            var input = entered.GetValueOrDefault(k.Code);
            var actual = k.Code == SmeShareKpiCode && smeShare is not null ? smeShare : input?.Actual;
            var justification = string.IsNullOrWhiteSpace(input?.Justification) ? null : input.Justification.Trim();
            return new KpiReportLine(k.Code, actual, justification, previous.GetValueOrDefault(k.Code)?.ReviewComment);
        })];
        Narrative = text;
        Disbursements = [.. disbursements.Select(d => d with { RecipientNip = PolishIdentifiers.Normalize(d.RecipientNip), RecipientName = d.RecipientName.Trim() })];
        if (Status == KpiReportStatus.NotStarted)
        {
            Status = KpiReportStatus.Draft;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// The KPIs whose figure falls below <paramref name="justificationBelowPercent"/> of the period's target, and the SME share
    /// KPI when the disbursements give SMEs less than 70%: each needs an explanation.
    /// </summary>
    public IReadOnlyList<string> NeedingJustification(ProgrammeContract contract)
    {
        var (kpis, targets) = PlanFor(contract);
        var needing = new List<string>();
        foreach (var line in Lines)
        {
            var kpi = kpis.Single(k => k.Code == line.KpiCode);
            var percent = KpiAchievement.Percent(kpi.Direction, targets.GetValueOrDefault(kpi.Code), line.Actual);
            var smeBreach = kpi.Code == SmeShareKpiCode && SmeSharePercent < BudgetYear.MinimumSmeSharePercent;
            if (percent < contract.Terms.JustificationBelowPercent || smeBreach)
            {
                needing.Add(kpi.Code);
            }
        }

        return needing;
    }

    /// <summary>
    /// The coordinator submits: the period has ended, the contract is in force, every KPI has its figure, the narrative is
    /// written and every KPI below the threshold is explained. The first submission records the days late.
    /// </summary>
    public void Submit(ProgrammeContract contract, Guid userId, DateOnly today, DateTimeOffset now)
    {
        EnsureOwnContract(contract);
        EnsureEditable();
        EnsurePeriodEnded(today);
        if (contract.Status is not (ContractStatus.Active or ContractStatus.Suspended))
        {
            throw new BusinessRuleViolation("report.contract_not_active", "Reports are filed while the contract is in force.", contract.Status.ToString());
        }

        var kpis = PlanFor(contract).Kpis;
        var missing = kpis.Where(k => Lines.SingleOrDefault(l => l.KpiCode == k.Code)?.Actual is null).Select(k => k.Code).ToList();
        if (Status == KpiReportStatus.NotStarted || missing.Count > 0)
        {
            throw new BusinessRuleViolation("report.incomplete", "Enter the actual value of every KPI.", string.Join(", ", missing.Count > 0 ? missing : kpis.Select(k => k.Code)));
        }

        if (Narrative.Length == 0)
        {
            throw new BusinessRuleViolation("report.narrative_required", "Describe the period in the narrative.");
        }

        var unexplained = NeedingJustification(contract)
            .Where(code => Lines.Single(l => l.KpiCode == code).Justification is null)
            .ToList();
        if (unexplained.Count > 0)
        {
            throw new BusinessRuleViolation(
                "report.justification_required",
                $"Explain each KPI below {contract.Terms.JustificationBelowPercent}% of its target.",
                string.Join(", ", unexplained),
                contract.Terms.JustificationBelowPercent);
        }

        if (FirstSubmittedAt is null)
        {
            FirstSubmittedAt = now;
            var day = WorkingDayCalendar.ToWarsawDate(now);
            DaysLate = Math.Max(0, day.DayNumber - DueOn.DayNumber);
        }

        Status = KpiReportStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = userId;
        UpdatedAt = now;
    }

    /// <summary>The official accepts the submitted report: it is final.</summary>
    public void Accept(Guid officialId, DateTimeOffset now)
    {
        EnsureSubmitted();
        Status = KpiReportStatus.Accepted;
        ReviewedAt = now;
        ReviewedBy = officialId;
        AcceptedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The official returns the submitted report with comments per KPI and/or a general comment, at least one.</summary>
    public void Return(Guid officialId, IReadOnlyDictionary<string, string> kpiComments, string? comment, DateTimeOffset now)
    {
        EnsureSubmitted();
        var general = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var perKpi = kpiComments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim(), StringComparer.Ordinal);
        if (general is null && perKpi.Count == 0)
        {
            throw new BusinessRuleViolation("report.return_comments_required", "Say what to correct: a comment on a KPI or in general.");
        }

        foreach (var (code, text) in perKpi)
        {
            if (Lines.All(l => l.KpiCode != code))
            {
                throw new BusinessRuleViolation("report.kpi_unknown", "The contract has no such KPI.", code);
            }

            if (text.Length > MaxCommentLength)
            {
                throw new BusinessRuleViolation("report.comment_too_long", "The comment is too long.", MaxCommentLength);
            }
        }

        if (general?.Length > MaxCommentLength)
        {
            throw new BusinessRuleViolation("report.comment_too_long", "The comment is too long.", MaxCommentLength);
        }

        Lines = [.. Lines.Select(l => l with { ReviewComment = perKpi.GetValueOrDefault(l.KpiCode) })];
        ReviewComment = general;
        Status = KpiReportStatus.Returned;
        ReturnCount++;
        ReviewedAt = now;
        ReviewedBy = officialId;
        UpdatedAt = now;
    }

    public KpiReportEvidence AddEvidence(string fileName, string contentType, long sizeBytes, string sha256, Guid userId, DateTimeOffset now)
    {
        EnsureEditable();
        if (_evidence.Count >= KpiReportEvidence.MaxFiles)
        {
            throw new BusinessRuleViolation("report.too_many_files", "A report holds at most this many files.", KpiReportEvidence.MaxFiles);
        }

        var evidence = new KpiReportEvidence(Id, fileName, contentType, sizeBytes, sha256, userId, now);
        _evidence.Add(evidence);
        UpdatedAt = now;
        return evidence;
    }

    public void RemoveEvidence(Guid evidenceId, DateTimeOffset now)
    {
        EnsureEditable();
        var evidence = _evidence.SingleOrDefault(e => e.Id == evidenceId)
            ?? throw new BusinessRuleViolation("report.evidence_unknown", "The report has no such file.");
        _evidence.Remove(evidence);
        UpdatedAt = now;
    }

    /// <summary>
    /// The targets of the report's period from the plan in force on its last day: the year's target for an annual report; for
    /// the final report, the targets of all the contract's years, summed or the last year's, by each KPI's aggregation.
    /// </summary>
    public (IReadOnlyList<ContractKpi> Kpis, IReadOnlyDictionary<string, decimal?> Targets) PlanFor(ProgrammeContract contract)
    {
        var version = contract.VersionInForceOn(PeriodEnd);
        var years = Kind == ReportKind.Annual ? [Year!.Value] : contract.Years;
        var targets = version.Kpis.ToDictionary(
            k => k.Code,
            k => KpiAchievement.Aggregate(k.Aggregation, years.Select(y => (y, version.TargetOf(k.Code, y)))),
            StringComparer.Ordinal);
        return (version.Kpis, targets);
    }

    private void EnsureOwnContract(ProgrammeContract contract)
    {
        if (contract.Id != ContractId)
        {
            throw new ArgumentException("The report is of another contract.", nameof(contract));
        }
    }

    private void EnsureEditable()
    {
        switch (Status)
        {
            case KpiReportStatus.Accepted:
                throw new BusinessRuleViolation("report.accepted", "The report has been accepted and can no longer be changed.");
            case KpiReportStatus.Submitted:
                throw new BusinessRuleViolation("report.under_review", "The report is under review; it can be changed once returned.");
        }
    }

    private void EnsurePeriodEnded(DateOnly today)
    {
        if (today <= PeriodEnd)
        {
            throw new BusinessRuleViolation("report.period_not_ended", "The report's period has not ended yet.", PeriodEnd);
        }
    }

    private void EnsureSubmitted()
    {
        if (Status != KpiReportStatus.Submitted)
        {
            throw new BusinessRuleViolation("report.not_submitted", "Only a submitted report is reviewed.", Status.ToString());
        }
    }
}
