using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>Where a demo contract's report of last year is left.</summary>
public enum DemoReportState
{
    /// <summary>Accepted, with every KPI at the given share of its target.</summary>
    Accepted,

    /// <summary>Submitted (late: its due day was 31 March), waiting for the official.</summary>
    Submitted,

    /// <summary>Returned by the official with a comment on one KPI, for the coordinator to correct.</summary>
    Returned,
}

/// <summary>
/// Demo data of the programme contracts, on the clusters certified in <see cref="DemoProgrammeHistory"/>: the demo official
/// drafts each one's contract for the whole phase (the catalogue's mandatory KPIs, one optional KPI for two of them, targets
/// growing year by year, a budget with 80% of cascade funding for SMEs), its coordinator signs, the official records the
/// signing and puts it in force. Last year's report is then filed by each coordinator: three accepted (at 100%, 82% and
/// 60% of their targets, so the programme dashboard shows green, amber and red), one waiting for review, one returned with a
/// comment. One coordinator has proposed an amendment of next year's targets. All through the use cases, as those people's
/// clicks would; each start does only what is still missing (nothing once the contracts are there).
/// </summary>
public static class DemoContractData
{
    private static readonly (DemoReportState State, decimal Share, string? OptionalKpi)[] Plans =
    [
        (DemoReportState.Accepted, 1.00m, "KPI-INT"),
        (DemoReportState.Accepted, 0.82m, null),
        (DemoReportState.Accepted, 0.60m, "KPI-SKL"),
        (DemoReportState.Submitted, 0.95m, null),
        (DemoReportState.Returned, 0.90m, null),
    ];

    private static readonly string[] RecipientNips = ["5260250274", "7740001454", "1132853869", "5272525995"];

    public static async Task EnsureAsync(IServiceScopeFactory scopes, TimeProvider clock, Guid phaseId, CancellationToken cancellationToken)
    {
        IReadOnlyList<(Guid StatusId, Guid CoordinatorId, string Email)> certified;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            if (await db.ProgrammeContracts.AnyAsync(c => c.PhaseId == phaseId, cancellationToken))
            {
                return;
            }

            var emails = DemoProgrammeHistory.Clusters.Select(c => c.Email).ToList();
            certified = (await (from s in db.KkkStatuses
                                join c in db.Clusters on s.ClusterId equals c.Id
                                join o in db.Organisations on c.OrganisationId equals o.Id
                                join u in db.Users on o.OwnerUserId equals u.Id
                                where emails.Contains(u.Email!) && s.State == Domain.Certification.KkkStatusState.Active
                                select new { s.Id, u.Email, UserId = u.Id, s.CertificateNumber })
                    .ToListAsync(cancellationToken))
                .OrderBy(x => x.CertificateNumber, StringComparer.Ordinal)
                .Select(x => (x.Id, x.UserId, x.Email!))
                .ToList();
        }

        var official = await DemoRequests.DemoOfficialAsync(scopes, cancellationToken);
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
        for (var i = 0; i < certified.Count && i < Plans.Length; i++)
        {
            var (statusId, coordinatorId, email) = certified[i];
            var coordinator = new FixedUser(coordinatorId, email, [Roles.Applicant]);
            var (state, share, optional) = Plans[i];
            var contractId = await SignedContractAsync(scopes, official, coordinator, statusId, phaseId, optional, today, cancellationToken);
            await FileLastYearAsync(scopes, official, coordinator, contractId, state, share, today, cancellationToken);
        }

