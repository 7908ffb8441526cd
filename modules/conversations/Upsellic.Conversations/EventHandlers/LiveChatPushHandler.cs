using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.EventHandlers;

/// <summary>
/// Pushes committed changes of handed-off conversations to every connected agent of the store. Conversations the AI
/// still handles stay out of the panel.
/// </summary>
public sealed class LiveChatPushHandler(IHubContext<LiveChatHub> hub, ConversationsDbContext db, ICurrentTenant currentTenant)
    : ILocalEventHandler<ConversationQueuedEto>, ILocalEventHandler<ConversationUpdatedEto>, ILocalEventHandler<MessageAddedEto>
{
    /// <summary>The handoff's own push, the one the agents wait for: it travels on the event, so it reads nothing.</summary>
    public async Task HandleEventAsync(ConversationQueuedEto eventData, CancellationToken cancellationToken)
    {
        // The bus runs handlers under the tenant of the conversation that raised the event.
        if (currentTenant.Id is { } tenantId)
        {
            await hub.Clients.Group(LiveChatHub.AgentsGroup(tenantId)).SendAsync(LiveChatHub.ConversationQueuedEvent, eventData.Conversation, cancellationToken);
        }
    }

    public async Task HandleEventAsync(ConversationUpdatedEto eventData, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == eventData.ConversationId, cancellationToken);
        if (conversation is { HandedOffAt: not null, TenantId: { } tenantId })
        {
            await hub.Clients.Group(LiveChatHub.AgentsGroup(tenantId)).SendAsync(LiveChatHub.ConversationUpdatedEvent, conversation.ToSummary(0), cancellationToken);
        }
    }

    /// <summary>The busiest push: after the handoff everything it needs travels on the event, so it reads nothing.</summary>
    public async Task HandleEventAsync(MessageAddedEto eventData, CancellationToken cancellationToken)
    {
        // HandedOff was read under the row lock that gave the message its sequence: a racing handoff is accounted for.
        if (eventData.HandedOff && currentTenant.Id is { } tenantId)
        {
            await hub.Clients.Group(LiveChatHub.AgentsGroup(tenantId))
                .SendAsync(LiveChatHub.MessageAddedEvent, new { conversationId = eventData.ConversationId, message = eventData.Message }, cancellationToken);
        }
    }
}
