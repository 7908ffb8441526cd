using Microsoft.AspNetCore.SignalR;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework.EventBus;
using Upsellic.Saas;

namespace Upsellic.Conversations.EventHandlers;

/// <summary>
/// A member removed from the team leaves the Live Chat at once: their tabs are forgotten (so routing skips them and the
/// conversations waiting for them move on), their open tabs are cut, and the team sees them offline.
/// </summary>
public sealed class RemovedMemberDisconnector(
    LiveChatConnections connections,
    AgentPresenceStore presence,
    IHubContext<LiveChatHub> hub) : ILocalEventHandler<TeamMemberRemovedEto>
{
    public async Task HandleEventAsync(TeamMemberRemovedEto eventData, CancellationToken cancellationToken)
    {
        await presence.DisconnectUserAsync(eventData.UserId, cancellationToken);
        connections.AbortAll(eventData.UserId);
        await hub.Clients.Group(LiveChatHub.AgentsGroup(eventData.TenantId))
            .SendAsync(LiveChatHub.PresenceChangedEvent, await presence.GetAsync(cancellationToken), cancellationToken);
    }
}
