using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class PhaseEvaluationConfiguration : IEntityTypeConfiguration<PhaseEvaluation>
{
    public void Configure(EntityTypeBuilder<PhaseEvaluation> builder)
    {
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.QuantitativeWeightPercent).HasPrecision(5, 2);
        builder.ComplexCollection(e => e.Criteria, criteria => criteria.ToJson());
        builder.HasOne<ProgrammePhase>().WithMany().HasForeignKey(e => e.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competition>().WithMany().HasForeignKey(e => e.CommissionCompetitionId).OnDelete(DeleteBehavior.Restrict);

        // One evaluation per phase, also when two officials open it at once.
        builder.HasIndex(e => e.PhaseId).IsUnique();
    }
}

internal sealed class ContractEvaluationConfiguration : IEntityTypeConfiguration<ContractEvaluation>
{
    public void Configure(EntityTypeBuilder<ContractEvaluation> builder)
    {
        builder.Property(e => e.ContractNumber).HasMaxLength(30);
        builder.Property(e => e.ClusterName).HasMaxLength(300);
        builder.Property(e => e.VoivodeshipTeryt).HasMaxLength(2);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.QuantitativePercent).HasPrecision(9, 2);
        builder.Property(e => e.QualitativePercent).HasPrecision(5, 2);
        builder.Property(e => e.OverallPercent).HasPrecision(9, 2);
        builder.Property(e => e.DecisionJustification).HasMaxLength(ContractEvaluation.MaxJustificationLength);
        builder.PrimitiveCollection(e => e.RemediationItems);
        builder.ComplexCollection(e => e.MissingReports, missing =>
        {
            missing.ToJson();
            missing.Property(m => m.Status).HasConversion<string>();
        });
        builder.ComplexCollection(e => e.Scores, scores => scores.ToJson());
        builder.HasOne<PhaseEvaluation>().WithMany().HasForeignKey(e => e.PhaseEvaluationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgrammeContract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkStatus>().WithMany().HasForeignKey(e => e.KkkStatusId).OnDelete(DeleteBehavior.Restrict);

        // One evaluation per contract.
        builder.HasIndex(e => e.ContractId).IsUnique();
        builder.HasIndex(e => new { e.PhaseEvaluationId, e.Status });
        builder.HasIndex(e => e.EvaluatorUserId);
        builder.HasIndex(e => e.ClusterId);
    }
}

internal sealed class PhaseDecisionVotingConfiguration : IEntityTypeConfiguration<PhaseDecisionVoting>
{
    public void Configure(EntityTypeBuilder<PhaseDecisionVoting> builder)
    {
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(10);
        builder.PrimitiveCollection(v => v.EvaluationIds);
        builder.HasOne<PhaseEvaluation>().WithMany().HasForeignKey(v => v.PhaseEvaluationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competition>().WithMany().HasForeignKey(v => v.CommissionCompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PhaseEvaluationId, v.Status });
        builder.HasIndex(v => new { v.CommissionCompetitionId, v.Status });
    }
}

internal sealed class PhaseDecisionVoteConfiguration : IEntityTypeConfiguration<PhaseDecisionVote>
{
    public void Configure(EntityTypeBuilder<PhaseDecisionVote> builder)
    {
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Comment).HasMaxLength(CommissionVoteRules.MaxCommentLength);
        builder.HasOne<PhaseDecisionVoting>().WithMany().HasForeignKey(v => v.VotingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContractEvaluation>().WithMany().HasForeignKey(v => v.EvaluationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommissionMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);

        // One vote per member and decision of a voting, also when the same vote is sent twice at once.
        builder.HasIndex(v => new { v.VotingId, v.EvaluationId, v.MemberId }).IsUnique();
        builder.HasIndex(v => v.MemberId);
    }
}
