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

    /// <summary>The team members with a live tab, Away or not.</summary>
    public Task<IReadOnlyList<LiveAgentConnection>> GetConnectedAsync(CancellationToken cancellationToken) =>
        connections.GetLiveAsync(TenantId, clock.GetUtcNow() - options.Value.PresenceTimeout, cancellationToken);

    public async Task<IReadOnlyList<AgentPresenceDto>> GetAsync(CancellationToken cancellationToken)
    {
        var live = await GetConnectedAsync(cancellationToken);
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
/// Chooses who gets a handed-off conversation: among the available agents (a live tab, not Away), the one with the
/// fewest open conversations; on a tie, the one who has been idle longest (oldest last message, or none at all).
/// </summary>
public sealed class ConversationRouter(ConversationsDbContext db, AgentPresenceStore presence, ICurrentTenant currentTenant)
{
    /// <summary>What routing weighs for one connected agent.</summary>
    private sealed record AgentLoad(Guid UserId, bool Away, int Open, DateTimeOffset? LastActive);

    public async Task<AvailableAgent?> PickAgentAsync(Guid? except, CancellationToken cancellationToken)
    {
        var connected = (await presence.GetConnectedAsync(cancellationToken)).Where(a => a.UserId != except).ToList();
        if (connected.Count == 0)
        {
            return null;
        }

        // One round trip for all three (Away, open conversations, last message): the handoff waits on routing, and every
        // round trip adds to the time before the agents are told. Raw SQL bypasses the tenant filter, hence the explicit
        // tenant; user ids belong to one store anyway.
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Routing belongs to a store: no tenant is current.");
        var ids = connected.Select(a => a.UserId).ToArray();
        string awaiting = nameof(ConversationStatus.AwaitingAgent), withAgent = nameof(ConversationStatus.WithAgent);
        var loads = await db.Database.SqlQuery<AgentLoad>($"""
            SELECT agent.id AS "UserId",
                EXISTS (SELECT 1 FROM conversations."AgentAvailabilities" a
                    WHERE a."TenantId" = {tenantId} AND a."UserId" = agent.id AND a."Away") AS "Away",
                (SELECT count(*)::int FROM conversations."Conversations" c
                    WHERE c."TenantId" = {tenantId} AND c."Status" IN ({awaiting}, {withAgent}) AND c."AssignedAgentId" = agent.id) AS "Open",
                (SELECT max(m."CreatedAt") FROM conversations."Messages" m
                    WHERE m."AuthorUserId" = agent.id AND m."TenantId" = {tenantId}) AS "LastActive"
            FROM unnest({ids}) AS agent(id)
            """).ToListAsync(cancellationToken);
        var choice = loads.Where(l => !l.Away)
            .OrderBy(l => l.Open)
            .ThenBy(l => l.LastActive ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        return choice is null ? null : new AvailableAgent(choice.UserId, connected.First(a => a.UserId == choice.UserId).Name);
    }
}
