using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.Property(a => a.Statement).HasMaxLength(Appeal.MaxStatementLength);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.RuledAs).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.RulingReasons).HasMaxLength(Appeal.MaxRulingReasonsLength);
        builder.ComplexCollection(a => a.Grounds, g => g.ToJson());
        builder.HasOne<Competition>().WithMany().HasForeignKey(a => a.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificationDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);

        // One appeal per decision, also when two requests race past the handler's check.
        builder.HasIndex(a => a.DecisionId).IsUnique();
        builder.HasIndex(a => new { a.State, a.LodgedAt });
        builder.HasIndex(a => new { a.CompetitionId, a.LodgedAt });
        builder.HasIndex(a => a.ApplicationId);
    }
}
