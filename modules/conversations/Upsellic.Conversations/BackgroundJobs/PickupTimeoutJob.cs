using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.BackgroundJobs;

public sealed record PickupTimeoutArgs(Guid ConversationId);

/// <summary>
/// Fires <see cref="LiveChatOptions.PickupTimeout"/> after a handoff to an online agent: if no agent has written yet,
/// the shopper is shown the store's other channels (the conversation stays in the queue, and a late agent still
/// reaches the shopper). Safe to run twice; does nothing once an agent has answered.
/// </summary>
public sealed class PickupTimeoutJob(
    ConversationsDbContext db,
    MessageAppender appender,
    IWidgetSettingsIntegrationService widgetSettings,
    TimeProvider clock) : IBackgroundJob<PickupTimeoutArgs>
{
    public async Task ExecuteAsync(PickupTimeoutArgs args, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == args.ConversationId, cancellationToken);
        if (conversation is null || conversation.FirstAgentReplyAt is not null || conversation.ContactChannelsJson is not null
            || conversation.Status is not (ConversationStatus.AwaitingAgent or ConversationStatus.WithAgent))
        {
            return;
        }

        // Claimed once (the absence watcher may be offering at the same moment); the notice follows; the widget gets both.
        if (await widgetSettings.TryOfferOnceAsync(db, conversation, clock.GetUtcNow(), cancellationToken))
        {
            await appender.AppendAsync(conversation,
                new NewMessage(MessageRole.System, "Our team hasn't been able to join yet, sorry for the wait. You can also reach us here:"), cancellationToken);
        }
    }
}
