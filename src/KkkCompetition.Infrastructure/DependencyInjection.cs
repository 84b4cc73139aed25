using Hangfire;
using Hangfire.PostgreSql;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Infrastructure.Files;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Infrastructure.Jobs;
using KkkCompetition.Infrastructure.Mail;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KkkCompetition.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database (provider by configuration), identity stores, OpenIddict's stores, data-protection keys in
    /// the database, and Hangfire with the storage that fits the provider.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = options.ResolveProvider();
        var connectionString = options.ResolveConnectionString(dataFolder);
        options.ConnectionString = connectionString;
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddDbContext<KkkDbContext>(o => o.UseProvider(provider, connectionString));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<KkkDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<KkkDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<Application.Users.IUserAccounts, IdentityUserAccounts>();

        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<KkkDbContext>().ReplaceDefaultEntities<Guid>());
        services.AddDataProtection().SetApplicationName("KkkCompetition").PersistKeysToDbContext<KkkDbContext>();

        services.AddSingleton<SystemRequestRunner>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoData>();
        services.AddTransient<AuditChainVerificationJob>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<ReminderScanJob>();
        services.AddTransient<CompetitionTimelineJob>();
        services.AddSingleton<Application.Clusters.IMemberFileReader, Clusters.MemberFileReader>();
        services.AddSingleton<Application.Clusters.IMemberFileWriter, Clusters.MemberFileWriter>();
        services.AddApplicationFiles(configuration, dataFolder);
        services.AddTransient<OverdueCorrectionsJob>();
        services.AddSingleton<Application.Applications.Exports.IApplicationListWriter, Exports.ApplicationListWriter>();
        services.AddSingleton<Application.Applications.Exports.IApplicationPdfWriter, Documents.ApplicationPdf>();
        services.AddSingleton<Application.Evaluation.Assignment.IAssignmentSolver, Evaluation.MinCostFlowAssignmentSolver>();
        services.AddSingleton<Application.Evaluation.Ranking.IRankingWriter, Exports.RankingWriter>();
        services.AddSingleton<Application.Evaluation.Ranking.IEvaluationDocumentWriter, Documents.EvaluationPdf>();
        services.AddSingleton<Application.Certification.Decisions.IDecisionDocumentWriter, Documents.DecisionPdf>();
        services.AddSingleton<Application.Certification.Registry.IRegistryCsvWriter, Exports.RegistryCsvWriter>();
        services.AddTransient<KkkStatusExpiryJob>();
        services.AddSingleton<Application.Contracts.Achievement.IProgrammeDashboardWriter, Exports.ProgrammeDashboardWriter>();
        services.AddSingleton<Application.Contracts.IContractDocumentWriter, Documents.ContractPdfWriter>();
        services.AddSingleton<Application.Programme.Benchmark.IBenchmarkReportWriter, Documents.BenchmarkReportWriter>();
        services.AddTransient<ContractActivationJob>();

        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            // Chosen when first needed, from the options: a pickup folder (Development) or SMTP.
            var mail = sp.GetRequiredService<IOptions<MailOptions>>();
            return string.IsNullOrWhiteSpace(mail.Value.PickupFolder)
                ? sp.GetRequiredService<SmtpEmailSender>()
                : new PickupFolderEmailSender(Path.GetFullPath(mail.Value.PickupFolder, dataFolder), mail);
        });
        services.AddHangfire(h =>
        {
            h.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    h.UseSqlServerStorage(connectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    h.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString));
                    break;
                default:
                    // Safe: undelivered messages live in the outbox table, not in Hangfire.
                    h.UseInMemoryStorage();
                    break;
            }
        });
        return services;
    }
}
