using KkkCompetition.Application.Applications;
using KkkCompetition.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// The competition's <see cref="SubmissionCounter"/>, incremented by one UPDATE in the command's transaction. The UPDATE
/// locks the row until commit (SQLite: the transaction holds the database's write lock), so concurrent submissions take
/// turns and never share a number; a rolled-back submission gives its number back.
/// </summary>
internal sealed class SubmissionNumbers(KkkDbContext db) : ISubmissionNumbers
{
    public async Task<int> NextAsync(Guid competitionId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A submission number is taken inside the submitting command's transaction only.");
        }

        if (await IncrementAsync(competitionId, cancellationToken) == 0)
        {
            // The competition's first submission: add the row, then count as usual. Two first submissions at once cannot
            // both add it (the insert ignores a row another transaction added; the database makes the second one wait).
            await InsertIfMissingAsync(competitionId, cancellationToken);
            await IncrementAsync(competitionId, cancellationToken);
        }

        return await db.SubmissionCounters.AsNoTracking()
            .Where(c => c.CompetitionId == competitionId)
            .Select(c => c.LastNumber)
            .SingleAsync(cancellationToken);
    }

    private Task<int> IncrementAsync(Guid competitionId, CancellationToken cancellationToken) =>
        db.SubmissionCounters
            .Where(c => c.CompetitionId == competitionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);

    private Task InsertIfMissingAsync(Guid competitionId, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(SubmissionCounter))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var key = sql.DelimitIdentifier(entity.FindProperty(nameof(SubmissionCounter.CompetitionId))!.GetColumnName());
        var last = sql.DelimitIdentifier(entity.FindProperty(nameof(SubmissionCounter.LastNumber))!.GetColumnName());

        // Provider-specific on purpose: EF Core has no "insert unless present" that is safe under concurrency.
        var insert = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" =>
                $"INSERT INTO {table} ({key}, {last}) SELECT {{0}}, 0 WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {key} = {{0}})",
            _ => $"INSERT INTO {table} ({key}, {last}) VALUES ({{0}}, 0) ON CONFLICT DO NOTHING",
        };
        return db.Database.ExecuteSqlRawAsync(insert, [competitionId], cancellationToken);
    }
}
