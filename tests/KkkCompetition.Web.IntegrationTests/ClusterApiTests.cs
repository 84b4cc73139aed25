using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Testing.Clusters;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The organisation, cluster and member endpoints over HTTP: uploads, the template, and the refusals.</summary>
public sealed class ClusterApiTests(KkkWebFactory factory) : IClassFixture<KkkWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role, string language = "en")
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static int nipSeed = 300_000_000;

    private static string NextNip() => PolishIdentifiers.CompleteNip(Interlocked.Add(ref nipSeed, 7).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A new applicant with an organisation and a cluster; returns the client and the cluster id.</summary>
    private async Task<(HttpClient Client, Guid ClusterId)> ApplicantWithClusterAsync(string language = "en")
    {
        var client = await ClientAsync(Roles.Applicant, language);
        var organisation = await client.PostAsJsonAsync("/api/v1/organisations/mine", new
        {
            name = "Fundacja API",
            nip = NextNip(),
            regon = "123456785",
            krs = "0000012345",
            legalForm = "fundacja",
            address = "ul. Testowa 1, Warszawa",
            voivodeshipTeryt = "14",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, organisation.StatusCode);
        var cluster = await client.PostAsJsonAsync("/api/v1/clusters", new
        {
            name = "Klaster API",
            foundedOn = "2019-04-01",
            voivodeshipTeryt = "14",
            kisCodes = new[] { "KIS1" },
            keyEnablingTechnologies = new[] { "AI" },
            website = "https://klaster.example.pl",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, cluster.StatusCode);
        return (client, (await JsonAsync(cluster)).GetProperty("id").GetGuid());
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task The_openapi_document_lists_the_cluster_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organisations/mine", paths);
        Assert.Contains("/api/v1/clusters/{id}/members", paths);
        Assert.Contains("/api/v1/clusters/{id}/members/import", paths);
        Assert.Contains("/api/v1/clusters/member-import-template", paths);
    }

    [Fact]
    public async Task A_wrong_regon_digit_is_400_naming_the_field_and_the_organisation_is_not_registered()
    {
        var client = await ClientAsync(Roles.Applicant);

        var response = await client.PostAsJsonAsync("/api/v1/organisations/mine", new
        {
            name = "Fundacja",
            nip = NextNip(),
            regon = "123456786",
            legalForm = "fundacja",
            address = "Warszawa",
            voivodeshipTeryt = "14",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["regon"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("REGON", errors.GetProperty("regon")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organisations/mine", Ct)).StatusCode);
    }

    [Fact]
    public async Task Csv_and_xlsx_uploads_import_the_members_and_the_list_pages_and_filters_them()
    {
        var (client, clusterId) = await ApplicantWithClusterAsync();

        var csv = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload(MemberFileBuilder.Valid(60).ToCsv(), "czlonkowie.csv", "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(60, (await JsonAsync(csv)).GetProperty("imported").GetInt32());

        var xlsx = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import?mode=append", Upload(MemberFileBuilder.Valid(20, nipSeed: 910_000_000).ToXlsx(), "czlonkowie.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var body = await JsonAsync(xlsx);
        Assert.Equal(("Append", 20), (body.GetProperty("mode").GetString(), body.GetProperty("imported").GetInt32()));

        var page = await JsonAsync(await client.GetAsync($"/api/v1/clusters/{clusterId}/members?page=2&pageSize=30&sortBy=Nip&descending=true", Ct));
        Assert.Equal((80, 30), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items").GetArrayLength()));
        var filtered = await JsonAsync(await client.GetAsync($"/api/v1/clusters/{clusterId}/members?type=LocalGovernment&search=członek", Ct));
        Assert.Equal(8, filtered.GetProperty("totalCount").GetInt32());
        Assert.All(filtered.GetProperty("items").EnumerateArray(), m => Assert.Equal("LocalGovernment", m.GetProperty("type").GetString()));
        Assert.Equal(80, (await JsonAsync(await client.GetAsync($"/api/v1/clusters/{clusterId}", Ct))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task A_bad_nip_in_row_37_is_400_with_the_row_report_in_the_callers_language_and_nothing_is_imported()
    {
        var (client, clusterId) = await ApplicantWithClusterAsync(language: "pl");
        var file = MemberFileBuilder.Valid(60);
        var bad = MemberFileBuilder.Spoil(file.Nip(37));
        file.Set(37, Application.Clusters.MemberColumn.Nip, bad);

        var response = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload(file.ToXlsx(), "czlonkowie.xlsx"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("cluster.import_rejected", problem.GetProperty("code").GetString());
        Assert.Equal(1, problem.GetProperty("errorCount").GetInt32());
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((37, "NIP", "import.invalid_nip", bad), (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString(), row.GetProperty("code").GetString(), row.GetProperty("value").GetString()));
        Assert.Contains("NIP", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("cyfr", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await JsonAsync(await client.GetAsync($"/api/v1/clusters/{clusterId}/members", Ct))).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_templates_download_without_signing_in_in_both_formats()
    {
        var anonymous = factory.CreateClient();

        var xlsx = await anonymous.GetAsync("/api/v1/clusters/member-import-template?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("szablon-czlonkow-klastra.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);

        var csv = await anonymous.GetAsync("/api/v1/clusters/member-import-template?format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Nazwa;NIP;Typ;Wielkość;Województwo (TERYT);Data przystąpienia;Zatrudnienie", (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF'), StringComparison.Ordinal);

        var wrong = await anonymous.GetAsync("/api/v1/clusters/member-import-template?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Someone_elses_cluster_is_404_and_an_official_reads_it_but_cannot_change_it()
    {
        var (owner, clusterId) = await ApplicantWithClusterAsync();
        var stranger = await ClientAsync(Roles.Applicant);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/clusters/{clusterId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/clusters/{clusterId}/members", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload(MemberFileBuilder.Valid(3).ToCsv(), "a.csv"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members", Member(NextNip()), Ct)).StatusCode);
        Assert.Equal(0, (await JsonAsync(await stranger.GetAsync("/api/v1/clusters", Ct))).GetProperty("totalCount").GetInt32());

        var official = await ClientAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/clusters/{clusterId}", Ct)).StatusCode);
        var organisationId = (await JsonAsync(await owner.GetAsync("/api/v1/organisations/mine", Ct))).GetProperty("id").GetGuid();
        Assert.Equal("Fundacja API", (await JsonAsync(await official.GetAsync($"/api/v1/organisations/{organisationId}", Ct))).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members", Member(NextNip()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/organisations/{Guid.CreateVersion7()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_nip_is_409_and_a_bad_member_is_400_naming_the_fields()
    {
        var (client, clusterId) = await ApplicantWithClusterAsync();
        var nip = NextNip();
        var added = await client.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members", Member(nip), Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var duplicate = await client.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members", Member(nip) with { Type = "Other", Size = null }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("cluster.member_duplicate_nip", (await JsonAsync(duplicate)).GetProperty("code").GetString());

        var bad = await client.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members", Member(MemberFileBuilder.Spoil(NextNip())) with { Size = null, Employment = -5 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["employment", "nip", "size"], (await JsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());

        var member = await JsonAsync(added);
        var edited = await client.PutAsJsonAsync($"/api/v1/clusters/{clusterId}/members/{member.GetProperty("id").GetGuid()}", Member(nip) with { Name = "Zmieniona", Version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/clusters/{clusterId}/members/{member.GetProperty("id").GetGuid()}", Member(nip) with { Name = "Inna", Version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/clusters/{clusterId}/members/{member.GetProperty("id").GetGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_upload_that_is_not_csv_or_xlsx_or_too_large_is_400_naming_the_file()
    {
        var (client, clusterId) = await ApplicantWithClusterAsync();

        var exe = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload("MZ"u8.ToArray(), "program.exe"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.True((await JsonAsync(exe)).GetProperty("errors").TryGetProperty("file", out _));

        var renamed = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload(MemberFileBuilder.Valid(2).ToCsv(), "plik.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.True((await JsonAsync(renamed)).GetProperty("errors").TryGetProperty("file", out _));

        var large = new byte[(10 * 1024 * 1024) + 1024];
        Array.Fill(large, (byte)'a');
        var tooLarge = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import", Upload(large, "duzy.csv"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("10 MB", (await JsonAsync(tooLarge)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var mode = await client.PostAsync($"/api/v1/clusters/{clusterId}/members/import?mode=merge", Upload(MemberFileBuilder.Valid(2).ToCsv(), "a.csv"), Ct);
        Assert.True((await JsonAsync(mode)).GetProperty("errors").TryGetProperty("mode", out _));
        Assert.Equal(0, (await JsonAsync(await client.GetAsync($"/api/v1/clusters/{clusterId}", Ct))).GetProperty("memberCount").GetInt32());
    }

    private static MemberRequest Member(string nip) => new("Firma API sp. z o.o.", nip, "Enterprise", "Small", "14", "2021-01-01", 12, 0);

    private sealed record MemberRequest(string Name, string Nip, string Type, string? Size, string VoivodeshipTeryt, string JoinedOn, int Employment, int Version);
}
