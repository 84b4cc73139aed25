using Hangfire;
using Hangfire.Dashboard;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Jobs;

namespace KkkCompetition.Web.Hosting;

/// <summary>The recurring jobs (Europe/Warsaw) and Hangfire's dashboard at /jobs, for administrators only.</summary>
public static class Jobs
{
    public static void ScheduleRecurringJobs(IServiceProvider services, IConfiguration configuration)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = WorkingDayCalendar.Warsaw };
        jobs.AddOrUpdate<AuditChainVerificationJob>(
            AuditChainVerificationJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:AuditVerificationCron"] ?? "30 2 * * *",
            options);
        jobs.AddOrUpdate<OutboxDispatchJob>(
            OutboxDispatchJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:OutboxDispatchCron"] ?? Cron.Minutely(),
            options);
        jobs.AddOrUpdate<ReminderScanJob>(
            ReminderScanJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:ReminderScanCron"] ?? "0 7 * * *",
            options);
        jobs.AddOrUpdate<CompetitionTimelineJob>(
            CompetitionTimelineJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:CompetitionTimelineCron"] ?? Cron.Minutely(),
            options);
        jobs.AddOrUpdate<OverdueCorrectionsJob>(
            OverdueCorrectionsJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:OverdueCorrectionsCron"] ?? "5 * * * *",
            options);
        jobs.AddOrUpdate<KkkStatusExpiryJob>(
            KkkStatusExpiryJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:KkkStatusExpiryCron"] ?? "10 0 * * *",
            options);
        jobs.AddOrUpdate<ContractActivationJob>(
            ContractActivationJob.Id,
            job => job.Run(),
            configuration["KKK:Jobs:ContractActivationCron"] ?? "20 0 * * *",
            options);
    }

    public static void MapJobDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "KKK — jobs",
            AppPath = "/",
        });

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
