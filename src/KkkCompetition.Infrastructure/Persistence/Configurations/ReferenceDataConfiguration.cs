using KkkCompetition.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class VoivodeshipConfiguration : IEntityTypeConfiguration<Voivodeship>
{
    public void Configure(EntityTypeBuilder<Voivodeship> builder)
    {
        builder.HasKey(v => v.Teryt);
        builder.Property(v => v.Teryt).HasMaxLength(2);
        builder.Property(v => v.Name).HasMaxLength(100);
    }
}

internal sealed class KisSpecialisationConfiguration : IEntityTypeConfiguration<KisSpecialisation>
{
    public void Configure(EntityTypeBuilder<KisSpecialisation> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(10);
        builder.Property(k => k.NamePl).HasMaxLength(300);
        builder.Property(k => k.NameEn).HasMaxLength(300);
    }
}

internal sealed class KpiDefinitionConfiguration : IEntityTypeConfiguration<KpiDefinition>
{
    public void Configure(EntityTypeBuilder<KpiDefinition> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(20);
        builder.Property(k => k.NamePl).HasMaxLength(300);
        builder.Property(k => k.NameEn).HasMaxLength(300);
        builder.Property(k => k.Unit).HasMaxLength(20);
        builder.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Aggregation).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CriterionTemplateConfiguration : IEntityTypeConfiguration<CriterionTemplate>
{
    public void Configure(EntityTypeBuilder<CriterionTemplate> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.Property(c => c.AreaCode).HasMaxLength(10);
        builder.Property(c => c.AreaNamePl).HasMaxLength(300);
        builder.Property(c => c.AreaNameEn).HasMaxLength(300);
        builder.Property(c => c.NamePl).HasMaxLength(300);
        builder.Property(c => c.NameEn).HasMaxLength(300);
        builder.Property(c => c.MaxPoints).HasPrecision(6, 1);
    }
}
