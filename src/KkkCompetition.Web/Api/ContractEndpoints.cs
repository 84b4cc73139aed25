using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Paging;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.ReferenceData;
using Mediator;

namespace KkkCompetition.Web.Api;

/// <summary>
/// Programme contracts: the programme's settings, drafting from a certificate, the draft's plan, the lifecycle, every
/// version of the plan and its PDF, and amendments. Plan and lifecycle commands answer the contract's new version.
/// </summary>
public static class ContractEndpoints
{
    public static void MapContractEndpoints(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/programme/settings").WithTags("Programme");
        settings.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new GetProgrammeSettings(), ct))
            .WithName("GetProgrammeSettings")
            .WithSummary("The reporting terms copied into new contracts and the achievement bands, with the version (officials).")
            .Produces<ProgrammeSettingsDto>();
        settings.MapPut("/", (ISender sender, ProgrammeSettingsBody body, CancellationToken ct) =>
                sender.Send(new UpdateProgrammeSettings(body.AnnualDueMonth, body.AnnualDueDay, body.FinalDueDays, body.JustificationBelowPercent, body.GreenFromPercent, body.AmberFromPercent, body.Version, body.EvaluationLeadDays), ct))
            .WithName("UpdateProgrammeSettings")
            .WithSummary("Changes the settings (officials): a due day not in its month is 409 settings.due_day_invalid, final days outside 1–365 settings.final_due_days_out_of_range, "
                + "a percentage outside 0–100 settings.percent_out_of_range, amber not below green settings.bands_out_of_order, evaluation lead days outside 1–365 settings.evaluation_lead_days_out_of_range (left out: unchanged), a stale version concurrency.stale_version.")
            .Produces<ProgrammeSettingsDto>();

        api.MapGet("/programme/kpi-catalogue", (ISender sender, CancellationToken ct) => sender.Send(new ListKpiCatalogue(), ct))
            .WithTags("Programme")
            .WithName("ListKpiCatalogue")
            .WithSummary("The KPI catalogue, mandatory ones first: what a draft's KPIs are added from (officials).")
            .Produces<IReadOnlyList<KpiCatalogueEntry>>();

        api.MapGet("/me/contracts", (ISender sender, int? page, int? pageSize, CancellationToken ct) => sender.Send(new ListMyContracts(page ?? 1, pageSize ?? 25), ct))
            .WithTags("Contracts")
            .WithName("ListMyContracts")
            .WithSummary("The contracts of the caller's own clusters, newest first (applicants).")
            .Produces<PagedResult<ContractRow>>();

        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapGet("/candidates", (ISender sender, Guid phaseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
                sender.Send(new ListContractCandidates(phaseId, search, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListContractCandidates")
            .WithSummary("The KKK statuses in force today whose cluster has no contract in the phase: what a contract is drafted from; search cluster, coordinator or certificate, paged (officials).")
            .Produces<PagedResult<ContractCandidate>>();
        contracts.MapGet("/", (ISender sender, [AsParameters] ListContracts query, CancellationToken ct) => sender.Send(query, ct))
            .WithName("ListContracts")
            .WithSummary("Every contract, filtered by status, phase and voivodeship, searched by number or cluster, sorted (number, cluster, voivodeship, status, startsOn) and paged on the server (officials).")
            .Produces<PagedResult<ContractRow>>();
        contracts.MapPost("/", async (ISender sender, DraftContractBody body, CancellationToken ct) =>
            {
                var drafted = await sender.Send(new DraftContract(body.KkkStatusId, body.PhaseId, body.StartsOn, body.EndsOn), ct);
                return Results.Created($"/api/v1/contracts/{drafted.Id}", drafted);
            })
            .WithName("DraftContract")
            .WithSummary("Drafts the contract of a certified cluster for a phase, with the mandatory KPIs and baselines from its application; the coordinator is told (officials; "
                + "a status not in force is 409 contract.status_not_current, a second contract in the phase contract.already_exists, dates outside the phase contract.dates_outside_phase).")
            .Produces<DraftedContract>(StatusCodes.Status201Created);

        var contract = contracts.MapGroup("/{contractId:guid}");
        contract.MapGet("/", (ISender sender, Guid contractId, CancellationToken ct) => sender.Send(new GetContract(contractId), ct))
            .WithName("GetContract")
            .WithSummary("One contract: parties, dates, status, terms, the current plan (KPIs with targets per year, budget per year with the SME share), what a draft lacks, versions, the pending amendment "
                + "(the coordinator his or her own, another's is 404; officials any).")
            .Produces<ContractView>();
        contract.MapGet("/versions/{number:int}", (ISender sender, Guid contractId, int number, CancellationToken ct) => sender.Send(new GetContractVersion(contractId, number), ct))
            .WithName("GetContractVersion")
            .WithSummary("One version of the contract's plan; every version stays readable (the coordinator his or her own; officials any; an unknown version is 404).")
            .Produces<PlanView>();
        contract.MapGet("/pdf", async (ISender sender, Guid contractId, int? version, CancellationToken ct) =>
                File(await sender.Send(new GetContractPdf(contractId, version), ct)))
            .WithName("GetContractPdf")
            .WithSummary("The contract as PDF with the current plan or the plan of ?version=n: parties, phase, dates, status, signatures, KPIs and budget tables, the version and its effective date.")
            .Produces(StatusCodes.Status200OK, contentType: GetApplicationPdfHandler.PdfContentType);

        contract.MapPut("/dates", async (ISender sender, Guid contractId, ContractDatesBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new ChangeContractDates(contractId, body.StartsOn, body.EndsOn, body.Version), ct))))
            .WithName("ChangeContractDates")
            .WithSummary("Moves the draft's dates within its phase (officials; outside the phase 409 contract.dates_outside_phase; signed 409 contract.not_draft; stale 409 concurrency.stale_version).")
            .Produces<VersionBody>();
        contract.MapPut("/terms", async (ISender sender, Guid contractId, ContractTermsBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new ChangeContractTerms(contractId, body.AnnualDueMonth, body.AnnualDueDay, body.FinalDueDays, body.JustificationBelowPercent, body.Version), ct))))
            .WithName("ChangeContractTerms")
            .WithSummary("Changes the draft's reporting terms (officials; out of range 409 settings.*; signed 409 contract.not_draft).")
            .Produces<VersionBody>();
        contract.MapPut("/budget", async (ISender sender, Guid contractId, ContractBudgetBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SetContractBudget(contractId, body.Years ?? [], body.Version), ct))))
            .WithName("SetContractBudget")
            .WithSummary("Sets the draft's budget per year (officials; a negative amount is 400 naming years[i].field; an SME share below 70% is 409 budget.sme_share_below_minimum, "
                + "an SME part above the pool budget.sme_above_pool, a year outside the contract contract.year_outside_contract).")
            .Produces<VersionBody>();
        contract.MapPost("/kpis", async (ISender sender, Guid contractId, AddKpiBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new AddContractKpi(contractId, body.Code ?? "", body.Version, body.NamePl, body.NameEn, body.Unit, body.Direction, body.Aggregation, body.Baseline, body.Weight), ct))))
            .WithName("AddContractKpi")
            .WithSummary("Adds an optional catalogue KPI by its code, or the official's own with names, unit, direction and aggregation (officials; already there 409 contract.kpi_duplicate, "
                + "an own KPI with a catalogue code contract.kpi_code_reserved, an unknown code without a definition kpi.not_in_catalogue).")
            .Produces<VersionBody>();
        contract.MapPut("/kpis/{code}", async (ISender sender, Guid contractId, string code, SetKpiBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SetContractKpi(contractId, code, body.Baseline, body.Weight ?? ContractKpi.DefaultWeight, body.Targets ?? [], body.Version), ct))))
            .WithName("SetContractKpi")
            .WithSummary("Sets a KPI's baseline, weight and targets per year (officials; a negative value is 400 naming targets[i].value; a share over 100 is 409 kpi.percent_out_of_range, "
                + "a target below the KPI's minimum kpi.target_below_minimum, an unknown KPI contract.kpi_unknown).")
            .Produces<VersionBody>();
        contract.MapDelete("/kpis/{code}", async (ISender sender, Guid contractId, string code, int version, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new RemoveContractKpi(contractId, code, version), ct))))
            .WithName("RemoveContractKpi")
            .WithSummary("Removes an optional KPI and its targets (officials; ?version= the contract's; a mandatory KPI is 409 contract.kpi_mandatory).")
            .Produces<VersionBody>();

        contract.MapPost("/coordinator-signature", async (ISender sender, Guid contractId, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SignContractAsCoordinator(contractId, body.Version), ct))))
            .WithName("SignContractAsCoordinator")
            .WithSummary("The coordinator signs the draft as it stands (applicants, own contract only, another's is 404; an incomplete plan is 409 contract.plan_incomplete).")
            .Produces<VersionBody>();
        contract.MapPost("/signature", async (ISender sender, Guid contractId, SignatureBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SignContract(contractId, body.SignedOn ?? default, body.Version), ct))))
            .WithName("SignContract")
            .WithSummary("Records the day the State and the region signed; creates the reporting schedule (officials; before the coordinator 409 contract.coordinator_not_signed, "
                + "a day in the future contract.signed_in_future, not a draft contract.transition_not_allowed).")
            .Produces<VersionBody>();
        contract.MapPost("/activation", async (ISender sender, Guid contractId, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new ActivateContract(contractId, body.Version), ct))))
            .WithName("ActivateContract")
            .WithSummary("Puts a signed contract in force (officials; before its first day 409 contract.not_started; otherwise contract.transition_not_allowed). A nightly job does the same.")
            .Produces<VersionBody>();
        contract.MapPost("/suspension", async (ISender sender, Guid contractId, ReasonBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new SuspendContract(contractId, body.Reason, body.Version), ct))))
            .WithName("SuspendContract")
            .WithSummary("Suspends an active contract with a reason (officials; no reason 409 contract.suspension_reason_required; not active contract.transition_not_allowed).")
            .Produces<VersionBody>();
        contract.MapPost("/resumption", async (ISender sender, Guid contractId, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new ResumeContract(contractId, body.Version), ct))))
            .WithName("ResumeContract")
            .WithSummary("Resumes a suspended contract (officials; not suspended 409 contract.transition_not_allowed).")
            .Produces<VersionBody>();
        contract.MapPost("/completion", async (ISender sender, Guid contractId, VersionBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new CompleteContract(contractId, body.Version), ct))))
            .WithName("CompleteContract")
            .WithSummary("Completes an active contract after its last day with the final report accepted (officials; 409 contract.not_ended, contract.final_report_pending).")
            .Produces<VersionBody>();
        contract.MapPost("/termination", async (ISender sender, Guid contractId, ReasonBody body, CancellationToken ct) =>
                Results.Ok(new VersionBody(await sender.Send(new TerminateContract(contractId, body.Reason, body.Version), ct))))
            .WithName("TerminateContract")
            .WithSummary("Ends an active or suspended contract early with a reason (officials; no reason 409 contract.termination_reason_required).")
            .Produces<VersionBody>();

        contract.MapGet("/amendments", (ISender sender, Guid contractId, CancellationToken ct) => sender.Send(new ListContractAmendments(contractId), ct))
            .WithTags("Amendments")
            .WithName("ListContractAmendments")
            .WithSummary("The contract's amendments, newest first, with their changes and decisions (the coordinator his or her own; officials any).")
            .Produces<IReadOnlyList<AmendmentView>>();
        contract.MapPost("/amendments", async (ISender sender, Guid contractId, AmendmentBody body, CancellationToken ct) =>
            {
                var amendment = await sender.Send(new ProposeAmendment(contractId, body.Reason, body.Targets ?? [], body.Budget ?? [], body.Version), ct);
                return Results.Created($"/api/v1/contracts/{contractId}/amendments", amendment);
            })
            .WithTags("Amendments")
            .WithName("ProposeAmendment")
            .WithSummary("Proposes changed targets and budget years with a reason (the coordinator on his or her own contract, officials; a year whose period has ended is 409 amendment.past_period, "
                + "another pending amendment.already_pending, no change amendment.no_changes, no reason amendment.reason_required, a signed contract only amendment.contract_not_in_force).")
            .Produces<AmendmentView>(StatusCodes.Status201Created);

        var amendments = api.MapGroup("/amendments").WithTags("Amendments");
        amendments.MapGet("/", (ISender sender, string? search, int? page, int? pageSize, CancellationToken ct) => sender.Send(new ListPendingAmendments(search, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListPendingAmendments")
            .WithSummary("The amendments awaiting a decision, oldest first, searchable by contract number or cluster, paged (officials).")
            .Produces<PagedResult<AmendmentView>>();
        amendments.MapPost("/{amendmentId:guid}/approval", (ISender sender, Guid amendmentId, VersionBody body, CancellationToken ct) =>
                sender.Send(new ApproveAmendment(amendmentId, body.Version), ct))
            .WithName("ApproveAmendment")
            .WithSummary("Approves the amendment: the contract gets the next version of its plan, in force from today, and its achievement is recomputed (officials; "
                + "based on an older version 409 amendment.outdated, decided already amendment.already_decided).")
            .Produces<AmendmentView>();
        amendments.MapPost("/{amendmentId:guid}/rejection", (ISender sender, Guid amendmentId, ReasonBody body, CancellationToken ct) =>
                sender.Send(new RejectAmendment(amendmentId, body.Reason, body.Version), ct))
            .WithName("RejectAmendment")
            .WithSummary("Rejects the amendment with reasons; the plan stays as it is (officials; no reasons 409 amendment.rejection_reason_required).")
            .Produces<AmendmentView>();
    }

    private static IResult File(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

public sealed record ProgrammeSettingsBody(int AnnualDueMonth, int AnnualDueDay, int FinalDueDays, decimal JustificationBelowPercent, decimal GreenFromPercent, decimal AmberFromPercent, int Version, int? EvaluationLeadDays = null);

public sealed record DraftContractBody(Guid KkkStatusId, Guid PhaseId, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record ContractDatesBody(DateOnly StartsOn, DateOnly EndsOn, int Version);

public sealed record ContractTermsBody(int AnnualDueMonth, int AnnualDueDay, int FinalDueDays, decimal JustificationBelowPercent, int Version);

public sealed record ContractBudgetBody(IReadOnlyList<BudgetYear>? Years, int Version);

public sealed record AddKpiBody(string? Code, string? NamePl, string? NameEn, string? Unit, KpiDirection? Direction, KpiAggregation? Aggregation, decimal? Baseline, decimal? Weight, int Version);

public sealed record SetKpiBody(decimal? Baseline, decimal? Weight, IReadOnlyList<YearTarget>? Targets, int Version);

/// <summary>The day the State and the region signed (Warsaw date, yyyy-MM-dd) and the contract's version.</summary>
public sealed record SignatureBody(DateOnly? SignedOn, int Version);

public sealed record AmendmentBody(string? Reason, IReadOnlyList<KpiTarget>? Targets, IReadOnlyList<BudgetYear>? Budget, int Version);
