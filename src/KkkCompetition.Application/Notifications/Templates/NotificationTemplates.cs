using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Notifications.Templates;

public sealed record NotificationTemplateDto(Guid Id, string Key, string Language, string Subject, string Text, string Html, IReadOnlyList<string> Placeholders, int Version);

/// <summary>Every message template in both languages, with the placeholders each may use (administrators).</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record ListNotificationTemplates : IQuery<IReadOnlyList<NotificationTemplateDto>>;

public sealed class ListNotificationTemplatesHandler(IAppDbContext db) : IQueryHandler<ListNotificationTemplates, IReadOnlyList<NotificationTemplateDto>>
{
    public async ValueTask<IReadOnlyList<NotificationTemplateDto>> Handle(ListNotificationTemplates query, CancellationToken cancellationToken) =>
        (await db.NotificationTemplates.AsNoTracking().OrderBy(t => t.Key).ThenBy(t => t.Language).ToListAsync(cancellationToken))
            .Select(t => new NotificationTemplateDto(t.Id, t.Key, t.Language, t.Subject, t.Text, t.Html, NotificationTemplateCatalogue.Find(t.Key)?.Placeholders ?? [], t.Version))
            .ToList();
}

/// <summary>
/// A template rendered with sample values (administrators): the stored one, or — when wording is given — that
/// wording as it would look, checked like a save (an unknown placeholder is refused).
/// </summary>
[AllowedRoles(Roles.Administrator)]
public sealed record PreviewNotificationTemplate(string Key, string Language, string? Subject = null, string? Text = null, string? Html = null)
    : IQuery<RenderedMessage>;

public sealed class PreviewNotificationTemplateValidator : AbstractValidator<PreviewNotificationTemplate>
{
    public PreviewNotificationTemplateValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Language).Must(l => NotificationTemplate.Languages.Contains(l)).WithMessage("The language is pl or en.").WithErrorCode("template.language");
    }
}

public sealed class PreviewNotificationTemplateHandler(IAppDbContext db) : IQueryHandler<PreviewNotificationTemplate, RenderedMessage>
{
    public async ValueTask<RenderedMessage> Handle(PreviewNotificationTemplate query, CancellationToken cancellationToken)
    {
        var definition = NotificationTemplateCatalogue.Find(query.Key) ?? throw new NotFoundException("NotificationTemplate", query.Key);
        var stored = await db.NotificationTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == query.Key && t.Language == query.Language, cancellationToken)
            ?? throw new NotFoundException("NotificationTemplate", $"{query.Key}/{query.Language}");
        var template = NotificationTemplate.Create(query.Key, query.Language, query.Subject ?? stored.Subject, query.Text ?? stored.Text, query.Html ?? stored.Html);
        return template.Render(name => name == "timing" ? ReminderOffset.Describe(-3, query.Language) : definition.SampleValues.GetValueOrDefault(name));
    }
}

/// <summary>Changes the wording of a template (administrators); a placeholder the message kind does not know is refused (409).</summary>
[AllowedRoles(Roles.Administrator)]
public sealed record UpdateNotificationTemplate(string Key, string Language, string Subject, string Text, string Html, int Version) : ICommand<int>;

public sealed class UpdateNotificationTemplateValidator : AbstractValidator<UpdateNotificationTemplate>
{
    public UpdateNotificationTemplateValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Language).Must(l => NotificationTemplate.Languages.Contains(l)).WithMessage("The language is pl or en.").WithErrorCode("template.language");
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Text).NotEmpty().MaximumLength(20_000);
        RuleFor(x => x.Html).NotNull().MaximumLength(50_000);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class UpdateNotificationTemplateHandler(IAppDbContext db) : ICommandHandler<UpdateNotificationTemplate, int>
{
    public async ValueTask<int> Handle(UpdateNotificationTemplate command, CancellationToken cancellationToken)
    {
        var template = await db.NotificationTemplates.SingleOrDefaultAsync(t => t.Key == command.Key && t.Language == command.Language, cancellationToken)
            ?? throw new NotFoundException("NotificationTemplate", $"{command.Key}/{command.Language}");
        db.ExpectVersion(template, command.Version);
        template.Update(command.Subject, command.Text, command.Html);
        return template.Version + 1;
    }
}
