using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Web.Hosting;
using KkkCompetition.Web.Security;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKkkServices();
    var app = builder.Build();

    // The database first (a new server database is created by the migrations): the job storage and the
    // job dashboard of the pipeline open it as soon as they are built.
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    app.UseKkkPipeline();
    await OpenIdConnectSetup.RegisterClientsAsync(app.Services);
    if (DemoSettings.IsEnabled(app.Configuration, app.Environment, args))
    {
        var logins = await app.Services.GetRequiredService<DemoData>().EnsureAsync();
        DemoSettings.Print(logins);
    }

    if (app.Configuration.GetValue("KKK:Jobs:Enabled", true))
    {
        Jobs.ScheduleRecurringJobs(app.Services, app.Configuration);
    }

    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    // One clear line naming the setting, not a stack trace.
    await Console.Error.WriteLineAsync($"KKK Competition cannot start: {ex.Message}");
    return 1;
}

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
