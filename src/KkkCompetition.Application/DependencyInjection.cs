using FluentValidation;
using KkkCompetition.Application.Common.Behaviours;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application;

public static class DependencyInjection
{
    /// <summary>The use cases and the pipeline, in the order of the architecture guide.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
                typeof(AuditBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<Common.Security.CurrentUserContext>();
        services.AddScoped<Common.Security.ICurrentUser, Common.Security.ScopedCurrentUser>();
        services.AddScoped<Notifications.Outbox.IOutbox, Notifications.Outbox.OutboxWriter>();
        services.AddOptions<Notifications.Outbox.NotificationOptions>();
        services.AddScoped<Notifications.Reminders.IReminderSource, FormalReview.CorrectionRequestReminderSource>();
        services.AddScoped<Notifications.Reminders.IReminderSource, Evaluation.Assignment.ScoringDeadlineReminderSource>();
        services.AddScoped<Notifications.Reminders.IReminderSource, Certification.Registry.KkkStatusExpiryReminderSource>();
        services.AddScoped<Notifications.Reminders.IReminderSource, Contracts.Reports.KpiReportReminderSource>();
        services.AddScoped<Notifications.Reminders.IReminderSource, Programme.Evaluation.PhaseEndReminderSource>();
        services.AddScoped<Evaluation.Assignment.ExpertStaffing>();
        services.AddScoped<Evaluation.Assignment.IExpertStaffing>(sp => sp.GetRequiredService<Evaluation.Assignment.ExpertStaffing>());
        services.Scan();
        return services;
    }

    private static void Scan(this IServiceCollection services)
    {
        var authorizer = typeof(Common.Security.IResourceAuthorizer<>);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == authorizer))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
