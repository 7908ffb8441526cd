using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.Application;

public sealed record LiveAgentConnection(Guid UserId, string Name);

/// <summary>
/// The open Live Chat tabs of a store, shared by every host instance: PostgreSQL by default, Redis when configured
/// (<c>ConnectionStrings:Redis</c>). A tab counts while it heartbeats; see <see cref="AgentPresenceStore"/>.
/// </summary>
public interface IAgentConnectionStore
{
    Task ConnectAsync(Guid tenantId, string connectionId, Guid userId, string agentName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>False when the tab is no longer known (its member was removed, or it was pruned).</returns>
    Task<bool> HeartbeatAsync(Guid tenantId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken);

    Task DisconnectAsync(Guid tenantId, string connectionId, CancellationToken cancellationToken);

    Task DisconnectUserAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The tabs of the store that heartbeated after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<LiveAgentConnection>> GetLiveAsync(Guid tenantId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Forgets tabs of every store that have been silent since <paramref name="before"/>.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Tabs as rows of <c>conversations.AgentConnections</c>, filtered to the current tenant like any other entity.</summary>
public sealed class PostgresAgentConnectionStore(ConversationsDbContext db, IDataFilter dataFilter) : IAgentConnectionStore
{
    public async Task ConnectAsync(Guid tenantId, string connectionId, Guid userId, string agentName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.AgentConnections.Add(AgentConnection.Open(connectionId, userId, agentName, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> HeartbeatAsync(Guid tenantId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.AgentConnections.Where(c => c.ConnectionId == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, now), cancellationToken) > 0;

    public Task DisconnectAsync(Guid tenantId, string connectionId, CancellationToken cancellationToken) =>
        db.AgentConnections.Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);

    public Task DisconnectUserAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        db.AgentConnections.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<LiveAgentConnection>> GetLiveAsync(Guid tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.AgentConnections.AsNoTracking()
            .Where(c => c.LastSeenAt > since)
            .GroupBy(c => c.UserId)
            .Select(g => new LiveAgentConnection(g.Key, g.Max(c => c.AgentName)!))
            .ToListAsync(cancellationToken);

    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            await db.AgentConnections.Where(c => c.LastSeenAt < before).ExecuteDeleteAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Tabs in Redis, per store: a sorted set of connection ids scored by their last heartbeat, and a hash of who each
/// connection belongs to. A set of the stores that have tabs lets pruning find them all.
/// </summary>
public sealed class RedisAgentConnectionStore(IConnectionMultiplexer redis) : IAgentConnectionStore
{
    private const string Prefix = "upsellic:live-chat:";
    private static readonly RedisKey Stores = Prefix + "stores";

    private IDatabase Db => redis.GetDatabase();

    public async Task ConnectAsync(Guid tenantId, string connectionId, Guid userId, string agentName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The store list lives in another hash slot than the store's keys: outside the transaction, so a cluster accepts it.
        await Db.SetAddAsync(Stores, tenantId.ToString("N"));
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(Owners(tenantId), connectionId, $"{userId:N}|{agentName}");
        _ = transaction.SortedSetAddAsync(Seen(tenantId), connectionId, now.ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync();
    }

    public async Task<bool> HeartbeatAsync(Guid tenantId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only a known tab is refreshed (ZADD XX): a removed member's tab must not bring itself back.
        await Db.SortedSetAddAsync(Seen(tenantId), connectionId, now.ToUnixTimeMilliseconds(), SortedSetWhen.Exists);
        return await Db.SortedSetScoreAsync(Seen(tenantId), connectionId) is not null;
    }

    public Task DisconnectAsync(Guid tenantId, string connectionId, CancellationToken cancellationToken) =>
        ForgetAsync(tenantId, [connectionId]);

    public async Task DisconnectUserAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        var owners = await Db.HashGetAllAsync(Owners(tenantId));
        await ForgetAsync(tenantId, owners.Where(o => Parse(o.Value)?.UserId == userId).Select(o => (string)o.Name!).ToArray());
    }

    public async Task<IReadOnlyList<LiveAgentConnection>> GetLiveAsync(Guid tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var live = await Db.SortedSetRangeByScoreAsync(Seen(tenantId), since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start);
        if (live.Length == 0)
        {
            return [];
        }

        var owners = await Db.HashGetAsync(Owners(tenantId), live);
        return owners.Select(o => Parse(o)).OfType<LiveAgentConnection>()
            .GroupBy(o => o.UserId)
            .Select(g => new LiveAgentConnection(g.Key, g.Max(o => o.Name)!))
            .ToList();
    }

    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        foreach (var store in await Db.SetMembersAsync(Stores))
        {
            var tenantId = Guid.ParseExact((string)store!, "N");
            var silent = await Db.SortedSetRangeByScoreAsync(Seen(tenantId), double.NegativeInfinity, before.ToUnixTimeMilliseconds());
            await ForgetAsync(tenantId, silent.Select(s => (string)s!).ToArray());
        }
    }

    private async Task ForgetAsync(Guid tenantId, string[] connectionIds)
    {
        if (connectionIds.Length == 0)
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.SortedSetRemoveAsync(Seen(tenantId), connectionIds.Select(id => (RedisValue)id).ToArray());
        _ = transaction.HashDeleteAsync(Owners(tenantId), connectionIds.Select(id => (RedisValue)id).ToArray());
        await transaction.ExecuteAsync();
    }

    // The store's id in braces is the hash tag: both keys of a store share a cluster slot, as a transaction requires.
    private static RedisKey Seen(Guid tenantId) => $"{Prefix}{{{tenantId:N}}}:seen";

    private static RedisKey Owners(Guid tenantId) => $"{Prefix}{{{tenantId:N}}}:owners";

    private static LiveAgentConnection? Parse(RedisValue owner) =>
        owner.HasValue && ((string)owner!).Split('|', 2) is [var id, var name] && Guid.TryParseExact(id, "N", out var userId)
            ? new LiveAgentConnection(userId, name)
            : null;
}
