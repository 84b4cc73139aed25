using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Application.Contracts.Reports;

/// <summary>
/// One report in a list: its contract, kind and period, due day, status, when it was submitted, the days it was submitted
/// late (<see cref="DaysLate"/>, from the first submission) or is overdue today (<see cref="DaysOverdue"/>, while not
/// submitted), how often it was returned, and whether its period has ended (it can be filled in).
/// </summary>
public sealed record KpiReportRow(
    Guid Id,
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    string VoivodeshipTeryt,
    ReportKind Kind,
    int? Year,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    KpiReportStatus Status,
    DateTimeOffset? SubmittedAt,
    int? DaysLate,
    int DaysOverdue,
    int ReturnCount,
    bool PeriodEnded)
{
    public bool IsLate => DaysLate > 0;

    public bool IsOverdue => DaysOverdue > 0;
}

/// <summary>A contract's reporting schedule: every report it asks for, in the order they fall due.</summary>
public sealed record ContractScheduleView(
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    ContractStatus ContractStatus,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<KpiReportRow> Reports);

/// <summary>
/// One KPI of a report: the KPI of the plan in force for the period with the period's target, the coordinator's actual,
/// its achievement (<see cref="KpiAchievement.Percent"/>), whether it needs an explanation, the explanation and the
/// official's comment. <see cref="ActualFromDisbursements"/>: the SME share KPI, whose actual is the disbursements' share
/// when there are any.
/// </summary>
public sealed record KpiReportLineView(
    string Code,
    string NamePl,
    string NameEn,
    string Unit,
    KpiDirection Direction,
    bool IsMandatory,
    decimal Weight,
    decimal? Target,
    decimal? Actual,
    decimal? AchievementPercent,
    bool NeedsJustification,
    string? Justification,
    string? ReviewComment,
    bool ActualFromDisbursements);

/// <summary>An evidence file of a report; <see cref="Link"/> downloads it in the browser.</summary>
public sealed record KpiReportEvidenceView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string Link);

/// <summary>
/// A report as the coordinator fills it in and the official reviews it. <see cref="JustificationBelowPercent"/> and
/// <see cref="MinimumSmeSharePercent"/> let a form compute the achievement and the SME share live with the domain's own
/// functions. <see cref="Editable"/>: the caller is the coordinator and may change it now; <see cref="MayReview"/>: the
/// caller is an official and the report awaits review. <see cref="Version"/> goes back with every change.
/// </summary>
public sealed record KpiReportView(
    Guid Id,
    Guid ContractId,
    string ContractNumber,
    string ClusterName,
    ContractStatus ContractStatus,
    ReportKind Kind,
    int? Year,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    KpiReportStatus Status,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? SubmittedAt,
    int? DaysLate,
    int DaysOverdue,
    int ReturnCount,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? AcceptedAt,
    decimal JustificationBelowPercent,
    decimal MinimumSmeSharePercent,
    IReadOnlyList<KpiReportLineView> Lines,
    string Narrative,
    IReadOnlyList<CascadeDisbursement> Disbursements,
    decimal DisbursedTotal,
    decimal? SmeSharePercent,
    bool SmeShareBelowMinimum,
    IReadOnlyList<KpiReportEvidenceView> Evidence,
    string? ReviewComment,
    bool PeriodEnded,
    bool Editable,
    bool MayReview,
    int Version)
{
    public bool IsLate => DaysLate > 0;

    public bool IsOverdue => DaysOverdue > 0;
}

/// <summary>The official's comment on one KPI when returning a report.</summary>
public sealed record KpiReviewComment(string KpiCode, string Comment);
