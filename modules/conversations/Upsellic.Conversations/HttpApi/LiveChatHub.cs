using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas;

namespace Upsellic.Conversations.HttpApi;

/// <summary>
/// The agents' real-time channel. A connected tab that heartbeats makes its agent online (presence rows in
/// PostgreSQL); pushes: ConversationQueued, ConversationUpdated, MessageAdded, Typing, PresenceChanged. Thin: state
/// changes go through the API and are pushed after their commit.
/// </summary>
[Authorize(Policy = SaasPolicies.TenantUser)]
public sealed class LiveChatHub(AgentPresenceStore presence, LiveChatConnections connections, ICurrentUser currentUser, ICurrentTenant currentTenant) : Hub
{
    public const string Path = "/hubs/live-chat";
    public const string ConversationQueuedEvent = "ConversationQueued";
    public const string ConversationUpdatedEvent = "ConversationUpdated";
    public const string MessageAddedEvent = "MessageAdded";
    public const string PresenceChangedEvent = "PresenceChanged";

    public static string AgentsGroup(Guid tenantId) => $"agents:{tenantId:N}";

    public override async Task OnConnectedAsync()
    {
        await presence.ConnectAsync(Context.ConnectionId, currentUser.Id!.Value, currentUser.Name ?? "Agent", Context.ConnectionAborted);
        connections.Add(currentUser.Id!.Value, Context);
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup(currentTenant.Id!.Value), Context.ConnectionAborted);
            await PushPresenceAsync();
            await base.OnConnectedAsync();
        }
        catch
        {
            // SignalR calls OnDisconnectedAsync only after a successful connect: undo what was recorded here.
            connections.Remove(Context.ConnectionId);
            await presence.DisconnectAsync(Context.ConnectionId, CancellationToken.None);
            throw;
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await presence.DisconnectAsync(Context.ConnectionId, CancellationToken.None);
        await PushPresenceAsync();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Sent by each tab every few seconds; a tab that stops sending stops counting as online.</summary>
    public async Task Heartbeat()
    {
        // No row to refresh: the member was removed (on this host or another one), so this tab's session is over.
        if (!await presence.HeartbeatAsync(Context.ConnectionId, Context.ConnectionAborted))
        {
            Context.Abort();
        }
    }

    /// <summary>
    /// Answers at once and touches nothing: the round trip of the connection itself, the floor under every push
    /// (etc/benchmarks/LiveChatLatency sets the product's latencies next to it).
    /// </summary>
    public string Ping(string payload) => payload;

    public async Task SetAway(bool away)
    {
        await presence.SetAwayAsync(currentUser.Id!.Value, away, Context.ConnectionAborted);
        await PushPresenceAsync();
    }

    /// <summary>The agent is typing to the shopper of <paramref name="conversationId"/>: a hint for the widget.</summary>
    public async Task Typing(Guid conversationId, IHubContext<WidgetHub> widgetHub, ConversationsDbContext db)
    {
        // The tenant filter makes another store's conversation invisible here, so nobody can type into it.
        if (await db.Conversations.AnyAsync(c => c.Id == conversationId, Context.ConnectionAborted))
        {
            await widgetHub.Clients.Group(WidgetHub.GroupName(conversationId))
                .SendAsync(WidgetHub.TypingEvent, new TypingDto(MessageRole.Agent, currentUser.Name), Context.ConnectionAborted);
        }
    }

    private async Task PushPresenceAsync() =>
        await Clients.Group(AgentsGroup(currentTenant.Id!.Value))
            .SendAsync(PresenceChangedEvent, await presence.GetAsync(CancellationToken.None), CancellationToken.None);
}
