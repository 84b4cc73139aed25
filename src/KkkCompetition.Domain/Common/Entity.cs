namespace KkkCompetition.Domain.Common;

/// <summary>
/// Base of every persisted entity: a time-ordered id (Guid v7, so inserts stay index-friendly),
/// a concurrency token that the persistence layer bumps on every save, and the domain events raised
/// since the last save.
/// </summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    protected Entity() => Id = Guid.CreateVersion7();

    public Guid Id { get; protected set; }

    /// <summary>Incremented on every save; a stale value on update is a 409, never a silent overwrite.</summary>
    public int Version { get; set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
