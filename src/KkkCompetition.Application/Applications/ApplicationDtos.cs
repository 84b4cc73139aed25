using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Competitions;

namespace KkkCompetition.Application.Applications;

/// <summary>
/// An application as its owner edits it (or an official reads it): every section with whether it may be changed now and
/// what it still misses, the competition and cluster it belongs to, and the state of submission, withdrawal and correction.
/// <see cref="Version"/> is the concurrency token every change sends back. <see cref="SubmissionHash"/> is the hash of the latest
/// snapshot (a corrected application has a newer one); <see cref="ReceiptSha256"/> the one the receipt of submission states.
/// </summary>
public sealed record ApplicationDto(
    Guid Id,
    int Version,
    ApplicationStatus Status,
    string? Number,
    ApplicationCompetitionDto Competition,
    ApplicationClusterDto Cluster,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    string? SubmissionHash,
    string? ReceiptSha256,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    DateTimeOffset? FormalDecisionAt,
    string? FormalDecisionReasons,
    bool IsOwner,
    bool CanSubmit,
    bool CanWithdraw,
    IReadOnlyList<IndicatorYearDto> Indicators,
    IReadOnlyList<NarrativeDto> Narratives,
    IReadOnlyList<AttachmentDto> Attachments,
    CompletenessDto Completeness,
    CorrectionRequestDto? Correction);

public sealed record ApplicationCompetitionDto(Guid Id, string Name, int Year, int Round, CompetitionStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool AcceptsSubmissionsNow);

public sealed record ApplicationClusterDto(Guid Id, string Name, string CoordinatorName, string CoordinatorNip, int MemberCount);

public sealed record IndicatorYearDto(int Year, IndicatorValues Values, bool Editable);

public sealed record NarrativeDto(string AreaCode, string AreaNamePl, string AreaNameEn, string Text, int MaxLength, bool Editable);

public sealed record AttachmentDto(Guid Id, AttachmentKind Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Whether the application can be submitted, per section (in the order of the editor), and every missing item.</summary>
public sealed record CompletenessDto(bool IsComplete, IReadOnlyList<SectionStatusDto> Sections, IReadOnlyList<MissingItem> Missing);

/// <summary>
/// One section: its key (<c>indicators</c>, <c>narrative:{AREA}</c>, <c>attachments:{Kind}</c>), whether it is mandatory,
/// complete and editable now, and the items it misses (indicator names with their year, <c>text</c>, <c>file</c>).
/// </summary>
public sealed record SectionStatusDto(string Section, bool Mandatory, bool Complete, bool Editable, IReadOnlyList<string> Missing);

public sealed record CorrectionRequestDto(
    IReadOnlyList<CorrectionItem> Items,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset DeadlineAt,
    DateTimeOffset? AnsweredAt,
    string? Answer);

/// <summary>The receipt of a submission as data; the PDF (<see cref="GetSubmissionReceipt"/>) states the same.</summary>
public sealed record SubmissionReceiptDto(Guid ApplicationId, string Number, DateTimeOffset SubmittedAt, string Sha256, int Version);

internal static class ApplicationViews
{
    public static CompletenessDto Completeness(KkkApplication application, DateTimeOffset now)
    {
        var report = application.CheckCompleteness();
        var sections = new List<SectionStatusDto>();
        void Add(string section, bool mandatory)
        {
            var missing = report.Missing.Where(m => m.Section == section).Select(m => m.Item).ToList();
            sections.Add(new SectionStatusDto(section, mandatory, missing.Count == 0, application.CanEdit(section, now), missing));
        }

        Add(ApplicationSections.Indicators, mandatory: true);
        foreach (var narrative in application.Narratives.OrderBy(n => n.AreaCode, StringComparer.Ordinal))
        {
            Add(ApplicationSections.Narrative(narrative.AreaCode), mandatory: true);
        }

        foreach (var kind in Enum.GetValues<AttachmentKind>())
        {
            Add(ApplicationSections.Attachments(kind), ApplicationAttachment.MandatoryKinds.Contains(kind));
        }

        return new CompletenessDto(report.IsComplete, sections, report.Missing);
    }

    public static AttachmentDto Attachment(ApplicationAttachment a) => new(a.Id, a.Kind, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt);

    public static ApplicationDto Application(
        KkkApplication application,
        Competition competition,
        ApplicationClusterDto cluster,
        string? receiptSha256,
        bool isOwner,
        DateTimeOffset now)
    {
        var completeness = Completeness(application, now);
        var areas = competition.Criteria
            .GroupBy(c => c.AreaCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Order).First());
        var correction = application.Correction is { } c
            ? new CorrectionRequestDto(c.Items, c.SentAt, c.DeliveredAt, c.DeadlineAt, c.AnsweredAt, c.Answer)
            : null;
        return new ApplicationDto(
            application.Id,
            application.Version,
            application.Status,
            application.Number,
            new ApplicationCompetitionDto(competition.Id, competition.Name, competition.Year, competition.Round, competition.Status, competition.Timeline.OpensAt, competition.Timeline.ClosesAt, competition.AcceptsSubmissionsAt(now)),
            cluster,
            application.CreatedAt,
            application.UpdatedAt,
            application.SubmittedAt,
            application.SubmissionHash,
            receiptSha256,
            application.WithdrawnAt,
            application.WithdrawalReason,
            application.FormalDecisionAt,
            application.FormalDecisionReasons,
            isOwner,
            isOwner && application.Status == ApplicationStatus.Draft && completeness.IsComplete && competition.AcceptsSubmissionsAt(now),
            isOwner && application.CanBeWithdrawn,
            application.Indicators.OrderBy(i => i.Year)
                .Select(i => new IndicatorYearDto(i.Year, i.Values, isOwner && application.CanEdit(ApplicationSections.Indicators, now)))
                .ToList(),
            application.Narratives.OrderBy(n => n.AreaCode, StringComparer.Ordinal)
                .Select(n => new NarrativeDto(
                    n.AreaCode,
                    areas.TryGetValue(n.AreaCode, out var area) ? area.AreaNamePl : n.AreaCode,
                    areas.TryGetValue(n.AreaCode, out var same) ? same.AreaNameEn : n.AreaCode,
                    n.Text,
                    ApplicationNarrative.MaxLength,
                    isOwner && application.CanEdit(ApplicationSections.Narrative(n.AreaCode), now)))
                .ToList(),
            application.Attachments.OrderBy(a => a.Kind).ThenBy(a => a.UploadedAt).Select(Attachment).ToList(),
            isOwner ? completeness : completeness with { Sections = completeness.Sections.Select(s => s with { Editable = false }).ToList() },
            correction);
    }
}
