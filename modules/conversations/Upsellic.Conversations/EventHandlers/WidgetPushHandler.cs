using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework.EventBus;

namespace Upsellic.Conversations.EventHandlers;

/// <summary>Pushes committed changes to the shopper's widget. Runs after the commit, so a push never shows unsaved state.</summary>
public sealed class WidgetPushHandler(IHubContext<WidgetHub> hub, ConversationsDbContext db)
    : ILocalEventHandler<MessageAddedEto>, ILocalEventHandler<ConversationUpdatedEto>, ILocalEventHandler<ConversationQueuedEto>
{
    public Task HandleEventAsync(MessageAddedEto eventData, CancellationToken cancellationToken) =>
        hub.Clients.Group(WidgetHub.GroupName(eventData.ConversationId)).SendAsync(WidgetHub.MessageAddedEvent, eventData.Message, cancellationToken);

    public Task HandleEventAsync(ConversationUpdatedEto eventData, CancellationToken cancellationToken) =>
        PushConversationAsync(eventData.ConversationId, cancellationToken);

    /// <summary>The handoff: the widget shows that the team is being reached.</summary>
    public Task HandleEventAsync(ConversationQueuedEto eventData, CancellationToken cancellationToken) =>
        PushConversationAsync(eventData.ConversationId, cancellationToken);

    private async Task PushConversationAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is not null)
        {
            // Messages travel on their own event; the update carries the conversation's state only.
            await hub.Clients.Group(WidgetHub.GroupName(conversation.Id))
                .SendAsync(WidgetHub.ConversationUpdatedEvent, conversation.ToDto([]), cancellationToken);
        }
    }
}