        if (certified.Count > 1)
        {
            await ProposeAmendmentAsync(scopes, new FixedUser(certified[1].CoordinatorId, certified[1].Email, [Roles.Applicant]), today, cancellationToken);
        }
    }

    private static decimal Target(string code, int yearIndex) => code switch
    {
        "KPI-RD" => 6 + (2 * yearIndex),
        "KPI-EMP" => 560 + (20 * yearIndex),
        "KPI-INN" => 10 + (2 * yearIndex),
        "KPI-FDI" => 1_500_000 + (500_000 * yearIndex),
        "KPI-MEM" => 62 + (3 * yearIndex),
        "KPI-SME" => 75,
        _ => 4 + yearIndex,
    };

    private static BudgetYear Budget(int year) => new(year, 420_000, 96_000, 75_000, 60_000, 1_200_000, 960_000);

    /// <summary>The contract drafted by the official for the whole phase, its plan filled in, signed by both sides and in force.</summary>
    private static async Task<Guid> SignedContractAsync(
        IServiceScopeFactory scopes, FixedUser official, FixedUser coordinator, Guid statusId, Guid phaseId, string? optionalKpi, DateOnly today, CancellationToken cancellationToken)
    {
        var drafted = await DemoRequests.SendAsync(scopes, official, new DraftContract(statusId, phaseId), cancellationToken);
        var version = drafted.Version;
        if (optionalKpi is not null)
        {
            version = await DemoRequests.SendAsync(scopes, official, new AddContractKpi(drafted.Id, optionalKpi, version), cancellationToken);
        }

        var contract = await DemoRequests.SendAsync(scopes, official, new GetContract(drafted.Id), cancellationToken);
        foreach (var kpi in contract.Plan.Kpis)
        {
            var targets = contract.Years.Select((year, index) => new YearTarget(year, Target(kpi.Code, index))).ToList();
            version = await DemoRequests.SendAsync(
                scopes, official, new SetContractKpi(drafted.Id, kpi.Code, kpi.Baseline, kpi.Code == "KPI-RD" ? 2 : 1, targets, version), cancellationToken);
        }

        version = await DemoRequests.SendAsync(scopes, official, new SetContractBudget(drafted.Id, [.. contract.Years.Select(Budget)], version), cancellationToken);
        version = await DemoRequests.SendAsync(scopes, coordinator, new SignContractAsCoordinator(drafted.Id, version), cancellationToken);

        // The parties signed in the contract's first weeks; it came into force then.
        var signedOn = contract.StartsOn.AddDays(20);
        version = await DemoRequests.SendAsync(scopes, official, new SignContract(drafted.Id, signedOn < today ? signedOn : today, version), cancellationToken);
        await DemoRequests.SendAsync(scopes, official, new ActivateContract(drafted.Id, version), cancellationToken);
        return drafted.Id;
    }

    /// <summary>Last year's annual report: filled in at <paramref name="share"/> of its targets and left in <paramref name="state"/>.</summary>
    private static async Task FileLastYearAsync(
        IServiceScopeFactory scopes, FixedUser official, FixedUser coordinator, Guid contractId, DemoReportState state, decimal share, DateOnly today, CancellationToken cancellationToken)
    {
        var schedule = await DemoRequests.SendAsync(scopes, coordinator, new GetContractSchedule(contractId), cancellationToken);
        if (schedule.Reports.FirstOrDefault(r => r.Kind == ReportKind.Annual && r.Year == today.Year - 1 && r.PeriodEnded) is not { } row)
        {
            return;
        }

        var report = await DemoRequests.SendAsync(scopes, coordinator, new GetKpiReport(row.Id), cancellationToken);
        var lines = report.Lines
            .Where(l => !l.ActualFromDisbursements)
            .Select(l =>
            {
                var actual = decimal.Round((l.Target ?? 0) * share, l.Unit == "PLN" ? 2 : 0);
                var belowThreshold = l.Target is { } t && t > 0 && actual * 100 / t < report.JustificationBelowPercent;
                return new KpiReportLineInput(l.Code, actual, belowThreshold ? "Część projektów członków przesunięto na kolejny rok z powodu opóźnień w dostawach." : null);
            })
            .ToList();
        IReadOnlyList<CascadeDisbursement> disbursements =
        [
            new(RecipientNips[0], "Technologie Demo 01 sp. z o.o.", EnterpriseSize.Micro, 240_000),
            new(RecipientNips[1], "Systemy Demo 02 sp. z o.o.", EnterpriseSize.Small, 360_000),
            new(RecipientNips[3], "Innowacje Demo 03 sp. z o.o.", EnterpriseSize.Medium, 300_000),
            new(RecipientNips[2], "Robotyka Demo 04 S.A.", EnterpriseSize.Large, 200_000),
        ];
        var narrative = $"W {today.Year - 1} roku klaster zrealizował wspólne projekty badawczo-rozwojowe członków, szkolenia i misje gospodarcze; "
            + "finansowanie kaskadowe trafiło przede wszystkim do mikro-, małych i średnich przedsiębiorstw.";
        var version = await DemoRequests.SendAsync(scopes, coordinator, new SaveKpiReport(row.Id, lines, narrative, disbursements, report.Version), cancellationToken);
        version = (await DemoRequests.SendAsync(scopes, coordinator, new SubmitKpiReport(row.Id, version), cancellationToken)).Version;
        switch (state)
        {
            case DemoReportState.Accepted:
                await DemoRequests.SendAsync(scopes, official, new AcceptKpiReport(row.Id, version), cancellationToken);
                break;
            case DemoReportState.Returned:
                await DemoRequests.SendAsync(
                    scopes,
                    official,
                    new ReturnKpiReport(row.Id, [new KpiReviewComment("KPI-RD", "Proszę wymienić projekty B+R z tytułami, członkami i wartością.")], "Proszę dołączyć dowody wdrożeń.", version),
                    cancellationToken);
                break;
        }
    }

    /// <summary>The coordinator proposes more R&amp;D projects for next year, waiting for the official's decision.</summary>
    private static async Task ProposeAmendmentAsync(IServiceScopeFactory scopes, FixedUser coordinator, DateOnly today, CancellationToken cancellationToken)
    {
        var contractId = (await DemoRequests.SendAsync(scopes, coordinator, new ListMyContracts(), cancellationToken)).Items[0].Id;
        var contract = await DemoRequests.SendAsync(scopes, coordinator, new GetContract(contractId), cancellationToken);
        var year = today.Year + 1;
        if (!contract.Years.Contains(year))
        {
            return;
        }

        var current = contract.Plan.Kpis.Single(k => k.Code == "KPI-RD").Targets.Single(t => t.Year == year).Value;
        await DemoRequests.SendAsync(
            scopes,
            coordinator,
            new ProposeAmendment(contractId, "Nowi członkowie z sektora medycznego wnoszą dodatkowe projekty badawczo-rozwojowe.", [new KpiTarget("KPI-RD", year, current + 4)], [], contract.Version),
            cancellationToken);
    }
}
