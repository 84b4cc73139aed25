using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Reminders;

public sealed record ReminderRuleDto(
    Guid Id,
    string Key,
    string NamePl,
    string NameEn,
    IReadOnlyList<ReminderOffset> Offsets,
    bool Enabled,
    bool Mandatory,
    bool EscalateAfterDeadline,
    DateTimeOffset? LastScanAt,
    int Version)
{
    internal static ReminderRuleDto From(ReminderRule r) =>
        new(r.Id, r.Key, r.NamePl, r.NameEn, r.Offsets, r.Enabled, r.Mandatory, r.EscalateAfterDeadline, r.LastScanAt, r.Version);
}

/// <summary>The reminder catalogue with its offsets (administrators).</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record ListReminderRules : IQuery<IReadOnlyList<ReminderRuleDto>>;

public sealed class ListReminderRulesHandler(IAppDbContext db) : IQueryHandler<ListReminderRules, IReadOnlyList<ReminderRuleDto>>
{
    public async ValueTask<IReadOnlyList<ReminderRuleDto>> Handle(ListReminderRules query, CancellationToken cancellationToken) =>
        (await db.ReminderRules.AsNoTracking().OrderBy(r => r.Key).ToListAsync(cancellationToken)).Select(ReminderRuleDto.From).ToList();
}

/// <summary>Changes a rule's offsets and flags (administrators). <see cref="Version"/> is the one last read.</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record UpdateReminderRule(
    string Key,
    IReadOnlyList<ReminderOffset> Offsets,
    bool Enabled,
    bool Mandatory,
    bool EscalateAfterDeadline,
    int Version) : ICommand<int>;

public sealed class UpdateReminderRuleValidator : AbstractValidator<UpdateReminderRule>
{
    public UpdateReminderRuleValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Offsets).NotNull().NotEmpty();
        RuleForEach(x => x.Offsets).ChildRules(offset =>
        {
            offset.RuleFor(o => o.When).IsInEnum();
            offset.RuleFor(o => o.Days).GreaterThanOrEqualTo(0).LessThanOrEqualTo(ReminderOffset.MaxDays);
            offset.RuleFor(o => o.Days).Equal(0).When(o => o.When == ReminderTiming.OnTheDay)
                .WithMessage("An offset on the day itself has 0 days.").WithErrorCode("reminder.offset_on_the_day");
            offset.RuleFor(o => o.Days).GreaterThan(0).When(o => o.When is ReminderTiming.Before or ReminderTiming.After)
                .WithMessage("An offset before or after the due date needs at least 1 day.").WithErrorCode("reminder.offset_needs_days");
        });
        RuleFor(x => x.Offsets)
            .Must(o => o.Select(x => x.Relative).Distinct().Count() == o.Count)
            .When(x => x.Offsets is not null)
            .WithMessage("An offset appears twice.").WithErrorCode("reminder.offset_twice");
    }
}

public sealed class UpdateReminderRuleHandler(IAppDbContext db) : ICommandHandler<UpdateReminderRule, int>
{
    public async ValueTask<int> Handle(UpdateReminderRule command, CancellationToken cancellationToken)
    {
        // Lock the rule row first, as a running scan does (rule rows, then the audit head at its save). Otherwise this
        // command would hold the audit head while waiting for the row, and the scan the row while waiting for the head.
        await db.ReminderRules.Where(r => r.Key == command.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastScanAt, r => r.LastScanAt), cancellationToken);
        var rule = await db.ReminderRules.SingleOrDefaultAsync(r => r.Key == command.Key, cancellationToken)
            ?? throw new NotFoundException("ReminderRule", command.Key);
        db.ExpectVersion(rule, command.Version);
        rule.Update(command.Offsets, command.Enabled, command.Mandatory, command.EscalateAfterDeadline);
        return rule.Version + 1;
    }
}

/// <summary>
/// Adds the reminder rules and message templates of the catalogue that are missing (start-up, System). Idempotent:
/// what an administrator changed stays as it is, and a second run changes nothing.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record SeedNotificationDefaults : ICommand<int>;

public sealed class SeedNotificationDefaultsHandler(IAppDbContext db) : ICommandHandler<SeedNotificationDefaults, int>
{
    public async ValueTask<int> Handle(SeedNotificationDefaults command, CancellationToken cancellationToken)
    {
        var added = 0;
        var rules = await db.ReminderRules.AsNoTracking().Select(r => r.Key).ToListAsync(cancellationToken);
        foreach (var rule in ReminderCatalogue.CreateDefaults().Where(r => !rules.Contains(r.Key)))
        {
            db.ReminderRules.Add(rule);
            added++;
        }

        var templates = (await db.NotificationTemplates.AsNoTracking().Select(t => new { t.Key, t.Language }).ToListAsync(cancellationToken))
            .Select(t => (t.Key, t.Language)).ToHashSet();
        foreach (var template in NotificationTemplateCatalogue.DefaultTemplates().Where(t => !templates.Contains((t.Key, t.Language))))
        {
            db.NotificationTemplates.Add(template);
            added++;
        }

        return added;
    }
}
