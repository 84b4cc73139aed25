using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>A host that allows 3 sign-in attempts a minute per address and runs the job server.</summary>
public sealed class KkkWebFactoryWithLimitsAndJobs : KkkWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("KKK:Security:SignInAttemptsPerMinute", "3");
        builder.UseSetting("KKK:Jobs:Enabled", "true");
    }
}

public sealed class RateLimitAndJobsTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public async Task Token_requests_beyond_the_limit_are_429()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = KkkWebFactory.RegistryClient,
                ["client_secret"] = "wrong",
            }), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void The_nightly_audit_verification_is_scheduled_in_warsaw_time()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "audit-chain-verification");
        Assert.Equal("30 2 * * *", job.Cron);
        Assert.Equal("Europe/Warsaw", job.TimeZoneId);
        Assert.Equal("AuditChainVerificationJob", job.Job.Type.Name);
    }
}
