using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Auditing;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Domain.ReferenceData;
using KkkCompetition.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// The one database model, for all three providers. Every save bumps the concurrency token of changed
/// entities and, inside a command, appends the chained audit entries of what changed.
/// </summary>
public sealed class KkkDbContext(DbContextOptions<KkkDbContext> options, AuditTrail? auditTrail = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditVerification> AuditVerifications => Set<AuditVerification>();
    public DbSet<Voivodeship> Voivodeships => Set<Voivodeship>();
    public DbSet<KisSpecialisation> KisSpecialisations => Set<KisSpecialisation>();
    public DbSet<KpiDefinition> KpiDefinitions => Set<KpiDefinition>();
    public DbSet<CriterionTemplate> CriterionTemplates => Set<CriterionTemplate>();
    public DbSet<Competition> Competitions => Set<Competition>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();
    public DbSet<KkkApplication> Applications => Set<KkkApplication>();
    public DbSet<ApplicationSnapshot> ApplicationSnapshots => Set<ApplicationSnapshot>();
    public DbSet<FormalCheck> FormalChecks => Set<FormalCheck>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<SubmissionCounter> SubmissionCounters => Set<SubmissionCounter>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();
    public DbSet<AssignmentOverride> AssignmentOverrides => Set<AssignmentOverride>();
    public DbSet<EvaluationResult> EvaluationResults => Set<EvaluationResult>();
    public DbSet<CertificationDecision> CertificationDecisions => Set<CertificationDecision>();
    public DbSet<KkkStatus> KkkStatuses => Set<KkkStatus>();
    public DbSet<ProgrammePhase> ProgrammePhases => Set<ProgrammePhase>();
    public DbSet<CommissionMember> CommissionMembers => Set<CommissionMember>();
    public DbSet<CommissionVoting> CommissionVotings => Set<CommissionVoting>();
    public DbSet<CommissionVote> CommissionVotes => Set<CommissionVote>();
    public DbSet<CommissionResolution> CommissionResolutions => Set<CommissionResolution>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<ProgrammeSettings> ProgrammeSettings => Set<ProgrammeSettings>();
    public DbSet<ProgrammeContract> ProgrammeContracts => Set<ProgrammeContract>();
    public DbSet<ContractVersion> ContractVersions => Set<ContractVersion>();
    public DbSet<ContractAmendment> ContractAmendments => Set<ContractAmendment>();
    public DbSet<KpiReport> KpiReports => Set<KpiReport>();
    public DbSet<KpiReportEvidence> KpiReportEvidence => Set<KpiReportEvidence>();

    public DbSet<PhaseEvaluation> PhaseEvaluations => Set<PhaseEvaluation>();

    public DbSet<ContractEvaluation> ContractEvaluations => Set<ContractEvaluation>();

    public DbSet<PhaseDecisionVoting> PhaseDecisionVotings => Set<PhaseDecisionVoting>();

    public DbSet<PhaseDecisionVote> PhaseDecisionVotes => Set<PhaseDecisionVote>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();
    public DbSet<ReminderRule> ReminderRules => Set<ReminderRule>();
    public DbSet<ReminderDispatch> ReminderDispatches => Set<ReminderDispatch>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    IQueryable<UserSummary> IAppDbContext.Users =>
        Set<AppUser>().AsNoTracking().Select(u => new UserSummary { Id = u.Id, UserName = u.UserName!, Email = u.Email, DisplayName = u.DisplayName, PreferredLanguage = u.PreferredLanguage });

    IQueryable<UserRoleLink> IAppDbContext.UserRoles =>
        from link in Set<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().AsNoTracking()
        join role in Set<AppRole>().AsNoTracking() on link.RoleId equals role.Id
        select new UserRoleLink(link.UserId, role.Name!);

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public void ExpectVersion(Entity entity, int expectedVersion)
    {
        if (entity.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }

        // Also checked by the database, in case someone saves between this read and our save.
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        auditTrail?.IsRecording == true
            ? throw new InvalidOperationException("Inside a command, save with SaveChangesAsync: auditing needs it.")
            : SaveWithVersions(() => base.SaveChanges(acceptAllChangesOnSuccess));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (auditTrail?.IsRecording != true || !ChangeTracker.HasChanges())
        {
            return await SaveWithVersions(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        }

        // The audit append and the change it records commit together, or not at all.
        if (Database.CurrentTransaction is not null)
        {
            await auditTrail.AppendAsync(this, cancellationToken);
            return await SaveWithVersions(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await auditTrail.AppendAsync(this, cancellationToken);
        var saved = await SaveWithVersions(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private int SaveWithVersions(Func<int> save)
    {
        BumpVersions();
        try
        {
            return save();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateException ex) when (UniqueIndexRules.Match(Model, ex) is { } rule)
        {
            throw rule;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw new DuplicateConflictException(ex);
        }
    }

    private async Task<int> SaveWithVersions(Func<Task<int>> save)
    {
        BumpVersions();
        try
        {
            return await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateException ex) when (UniqueIndexRules.Match(Model, ex) is { } rule)
        {
            throw rule;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw new DuplicateConflictException(ex);
        }
    }

    // Each provider reports a unique index's refusal its own way.
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };

    private void BumpVersions()
    {
        var tracked = ChangeTracker.Entries<Entity>().ToList();
        var byId = tracked.ToDictionary(e => e.Entity.Id);
        var changed = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entry in tracked)
        {
            if (entry.State == EntityState.Modified)
            {
                changed.Add(entry.Entity);
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && AggregateRootOf(entry, byId) is { } root)
            {
                changed.Add(root);
            }
        }

        foreach (var entity in changed)
        {
            entity.Version++;
        }
    }

    // A row added to, edited in or removed from an aggregate (a finding, a member, a criterion) changes its root: the
    // root's version moves with it, so a client holding the old version gets 409 even when nothing on the root itself
    // changed (e.g. two edits in the same clock tick leave its UpdatedAt as it was).
    private static Entity? AggregateRootOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Entity> entry, Dictionary<Guid, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Entity>> byId)
    {
        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            // The principal's own navigation to this row, deleted with it: the row is part of the principal's aggregate.
            if (foreignKey.PrincipalToDependent is null || foreignKey.DeleteBehavior != DeleteBehavior.Cascade || foreignKey.Properties.Count != 1)
            {
                continue;
            }

            var property = entry.Property(foreignKey.Properties[0].Name);
            var key = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            if (key is Guid id && byId.TryGetValue(id, out var principal) && principal.State is EntityState.Unchanged or EntityState.Modified)
            {
                return principal.Entity;
            }
        }

        return null;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type it can compare or sort; stored as UTC ticks, order is kept.
        // (Not DateTimeOffsetToBinaryConverter: it drops precision below 0.1 ms, which breaks the audit hashes.)
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(KkkDbContext).Assembly);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(entityType.ClrType).Ignore(nameof(Entity.DomainEvents));
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
        }
    }
}

/// <summary>A <see cref="DateTimeOffset"/> as its UTC ticks: full precision, sorts in time order.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
