using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Testing.Applications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>The real host with an attachment store in a folder of its own.</summary>
public sealed class ApplicationWebFactory : KkkWebFactory
{
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "kkk-it-files", Guid.CreateVersion7().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("KKK:Files:Root", FilesRoot);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }
}

/// <summary>The application endpoints over HTTP: uploads with their limits and refusals, the answers' codes and fields, the receipt.</summary>
public sealed class ApplicationApiTests(ApplicationWebFactory factory) : IClassFixture<ApplicationWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _seed = 30;

    private async Task<(HttpClient Client, Guid UserId)> SignedInAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var tokens = await new BrowserSession(factory.CreateBrowser()).AuthorizationCodeFlowAsync(email, KkkWebFactory.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return (client, user!.Id);
    }

    /// <summary>An applicant with a cluster of 60 members, signed in, and an open competition.</summary>
    private async Task<(HttpClient Client, Guid CompetitionId)> ApplicantAsync()
    {
        var (client, userId) = await SignedInAsync(Roles.Applicant);
        var seed = Interlocked.Increment(ref _seed);
        await ApplicationArrange.CreateClusterAsync(factory.Services, userId, seed, cancellationToken: Ct);

        // A competition of its own per test (a year has two rounds at most).
        var competitionId = await ApplicationArrange.CreateOpenCompetitionAsync(factory.Services, DateTimeOffset.UtcNow, year: 2000 + seed, cancellationToken: Ct);
        return (client, competitionId);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<Guid> StartAsync(HttpClient client, Guid competitionId)
    {
        var response = await client.PostAsync($"/api/v1/competitions/{competitionId}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("applicationId").GetGuid();
    }

    private static MultipartFormDataContent Upload(string kind, string fileName, HttpContent file)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(factory.FilesRoot) ? Directory.GetFiles(factory.FilesRoot, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task The_openapi_document_lists_the_application_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/competitions/{competitionId}/applications", "/api/v1/applications", "/api/v1/applications/{id}",
            "/api/v1/applications/{id}/completeness", "/api/v1/applications/{id}/indicators/{year}", "/api/v1/applications/{id}/narratives/{areaCode}",
            "/api/v1/applications/{id}/attachments", "/api/v1/applications/{id}/attachments/{attachmentId}", "/api/v1/applications/{id}/submission",
            "/api/v1/applications/{id}/receipt", "/api/v1/applications/{id}/withdrawal",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var upload = paths.GetProperty("/api/v1/applications/{id}/attachments").GetProperty("post");
        Assert.Equal("UploadApplicationAttachment", upload.GetProperty("operationId").GetString());
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }

    [Fact]
    public async Task A_25_MB_attachment_is_refused_with_its_code_and_nothing_is_stored()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);
        var big = new byte[25 * 1024 * 1024];
        SampleFiles.Pdf().CopyTo(big, 0);

        var response = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload("Statute", "statut.pdf", new ByteArrayContent(big)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("attachment.too_large", problem.GetProperty("code").GetString());
        Assert.Contains("20", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(StoredFiles(), f => new FileInfo(f).Length > 1024 * 1024);
        Assert.Empty((await JsonAsync(await client.GetAsync($"/api/v1/applications/{id}", Ct))).GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task An_oversized_body_without_a_declared_length_is_cut_off_with_the_same_code()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);
        var big = new byte[21 * 1024 * 1024];
        SampleFiles.Pdf().CopyTo(big, 0);

        // A stream of unknown length: sent chunked, so only counting while reading can stop it.
        var response = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload("Statute", "statut.pdf", new StreamContent(new UnknownLengthStream(big))), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("attachment.too_large", (await JsonAsync(response)).GetProperty("code").GetString());
        Assert.DoesNotContain(StoredFiles(), f => new FileInfo(f).Length > 1024 * 1024);
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_by_its_content()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);

        var response = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload("Statute", "statut.pdf", new ByteArrayContent(SampleFiles.Exe())), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("attachment.type_not_allowed", problem.GetProperty("code").GetString());
        Assert.Contains("PDF", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_cut_to_its_last_segment_and_nothing_is_written_outside_the_store()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);
        var outside = Path.GetFullPath(Path.Combine(factory.FilesRoot, "..", "..", "etc", "passwd.pdf"));

        var response = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload("Statute", "../../etc/passwd.pdf", new ByteArrayContent(SampleFiles.Pdf("ścieżka"))), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = await JsonAsync(response);
        var attachment = uploaded.GetProperty("attachment");
        Assert.Equal("passwd.pdf", attachment.GetProperty("fileName").GetString());
        Assert.False(File.Exists(outside));
        var sha = attachment.GetProperty("sha256").GetString()!;
        Assert.Contains(Path.Combine(factory.FilesRoot, sha[..2], sha[2..4], sha), StoredFiles());
        Assert.All(StoredFiles(), f => Assert.StartsWith(factory.FilesRoot, f, StringComparison.Ordinal));

        var download = await client.GetAsync($"/api/v1/applications/{id}/attachments/{attachment.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("passwd.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(SampleFiles.Pdf("ścieżka"), await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_fields()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);

        var indicators = await client.PutAsJsonAsync($"/api/v1/applications/{id}/indicators/2025", new
        {
            values = new { employment = -1, exportSharePercent = 120 },
            version = 0,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, indicators.StatusCode);
        var fields = (await JsonAsync(indicators)).GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToList();
        Assert.Contains("values.employment", fields);
        Assert.Contains("values.exportsharepercent", fields);

        var withdrawal = await client.PostAsJsonAsync($"/api/v1/applications/{id}/withdrawal", new { reason = "", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withdrawal.StatusCode);
        Assert.True((await JsonAsync(withdrawal)).GetProperty("errors").TryGetProperty("reason", out _));

        var noKind = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload("Passport", "a.pdf", new ByteArrayContent(SampleFiles.Pdf())), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.True((await JsonAsync(noKind)).GetProperty("errors").TryGetProperty("kind", out _));

        var notMultipart = await client.PostAsync($"/api/v1/applications/{id}/attachments", new ByteArrayContent(SampleFiles.Pdf()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.True((await JsonAsync(notMultipart)).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_stale_autosave_is_409_and_a_second_draft_names_the_first()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);

        var first = await client.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/A", new { text = "Karta pierwsza.", version = 0 }, Ct);
        Assert.Equal(1, (await JsonAsync(first)).GetProperty("version").GetInt32());
        var stale = await client.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/A", new { text = "Karta druga.", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale_version", (await JsonAsync(stale)).GetProperty("code").GetString());

        var again = await client.PostAsync($"/api/v1/competitions/{competitionId}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await JsonAsync(again);
        Assert.Equal("application.already_started", problem.GetProperty("code").GetString());
        Assert.Equal(id, problem.GetProperty("applicationId").GetGuid());
    }

    [Fact]
    public async Task Incomplete_submission_is_409_listing_what_is_missing()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);

        var response = await client.PostAsync($"/api/v1/applications/{id}/submission", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("application.incomplete", problem.GetProperty("code").GetString());
        var missing = problem.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("section").GetString()).ToList();
        Assert.Contains("indicators", missing);
        Assert.Contains("narrative:E", missing);
        Assert.Contains("attachments:CoordinatorDeclaration", missing);
    }

    [Fact]
    public async Task A_filled_application_is_submitted_and_its_receipt_is_the_same_pdf_on_every_download()
    {
        var (client, competitionId) = await ApplicantAsync();
        var id = await StartAsync(client, competitionId);
        var application = await JsonAsync(await client.GetAsync($"/api/v1/applications/{id}", Ct));
        var version = application.GetProperty("version").GetInt32();
        foreach (var year in application.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("year").GetInt32()))
        {
            var saved = await client.PutAsJsonAsync($"/api/v1/applications/{id}/indicators/{year}", new { values = ApplicationArrange.Indicators, version }, Ct);
            version = (await JsonAsync(saved)).GetProperty("version").GetInt32();
        }

        foreach (var area in new[] { "A", "B", "C", "D", "E" })
        {
            var saved = await client.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/{area}", new { text = $"Obszar {area}.", version }, Ct);
            version = (await JsonAsync(saved)).GetProperty("version").GetInt32();
        }

        foreach (var kind in new[] { "Statute", "DevelopmentStrategy", "CoordinatorDeclaration" })
        {
            var uploaded = await client.PostAsync($"/api/v1/applications/{id}/attachments", Upload(kind, $"{kind}.pdf", new ByteArrayContent(SampleFiles.Pdf(kind))), Ct);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        var submitted = await client.PostAsync($"/api/v1/applications/{id}/submission", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = await JsonAsync(submitted);
        Assert.Matches(@"^KKK/\d{4}/1/0001$", receipt.GetProperty("number").GetString());
        var again = await JsonAsync(await client.PostAsync($"/api/v1/applications/{id}/submission", null, Ct));
        Assert.Equal(receipt.GetProperty("sha256").GetString(), again.GetProperty("sha256").GetString());
        Assert.Equal(receipt.GetProperty("submittedAt").GetDateTimeOffset(), again.GetProperty("submittedAt").GetDateTimeOffset());

        var first = await client.GetAsync($"/api/v1/applications/{id}/receipt", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType!.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/api/v1/applications/{id}/receipt", Ct));

        var edit = await client.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/A", new { text = "Po złożeniu.", version = receipt.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("application.not_editable", (await JsonAsync(edit)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Someone_elses_application_is_404_an_official_reads_it_and_may_not_change_it()
    {
        var (owner, competitionId) = await ApplicantAsync();
        var id = await StartAsync(owner, competitionId);
        var (stranger, _) = await SignedInAsync(Roles.Applicant);
        var (official, _) = await SignedInAsync(Roles.Official);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/A", new { text = "x", version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/applications/{id}/submission", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{id}/receipt", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync($"/api/v1/applications/{id}/narratives/A", new { text = "x", version = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/applications/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_browser_downloads_the_receipt_with_its_sign_in_cookie_and_is_sent_to_sign_in_without_it()
    {
        var email = await factory.CreateUserAsync(Roles.Applicant);
        Guid userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        }

        var seed = Interlocked.Increment(ref _seed);
        await ApplicationArrange.CreateClusterAsync(factory.Services, userId, seed, cancellationToken: Ct);
        var competitionId = await ApplicationArrange.CreateOpenCompetitionAsync(factory.Services, DateTimeOffset.UtcNow, year: 2000 + seed, cancellationToken: Ct);
        var owner = new Application.Common.Security.FixedUser(userId, email, [Roles.Applicant]);
        var id = (await ApplicationArrange.StartAsync(factory.Services, owner, competitionId, Ct)).ApplicationId;
        await ApplicationArrange.FillAsync(factory.Services, owner, id, Ct);
        await Testing.TestUsers.SendAsAsync(factory.Services, owner, new Application.Applications.SubmitApplication(id), Ct);

        var anonymous = await factory.CreateBrowser().GetAsync($"/files/applications/{id}/receipt", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var browser = new BrowserSession(factory.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, KkkWebFactory.Password)).StatusCode);
        var receipt = await browser.Client.GetAsync($"/files/applications/{id}/receipt", Ct);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString((await receipt.Content.ReadAsByteArrayAsync(Ct))[..5]));
        Assert.Equal("UPO-" + (await JsonAsync(await (await SignedInAsync(Roles.Official)).Client.GetAsync($"/api/v1/applications/{id}", Ct))).GetProperty("number").GetString()!.Replace('/', '-') + ".pdf",
            receipt.Content.Headers.ContentDisposition!.FileNameStar ?? receipt.Content.Headers.ContentDisposition.FileName);
    }

    /// <summary>A readable stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
