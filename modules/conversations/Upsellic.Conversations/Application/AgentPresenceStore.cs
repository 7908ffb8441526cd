using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.Application;

public sealed record AvailableAgent(Guid UserId, string Name);

/// <summary>
/// Who of the current store's team is in the Live Chat panel right now: the open tabs come from the shared
/// <see cref="IAgentConnectionStore"/> (every host instance sees the same agents), and count only while they heartbeat
/// (<see cref="LiveChatOptions.PresenceTimeout"/>); "away" is the agent's own choice, kept in PostgreSQL.
/// </summary>
public sealed class AgentPresenceStore(
    IAgentConnectionStore connections,
    ConversationsDbContext db,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    IOptions<LiveChatOptions> options)
{
    private Guid TenantId => currentTenant.Id ?? throw new InvalidOperationException("Presence belongs to a store: no tenant is current.");

    public Task ConnectAsync(string connectionId, Guid userId, string agentName, CancellationToken cancellationToken) =>
        connections.ConnectAsync(TenantId, connectionId, userId, agentName, clock.GetUtcNow(), cancellationToken);

    /// <returns>False when the tab's record is gone: its member was removed, so the tab's session is over.</returns>
    public Task<bool> HeartbeatAsync(string connectionId, CancellationToken cancellationToken) =>
        connections.HeartbeatAsync(TenantId, connectionId, clock.GetUtcNow(), cancellationToken);

    public Task DisconnectAsync(string connectionId, CancellationToken cancellationToken) =>
        connections.DisconnectAsync(TenantId, connectionId, cancellationToken);

    public Task DisconnectUserAsync(Guid userId, CancellationToken cancellationToken) =>
        connections.DisconnectUserAsync(TenantId, userId, cancellationToken);

    /// <summary>A tab silent for ten presence timeouts is gone for good; its record only slows presence down.</summary>
    public Task PruneAsync(CancellationToken cancellationToken) =>
        connections.PruneAsync(clock.GetUtcNow() - (options.Value.PresenceTimeout * 10), cancellationToken);

    public async Task SetAwayAsync(Guid userId, bool away, CancellationToken cancellationToken)
    {
        var availability = await db.AgentAvailabilities.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (availability is null)
        {
            availability = AgentAvailability.For(userId);
            db.AgentAvailabilities.Add(availability);
        }

        availability.SetAway(away);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AgentPresenceDto>> GetAsync(CancellationToken cancellationToken)
    {
        var live = await connections.GetLiveAsync(TenantId, clock.GetUtcNow() - options.Value.PresenceTimeout, cancellationToken);
        var userIds = live.Select(l => l.UserId).ToList();
        var away = await db.AgentAvailabilities.AsNoTracking()
            .Where(a => a.Away && userIds.Contains(a.UserId))
            .Select(a => a.UserId)
            .ToListAsync(cancellationToken);
        return live.Select(l => new AgentPresenceDto(l.UserId, l.Name, away.Contains(l.UserId) ? "Away" : "Online"))
            .OrderBy(p => p.Name)
            .ToList();
    }

    public async Task<IReadOnlyList<AvailableAgent>> GetAvailableAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Where(p => p.Status == "Online").Select(p => new AvailableAgent(p.UserId, p.Name)).ToList();
}

/// <summary>
/// Chooses who gets a handed-off conversation: among the available agents, the one with the fewest open
/// conversations; on a tie, the one who has been idle longest (oldest last message, or none at all).
/// </summary>
public sealed class ConversationRouter(ConversationsDbContext db, AgentPresenceStore presence)
{
    public async Task<AvailableAgent?> PickAgentAsync(Guid? except, CancellationToken cancellationToken)
    {
        var available = (await presence.GetAvailableAsync(cancellationToken)).Where(a => a.UserId != except).ToList();
        if (available.Count == 0)
        {
            return null;
        }

        var ids = available.Select(a => a.UserId).ToList();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => (c.Status == ConversationStatus.AwaitingAgent || c.Status == ConversationStatus.WithAgent)
                && c.AssignedAgentId != null && ids.Contains(c.AssignedAgentId.Value))
            .GroupBy(c => c.AssignedAgentId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        var lastActive = await db.Messages.AsNoTracking()
            .Where(m => m.AuthorUserId != null && ids.Contains(m.AuthorUserId.Value))
            .GroupBy(m => m.AuthorUserId!.Value)
            .Select(g => new { AgentId = g.Key, Last = g.Max(m => m.CreatedAt) })
            .ToDictionaryAsync(x => x.AgentId, x => x.Last, cancellationToken);
        return available
            .OrderBy(a => open.GetValueOrDefault(a.UserId))
            .ThenBy(a => lastActive.TryGetValue(a.UserId, out var last) ? last : DateTimeOffset.MinValue)
            .First();
    }
}
