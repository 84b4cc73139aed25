using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using static KkkCompetition.Domain.UnitTests.DomainTestData;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class ExpertAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Long = new('x', 100);

    private static (ExpertAssignment Assignment, IReadOnlyList<CompetitionCriterion> Criteria) Accepted(bool halfPoints = false)
    {
        var competition = Draft();
        if (halfPoints)
        {
            var c1 = competition.FindCriterion("C1")!;
            competition.UpdateCriterion("C1", new CriterionDefinition("C1", "A", null, null, c1.NamePl, c1.NameEn, null, 10m, true, 1m, null, true, 100));
        }

        var assignment = ExpertAssignment.Create(competition.Id, Guid.NewGuid(), Guid.NewGuid(), AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), Now, Now.AddDays(14));
        assignment.SignDeclaration(Now.AddHours(1));
        return (assignment, competition.Criteria);
    }

    private static List<CriterionScoreInput> Full(decimal points = 7m) =>
        [new("C1", points, Long), new("C2", points, Long), new("C3", points, Long)];

    [Fact]
    public void The_deadline_must_follow_the_assignment()
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() =>
            ExpertAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), AssignmentOrigin.Manual, AssignmentReasons.Manual(1), Now, Now));
        Assert.Equal("evaluation.deadline_in_past", ex.Code);
    }

    [Fact]
    public void Scoring_needs_the_declaration_first()
    {
        var competition = Draft();
        var assignment = ExpertAssignment.Create(competition.Id, Guid.NewGuid(), Guid.NewGuid(), AssignmentOrigin.Solver, AssignmentReasons.Manual(1), Now, Now.AddDays(14));
        Assert.False(assignment.HasSeenApplication);

        var ex = Assert.Throws<BusinessRuleViolation>(() => assignment.SaveDraft(Full(), null, competition.Criteria, Now));
        Assert.Equal("evaluation.declaration_required", ex.Code);

        assignment.SignDeclaration(Now.AddHours(1));
        Assert.True(assignment.HasSeenApplication);
        assignment.SaveDraft(Full(), null, competition.Criteria, Now.AddHours(2));
        Assert.Equal(3, assignment.Scores.Count);
        Assert.Equal("evaluation.declaration_not_pending", Assert.Throws<BusinessRuleViolation>(() => assignment.SignDeclaration(Now)).Code);
    }

    [Fact]
    public void A_draft_may_be_incomplete_but_never_out_of_range()
    {
        var (assignment, criteria) = Accepted();

        assignment.SaveDraft([new("C1", null, "krótko")], null, criteria, Now);
        Assert.Null(Assert.Single(assignment.Scores).Points);

        foreach (var (input, code) in new (CriterionScoreInput, string)[]
        {
            (new("C1", 10.5m, null), "evaluation.points_invalid"),
            (new("C1", -1m, null), "evaluation.points_invalid"),
            (new("C1", 6.5m, null), "evaluation.points_invalid"),
            (new("X9", 1m, null), "evaluation.criterion_unknown"),
            (new("C1", 1m, new string('x', 4001)), "evaluation.justification_too_long"),
        })
        {
            Assert.Equal(code, Assert.Throws<BusinessRuleViolation>(() => assignment.SaveDraft([input], null, criteria, Now.AddHours(1))).Code);
        }

        Assert.Equal("evaluation.criterion_repeated", Assert.Throws<BusinessRuleViolation>(() => assignment.SaveDraft([new("C1", 1m, null), new("C1", 2m, null)], null, criteria, Now)).Code);
        Assert.Null(Assert.Single(assignment.Scores).Points);
    }

    [Fact]
    public void Half_points_only_where_the_criterion_allows_them()
    {
        var (assignment, criteria) = Accepted(halfPoints: true);

        assignment.SaveDraft([new("C1", 6.5m, null)], null, criteria, Now);
        var ex = Assert.Throws<BusinessRuleViolation>(() => assignment.SaveDraft([new("C2", 6.5m, null)], null, criteria, Now));

        Assert.Equal("evaluation.points_invalid", ex.Code);
        Assert.Equal(6.5m, Assert.Single(assignment.Scores).Points);
    }

    [Fact]
    public void Submission_needs_every_criterion_a_long_enough_justification_and_an_opinion()
    {
        var (assignment, criteria) = Accepted();
        assignment.SaveDraft([new("C1", 7m, Long), new("C2", 7m, "za krótko")], null, criteria, Now);

        var gaps = assignment.FindGaps(criteria);
        Assert.Equal(
            [("C2", SheetGapKind.JustificationTooShort), ("C3", SheetGapKind.PointsMissing), ("C3", SheetGapKind.JustificationTooShort), (null, SheetGapKind.OpinionMissing)],
            gaps.Select(g => (g.CriterionCode, g.Kind)).OrderBy(g => g.CriterionCode is null).ThenBy(g => g.CriterionCode).ThenBy(g => g.Kind).ToList()
                .Select(g => ((string?)g.CriterionCode, g.Kind)).ToList());
        var ex = Assert.Throws<BusinessRuleViolation>(() => assignment.Submit(criteria, Now));
        Assert.Equal("evaluation.sheet_incomplete", ex.Code);
        Assert.Equal(AssignmentStatus.Accepted, assignment.Status);

        assignment.SaveDraft(Full(), "Dobra oferta.", criteria, Now.AddHours(1));
        assignment.Submit(criteria, Now.AddHours(2));

        Assert.Equal(AssignmentStatus.Submitted, assignment.Status);
        Assert.Equal(21m, assignment.WeightedTotal(criteria));
    }

    [Fact]
    public void A_submitted_sheet_is_locked()
    {
        var (assignment, criteria) = Accepted();
        assignment.SaveDraft(Full(), "Opinia.", criteria, Now);
        assignment.Submit(criteria, Now);

        Assert.Equal("evaluation.sheet_locked", Assert.Throws<BusinessRuleViolation>(() => assignment.SaveDraft(Full(3m), "Inna.", criteria, Now)).Code);
        Assert.Equal("evaluation.sheet_locked", Assert.Throws<BusinessRuleViolation>(() => assignment.Submit(criteria, Now)).Code);
        Assert.Equal("evaluation.conflict_not_possible", Assert.Throws<BusinessRuleViolation>(() => assignment.DeclareConflict("Powód", Now)).Code);
        Assert.Equal("evaluation.release_not_possible", Assert.Throws<BusinessRuleViolation>(() => assignment.Release("Powód", Now)).Code);
        Assert.Equal(7m, assignment.Scores[0].Points);
    }

    [Fact]
    public void A_declared_conflict_frees_the_place_and_needs_a_reason()
    {
        var (assignment, _) = Accepted();

        Assert.Equal("evaluation.conflict_reason_required", Assert.Throws<BusinessRuleViolation>(() => assignment.DeclareConflict(" ", Now)).Code);
        Assert.True(assignment.IsActive);

        assignment.DeclareConflict("Pracowałam dla członka klastra.", Now);

        Assert.Equal(AssignmentStatus.ConflictDeclared, assignment.Status);
        Assert.False(assignment.IsActive);
    }

    [Fact]
    public void An_official_releases_an_unsubmitted_assignment_with_a_reason()
    {
        var (assignment, _) = Accepted();

        Assert.Equal("evaluation.release_reason_required", Assert.Throws<BusinessRuleViolation>(() => assignment.Release("", Now)).Code);
        assignment.Release("Termin minął.", Now);

        Assert.Equal(AssignmentStatus.Released, assignment.Status);
        Assert.Equal("evaluation.release_not_possible", Assert.Throws<BusinessRuleViolation>(() => assignment.Release("Znowu", Now)).Code);
    }

    [Fact]
    public void The_application_may_be_read_from_the_declaration_until_the_assignment_is_left()
    {
        var competition = Draft();
        var assignment = ExpertAssignment.Create(competition.Id, Guid.NewGuid(), Guid.NewGuid(), AssignmentOrigin.Solver, AssignmentReasons.Manual(1), Now, Now.AddDays(14));
        Assert.False(assignment.MayReadApplication);

        assignment.SignDeclaration(Now.AddHours(1));
        Assert.True(assignment.MayReadApplication);
        assignment.SaveDraft(Full(), "Opinia.", competition.Criteria, Now.AddHours(2));
        assignment.Submit(competition.Criteria, Now.AddHours(3));
        Assert.True(assignment.MayReadApplication);

        // Having seen it once does not keep it open: a conflict or a release closes it.
        var (conflicted, _) = Accepted();
        conflicted.DeclareConflict("Pracowałam dla członka klastra.", Now);
        var (released, _) = Accepted();
        released.Release("Termin minął.", Now);
        Assert.Equal((true, false), (conflicted.HasSeenApplication, conflicted.MayReadApplication));
        Assert.Equal((true, false), (released.HasSeenApplication, released.MayReadApplication));
    }

    [Fact]
    public void Overdue_means_past_the_deadline_without_a_submitted_sheet()
    {
        var (assignment, criteria) = Accepted();

        Assert.False(assignment.IsOverdueAt(Now.AddDays(14)));
        Assert.True(assignment.IsOverdueAt(Now.AddDays(14).AddSeconds(1)));

        assignment.SaveDraft(Full(), "Opinia.", criteria, Now);
        assignment.Submit(criteria, Now.AddDays(15));
        Assert.False(assignment.IsOverdueAt(Now.AddDays(20)));
    }
}
