using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>What an autosave answers: the sheet's new version, what is still missing and the live total.</summary>
public sealed record ScoreSheetSaved(int Version, IReadOnlyList<SheetGap> Gaps, decimal Total);

/// <summary>
/// Autosave of the expert's own sheet as a draft (experts; anybody else's is "not found"): the whole sheet each time.
/// Points given must be valid for their criterion (409 <c>evaluation.points_invalid</c>); missing points and short
/// justifications are allowed until submission. <see cref="Version"/> is the one last read or saved: a stale one is 409
/// <c>concurrency.stale_version</c>, so a second tab cannot overwrite the first silently.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record SaveScoreSheetDraft(Guid AssignmentId, IReadOnlyList<CriterionScoreInput> Scores, string? OverallOpinion, int Version)
    : ICommand<ScoreSheetSaved>, IScoreSheetRequest;

public sealed class SaveScoreSheetDraftValidator : AbstractValidator<SaveScoreSheetDraft>
{
    /// <summary>More lines than any competition has criteria is not a sheet.</summary>
    public const int MaxLines = 200;

    public SaveScoreSheetDraftValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.OverallOpinion).MaximumLength(ExpertAssignment.MaxOpinionLength);
        RuleFor(x => x.Scores).Cascade(CascadeMode.Stop).NotNull().Must(s => s.Count <= MaxLines).WithMessage($"A sheet has at most {MaxLines} lines.");
        RuleForEach(x => x.Scores).ChildRules(line =>
        {
            line.RuleFor(l => l.CriterionCode).NotEmpty().MaximumLength(20);
            line.RuleFor(l => l.Justification).MaximumLength(CriterionDefinition.MaxJustificationLength);

            // The criterion's own range and scale are the aggregate's rule (409); this only keeps absurd numbers out.
            line.RuleFor(l => l.Points).InclusiveBetween(-1_000m, 1_000m).PrecisionScale(6, 2, ignoreTrailingZeros: true);
        });
    }
}

public sealed class SaveScoreSheetDraftHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaveScoreSheetDraft, ScoreSheetSaved>
{
    public async ValueTask<ScoreSheetSaved> Handle(SaveScoreSheetDraft command, CancellationToken cancellationToken)
    {
        var assignment = await ScoringData.LoadAssignmentAsync(db, command.AssignmentId, tracked: true, cancellationToken);
        db.ExpectVersion(assignment, command.Version);
        var criteria = ScoringData.Ordered(await ScoringData.LoadCompetitionAsync(db, assignment.CompetitionId, cancellationToken));
        var before = Fingerprint(assignment);
        assignment.SaveDraft(command.Scores, command.OverallOpinion, criteria, clock.GetUtcNow());

        // The version moves only when the save changes the row (an identical save within the same instant does not).
        var version = Fingerprint(assignment) == before ? assignment.Version : assignment.Version + 1;
        return new ScoreSheetSaved(version, assignment.FindGaps(criteria), ScoreSheets.LiveTotal(assignment, criteria));
    }

    private static string Fingerprint(ExpertAssignment a) =>
        string.Join('\u001f', a.Scores.Select(s => $"{s.CriterionCode}\u001e{s.Points?.ToString("0.##########", CultureInfo.InvariantCulture)}\u001e{s.Justification}"))
        + $"\u001d{a.OverallOpinion}\u001d{a.SheetSavedAt?.UtcTicks}";
}
