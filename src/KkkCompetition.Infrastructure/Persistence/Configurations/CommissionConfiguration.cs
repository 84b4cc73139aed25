using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Competitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class CommissionMemberConfiguration : IEntityTypeConfiguration<CommissionMember>
{
    public void Configure(EntityTypeBuilder<CommissionMember> builder)
    {
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.Property(m => m.FullName).HasMaxLength(CommissionMember.MaxNameLength);
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.VoivodeshipTeryt).HasMaxLength(2);
        builder.PrimitiveCollection(m => m.AffiliationNips);
        builder.HasOne<Competition>().WithMany().HasForeignKey(m => m.CompetitionId).OnDelete(DeleteBehavior.Restrict);

        // Once per competition and account, also under two officials adding the same person at once.
        builder.HasIndex(m => new { m.CompetitionId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class CommissionVotingConfiguration : IEntityTypeConfiguration<CommissionVoting>
{
    public void Configure(EntityTypeBuilder<CommissionVoting> builder)
    {
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(10);
        builder.ComplexCollection(v => v.Items, c => c.ToJson());
        builder.HasOne<Competition>().WithMany().HasForeignKey(v => v.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CompetitionId, v.Status });
    }
}

internal sealed class CommissionVoteConfiguration : IEntityTypeConfiguration<CommissionVote>
{
    public void Configure(EntityTypeBuilder<CommissionVote> builder)
    {
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Comment).HasMaxLength(CommissionVoting.MaxCommentLength);
        builder.HasOne<CommissionVoting>().WithMany().HasForeignKey(v => v.VotingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KkkApplication>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommissionMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);

        // One vote per member and application of a voting, also when the same vote is sent twice at once.
        builder.HasIndex(v => new { v.VotingId, v.ApplicationId, v.MemberId }).IsUnique();
        builder.HasIndex(v => v.MemberId);
    }
}

internal sealed class CommissionResolutionConfiguration : IEntityTypeConfiguration<CommissionResolution>
{
    public void Configure(EntityTypeBuilder<CommissionResolution> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(30);
        builder.ComplexCollection(r => r.Outcomes, c => c.ToJson());
        builder.HasOne<Competition>().WithMany().HasForeignKey(r => r.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommissionVoting>().WithMany().HasForeignKey(r => r.VotingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        builder.HasIndex(r => r.VotingId).IsUnique();
        builder.HasIndex(r => new { r.CompetitionId, r.ResolvedOn });
    }
}
