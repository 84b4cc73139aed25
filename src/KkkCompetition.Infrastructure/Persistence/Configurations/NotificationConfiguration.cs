using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KkkCompetition.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.RecipientEmail).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(5);
        builder.Property(m => m.TemplateKey).HasMaxLength(100);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Link).HasMaxLength(1000);
        builder.Property(m => m.Note).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);

        // The dispatcher's claim: pending and due, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.LeaseOwner);
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(1000);
        builder.Ignore(n => n.IsRead);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.OutboxMessageId).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.Property(p => p.RuleKey).HasMaxLength(100);
        builder.HasIndex(p => new { p.UserId, p.RuleKey }).IsUnique();
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.Property(t => t.Language).HasMaxLength(5);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.HasIndex(t => new { t.Key, t.Language }).IsUnique();
    }
}

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.NamePl).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.OffsetDays).HasMaxLength(200);
        builder.Ignore(r => r.Offsets);
        builder.Ignore(r => r.RelativeOffsets);
        builder.Ignore(r => r.MaxDaysBefore);
        builder.Ignore(r => r.MaxDaysAfter);
        builder.HasIndex(r => r.Key).IsUnique();
    }
}

internal sealed class ReminderDispatchConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> builder)
    {
        builder.Property(d => d.RuleKey).HasMaxLength(100);
        builder.Property(d => d.SubjectKey).HasMaxLength(200);

        // A reminder goes out at most once, whatever runs twice or at the same time.
        builder.HasIndex(d => new { d.RuleKey, d.SubjectKey, d.OffsetDays }).IsUnique();
    }
}
