using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Domain.UnitTests.Contracts;

/// <summary>A 2025–2028 phase, a cluster certified for it, the KPI catalogue, and contracts in each stage.</summary>
internal static class ContractTestData
{
    public static readonly DateTimeOffset Now = new(2025, 2, 3, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2025, 2, 3);
    public static readonly DateOnly PhaseStart = new(2025, 1, 1);
    public static readonly Guid Official = Guid.CreateVersion7();
    public static readonly Guid Coordinator = Guid.CreateVersion7();

    public static ProgrammePhase Phase { get; } = ProgrammePhase.Define(1, PhaseStart, ProgrammePhase.EndOf(PhaseStart, 4), [], Now);

    public static IReadOnlyList<KpiDefinition> Catalogue { get; } =
    [
        Definition("KPI-RD", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum, true),
        Definition("KPI-EMP", "persons", KpiDirection.HigherIsBetter, KpiAggregation.Latest, true),
        Definition("KPI-INN", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum, true),
        Definition("KPI-FDI", "PLN", KpiDirection.HigherIsBetter, KpiAggregation.Sum, true),
        Definition("KPI-MEM", "count", KpiDirection.HigherIsBetter, KpiAggregation.Latest, true),
        Definition("KPI-SME", "percent", KpiDirection.HigherIsBetter, KpiAggregation.Latest, true, 70),
        Definition("KPI-INT", "count", KpiDirection.HigherIsBetter, KpiAggregation.Sum, false),
        Definition("KPI-CO2", "tCO2e", KpiDirection.LowerIsBetter, KpiAggregation.Latest, false),
    ];

    public static ContractKpi Kpi(string code, decimal? baseline = null) => ContractKpi.FromCatalogue(Catalogue.Single(k => k.Code == code), baseline);

    public static IReadOnlyList<ContractKpi> Mandatory() => [.. Catalogue.Where(k => k.IsMandatory).Select(k => ContractKpi.FromCatalogue(k, null))];

    public static KkkStatus Status(DateOnly? certificateDate = null)
    {
        var decision = CertificationDecision.Record(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "1/2025/KKK", DecisionOutcome.Positive, "Uzasadnienie.", (3, 0, 0), 14, Now);
        return KkkStatus.Grant(
            decision, "KKK/C/2025/0001", new CertifiedCluster("Klaster Testowy", "Stowarzyszenie", "5260250274", "14", ["KIS1"], null),
            certificateDate ?? PhaseStart, 3, Phase.EndsOn, Now);
    }

    public static ProgrammeContract Draft(DateOnly? startsOn = null, DateOnly? endsOn = null, DateOnly? today = null) =>
        ProgrammeContract.Draft(
            "KP/1/0001", Phase, Status(), ContractParties.RegionPl("mazowieckie"), startsOn ?? Phase.StartsOn, endsOn ?? Phase.EndsOn,
            ReportingTerms.Default, Mandatory(), contractInPhase: false, Official, today ?? Today, Now);

    public static decimal Target(string code) => code switch
    {
        "KPI-SME" => 75,
        "KPI-EMP" => 1000,
        _ => 10,
    };

    public static BudgetYear Budget(int year, decimal pool = 1_000_000, decimal sme = 800_000) => new(year, 400_000, 100_000, 80_000, 60_000, pool, sme);

    public static ProgrammeContract CompleteDraft(DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var contract = Draft(startsOn, endsOn);
        foreach (var kpi in contract.CurrentVersion.Kpis)
        {
            contract.SetKpi(kpi.Code, kpi.Baseline, kpi.Weight, [.. contract.Years.Select(y => new KpiTarget(kpi.Code, y, Target(kpi.Code)))], Now);
        }

        contract.SetBudget([.. contract.Years.Select(y => Budget(y))], Now);
        return contract;
    }

    public static ProgrammeContract Signed()
    {
        var contract = CompleteDraft();
        contract.SignAsCoordinator(Coordinator, Now);
        contract.Sign(Official, Today, Today, Now);
        return contract;
    }

    public static ProgrammeContract Active()
    {
        var contract = Signed();
        contract.Activate(Today, Now);
        return contract;
    }

    public static KpiReport Report(ProgrammeContract contract, int? year) =>
        KpiReport.Schedule(contract.Id, ReportingSchedule.For(contract).Single(r => r.Year == year && r.Kind == (year is null ? ReportKind.Final : ReportKind.Annual)));

    private static KpiDefinition Definition(string code, string unit, KpiDirection direction, KpiAggregation aggregation, bool mandatory, decimal? minimum = null) => new()
    {
        Code = code,
        NamePl = code + " pl",
        NameEn = code + " en",
        Unit = unit,
        Direction = direction,
        Aggregation = aggregation,
        IsMandatory = mandatory,
        Minimum = minimum,
    };
}
