using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Programme;

namespace KkkCompetition.Domain.Contracts;

public enum ContractStatus
{
    /// <summary>Being prepared by the official; the plan is edited freely.</summary>
    Draft,

    /// <summary>Signed by the coordinator, the State and the region; the plan changes only by amendment.</summary>
#pragma warning disable CA1720 // The status's name in the domain guide, not a type.
    Signed,
#pragma warning restore CA1720

    /// <summary>In force: reports are filed.</summary>
    Active,

    /// <summary>Held by the official with a reason; resumed or terminated.</summary>
    Suspended,

    /// <summary>Ended after its last day with the final report accepted.</summary>
    Completed,

    /// <summary>Ended early by the official with a reason.</summary>
    Terminated,
}

/// <summary>What the coordinator sees of the parties: the State (the ministry) and the region (its voivodeship board).</summary>
public static class ContractParties
{
    public const string StatePl = "Minister właściwy do spraw gospodarki";
    public const string StateEn = "The minister responsible for the economy";

    /// <summary>"Zarząd Województwa Mazowieckiego" from "mazowieckie": the adjective in the genitive, each part capitalised.</summary>
    public static string RegionPl(string voivodeshipName)
    {
        var genitive = voivodeshipName.EndsWith("ie", StringComparison.Ordinal) ? voivodeshipName[..^2] + "iego" : voivodeshipName;
        var parts = genitive.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]);
        return "Zarząd Województwa " + string.Join('-', parts);
    }

    public static string RegionEn(string voivodeshipName) => $"The Board of the {voivodeshipName} Voivodeship";
}

/// <summary>
/// The multi-year programme contract of a certified cluster with the State and the region (domain guide, section 5),
/// for one phase of the programme. <c>Draft → Signed → Active → (Suspended → Active) → Completed | Terminated</c>, and no
/// other move. The plan — KPIs with their targets per year and the budget per year — is version 1 while the contract is a
/// draft; once signed it changes only by approved amendments, each adding a version.
/// </summary>
public sealed class ProgrammeContract : Entity
{
    public const int MaxReasonLength = 2000;
    public const int MinReasonLength = 10;

    private readonly List<ContractVersion> _versions = [];

    private ProgrammeContract()
    {
    }

    /// <summary><c>KP/{phase}/{0001}</c>, unique.</summary>
    public string Number { get; private set; } = "";

    public Guid PhaseId { get; private set; }
    public Guid KkkStatusId { get; private set; }
    public Guid ClusterId { get; private set; }

    /// <summary>The certified application, whose indicators gave the baselines.</summary>
    public Guid ApplicationId { get; private set; }

    public string ClusterName { get; private set; } = "";
    public string CoordinatorName { get; private set; } = "";
    public string CoordinatorNip { get; private set; } = "";
    public string VoivodeshipTeryt { get; private set; } = "";
    public List<string> KisCodes { get; private set; } = [];

