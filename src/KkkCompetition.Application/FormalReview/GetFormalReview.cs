using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// One application in the formal review (officials): a summary of its latest snapshot, each eligibility rule with the
/// official's finding beside the system's pre-check, the sections a correction may reopen, the correction and the outcome.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record GetFormalReview(Guid ApplicationId) : IQuery<FormalReviewDto>;

public sealed record FormalReviewDto(
    Guid ApplicationId,
    Guid CompetitionId,
    string CompetitionName,
    string? Number,
    ApplicationStatus Status,
    DateTimeOffset? SubmittedAt,
    int Version,
    SnapshotSummaryDto Snapshot,
    IReadOnlyList<FormalRuleDto> Rules,
    IReadOnlyList<SectionDto> Sections,
    CorrectionDto? Correction,
    DateTimeOffset? FormalDecisionAt,
    string? FormalDecisionReasons,
    int CorrectionWindowDays)
{
    /// <summary>Whether findings and a decision can still be recorded (the domain has the last word).</summary>
    public bool IsOpen => Status is ApplicationStatus.Submitted or ApplicationStatus.FormalReview or ApplicationStatus.Corrected;
}

/// <summary>The latest snapshot in short: what the official checks the rules against.</summary>
public sealed record SnapshotSummaryDto(
    Guid SnapshotId,
    SnapshotKind Kind,
    DateTimeOffset TakenAt,
    string Sha256,
    SnapshotOrganisation Organisation,
    SnapshotCluster Cluster,
    int MemberCount,
    IReadOnlyList<SnapshotAttachment> Attachments);

public sealed record FormalRuleDto(
    string Code,
    string NamePl,
    string NameEn,
    PreCheckFinding PreCheck,
    FormalCheckOutcome? Outcome,
    string? Comment,
    DateTimeOffset? DecidedAt);

public sealed record SectionDto(string Key, string NamePl, string NameEn);

public sealed record CorrectionDto(
    IReadOnlyList<CorrectionItemDto> Items,
    int WindowDays,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset DeemedDeliveryAt,
    DateTimeOffset DeadlineAt,
    DateOnly LastDay,
    DateTimeOffset? AnsweredAt,
    string? Answer);

public sealed record CorrectionItemDto(string Section, string SectionNamePl, string SectionNameEn, string Description);

public sealed class GetFormalReviewValidator : AbstractValidator<GetFormalReview>
{
    public GetFormalReviewValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetFormalReviewHandler(IAppDbContext db) : IQueryHandler<GetFormalReview, FormalReviewDto>
{
    public async ValueTask<FormalReviewDto> Handle(GetFormalReview query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var snapshot = await FormalReviewData.LatestSnapshotAsync(db, application.Id, cancellationToken);
        if (application.Number is null || snapshot is null)
        {
            // A draft is the applicant's own business until it is submitted.
            throw new NotFoundException("Application", query.ApplicationId);
        }

        var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
        var content = ApplicationSnapshots.Read(snapshot);
        var facts = FactsOf(content);
        var rules = FormalReviewRules.EligibilityRulesOf(competition)
            .Select(rule =>
            {
                var check = application.FormalChecks.SingleOrDefault(c => c.RuleCode == rule.Code);
                var preCheck = rule.HasPreCheck ? EligibilityPreCheck.Check(rule.Code, facts, competition) : PreCheckFinding.NotChecked(rule.Code);
                return new FormalRuleDto(rule.Code, rule.NamePl, rule.NameEn, preCheck, check?.Outcome, check?.Comment, check?.DecidedAt);
            })
            .ToList();

        return new FormalReviewDto(
            application.Id,
            competition.Id,
            competition.Name,
            application.Number,
            application.Status,
            application.SubmittedAt,
            application.Version,
            new SnapshotSummaryDto(snapshot.Id, snapshot.Kind, snapshot.TakenAt, snapshot.Sha256, content.Organisation, content.Cluster, content.Members.Count, content.Attachments),
            rules,
            SectionsOf(application, competition),
            CorrectionOf(application, competition),
            application.FormalDecisionAt,
            application.FormalDecisionReasons,
            competition.CorrectionWindowDays);
    }

    /// <summary>What the pre-check reads from a snapshot.</summary>
    public static EligibilityFacts FactsOf(SnapshotContent content) => new(
        content.Members.Count,
        content.Cluster.FoundedOn,
        content.Organisation.Nip,
        content.Organisation.Regon,
        content.Organisation.Krs,
        content.Attachments.Select(a => a.Kind).Distinct().ToList());

    internal static IReadOnlyList<SectionDto> SectionsOf(KkkApplication application, Competition competition) =>
        application.SectionKeys()
            .Select(key => new SectionDto(key, FormalReviewRules.SectionName(key, "pl", competition), FormalReviewRules.SectionName(key, "en", competition)))
            .ToList();

    internal static CorrectionDto? CorrectionOf(KkkApplication application, Competition competition) =>
        application.Correction is not { } c
            ? null
            : new CorrectionDto(
                c.Items.Select(i => new CorrectionItemDto(i.Section, FormalReviewRules.SectionName(i.Section, "pl", competition), FormalReviewRules.SectionName(i.Section, "en", competition), i.Description)).ToList(),
                c.WindowDays,
                c.SentAt,
                c.DeliveredAt,
                c.DeemedDeliveryAt,
                c.DeadlineAt,
                FormalReviewRules.LastDay(c.DeadlineAt),
                c.AnsweredAt,
                c.Answer);
}
