using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Testing.Certification;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The public registry and its open data over HTTP, the registry token, and the officials' revocation.</summary>
public sealed class RegistryApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    // Each call makes a competition of its own, and a year holds at most two.
    private static int _year = 2050;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<GrantedStatus>> GrantAsync(params string[] names) =>
        await new CertifiedClusters(factory.Services, TimeProvider.System, Interlocked.Increment(ref _year)).GrantManyAsync(
            names.Select(n => new CertifiedShape { ClusterName = n, Voivodeship = "28", KisCodes = ["KIS4"] }).ToList(), Ct);

    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task Anyone_reads_the_open_data_as_json_with_its_date_and_a_tag_for_caching()
    {
        var name = $"Klaster Otwarty {Guid.NewGuid():N}";
        await GrantAsync(name);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/registry?voivodeship=28", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, Domain.Calendar.WorkingDayCalendar.Warsaw)).ToString("yyyy-MM-dd"), body.GetProperty("asOf").GetString());
        Assert.True(body.TryGetProperty("generatedAt", out _));
        var record = body.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("clusterName").GetString() == name);
        Assert.Equal("Active", record.GetProperty("state").GetString());
        Assert.Equal("warmińsko-mazurskie", record.GetProperty("voivodeshipName").GetString());
        Assert.Equal(["KIS4"], record.GetProperty("kisCodes").EnumerateArray().Select(k => k.GetString()));

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/registry?voivodeship=28");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again, Ct)).StatusCode);

        // Another status changes the data, so the old tag no longer matches.
        await GrantAsync($"Klaster Nowszy {Guid.NewGuid():N}");
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/registry?voivodeship=28");
        changed.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/registry?format=csv", null)]
    [InlineData("/api/v1/registry", "text/csv")]
    public async Task Anyone_reads_the_open_data_as_csv_by_the_format_or_the_accept_header(string url, string? accept)
    {
        var name = $"Klaster CSV {Guid.NewGuid():N}";
        await GrantAsync(name);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await factory.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("X-Registry-As-Of"));
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("certificateNumber,clusterId,clusterName,coordinatorName,coordinatorNip,voivodeshipTeryt,voivodeshipName,kisCodes,website,validFrom,validTo,state,endedOn,endReason", lines[0]);
        var row = Assert.Single(lines, l => l.Contains(name, StringComparison.Ordinal));
        Assert.Contains(",28,warmińsko-mazurskie,KIS4,", row, StringComparison.Ordinal);
        Assert.Contains(",Active,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integration_with_a_registry_token_reads_the_open_data()
    {
        var name = $"Klaster Integracji {Guid.NewGuid():N}";
        await GrantAsync(name);
        var client = factory.CreateClient();
        var tokenResponse = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = KkkWebFactory.RegistryClient,
            ["client_secret"] = KkkWebFactory.RegistrySecret,
            ["scope"] = "registry",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>(BrowserSession.Json, Ct))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        var response = await client.GetAsync("/api/v1/registry?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var entries = await JsonAsync(await client.GetAsync("/api/v1/registry/entries?search=" + Uri.EscapeDataString(name), Ct));
        Assert.Equal(1, entries.GetProperty("totalCount").GetInt32());

        // The registry token reads the registry; it does not revoke.
        var revoke = await client.PostAsJsonAsync($"/api/v1/kkk-statuses/{Guid.NewGuid()}/revocation", new { reason = "x", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/registry/entries?pageSize=0", "pageSize")]
    [InlineData("/api/v1/registry/entries?page=0", "page")]
    [InlineData("/api/v1/registry/entries?voivodeship=xx", "voivodeship")]
    [InlineData("/api/v1/registry?format=xml", "format")]
    public async Task Bad_paging_filters_or_format_are_400_naming_the_field(string url, string field)
    {
        var response = await factory.CreateClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, e => string.Equals(e, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_map_and_the_card_are_public_and_an_unknown_cluster_is_404()
    {
        var granted = (await GrantAsync($"Klaster Karta {Guid.NewGuid():N}"))[0];
        var client = factory.CreateClient();
        var map = await JsonAsync(await client.GetAsync("/api/v1/registry/map", Ct));
        Assert.Equal(16, map.GetProperty("voivodeships").GetArrayLength());
        var card = await JsonAsync(await client.GetAsync($"/api/v1/registry/clusters/{granted.ClusterId}", Ct));
        Assert.Equal(granted.CertificateNumber, card.GetProperty("history")[0].GetProperty("certificateNumber").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/clusters/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Revocation_without_a_reason_is_409_and_only_officials_may_revoke()
    {
        var granted = (await GrantAsync($"Klaster Odwołany {Guid.NewGuid():N}"))[0];
        var url = $"/api/v1/kkk-statuses/{granted.StatusId}/revocation";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync(url, new { reason = "Powód.", version = 0 }, Ct)).StatusCode);
        var applicant = await ClientAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync(url, new { reason = "Powód.", version = 0 }, Ct)).StatusCode);

        var official = await ClientAsync(Roles.Official);
        var noReason = await official.PostAsJsonAsync(url, new { reason = " ", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Equal("kkk_status.revocation_reason_required", (await JsonAsync(noReason)).GetProperty("code").GetString());
        var stale = await official.PostAsJsonAsync(url, new { reason = "Powód.", version = 5 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var revoked = await official.PostAsJsonAsync(url, new { reason = "Klaster nie spełnia warunków.", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var again = await official.PostAsJsonAsync(url, new { reason = "Jeszcze raz.", version = (await JsonAsync(revoked)).GetProperty("version").GetInt32() }, Ct);
        Assert.Equal("kkk_status.not_active", (await JsonAsync(again)).GetProperty("code").GetString());

        var list = await JsonAsync(await official.GetAsync("/api/v1/kkk-statuses?state=Revoked&search=" + Uri.EscapeDataString(granted.ClusterName), Ct));
        Assert.Equal("Klaster nie spełnia warunków.", list.GetProperty("items")[0].GetProperty("endReason").GetString());
        var card = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/registry/clusters/{granted.ClusterId}", Ct));
        Assert.Equal("Revoked", card.GetProperty("history")[0].GetProperty("state").GetString());
        Assert.Equal("Klaster nie spełnia warunków.", card.GetProperty("history")[0].GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_registry_schema()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var paths = document.GetProperty("paths");
        var get = paths.GetProperty("/api/v1/registry").GetProperty("get");
        Assert.Equal("GetRegistryOpenData", get.GetProperty("operationId").GetString());
        var responses = get.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out var ok), responses.ToString());
        var content = ok.GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("text/csv", out _));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var dataset = schemas.GetProperty("RegistryDataset").GetProperty("properties");
        Assert.Equal(["schemaVersion", "asOf", "generatedAt", "includesHistory", "count", "records"], dataset.EnumerateObject().Select(p => p.Name));
        var record = schemas.GetProperty("RegistryRecord").GetProperty("properties");
        Assert.Equal(
            ["certificateNumber", "clusterId", "clusterName", "coordinatorName", "coordinatorNip", "voivodeshipTeryt", "voivodeshipName", "kisCodes", "website", "validFrom", "validTo", "state", "endedOn", "endReason"],
            record.EnumerateObject().Select(p => p.Name));
        Assert.Contains("last day of validity", record.GetProperty("validTo").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/v1/kkk-statuses/{statusId}/revocation", out _));
    }
}

public sealed class RegistryJobTests(KkkWebFactoryWithLimitsAndJobs factory) : IClassFixture<KkkWebFactoryWithLimitsAndJobs>
{
    [Fact]
    public void Statuses_expire_by_a_nightly_job_in_warsaw_time()
    {
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "kkk-status-expiry");
        Assert.Equal("10 0 * * *", job.Cron);
        Assert.Equal("Europe/Warsaw", job.TimeZoneId);
        Assert.Equal("KkkStatusExpiryJob", job.Job.Type.Name);
    }
}
