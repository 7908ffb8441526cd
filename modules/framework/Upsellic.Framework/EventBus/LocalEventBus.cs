using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.EventBus;

/// <summary>Handles a local event after the change that raised it has been committed.</summary>
public interface ILocalEventHandler<in TEvent>
{
    Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken);
}

public interface ILocalEventBus
{
    /// <summary>Calls every handler of the event now, under the tenant given (the tenant current when it was raised).</summary>
    Task PublishAsync(object eventData, Guid? tenantId, CancellationToken cancellationToken = default);
}

public sealed class LocalEventBus(IServiceProvider serviceProvider, ICurrentTenant currentTenant) : ILocalEventBus
{
    private static readonly ConcurrentDictionary<Type, Func<LocalEventBus, object, CancellationToken, Task>> Dispatchers = new();

    private static readonly MethodInfo DispatchMethod =
        typeof(LocalEventBus).GetMethod(nameof(DispatchAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task PublishAsync(object eventData, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var dispatch = Dispatchers.GetOrAdd(eventData.GetType(), type =>
        {
            var method = DispatchMethod.MakeGenericMethod(type);
            return (bus, data, ct) => (Task)method.Invoke(bus, [data, ct])!;
        });
        using (currentTenant.Change(tenantId))
        {
            await dispatch(this, eventData, cancellationToken);
        }
    }

    private async Task DispatchAsync<TEvent>(TEvent eventData, CancellationToken cancellationToken)
    {
        foreach (var handler in serviceProvider.GetServices<ILocalEventHandler<TEvent>>())
        {
            await handler.HandleEventAsync(eventData, cancellationToken);
        }
    }
}
