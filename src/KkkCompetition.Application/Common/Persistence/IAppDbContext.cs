using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Common.Persistence;

/// <summary>
/// The database as the use cases see it. Handlers query it and change tracked aggregates; they do not
/// save: the pipeline saves, audits and commits once per command.
/// </summary>
public interface IAppDbContext
{
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<AuditChainHead> AuditChainHeads { get; }
    DbSet<AuditVerification> AuditVerifications { get; }
    DbSet<Voivodeship> Voivodeships { get; }
    DbSet<KisSpecialisation> KisSpecialisations { get; }
    DbSet<KpiDefinition> KpiDefinitions { get; }
    DbSet<CriterionTemplate> CriterionTemplates { get; }
    DbSet<Competition> Competitions { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Cluster> Clusters { get; }
    DbSet<ClusterMember> ClusterMembers { get; }
    DbSet<KkkApplication> Applications { get; }
    DbSet<ApplicationSnapshot> ApplicationSnapshots { get; }
    DbSet<FormalCheck> FormalChecks { get; }
    DbSet<CorrectionRequest> CorrectionRequests { get; }
    DbSet<SubmissionCounter> SubmissionCounters { get; }
    DbSet<Expert> Experts { get; }
    DbSet<ExpertAssignment> ExpertAssignments { get; }
    DbSet<AssignmentOverride> AssignmentOverrides { get; }
    DbSet<EvaluationResult> EvaluationResults { get; }
    DbSet<CertificationDecision> CertificationDecisions { get; }
    DbSet<KkkStatus> KkkStatuses { get; }
    DbSet<ProgrammePhase> ProgrammePhases { get; }
    DbSet<CommissionMember> CommissionMembers { get; }
    DbSet<CommissionVoting> CommissionVotings { get; }
    DbSet<CommissionVote> CommissionVotes { get; }
    DbSet<CommissionResolution> CommissionResolutions { get; }
    DbSet<Appeal> Appeals { get; }
    DbSet<ProgrammeSettings> ProgrammeSettings { get; }
    DbSet<ProgrammeContract> ProgrammeContracts { get; }
    DbSet<ContractVersion> ContractVersions { get; }
    DbSet<ContractAmendment> ContractAmendments { get; }
    DbSet<KpiReport> KpiReports { get; }
    DbSet<KpiReportEvidence> KpiReportEvidence { get; }
    DbSet<PhaseEvaluation> PhaseEvaluations { get; }
    DbSet<ContractEvaluation> ContractEvaluations { get; }
    DbSet<PhaseDecisionVoting> PhaseDecisionVotings { get; }
    DbSet<PhaseDecisionVote> PhaseDecisionVotes { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<NotificationPreference> NotificationPreferences { get; }
    DbSet<NotificationTemplate> NotificationTemplates { get; }
    DbSet<ReminderRule> ReminderRules { get; }
    DbSet<ReminderDispatch> ReminderDispatches { get; }

    /// <summary>Counts of users per role, from the identity store.</summary>
    IQueryable<UserSummary> Users { get; }

    /// <summary>Which user holds which role, from the identity store.</summary>
    IQueryable<UserRoleLink> UserRoles { get; }

    /// <summary>Declares the version the caller last read; saving then fails with 409 if it changed.</summary>
    void ExpectVersion(Domain.Common.Entity entity, int expectedVersion);
}

/// <summary>
/// A user as the use cases see one; <see cref="PreferredLanguage"/> is "pl" or "en" (the language of e-mails).
/// Init properties, not a positional record, so queries can filter on them after the projection.
/// </summary>
public sealed record UserSummary
{
    public required Guid Id { get; init; }
    public required string UserName { get; init; }
    public string? Email { get; init; }
    public required string DisplayName { get; init; }
    public required string PreferredLanguage { get; init; }
}

public sealed record UserRoleLink(Guid UserId, string Role);

/// <summary>One transaction per command, and the single save point of the pipeline.</summary>
public interface IUnitOfWork
{
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}

/// <summary>Turns the changes the current command made into chained audit entries.</summary>
public interface IAuditTrail
{
    /// <summary>Names the command whose changes the next saves belong to.</summary>
    void BeginCommand(string commandName);
}
