using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Upsellic.Framework.Domain;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.EntityFrameworkCore;

/// <summary>
/// Collects the local events of saved aggregates and publishes them only once the data is committed: right after
/// SaveChanges when no transaction is open, otherwise once the transaction has committed and its connection is back in
/// the pool (dropped on rollback). A handler therefore never sees a fact that could still be undone, and never holds a
/// second pooled connection while the first one waits for it: under load that wait would drain the pool.
/// One instance per scope (request, job).
/// </summary>
public sealed class LocalEventsInterceptor(ILocalEventBus eventBus, ICurrentTenant currentTenant)
    : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly List<(object Event, Guid? TenantId)> _collected = [];
    private readonly List<(object Event, Guid? TenantId)> _awaitingCommit = [];
    private readonly List<(object Event, Guid? TenantId)> _awaitingConnectionClose = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var pending = _collected.ToList();
        _collected.Clear();
        if (eventData.Context?.Database.CurrentTransaction is not null)
        {
            _awaitingCommit.AddRange(pending);
            return result;
        }

        await PublishAsync(pending, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => _collected.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _collected.Clear();
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingConnectionClose.AddRange(_awaitingCommit);
        _awaitingCommit.Clear();
        return Task.CompletedTask;
    }

    /// <summary>EF closes the connection it opened for the transaction when that transaction is disposed.</summary>
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => PublishCommittedAsync();

    /// <summary>A connection the caller opened is not closed but disposed with the context: its events go out then.</summary>
    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => PublishCommittedAsync();

    private async Task PublishCommittedAsync()
    {
        var pending = _awaitingConnectionClose.ToList();
        _awaitingConnectionClose.Clear();
        await PublishAsync(pending, CancellationToken.None);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Clear();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Clear();

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IHasLocalEvents>())
        {
            var tenantId = entry.Entity is IMultiTenant multiTenant ? multiTenant.TenantId ?? currentTenant.Id : currentTenant.Id;
            _collected.AddRange(entry.Entity.LocalEvents.Select(e => (e, tenantId)));
            entry.Entity.ClearLocalEvents();
        }
    }

    private async Task PublishAsync(List<(object Event, Guid? TenantId)> events, CancellationToken cancellationToken)
    {
        foreach (var (eventData, tenantId) in events)
        {
            await eventBus.PublishAsync(eventData, tenantId, cancellationToken);
        }
    }
}