    /// <summary>The region's party: the voivodeship board, in Polish.</summary>
    public string RegionParty { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public ContractStatus Status { get; private set; }
    public ReportingTerms Terms { get; private set; } = ReportingTerms.Default;

    /// <summary>The official in charge: copied on reminders of late reports.</summary>
    public Guid ResponsibleOfficialId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The coordinator's signature of the current draft; any later change of the draft clears it.</summary>
    public DateTimeOffset? CoordinatorSignedAt { get; private set; }

    public Guid? CoordinatorSignedBy { get; private set; }

    /// <summary>The day the State and the region signed (entered by the official); the contract is then signed.</summary>
    public DateOnly? SignedOn { get; private set; }

    public Guid? SignedBy { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>The reason of the last suspension or of the termination.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>The day a terminated contract ended.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>
    /// The weighted mean achievement in percent over the accepted annual reports, kept for the programme dashboard and
    /// recomputed whenever a report is accepted or an amendment approved; null until the first report is accepted.
    /// </summary>
    public decimal? AchievementPercent { get; private set; }

    /// <summary>How many annual reports the achievement is computed from.</summary>
    public int AchievementReports { get; private set; }

    public DateTimeOffset? AchievementUpdatedAt { get; private set; }

    public IReadOnlyList<ContractVersion> Versions => _versions;

    public ContractVersion CurrentVersion => _versions.MaxBy(v => v.Number)!;

    /// <summary>The calendar years the contract covers, its first and last possibly cut.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(StartsOn.Year, EndsOn.Year - StartsOn.Year + 1).ToList();

    public bool IsDraft => Status == ContractStatus.Draft;

    /// <summary>Signed and not ended: amendments and reports apply.</summary>
    public bool IsInForce => Status is ContractStatus.Signed or ContractStatus.Active or ContractStatus.Suspended;

    public static string FormatNumber(int phaseNumber, int sequence) => $"KP/{phaseNumber}/{sequence:0000}";

    /// <summary>
    /// The official drafts the contract of a cluster whose KKK status is in force, for a phase, within the phase's dates, with
    /// the mandatory KPIs of the catalogue (<paramref name="kpis"/>, baselines pre-filled). <paramref name="contractInPhase"/>:
    /// the cluster already has a contract in this phase.
    /// </summary>
    public static ProgrammeContract Draft(
        string number,
        ProgrammePhase phase,
        KkkStatus status,
        string regionParty,
        DateOnly startsOn,
        DateOnly endsOn,
        ReportingTerms terms,
        IReadOnlyList<ContractKpi> kpis,
        bool contractInPhase,
        Guid officialId,
        DateOnly today,
        DateTimeOffset now)
    {
        if (!status.IsCurrentOn(today))
        {
            throw new BusinessRuleViolation("contract.status_not_current", "The cluster's KKK status is not in force: only a certified cluster gets a contract.");
        }

        if (contractInPhase)
        {
            throw new BusinessRuleViolation("contract.already_exists", "The cluster already has a contract in this phase.", phase.Number);
        }

        if (kpis.Any(k => !k.IsMandatory) || kpis.Select(k => k.Code).Distinct(StringComparer.Ordinal).Count() != kpis.Count)
        {
            throw new ArgumentException("A new contract starts with the catalogue's mandatory KPIs, each once.", nameof(kpis));
        }

        terms.EnsureValid();
        var contract = new ProgrammeContract
        {
            Number = number,
            KkkStatusId = status.Id,
            ClusterId = status.ClusterId,
            ApplicationId = status.ApplicationId,
            ClusterName = status.ClusterName,
            CoordinatorName = status.CoordinatorName,
            CoordinatorNip = status.CoordinatorNip,
            VoivodeshipTeryt = status.VoivodeshipTeryt,
            KisCodes = [.. status.KisCodes],
            RegionParty = regionParty,
            Status = ContractStatus.Draft,
            Terms = terms,
            ResponsibleOfficialId = officialId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        contract.SetDates(phase, startsOn, endsOn);
        foreach (var kpi in kpis)
        {
            EnsureValidKpi(kpi);
        }

        contract._versions.Add(new ContractVersion(contract.Id, 1, startsOn, null, now, new PlanContent(kpis, [], [])));
        return contract;
    }

    /// <summary>
    /// The contract of the next phase for a cluster whose phase evaluation approved Continue or Conditional (domain guide,
    /// section 7): pre-filled from <paramref name="previous"/> — its KPIs with their weights (the catalogue's mandatory ones
    /// from <paramref name="mandatory"/>, the optional ones as they were), baselines from the last accepted actuals
    /// (<paramref name="lastActuals"/>, the previous baseline where none) and its reporting terms; targets and budget are
    /// planned anew. The cluster's KKK status is prolonged to the new phase's end.
    /// </summary>
    public static ProgrammeContract DraftForNextPhase(
        string number,
        ProgrammePhase phase,
        ProgrammePhase previousPhase,
        KkkStatus status,
        string regionParty,
        ProgrammeContract previous,
        ContractEvaluation evaluation,
        IReadOnlyList<ContractKpi> mandatory,
        IReadOnlyDictionary<string, decimal?> lastActuals,
        bool contractInPhase,
        Guid officialId,
        DateOnly today,
        DateTimeOffset now)
    {
        if (evaluation.ContractId != previous.Id || previous.PhaseId != previousPhase.Id)
        {
            throw new ArgumentException("The evaluation, the previous contract and its phase do not belong together.", nameof(evaluation));
        }

        if (!evaluation.AllowsNextPhase)
        {
            throw new BusinessRuleViolation("contract.next_phase_not_allowed", "Only a cluster whose phase evaluation approved Continue or Conditional gets a contract for the next phase.");
        }

        if (phase.StartsOn <= previousPhase.EndsOn)
        {
            throw new BusinessRuleViolation("contract.not_next_phase", "The chosen phase does not come after the evaluated one.", phase.Number, previousPhase.Number);
        }

        // Checked here as well as in Draft: the status is prolonged before Draft sees it, and a refusal must leave it alone.
        if (contractInPhase)
        {
            throw new BusinessRuleViolation("contract.already_exists", "The cluster already has a contract in this phase.", phase.Number);
        }

        status.ProlongTo(phase.EndsOn, now);
        decimal? Baseline(ContractKpi kpi) => lastActuals.TryGetValue(kpi.Code, out var actual) && actual is not null ? actual : kpi.Baseline;
        var before = previous.CurrentVersion.Kpis.ToDictionary(k => k.Code, StringComparer.Ordinal);
        var kpis = mandatory
            .Select(k => before.TryGetValue(k.Code, out var old) ? k with { Baseline = Baseline(old), Weight = old.Weight } : k)
            .ToList();
        var contract = Draft(number, phase, status, regionParty, phase.StartsOn, phase.EndsOn, previous.Terms, kpis, contractInPhase, officialId, today, now);
        foreach (var optional in previous.CurrentVersion.Kpis.Where(k => !k.IsMandatory))
        {
            contract.AddKpi(optional with { Baseline = Baseline(optional) }, now);
        }

        return contract;
    }

    // ---- The draft's plan -------------------------------------------------------------------------------------------

    public void ChangeDates(ProgrammePhase phase, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now)
    {
        EnsureDraft();
        SetDates(phase, startsOn, endsOn);

        // Targets and budget of years the contract no longer covers go with them.
        var draft = CurrentVersion;
        var years = Years;
        draft.Replace(new PlanContent(draft.Kpis, [.. draft.Targets.Where(t => years.Contains(t.Year))], [.. draft.Budget.Where(b => years.Contains(b.Year))]));
        Edited(now);
    }

    public void ChangeTerms(ReportingTerms terms, DateTimeOffset now)
    {
        EnsureDraft();
        terms.EnsureValid();
        Terms = terms;
        Edited(now);
    }

    public void ChangeResponsibleOfficial(Guid officialId, DateTimeOffset now)
    {
        ResponsibleOfficialId = officialId;
        UpdatedAt = now;
    }

    /// <summary>Adds an optional KPI (from the catalogue or the official's own) to the draft.</summary>
    public void AddKpi(ContractKpi kpi, DateTimeOffset now)
    {
        EnsureDraft();
        var draft = CurrentVersion;
        if (draft.Kpi(kpi.Code) is not null)
        {
            throw new BusinessRuleViolation("contract.kpi_duplicate", "The contract already has this KPI.", kpi.Code);
        }

        EnsureValidKpi(kpi);
        draft.Replace(draft.Content with { Kpis = [.. draft.Kpis, kpi] });
        Edited(now);
    }

    /// <summary>Removes an optional KPI and its targets from the draft; a mandatory KPI is never removed.</summary>
    public void RemoveKpi(string code, DateTimeOffset now)
    {
        EnsureDraft();
        var draft = CurrentVersion;
        var kpi = KpiOf(draft, code);
        if (kpi.IsMandatory)
        {
            throw new BusinessRuleViolation("contract.kpi_mandatory", "A mandatory KPI of the catalogue cannot be removed.", code);
        }

        draft.Replace(new PlanContent([.. draft.Kpis.Where(k => k.Code != code)], [.. draft.Targets.Where(t => t.KpiCode != code)], draft.Budget));
        Edited(now);
    }

    /// <summary>Sets a KPI's baseline, weight and targets per year in the draft (a year without a value has no target yet).</summary>
    public void SetKpi(string code, decimal? baseline, decimal weight, IReadOnlyList<KpiTarget> targets, DateTimeOffset now)
    {
        EnsureDraft();
        var draft = CurrentVersion;
        var kpi = KpiOf(draft, code) with { Baseline = baseline, Weight = weight };
        EnsureValidKpi(kpi);
        foreach (var target in targets)
        {
            if (target.KpiCode != code)
            {
                throw new ArgumentException("The targets must be the KPI's own.", nameof(targets));
            }

            EnsureValidTarget(kpi, target);
        }

        if (targets.Select(t => t.Year).Distinct().Count() != targets.Count)
        {
            throw new BusinessRuleViolation("contract.year_repeated", "Each year has one target.", code);
        }

        draft.Replace(new PlanContent(
            [.. draft.Kpis.Select(k => k.Code == code ? kpi : k)],
            [.. draft.Targets.Where(t => t.KpiCode != code), .. targets],
            draft.Budget));
        Edited(now);
    }

    /// <summary>Sets the draft's budget for the years given (each checked: amounts, and at least 70% of the cascade pool to SMEs).</summary>
    public void SetBudget(IReadOnlyList<BudgetYear> years, DateTimeOffset now)
    {
        EnsureDraft();
        EnsureValidBudget(years);
        var draft = CurrentVersion;
        var given = years.Select(y => y.Year).ToHashSet();
        draft.Replace(draft.Content with { Budget = [.. draft.Budget.Where(b => !given.Contains(b.Year)), .. years] });
        Edited(now);
    }

    /// <summary>What the draft still lacks before it can be signed: a budget for each year, a target for each KPI and year.</summary>
    public IReadOnlyList<PlanGap> Gaps()
    {
        var plan = CurrentVersion;
        var gaps = new List<PlanGap>();
        foreach (var year in Years)
        {
            if (plan.BudgetOf(year) is null)
            {
                gaps.Add(new PlanGap("budget", year, null));
            }

            gaps.AddRange(plan.Kpis.Where(k => plan.TargetOf(k.Code, year) is null).Select(k => new PlanGap("target", year, k.Code)));
        }

        return gaps;
    }

    // ---- Signing and the life of the contract ------------------------------------------------------------------------

    /// <summary>The coordinator signs the draft as it stands; it must be complete.</summary>
    public void SignAsCoordinator(Guid userId, DateTimeOffset now)
    {
        EnsureDraft();
        EnsureComplete();
        CoordinatorSignedAt = now;
        CoordinatorSignedBy = userId;
        UpdatedAt = now;
    }

    /// <summary>
    /// The official records the signatures of the State and the region on <paramref name="signedOn"/> (not in the future),
    /// after the coordinator's: the contract is signed and its plan frozen.
    /// </summary>
    public void Sign(Guid officialId, DateOnly signedOn, DateOnly today, DateTimeOffset now)
    {
        Move(ContractStatus.Signed);
        EnsureComplete();
        if (CoordinatorSignedAt is null)
        {
            throw new BusinessRuleViolation("contract.coordinator_not_signed", "The coordinator has not signed the contract yet.");
        }

        if (signedOn > today)
        {
            throw new BusinessRuleViolation("contract.signed_in_future", "The day of signing cannot be in the future.", signedOn);
        }

        Status = ContractStatus.Signed;
        SignedOn = signedOn;
        SignedBy = officialId;
        StatusChanged(now);
    }

    /// <summary>From its first day, a signed contract is put in force.</summary>
    public void Activate(DateOnly today, DateTimeOffset now)
    {
        Move(ContractStatus.Active);
        if (today < StartsOn)
        {
            throw new BusinessRuleViolation("contract.not_started", "The contract's first day has not come yet.", StartsOn);
        }

        Status = ContractStatus.Active;
        ActivatedAt = now;
        StatusChanged(now);
    }

    public void Suspend(string reason, DateTimeOffset now)
    {
        Move(ContractStatus.Suspended);
        StatusReason = CheckReason(reason, "contract.suspension_reason_required");
        Status = ContractStatus.Suspended;
        StatusChanged(now);
    }

    public void Resume(DateTimeOffset now)
    {
        if (Status != ContractStatus.Suspended)
        {
            throw NotAllowed(ContractStatus.Active);
        }

        Status = ContractStatus.Active;
        StatusChanged(now);
    }

    /// <summary>After its last day, with the final report accepted, the contract is completed.</summary>
    public void Complete(bool finalReportAccepted, DateOnly today, DateTimeOffset now)
    {
        Move(ContractStatus.Completed);
        if (today <= EndsOn)
        {
            throw new BusinessRuleViolation("contract.not_ended", "The contract runs until its last day.", EndsOn);
        }

        if (!finalReportAccepted)
        {
            throw new BusinessRuleViolation("contract.final_report_pending", "The final report has not been accepted yet.");
        }

        Status = ContractStatus.Completed;
        StatusChanged(now);
    }

    public void Terminate(string reason, DateOnly today, DateTimeOffset now)
    {
        Move(ContractStatus.Terminated);
        StatusReason = CheckReason(reason, "contract.termination_reason_required");
        Status = ContractStatus.Terminated;
        TerminatedOn = today;
        StatusChanged(now);
    }

    /// <summary>Whether the contract may move from its status to <paramref name="to"/>: the domain guide's lifecycle, nothing else.</summary>
    public static bool CanMove(ContractStatus from, ContractStatus to) => (from, to) switch
    {
        (ContractStatus.Draft, ContractStatus.Signed) => true,
        (ContractStatus.Signed, ContractStatus.Active) => true,
        (ContractStatus.Active, ContractStatus.Suspended) => true,
        (ContractStatus.Suspended, ContractStatus.Active) => true,
        (ContractStatus.Active, ContractStatus.Completed) => true,
        (ContractStatus.Active or ContractStatus.Suspended, ContractStatus.Terminated) => true,
        _ => false,
    };

    // ---- Amendments and achievement ----------------------------------------------------------------------------------

    /// <summary>The last day of the contract's part of <paramref name="year"/>.</summary>
    public DateOnly PeriodEndOf(int year)
    {
        var end = new DateOnly(year, 12, 31);
        return end < EndsOn ? end : EndsOn;
    }

    /// <summary>A year whose period has ended by <paramref name="today"/>: its targets and budget are history.</summary>
    public bool IsPastYear(int year, DateOnly today) => PeriodEndOf(year) < today;

    /// <summary>The version in force on <paramref name="day"/>: the latest effective by then (version 1 before any).</summary>
    public ContractVersion VersionInForceOn(DateOnly day) =>
        _versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => v.Number) ?? _versions.MinBy(v => v.Number)!;

    /// <summary>An approved amendment becomes the next version, in force from today.</summary>
    internal ContractVersion AddVersion(Guid amendmentId, PlanContent content, DateOnly today, DateTimeOffset now)
    {
        if (!IsInForce)
        {
            throw new BusinessRuleViolation("amendment.contract_not_in_force", "Only a signed contract in force is amended.", Status.ToString());
        }

        EnsureValidBudget(content.Budget);
        foreach (var target in content.Targets)
        {
            EnsureValidTarget(content.Kpis.Single(k => k.Code == target.KpiCode), target);
        }

        var version = new ContractVersion(Id, CurrentVersion.Number + 1, today > StartsOn ? today : StartsOn, amendmentId, now, content);
        _versions.Add(version);
        UpdatedAt = now;
        return version;
    }

    public void RecordAchievement(decimal? percent, int reports, DateTimeOffset now)
    {
        AchievementPercent = percent is { } p ? decimal.Round(p, 2) : null;
        AchievementReports = reports;
        AchievementUpdatedAt = now;
    }

    // ---- Rules ---------------------------------------------------------------------------------------------------------

    internal void EnsureValidTarget(ContractKpi kpi, KpiTarget target)
    {
        if (!Years.Contains(target.Year))
        {
            throw new BusinessRuleViolation("contract.year_outside_contract", "The contract does not cover this year.", target.Year);
        }

        kpi.EnsureValidValue(target.Value);
        if (kpi.Minimum is { } minimum && target.Value < minimum)
        {
            throw new BusinessRuleViolation("kpi.target_below_minimum", "The target is below the KPI's minimum.", kpi.Code, minimum);
        }
    }

    internal void EnsureValidBudget(IReadOnlyList<BudgetYear> years)
    {
        if (years.Select(y => y.Year).Distinct().Count() != years.Count)
        {
            throw new BusinessRuleViolation("contract.year_repeated", "Each year has one budget.", years[0].Year);
        }

        foreach (var year in years)
        {
            if (!Years.Contains(year.Year))
            {
                throw new BusinessRuleViolation("contract.year_outside_contract", "The contract does not cover this year.", year.Year);
            }

            year.EnsureValid();
        }
    }

    private static void EnsureValidKpi(ContractKpi kpi)
    {
        if (kpi.Weight <= 0 || kpi.Weight > ContractKpi.MaxWeight)
        {
            throw new BusinessRuleViolation("kpi.weight_out_of_range", $"A KPI's weight lies above 0 and at most {ContractKpi.MaxWeight}.", kpi.Code, ContractKpi.MaxWeight);
        }

        if (kpi.Baseline is { } baseline)
        {
            kpi.EnsureValidValue(baseline);
        }
    }

    private static ContractKpi KpiOf(ContractVersion version, string code) =>
        version.Kpi(code) ?? throw new BusinessRuleViolation("contract.kpi_unknown", "The contract has no such KPI.", code);

    private void SetDates(ProgrammePhase phase, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw new BusinessRuleViolation("contract.dates_invalid", "The contract ends before it starts.");
        }

        if (!phase.Contains(startsOn) || !phase.Contains(endsOn))
        {
            throw new BusinessRuleViolation("contract.dates_outside_phase", "The contract's dates lie within its phase.", phase.StartsOn, phase.EndsOn);
        }

        PhaseId = phase.Id;
        StartsOn = startsOn;
        EndsOn = endsOn;
        foreach (var version in _versions.Where(v => v.Number == 1))
        {
            version.StartFrom(startsOn);
        }
    }

    private void EnsureDraft()
    {
        if (!IsDraft)
        {
            throw new BusinessRuleViolation("contract.not_draft", "A signed contract's plan changes only by an amendment.", Status.ToString());
        }
    }

    private void EnsureComplete()
    {
        var gaps = Gaps();
        if (gaps.Count > 0)
        {
            throw new BusinessRuleViolation(
                "contract.plan_incomplete",
                "The plan is incomplete: every year needs a budget and every KPI a target.",
                string.Join(", ", gaps.Select(g => g.KpiCode is null ? $"{g.Kind} {g.Year}" : $"{g.KpiCode} {g.Year}")));
        }
    }

    private void Move(ContractStatus to)
    {
        if (!CanMove(Status, to))
        {
            throw NotAllowed(to);
        }
    }

    private BusinessRuleViolation NotAllowed(ContractStatus to) =>
        new("contract.transition_not_allowed", $"A contract cannot move from {Status} to {to}.", Status.ToString(), to.ToString());

    private static string CheckReason(string reason, string code)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinReasonLength || text.Length > MaxReasonLength)
        {
            throw new BusinessRuleViolation(code, $"Give a reason of {MinReasonLength} to {MaxReasonLength} characters.", MinReasonLength, MaxReasonLength);
        }

        return text;
    }

    private void Edited(DateTimeOffset now)
    {
        // The coordinator signed what the draft said before this change: he or she signs again.
        CoordinatorSignedAt = null;
        CoordinatorSignedBy = null;
        UpdatedAt = now;
    }

    private void StatusChanged(DateTimeOffset now)
    {
        StatusChangedAt = now;
        UpdatedAt = now;
    }
}
