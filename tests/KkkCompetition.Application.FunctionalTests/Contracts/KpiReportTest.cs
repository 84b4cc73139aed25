using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Files;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>A contract arranged for the report tests: its coordinator and official in charge as callers, and its reports by year.</summary>
public sealed record ReportContract(ArrangedContract Contract, FixedUser Coordinator, FixedUser Official)
{
    /// <summary>The schedule's order: the annual reports by year, then the final one.</summary>
    public Guid Report(int? year) => year is { } y ? Contract.ReportIds[y - 2025] : Contract.ReportIds[^1];
}

/// <summary>
/// Base of the KPI report tests: the product's container on the fixture's database with an attachment store of its own, and
/// active contracts for a 2025–2028 phase (<see cref="ContractArrange"/>), whose 2025 and 2026 reports can be filed on the test
/// clock's day (2027-01-15): the 2025 one 290 days after its due day, the 2026 one before it (2027-03-31).
/// </summary>
public abstract class KpiReportTest(DatabaseFixture database) : FunctionalTest(database), IAsyncDisposable
{
    protected const string Narrative = "Klaster zrealizował plan roku: nowe projekty B+R, dwie inwestycje zagraniczne, przyjęto nowych członków.";

    /// <summary>A valid NIP of an SME and of a large enterprise.</summary>
    protected const string SmeNip = "5260250274";

    protected const string LargeNip = "7740001454";

    private ServiceProvider? _app;

    protected string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "kkk-files-tests", Guid.CreateVersion7().ToString("N"));

    protected ServiceProvider App => _app ??= TestServices.Build(Database.Provider, Database.ConnectionString, Database.Clock,
        services => services.Configure<FileStoreOptions>(o => o.Root = FilesRoot));

    /// <summary>Another applicant with an account and nothing of this contract.</summary>
    protected static FixedUser Stranger { get; } = new(Guid.Parse("0195f000-0000-7000-8000-00000000b0b0"), "obcy@klaster.example.pl", [Roles.Applicant], "192.0.2.77", "stranger");

    private int _officials;
    private ContractArrange? _contracts;

    /// <summary>One arrangement per test: its clusters share a competition (a year holds at most two).</summary>
    protected ContractArrange Contracts => _contracts ??= new ContractArrange(App, Database.Clock);

    /// <summary>An active contract whose official in charge has an account (so that his notices are written).</summary>
    protected async Task<ReportContract> ContractAsync(ContractShape? shape = null)
    {
        var official = await new ScoringArrange(App, Database.Clock)
            .OfficialAccountAsync($"urzednik{Interlocked.Increment(ref _officials)}@ministerstwo.example.gov.pl", Ct);
        var contract = await Contracts.CreateAsync(shape, Ct);
        await using (var scope = App.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var loaded = await db.ProgrammeContracts.SingleAsync(c => c.Id == contract.ContractId, Ct);
            loaded.ChangeResponsibleOfficial(official.UserId!.Value, Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var coordinator = new FixedUser(contract.CoordinatorUserId, $"coordinator-{contract.CoordinatorUserId:N}@klaster.example.pl", [Roles.Applicant], "192.0.2.20", "coordinator");
        return new ReportContract(contract, coordinator, official);
    }

    protected Task<T> As<T>(ICurrentUser user, Mediator.ICommand<T> command) => App.SendAsAsync(user, command, Ct);

    protected Task<T> As<T>(ICurrentUser user, Mediator.IQuery<T> query) => App.SendAsAsync(user, query, Ct);

    protected Task<KpiReport> ReportAsync(Guid reportId) => Read(db => db.KpiReports.AsNoTracking().SingleAsync(r => r.Id == reportId, Ct));

    protected Task<List<OutboxMessage>> OutboxAsync(string templateKey) =>
        Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == templateKey).OrderBy(m => m.CreatedAt).ToListAsync(Ct));

    /// <summary>Each KPI of the report at <paramref name="share"/> of its target, explained when <paramref name="explain"/>.</summary>
    protected async Task<IReadOnlyList<KpiReportLineInput>> LinesAsync(ReportContract c, Guid reportId, decimal share = 1m, bool explain = false)
    {
        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        return [.. view.Lines.Select(l => new KpiReportLineInput(l.Code, decimal.Round((l.Target ?? 0) * share, 2), explain ? "Opóźnienia projektów członków." : null))];
    }

    protected static IReadOnlyList<CascadeDisbursement> Disbursements(decimal sme, decimal large) =>
    [
        new(SmeNip, "Mała Firma sp. z o.o.", EnterpriseSize.Small, sme),
        new(LargeNip, "Duża Firma S.A.", EnterpriseSize.Large, large),
    ];

    /// <summary>Fills the report with every KPI at its target, the narrative and no disbursements; answers the new version.</summary>
    protected async Task<int> FillAsync(ReportContract c, Guid reportId, decimal share = 1m, bool explain = false, IReadOnlyList<CascadeDisbursement>? disbursements = null)
    {
        var view = await As(c.Coordinator, new GetKpiReport(reportId));
        return await As(c.Coordinator, new SaveKpiReport(reportId, await LinesAsync(c, reportId, share, explain), Narrative, disbursements ?? [], view.Version));
    }

    protected async Task<KpiReportEvidenceUploaded> UploadAsync(ICurrentUser user, Guid reportId, string fileName, byte[] content)
    {
        await using var staged = await App.GetRequiredService<IAttachmentStore>().StageAsync(new MemoryStream(content), Ct);
        return await As(user, new UploadKpiReportEvidence(reportId, fileName, staged));
    }

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
