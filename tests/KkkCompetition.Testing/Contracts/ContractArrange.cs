using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Contracts;

public enum ArrangedStage
{
    /// <summary>A draft with the mandatory KPIs only, no targets and no budget.</summary>
    EmptyDraft,

    /// <summary>A draft with every target and budget year filled in, not signed.</summary>
    CompleteDraft,

    /// <summary>Signed by the coordinator and the official, with its reporting schedule.</summary>
#pragma warning disable CA1720 // The contract's status, not a type.
    Signed,
#pragma warning restore CA1720

    /// <summary>Signed and in force.</summary>
    Active,
}

/// <summary>
/// What to vary in an arranged contract; the defaults give an active contract for the whole of a 2025–2028 phase, so that
/// on the test clock's day (2027-01-15) the reports of 2025 and 2026 can be filed, and on today's real date that of 2025.
/// </summary>
public sealed record ContractShape
{
    public string ClusterName { get; init; } = "Klaster Kontraktowy";
    public string Voivodeship { get; init; } = "14";
    public IReadOnlyList<string> KisCodes { get; init; } = ["KIS1"];
    public int Members { get; init; } = 3;

    /// <summary>The phase: the one holding this day, or one defined from it with <see cref="PhaseYears"/> and <see cref="PhaseNumber"/>.</summary>
    public DateOnly PhaseStartsOn { get; init; } = new(2025, 1, 1);

    public int PhaseYears { get; init; } = 4;
    public int PhaseNumber { get; init; } = 1;

    /// <summary>The contract's dates; null: the phase's.</summary>
    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public ArrangedStage Stage { get; init; } = ArrangedStage.Active;

    /// <summary>Optional KPIs of the catalogue to add beside the mandatory ones.</summary>
    public IReadOnlyList<string> OptionalKpis { get; init; } = [];

    /// <summary>The target of a KPI in a year; null: <see cref="ContractArrange.DefaultTarget"/>.</summary>
    public Func<string, int, decimal>? Target { get; init; }

    /// <summary>The day the contract is drafted, signed and activated on; null: the clock's Warsaw day.</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>A contract made by <see cref="ContractArrange"/>, with its cluster, coordinator (the organisation's owner) and reports.</summary>
public sealed record ArrangedContract(
    Guid ContractId,
    string Number,
    Guid ClusterId,
    Guid CoordinatorUserId,
    Guid PhaseId,
    Guid KkkStatusId,
    IReadOnlyList<Guid> ReportIds);

/// <summary>
/// Programme contracts built the domain's way, for the tests and benchmarks of contracts, reports and achievement, without
/// the use cases: a certified cluster from <see cref="CertifiedClusters"/> (a status valid to the phase's end), the phase,
/// <c>ProgrammeContract.Draft</c> with the catalogue's mandatory KPIs, the plan filled in, signed, activated, and its
/// reports scheduled (<c>KpiReport.Schedule</c>). <see cref="AcceptReportAsync"/> fills in, submits and accepts a report.
/// </summary>
public sealed class ContractArrange(IServiceProvider services, TimeProvider clock, int? competitionYear = null)
{
    private readonly CertifiedClusters _clusters = new(services, clock, competitionYear);

    public static decimal DefaultTarget(string kpiCode, int year) => kpiCode switch
    {
        "KPI-RD" => 10,
        "KPI-EMP" => 1000,
        "KPI-INN" => 6,
        "KPI-FDI" => 2_000_000,
        "KPI-MEM" => 60,
        "KPI-SME" => 75,
        "KPI-CO2" => 500,
        _ => 20,
    };

    public static BudgetYear DefaultBudget(int year) => new(year, 400_000, 100_000, 80_000, 60_000, 1_000_000, 800_000);

    public async Task<ArrangedContract> CreateAsync(ContractShape? shape = null, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([shape ?? new ContractShape()], cancellationToken))[0];

