using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeSettingsConfiguration : IEntityTypeConfiguration<ProgrammeSettings>
{
    public void Configure(EntityTypeBuilder<ProgrammeSettings> builder)
    {
        builder.ToTable("ProgrammeSettings");
        builder.Property(s => s.JustificationBelowPercent).HasPrecision(5, 2);
        builder.Property(s => s.GreenFromPercent).HasPrecision(5, 2);
        builder.Property(s => s.AmberFromPercent).HasPrecision(5, 2);
    }
}

internal sealed class ProgrammeContractConfiguration : IEntityTypeConfiguration<ProgrammeContract>
{
    public void Configure(EntityTypeBuilder<ProgrammeContract> builder)
    {
        builder.ToTable("ProgrammeContracts");
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.Property(c => c.ClusterName).HasMaxLength(300);
        builder.Property(c => c.CoordinatorName).HasMaxLength(300);
        builder.Property(c => c.CoordinatorNip).HasMaxLength(10);
        builder.Property(c => c.VoivodeshipTeryt).HasMaxLength(2);
        builder.Property(c => c.RegionParty).HasMaxLength(200);
        builder.PrimitiveCollection(c => c.KisCodes);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.StatusReason).HasMaxLength(ProgrammeContract.MaxReasonLength);
        builder.ComplexProperty(c => c.Terms, terms => terms.Property(t => t.JustificationBelowPercent).HasPrecision(5, 2));
        builder.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Versions).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasOne<ProgrammePhase>().WithMany().HasForeignKey(c => c.PhaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkStatus>().WithMany().HasForeignKey(c => c.KkkStatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Restrict);

        // One contract per cluster and phase, also when two officials draft it at once.
        builder.HasIndex(c => new { c.PhaseId, c.ClusterId }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Status, c.VoivodeshipTeryt });
        builder.HasIndex(c => c.ClusterId);
    }
}

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> builder)
    {
        builder.ToTable("ContractVersions");
        builder.ComplexCollection(v => v.Kpis, kpis =>
        {
            kpis.ToJson();
            kpis.Property(k => k.Direction).HasConversion<string>();
            kpis.Property(k => k.Aggregation).HasConversion<string>();
        });
        builder.ComplexCollection(v => v.Targets, targets => targets.ToJson());
        builder.ComplexCollection(v => v.Budget, budget => budget.ToJson());
        builder.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
    }
}

internal sealed class ContractAmendmentConfiguration : IEntityTypeConfiguration<ContractAmendment>
{
    public void Configure(EntityTypeBuilder<ContractAmendment> builder)
    {
        builder.ToTable("ContractAmendments");
        builder.Property(a => a.Reason).HasMaxLength(ContractAmendment.MaxReasonLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(ContractAmendment.MaxReasonLength);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        builder.ComplexCollection(a => a.Targets, targets => targets.ToJson());
        builder.ComplexCollection(a => a.Budget, budget => budget.ToJson());
        builder.HasOne<ProgrammeContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ContractId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.State, a.ProposedAt });
    }
}

internal sealed class KpiReportConfiguration : IEntityTypeConfiguration<KpiReport>
{
    public void Configure(EntityTypeBuilder<KpiReport> builder)
    {
        builder.ToTable("KpiReports");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Narrative).HasMaxLength(KpiReport.MaxNarrativeLength);
        builder.Property(r => r.ReviewComment).HasMaxLength(KpiReport.MaxCommentLength);
        builder.ComplexCollection(r => r.Lines, lines => lines.ToJson());
        builder.ComplexCollection(r => r.Disbursements, disbursements =>
        {
            disbursements.ToJson();
            disbursements.Property(d => d.Size).HasConversion<string>();
        });
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasOne<ProgrammeContract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ContractId, r.Kind, r.Year }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DueOn });
    }
}

internal sealed class KpiReportEvidenceConfiguration : IEntityTypeConfiguration<KpiReportEvidence>
{
    public void Configure(EntityTypeBuilder<KpiReportEvidence> builder)
    {
        builder.ToTable("KpiReportEvidence");
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasIndex(e => e.ReportId);
    }
}
