using KkkCompetition.Domain.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

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
        // One applicant, one organisation: a second registration is refused (409) and the index keeps it so under races.
        builder.HasIndex(o => o.OwnerUserId).IsUnique();
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
        builder.PrimitiveCollection(c => c.KeyEnablingTechnologies);
        builder.Property(c => c.LastImportMode).HasConversion<string>().HasMaxLength(10);
        // One organisation coordinates one cluster: a second one is refused (409) and the index keeps it so under races.
        builder.HasIndex(c => c.OrganisationId).IsUnique();
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
        builder.HasIndex(m => new { m.ClusterId, m.Name });
    }
}
