using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Upsellic.Assistant.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// Each tenant's snapshot (and its search index), kept in memory between replies. Every write through this host
/// drops the tenant's entry at once; the time limit bounds how long another host instance may answer from knowledge
/// that was changed elsewhere.
/// </summary>
public sealed class KnowledgeSnapshotCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, (KnowledgeSnapshot Snapshot, DateTimeOffset LoadedAt, long Generation)> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    public async Task<KnowledgeSnapshot> GetAsync(Guid tenantId, Func<CancellationToken, Task<KnowledgeSnapshot>> load, CancellationToken cancellationToken)
    {
        var generation = _generations.GetValueOrDefault(tenantId);
        if (_entries.TryGetValue(tenantId, out var entry) && entry.Generation == generation && clock.GetUtcNow() - entry.LoadedAt < MaxAge)
        {
            return entry.Snapshot;
        }

        var snapshot = await load(cancellationToken);
        // A write that happened while loading bumped the generation: keep its snapshot out of the cache.
        if (_generations.GetValueOrDefault(tenantId) == generation)
        {
            _entries[tenantId] = (snapshot, clock.GetUtcNow(), generation);
        }

        return snapshot;
    }

    public void Invalidate(Guid tenantId)
    {
        _generations.AddOrUpdate(tenantId, 1, (_, g) => g + 1);
        _entries.TryRemove(tenantId, out _);
    }
}

/// <summary>Where the engines get the knowledge of the tenant they answer for.</summary>
public interface IKnowledgeSnapshotSource
{
    Task<KnowledgeSnapshot> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Loads the current tenant's knowledge for the engines, through the cache.</summary>
public sealed class KnowledgeSnapshotProvider(AssistantDbContext db, ICurrentTenant currentTenant, KnowledgeSnapshotCache cache) : IKnowledgeSnapshotSource
{
    public Task<KnowledgeSnapshot> GetAsync(CancellationToken cancellationToken) =>
        currentTenant.Id is { } tenantId ? cache.GetAsync(tenantId, LoadAsync, cancellationToken) : Task.FromResult(KnowledgeSnapshot.Empty);

    private async Task<KnowledgeSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var store = await db.StoreProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var policies = await db.Policies.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var faq = await db.Faq.AsNoTracking().OrderBy(f => f.Position).ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().ToListAsync(cancellationToken);
        return new KnowledgeSnapshot(
            store?.Name ?? "our store",
            store?.Description ?? string.Empty,
            store?.Currency ?? "USD",
            policies.Select(p => new SnapshotPolicy(p.Topic, p.Text)).ToList(),
            faq.Select(f => new SnapshotFaq(f.Question, f.Answer)).ToList(),
            products.Select(p => new SnapshotProduct(p.Sku, p.Name, p.Description, p.Price, p.Url, p.Attributes,
                p.Variants.Select(v => new SnapshotVariant(v.Name, v.InStock)).ToList())).ToList(),
            orders.Select(o => new SnapshotOrder(o.Number, o.Email, o.Status, o.Carrier, o.TrackingNumber,
                o.Items.Select(i => new SnapshotOrderItem(i.Sku, i.Name, i.Quantity)).ToList(), o.PlacedAt, o.EstimatedDelivery)).ToList());
    }
}
