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
        builder.Property(a => a.Number).HasMaxLength(30);
        builder.Property(a => a.SubmissionHash).HasMaxLength(64);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(KkkApplication.MaxReasonLength);
        builder.Property(a => a.FormalDecisionReasons).HasMaxLength(KkkApplication.MaxReasonLength);
        builder.HasOne<Competition>().WithMany().HasForeignKey(a => a.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Indicators).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Narratives).WithOne().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.FormalChecks).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Correction).WithOne().HasForeignKey<CorrectionRequest>(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(KkkApplication.Indicators), nameof(KkkApplication.Narratives), nameof(KkkApplication.Attachments), nameof(KkkApplication.FormalChecks) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        }

        builder.Navigation(a => a.Correction).AutoInclude();
        builder.HasIndex(a => new { a.CompetitionId, a.ClusterId }).IsUnique();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => a.OwnerUserId);
        builder.HasIndex(a => new { a.CompetitionId, a.Status });
    }
}

internal sealed class ApplicationIndicatorYearConfiguration : IEntityTypeConfiguration<ApplicationIndicatorYear>
{
    public void Configure(EntityTypeBuilder<ApplicationIndicatorYear> builder)
    {
        builder.ToTable("ApplicationIndicators");
        builder.ComplexProperty(i => i.Values, values =>
        {
            values.Property(v => v.Revenue).HasPrecision(18, 2);
            values.Property(v => v.RdSpending).HasPrecision(18, 2);
            values.Property(v => v.JointProjectsValue).HasPrecision(18, 2);
            values.Property(v => v.ExportSharePercent).HasPrecision(5, 2);
        });
        builder.HasIndex(i => new { i.ApplicationId, i.Year }).IsUnique();
    }
}

internal sealed class ApplicationNarrativeConfiguration : IEntityTypeConfiguration<ApplicationNarrative>
{
    public void Configure(EntityTypeBuilder<ApplicationNarrative> builder)
    {
        builder.ToTable("ApplicationNarratives");
        builder.Property(n => n.AreaCode).HasMaxLength(10);
        builder.Property(n => n.Text).HasMaxLength(ApplicationNarrative.MaxLength);
        builder.HasIndex(n => new { n.ApplicationId, n.AreaCode }).IsUnique();
    }
}

internal sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("ApplicationAttachments");
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => f.Sha256);
    }
}

internal sealed class FormalCheckConfiguration : IEntityTypeConfiguration<FormalCheck>
{
    public void Configure(EntityTypeBuilder<FormalCheck> builder)
    {
        builder.ToTable("FormalChecks");
        builder.Property(c => c.RuleCode).HasMaxLength(50);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Comment).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ApplicationId, c.RuleCode }).IsUnique();
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.ToTable("CorrectionRequests");
        builder.ComplexCollection(c => c.Items, items => items.ToJson());
        builder.Property(c => c.Answer).HasMaxLength(CorrectionRequest.MaxAnswerLength);
        builder.HasIndex(c => c.DeadlineAt);
    }
}

internal sealed class ApplicationSnapshotConfiguration : IEntityTypeConfiguration<ApplicationSnapshot>
{
    public void Configure(EntityTypeBuilder<ApplicationSnapshot> builder)
    {
        builder.ToTable("ApplicationSnapshots");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ApplicationId, s.TakenAt });
    }
}

internal sealed class SubmissionCounterConfiguration : IEntityTypeConfiguration<SubmissionCounter>
{
    public void Configure(EntityTypeBuilder<SubmissionCounter> builder)
    {
        builder.HasKey(c => c.CompetitionId);
        builder.HasOne<Competition>().WithOne().HasForeignKey<SubmissionCounter>(c => c.CompetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
