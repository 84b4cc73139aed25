using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Files;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Application.FunctionalTests.Applications;

/// <summary>
/// Base of the application tests: the product's container on the fixture's database with an attachment store of its own
/// (a fresh folder per test, so "nothing stored" can be checked), an applicant with a cluster of 60 members and an open
/// competition of 2027, round 1.
/// </summary>
public abstract class ApplicationTest(DatabaseFixture database) : FunctionalTest(database), IAsyncDisposable
{
    /// <summary>A second applicant with a cluster of his own.</summary>
    protected static readonly FixedUser OtherApplicant = new(Guid.Parse("0195f000-0000-7000-8000-00000000a002"), "other-applicant@test.kkk.gov.pl", [Roles.Applicant], "192.0.2.12", "test-other-applicant");

    private ServiceProvider? _app;

    protected string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "kkk-files-tests", Guid.CreateVersion7().ToString("N"));

    /// <summary>The scanner the store asks; tests may make it refuse.</summary>
    protected TestVirusScanner Scanner { get; } = new();

    /// <summary>The product's services, with this test's file store.</summary>
    protected ServiceProvider App => _app ??= TestServices.Build(Database.Provider, Database.ConnectionString, Database.Clock, services =>
    {
        services.Configure<FileStoreOptions>(o => o.Root = FilesRoot);
        services.Replace(ServiceDescriptor.Singleton<IVirusScanner>(Scanner));
    });

    protected static FixedUser Applicant => TestUsers.Applicant;

    protected DateTimeOffset Now => Database.Clock.GetUtcNow();

    /// <summary>The applicant (with an account, for notices) and a cluster; an open competition; answers the competition.</summary>
    protected async Task<Guid> ArrangeAsync(DateTimeOffset? closesAt = null)
    {
        await ApplicationArrange.EnsureUserAsync(App, Applicant.UserId!.Value, Applicant.UserName, cancellationToken: Ct);
        await ApplicationArrange.CreateClusterAsync(App, Applicant.UserId!.Value, seed: 1, cancellationToken: Ct);
        return await ApplicationArrange.CreateOpenCompetitionAsync(App, Now, closesAt: closesAt, cancellationToken: Ct);
    }

    protected async Task<DraftStarted> StartDraftAsync(Guid competitionId, FixedUser? owner = null) =>
        await ApplicationArrange.StartAsync(App, owner ?? Applicant, competitionId, Ct);

    protected Task<int> FillAsync(Guid applicationId, FixedUser? owner = null) => ApplicationArrange.FillAsync(App, owner ?? Applicant, applicationId, Ct);

    protected Task<AttachmentUploaded> UploadAsync(Guid applicationId, AttachmentKind kind, string fileName, byte[] content, FixedUser? owner = null) =>
        ApplicationArrange.UploadAsync(App, owner ?? Applicant, applicationId, kind, fileName, content, Ct);

    protected Task<T> As<T>(ICurrentUser user, Mediator.ICommand<T> command) => App.SendAsAsync(user, command, Ct);

    protected Task<T> As<T>(ICurrentUser user, Mediator.IQuery<T> query) => App.SendAsAsync(user, query, Ct);

    protected Task<KkkApplication> LoadAsync(Guid applicationId) =>
        Read(db => db.Applications.AsNoTracking().AsSplitQuery().SingleAsync(a => a.Id == applicationId, Ct));

    /// <summary>Every file under the store's folder, staging included.</summary>
    protected IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(FilesRoot) ? Directory.GetFiles(FilesRoot, "*", SearchOption.AllDirectories) : [];

    public new async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A virus scanner that accepts everything until told to refuse; it remembers what it was shown.</summary>
public sealed class TestVirusScanner : IVirusScanner
{
    public string? RefuseWith { get; set; }

    public int Scanned { get; private set; }

    public Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        Scanned++;
        return Task.FromResult(RefuseWith is { } threat ? VirusScanResult.Infected(threat) : VirusScanResult.Clean);
    }
}
