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

/// <summary>
/// Handlers run in a scope of their own: their DbContext is not the one whose commit raised the event, which is
/// still closing its transaction when the event is published.
/// </summary>
public sealed class LocalEventBus(IServiceScopeFactory scopeFactory, ICurrentTenant currentTenant) : ILocalEventBus
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object, CancellationToken, Task>> Dispatchers = new();

    private static readonly MethodInfo DispatchMethod =
        typeof(LocalEventBus).GetMethod(nameof(DispatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task PublishAsync(object eventData, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var dispatch = Dispatchers.GetOrAdd(eventData.GetType(), type =>
        {
            var method = DispatchMethod.MakeGenericMethod(type);
            return (services, data, ct) => (Task)method.Invoke(null, [services, data, ct])!;
        });
        using (currentTenant.Change(tenantId))
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await dispatch(scope.ServiceProvider, eventData, cancellationToken);
        }
    }

    private static async Task DispatchAsync<TEvent>(IServiceProvider serviceProvider, TEvent eventData, CancellationToken cancellationToken)
    {
        foreach (var handler in serviceProvider.GetServices<ILocalEventHandler<TEvent>>())
        {
            await handler.HandleEventAsync(eventData, cancellationToken);
        }
    }
}
