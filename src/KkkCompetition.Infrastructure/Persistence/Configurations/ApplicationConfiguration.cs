using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

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
