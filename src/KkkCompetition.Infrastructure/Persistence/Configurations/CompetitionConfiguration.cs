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
        builder.Property(c => c.AppealRuledBy).HasConversion<string>().HasMaxLength(12);
        builder.ComplexProperty(c => c.Timeline);
        builder.Property(c => c.PassThreshold).HasPrecision(6, 1);
        builder.Property(c => c.DivergenceThresholdPercent).HasPrecision(5, 2);
        builder.Property(c => c.AnnouncedSnapshot);
        builder.Property(c => c.AnnouncedSnapshotSha256).HasMaxLength(64);
        builder.Ignore(c => c.Settings);
        builder.Ignore(c => c.TieBreakOrder);
        builder.Ignore(c => c.MaxTotal);
        // Required: a criterion or rule taken out of the aggregate is deleted, never left behind without a competition.
        builder.HasMany(c => c.Criteria).WithOne().HasForeignKey("CompetitionId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(c => c.EligibilityRules).WithOne().HasForeignKey("CompetitionId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.EligibilityRules).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
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
        builder.HasIndex("CompetitionId", nameof(CompetitionCriterion.Code)).IsUnique();
    }
}

internal sealed class EligibilityRuleConfiguration : IEntityTypeConfiguration<EligibilityRule>
{
    public void Configure(EntityTypeBuilder<EligibilityRule> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(EligibilityRule.MaxCodeLength);
        builder.Property(r => r.NamePl).HasMaxLength(EligibilityRule.MaxNameLength);
        builder.Property(r => r.NameEn).HasMaxLength(EligibilityRule.MaxNameLength);
        builder.HasIndex("CompetitionId", nameof(EligibilityRule.Code)).IsUnique();
    }
}
