using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class CertificationDecisionConfiguration : IEntityTypeConfiguration<CertificationDecision>
{
    public void Configure(EntityTypeBuilder<CertificationDecision> builder)
    {
        builder.Property(d => d.ResolutionNumber).HasMaxLength(50);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.DeliveredBy).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Justification).HasMaxLength(CertificationDecision.MaxJustificationLength);
        builder.HasOne<Competition>().WithMany().HasForeignKey(d => d.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ApplicationId, d.DecidedAt });
        builder.HasIndex(d => d.ResolutionId);
    }
}

internal sealed class KkkStatusConfiguration : IEntityTypeConfiguration<KkkStatus>
{
    public void Configure(EntityTypeBuilder<KkkStatus> builder)
    {
        builder.ToTable("KkkStatuses");
        builder.Property(s => s.CertificateNumber).HasMaxLength(30);
        builder.Property(s => s.ClusterName).HasMaxLength(300);
        builder.Property(s => s.CoordinatorName).HasMaxLength(300);
        builder.Property(s => s.CoordinatorNip).HasMaxLength(10);
        builder.Property(s => s.VoivodeshipTeryt).HasMaxLength(2);
        builder.Property(s => s.Website).HasMaxLength(500);
        builder.PrimitiveCollection(s => s.KisCodes);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.EndReason).HasMaxLength(KkkStatus.MaxReasonLength);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificationDecision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.CertificateNumber).IsUnique();
        builder.HasIndex(s => s.DecisionId).IsUnique();
        builder.HasIndex(s => new { s.State, s.ValidTo });
        builder.HasIndex(s => new { s.ClusterId, s.ValidFrom });
        builder.HasIndex(s => new { s.VoivodeshipTeryt, s.State });
    }
}
