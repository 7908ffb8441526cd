using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework.EventBus;
using Upsellic.Saas;

namespace Upsellic.Conversations.EventHandlers;

/// <summary>
/// A member removed from the team leaves the Live Chat at once: their presence rows go (so routing skips them and the
/// conversations waiting for them move on), their open tabs are cut, and the team sees them offline.
/// </summary>
public sealed class RemovedMemberDisconnector(
    ConversationsDbContext db,
    LiveChatConnections connections,
    AgentPresenceStore presence,
    IHubContext<LiveChatHub> hub) : ILocalEventHandler<TeamMemberRemovedEto>
{
    public async Task HandleEventAsync(TeamMemberRemovedEto eventData, CancellationToken cancellationToken)
    {
        await db.AgentConnections.Where(c => c.UserId == eventData.UserId).ExecuteDeleteAsync(cancellationToken);
        connections.AbortAll(eventData.UserId);
        await hub.Clients.Group(LiveChatHub.AgentsGroup(eventData.TenantId))
            .SendAsync(LiveChatHub.PresenceChangedEvent, await presence.GetAsync(cancellationToken), cancellationToken);
    }
}
