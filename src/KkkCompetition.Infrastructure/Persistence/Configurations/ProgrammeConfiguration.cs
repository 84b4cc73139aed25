using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammePhaseConfiguration : IEntityTypeConfiguration<ProgrammePhase>
{
    public void Configure(EntityTypeBuilder<ProgrammePhase> builder)
    {
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasMany<Competition>().WithOne().HasForeignKey(c => c.ProgrammePhaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
