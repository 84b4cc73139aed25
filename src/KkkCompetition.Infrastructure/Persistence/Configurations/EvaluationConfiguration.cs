using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> builder)
    {
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.FullName).HasMaxLength(200);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.VoivodeshipTeryt).HasMaxLength(2);
        builder.Property(e => e.InvitationTokenHash).HasMaxLength(64);
        builder.PrimitiveCollection(e => e.KisCodes);
        builder.ComplexCollection(e => e.Affiliations, c => c.ToJson());
        // One pool entry per address and per account, also under two officials inviting at once.
        builder.HasIndex(e => e.Email).IsUnique();
        builder.HasIndex(e => e.UserId).IsUnique();
        builder.HasIndex(e => e.InvitationTokenHash);
        builder.HasIndex(e => new { e.Status, e.FullName });
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConflictReason).HasMaxLength(ExpertAssignment.MaxReasonLength);
        builder.Property(a => a.ReleaseReason).HasMaxLength(ExpertAssignment.MaxReasonLength);
        builder.Property(a => a.OverallOpinion).HasMaxLength(ExpertAssignment.MaxOpinionLength);
        builder.ComplexCollection(a => a.Scores, c => c.ToJson());
        builder.HasOne<Competition>().WithMany().HasForeignKey(a => a.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ApplicationId, a.ExpertId });
        builder.HasIndex(a => new { a.ExpertId, a.CompetitionId, a.Status });
        builder.HasIndex(a => new { a.CompetitionId, a.Status, a.Deadline });
    }
}

internal sealed class AssignmentOverrideConfiguration : IEntityTypeConfiguration<AssignmentOverride>
{
    public void Configure(EntityTypeBuilder<AssignmentOverride> builder)
    {
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Reason).HasMaxLength(ExpertAssignment.MaxReasonLength);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Expert>().WithMany().HasForeignKey(o => o.ExpertId).OnDelete(DeleteBehavior.Restrict);
        // One decision per pair: a new one replaces the old (the handler removes it first).
        builder.HasIndex(o => new { o.ApplicationId, o.ExpertId }).IsUnique();
        builder.HasIndex(o => o.CompetitionId);
    }
}

internal sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> builder)
    {
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(r => r.SheetsUsed);
        builder.Property(r => r.ExpertTotal).HasPrecision(9, 2);
        builder.Property(r => r.Total).HasPrecision(9, 2);
        builder.Property(r => r.PanelPlace).HasMaxLength(EvaluationResult.MaxPlaceLength);
        builder.ComplexCollection(r => r.Criteria, c => c.ToJson());
        builder.HasOne<Competition>().WithMany().HasForeignKey(r => r.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        // One result per round; the earlier rounds' results are superseded history, which "the" result never means.
        builder.HasIndex(r => new { r.ApplicationId, r.Round }).IsUnique();
        builder.HasQueryFilter(r => r.SupersededAt == null);
        builder.HasIndex(r => new { r.CompetitionId, r.Total });
    }
}
