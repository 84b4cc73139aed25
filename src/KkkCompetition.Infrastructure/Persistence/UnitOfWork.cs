using KkkCompetition.Application.Common.Persistence;

namespace KkkCompetition.Infrastructure.Persistence;

public sealed class UnitOfWork(KkkDbContext db) : IUnitOfWork
{
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // A command sent from inside another command joins the outer transaction.
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
