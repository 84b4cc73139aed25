using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// The unique indexes that guard a rule when two commands race past the use case's own check (two officials inviting
/// the same address at once): the database refuses the second save, and the caller gets the rule's 409 code instead
/// of a 500. The providers name the index differently — PostgreSQL and SQL Server by its name, SQLite by its columns.
/// </summary>
internal static class UniqueIndexRules
{
    private static readonly IReadOnlyList<(Type Entity, string[] Properties, Func<BusinessRuleViolation> Violation)> Rules =
    [
        (typeof(Expert), [nameof(Expert.Email)], () => new BusinessRuleViolation("expert.email_taken", "This address is already in the expert pool.")),
        (typeof(Expert), [nameof(Expert.UserId)], () => new BusinessRuleViolation("expert.account_already_expert", "Your account is already in the expert pool.")),

        (typeof(ProgrammePhase), [nameof(ProgrammePhase.Number)], () => new BusinessRuleViolation("phase.number_taken", "Another phase has this number.")),

        // Two officials drafting the same cluster's contract at once: the second meets the rule the draft itself checks.
        (typeof(Domain.Contracts.ProgrammeContract), [nameof(Domain.Contracts.ProgrammeContract.PhaseId), nameof(Domain.Contracts.ProgrammeContract.ClusterId)],
            () => new BusinessRuleViolation("contract.already_exists", "The cluster already has a contract in this phase.")),

        // The same invitation accepted twice at once: both create an account with the invited address.
        // Two requests for the same person or the same vote at once: the second is what the use case itself refuses.
        (typeof(Domain.Certification.CommissionMember), [nameof(Domain.Certification.CommissionMember.CompetitionId), nameof(Domain.Certification.CommissionMember.UserId)],
            () => new BusinessRuleViolation("commission.member_exists", "This person is already on the competition's commission.")),
        (typeof(Domain.Certification.CommissionVote), [nameof(Domain.Certification.CommissionVote.VotingId), nameof(Domain.Certification.CommissionVote.ApplicationId), nameof(Domain.Certification.CommissionVote.MemberId)],
            () => new BusinessRuleViolation("commission.already_voted", "You have already voted on this application.")),
        (typeof(Domain.Certification.CommissionResolution), [nameof(Domain.Certification.CommissionResolution.Year), nameof(Domain.Certification.CommissionResolution.Sequence)],
            () => new BusinessRuleViolation("commission.resolution_number_taken", "Another resolution was recorded at the same moment; close the voting again.")),

        (typeof(Identity.AppUser), [nameof(Identity.AppUser.NormalizedUserName)], () => new BusinessRuleViolation("account.email_taken", "An account with this address exists already.")),
    ];

    /// <summary>The rule whose unique index refused the save, or null for any other failure.</summary>
    public static BusinessRuleViolation? Match(IModel model, DbUpdateException exception)
    {
        var message = exception.InnerException?.Message ?? "";
        foreach (var (entity, properties, violation) in Rules)
        {
            var entityType = model.FindEntityType(entity);
            var index = entityType?.GetIndexes().FirstOrDefault(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(properties));
            if (entityType is null || index is null)
            {
                continue;
            }

            var name = index.GetDatabaseName();
            var table = entityType.GetTableName();
            var sqliteColumns = string.Join(", ", index.Properties.Select(p => $"{table}.{p.GetColumnName()}"));
            if ((name is not null && (message.Contains($"\"{name}\"", StringComparison.Ordinal) || message.Contains($"'{name}'", StringComparison.Ordinal)))
                || message.Contains($"UNIQUE constraint failed: {sqliteColumns}'", StringComparison.Ordinal))
            {
                return violation();
            }
        }

        return null;
    }
}
