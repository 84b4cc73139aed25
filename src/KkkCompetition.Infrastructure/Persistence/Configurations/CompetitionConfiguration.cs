using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(c => c.Timeline);
        builder.Property(c => c.PassThreshold).HasPrecision(6, 1);
        builder.Property(c => c.DivergenceThresholdPercent).HasPrecision(5, 2);
        builder.HasMany(c => c.Criteria).WithOne().HasForeignKey("CompetitionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasIndex(c => new { c.Year, c.Round }).IsUnique();
        builder.HasIndex(c => c.Status);
    }
}

internal sealed class CompetitionCriterionConfiguration : IEntityTypeConfiguration<CompetitionCriterion>
{
    public void Configure(EntityTypeBuilder<CompetitionCriterion> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.Property(c => c.AreaCode).HasMaxLength(10);
        builder.Property(c => c.AreaNamePl).HasMaxLength(300);
        builder.Property(c => c.AreaNameEn).HasMaxLength(300);
        builder.Property(c => c.NamePl).HasMaxLength(300);
        builder.Property(c => c.NameEn).HasMaxLength(300);
        builder.Property(c => c.Guidance).HasMaxLength(4000);
        builder.Property(c => c.MaxPoints).HasPrecision(6, 1);
        builder.Property(c => c.MinimumPoints).HasPrecision(6, 1);
        builder.Property(c => c.Weight).HasPrecision(6, 2);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.Nip).HasMaxLength(10);
        builder.Property(o => o.Regon).HasMaxLength(14);
        builder.Property(o => o.Krs).HasMaxLength(10);
        builder.Property(o => o.LegalForm).HasMaxLength(100);
        builder.Property(o => o.Address).HasMaxLength(500);
        builder.Property(o => o.VoivodeshipTeryt).HasMaxLength(2);
        builder.HasIndex(o => o.OwnerUserId);
        builder.HasIndex(o => o.Nip);
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.VoivodeshipTeryt).HasMaxLength(2);
        builder.Property(c => c.Website).HasMaxLength(300);
        builder.PrimitiveCollection(c => c.KisCodes);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.Nip).HasMaxLength(10);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Size).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.VoivodeshipTeryt).HasMaxLength(2);
        builder.HasIndex(m => new { m.ClusterId, m.Nip }).IsUnique();
        builder.HasIndex(m => m.Nip);
    }
}

internal sealed class KkkApplicationConfiguration : IEntityTypeConfiguration<KkkApplication>
{
    public void Configure(EntityTypeBuilder<KkkApplication> builder)
    {
        builder.ToTable("Applications");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Competition>().WithMany().HasForeignKey(a => a.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CompetitionId, a.ClusterId }).IsUnique();
        builder.HasIndex(a => a.OwnerUserId);
        builder.HasIndex(a => a.Status);
    }
}