    public async Task<IReadOnlyList<ArrangedContract>> CreateManyAsync(IReadOnlyList<ContractShape> shapes, CancellationToken cancellationToken = default)
    {
        var result = new List<ArrangedContract>(shapes.Count);
        foreach (var group in shapes.GroupBy(s => (s.PhaseStartsOn, s.PhaseYears, s.PhaseNumber)))
        {
            var (phaseId, phaseStart, phaseEnd) = await PhaseAsync(group.Key.PhaseStartsOn, group.Key.PhaseYears, group.Key.PhaseNumber, cancellationToken);
            foreach (var chunk in group.Chunk(100))
            {
                var statuses = await _clusters.GrantManyAsync(
                    [.. chunk.Select(s => new CertifiedShape
                    {
                        ClusterName = s.ClusterName,
                        Voivodeship = s.Voivodeship,
                        KisCodes = s.KisCodes,
                        Members = s.Members,
                        CertificateDate = phaseStart,
                        PhaseEndsOn = phaseEnd,
                    })],
                    cancellationToken);

                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var phase = await db.ProgrammePhases.SingleAsync(p => p.Id == phaseId, cancellationToken);
                var catalogue = await db.KpiDefinitions.AsNoTracking().OrderBy(k => k.Code).ToListAsync(cancellationToken);
                var voivodeships = await db.Voivodeships.AsNoTracking().ToDictionaryAsync(v => v.Teryt, v => v.Name, cancellationToken);
                var ids = statuses.Select(s => s.StatusId).ToList();
                var granted = await db.KkkStatuses.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

                // Numbered on from the phase's last number, as drafting does, so arranged and drafted contracts never collide.
                var sequence = (await db.ProgrammeContracts.Where(c => c.PhaseId == phase.Id).Select(c => c.Number).ToListAsync(cancellationToken))
                    .Select(n => int.Parse(n[(n.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
                for (var i = 0; i < chunk.Length; i++)
                {
                    var shape = chunk[i];
                    var now = clock.GetUtcNow();
                    var today = shape.Today ?? WorkingDayCalendar.ToWarsawDate(now);
                    var status = granted[statuses[i].StatusId];
                    var contract = ProgrammeContract.Draft(
                        ProgrammeContract.FormatNumber(phase.Number, ++sequence),
                        phase,
                        status,
                        ContractParties.RegionPl(voivodeships[shape.Voivodeship]),
                        shape.StartsOn ?? phase.StartsOn,
                        shape.EndsOn ?? phase.EndsOn,
                        ReportingTerms.Default,
                        [.. catalogue.Where(k => k.IsMandatory).Select(k => ContractKpi.FromCatalogue(k, null))],
                        contractInPhase: false,
                        Guid.CreateVersion7(),
                        today,
                        now);
                    foreach (var code in shape.OptionalKpis)
                    {
                        contract.AddKpi(ContractKpi.FromCatalogue(catalogue.Single(k => k.Code == code), null), now);
                    }

                    if (shape.Stage != ArrangedStage.EmptyDraft)
                    {
                        Fill(contract, shape.Target ?? DefaultTarget, now);
                    }

                    var reports = new List<KpiReport>();
                    if (shape.Stage is ArrangedStage.Signed or ArrangedStage.Active)
                    {
                        contract.SignAsCoordinator(statuses[i].CoordinatorUserId, now);
                        contract.Sign(Guid.CreateVersion7(), today, today, now);
                        reports.AddRange(ReportingSchedule.For(contract).Select(entry => KpiReport.Schedule(contract.Id, entry)));
                    }

                    if (shape.Stage == ArrangedStage.Active)
                    {
                        contract.Activate(today < contract.StartsOn ? contract.StartsOn : today, now);
                    }

                    db.ProgrammeContracts.Add(contract);
                    db.KpiReports.AddRange(reports);
                    result.Add(new ArrangedContract(
                        contract.Id, contract.Number, status.ClusterId, statuses[i].CoordinatorUserId, phase.Id, status.Id, [.. reports.Select(r => r.Id)]));
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Every KPI gets its target for every year, and every year the default budget.</summary>
    public static void Fill(ProgrammeContract contract, Func<string, int, decimal> target, DateTimeOffset now)
    {
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            contract.SetKpi(kpi.Code, kpi.Baseline, kpi.Weight, [.. contract.Years.Select(y => new KpiTarget(kpi.Code, y, target(kpi.Code, y)))], now);
        }

        contract.SetBudget([.. contract.Years.Select(DefaultBudget)], now);
    }

    /// <summary>
    /// Fills in the annual report of <paramref name="year"/> (or the final report) with each KPI's actual at
    /// <paramref name="share"/> of its target (justified where needed), submits it on the day after its period and accepts it.
    /// </summary>
    public async Task AcceptReportAsync(Guid contractId, int? year, decimal share = 1m, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var contract = await db.ProgrammeContracts.SingleAsync(c => c.Id == contractId, cancellationToken);
        var report = await db.KpiReports.SingleAsync(r => r.ContractId == contractId && r.Year == year && r.Kind == (year == null ? ReportKind.Final : ReportKind.Annual), cancellationToken);
        var now = clock.GetUtcNow();
        FillAndAccept(contract, report, share, now);
        await ContractAchievements.RefreshAsync(db, contract, report, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The domain steps of <see cref="AcceptReportAsync"/> on loaded aggregates (the benchmarks batch them).</summary>
    public static void FillAndAccept(ProgrammeContract contract, KpiReport report, decimal share, DateTimeOffset now)
    {
        var (kpis, targets) = report.PlanFor(contract);
        var day = report.PeriodEnd.AddDays(1);
        var lines = kpis.Select(k =>
        {
            var actual = decimal.Round((targets[k.Code] ?? 0) * (k.Direction == Domain.ReferenceData.KpiDirection.HigherIsBetter ? share : share == 0 ? 1 : 1 / share), 2);
            if (k.IsPercent)
            {
                actual = Math.Min(actual, 100);
            }

            return new KpiReportLineInput(k.Code, actual, share < 1 ? "Opóźnienia w realizacji projektów członków klastra." : null);
        }).ToList();
        report.Save(contract, lines, "Sprawozdanie z realizacji kontraktu w okresie.", [], day, now);
        report.Submit(contract, contract.CoordinatorSignedBy ?? Guid.CreateVersion7(), day, now);
        report.Accept(Guid.CreateVersion7(), now);
    }

    /// <summary>
    /// The phase holding <paramref name="startsOn"/> (the demo data's, or an earlier test's), or a new one from that day —
    /// also for a test that drafts its contract in the browser and needs only the phase and a certified cluster.
    /// </summary>
    public async Task<(Guid Id, DateOnly StartsOn, DateOnly EndsOn)> PhaseAsync(DateOnly startsOn, int years, int number, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var phases = await db.ProgrammePhases.ToListAsync(cancellationToken);
        var phase = phases.SingleOrDefault(p => p.Contains(startsOn));
        if (phase is null)
        {
            phase = ProgrammePhase.Define(number, startsOn, ProgrammePhase.EndOf(startsOn, years), phases, clock.GetUtcNow());
            db.ProgrammePhases.Add(phase);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (phase.Id, phase.StartsOn, phase.EndsOn);
    }
}
