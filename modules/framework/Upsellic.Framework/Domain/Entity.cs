namespace Upsellic.Framework.Domain;

public abstract class Entity<TKey>
    where TKey : notnull
{
    public TKey Id { get; protected set; } = default!;
}

/// <summary>A consistency boundary. It records local events that are published after its changes are committed.</summary>
public abstract class AggregateRoot<TKey> : Entity<TKey>, IHasLocalEvents
    where TKey : notnull
{
    private readonly List<object> _localEvents = [];

    protected void AddLocalEvent(object eventData) => _localEvents.Add(eventData);

    IReadOnlyCollection<object> IHasLocalEvents.LocalEvents => _localEvents;

    void IHasLocalEvents.ClearLocalEvents() => _localEvents.Clear();
}

public interface IHasLocalEvents
{
    IReadOnlyCollection<object> LocalEvents { get; }

    void ClearLocalEvents();
}
